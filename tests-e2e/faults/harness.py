"""What every fault test does: a burst of tickets through the gateway, then counting what became of
each one in every service's database and the broker's queues, the way an outsider would check.

A ticket is **created** when the gateway answered 201 (a refused POST is not a promise). It is
**lost** when, after catch-up, any service lacks its effect: the ticket row (ticket-core), its SLA
resolution clock (sla; a response clock too where a target exists), the SLA due date copied back (ticket-core's read model, via sla.updated), its billing
record (billing), its complaint SMS (notifications). It is **duplicated** when any effect exists
more than once. Dead letters are counted per service queue, before and after.
"""
from __future__ import annotations

import json
import os
import secrets
import threading
import time
from contextlib import contextmanager
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

import pika
import requests
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine

from fibreflow_shared.db import normalise_url
from fibreflow_shared.messaging.topology import QueueNames

ROOT = Path(__file__).resolve().parents[2]
REPORT = ROOT / "var" / "faults-report.md"
CONSUMERS = ("ticket-core", "sla", "billing", "notifications")
EXCHANGE = "fibreflow.events"
# Seconds after the burst before a missing effect counts as lost.
CATCH_UP_LIMIT = float(os.environ.get("FAULT_CATCH_UP", "180"))


@dataclass
class Burst:
    """The outcome of one burst: answered tickets (title → id) and refused requests."""

    label: str
    created: dict[str, str] = field(default_factory=dict)
    refused: list[str] = field(default_factory=list)
    sent: int = 0
    started: float = 0.0
    finished: float = 0.0

    @property
    def titles(self) -> list[str]:
        return list(self.created)

    @property
    def ids(self) -> list[str]:
        return list(self.created.values())


def ticket_body(title: str) -> dict[str, Any]:
    """A billing complaint: it touches every service (SLA clocks, billing record, an SMS)."""
    return {"title": title, "description": "fault suite", "type": "billing", "priority": "high",
            "issue_type": "incorrect_bill", "client_name": "Fault Suite", "client_phone": "071 555 0199"}


def run_burst(base_url: str, token: str, count: int, *, label: str, clients: int = 8) -> tuple[Burst, threading.Thread]:
    """Start ``count`` creates from ``clients`` threads in the background; each POST is sent once
    (no client retries: what the gateway acknowledged is what must arrive everywhere)."""
    burst = Burst(label=f"{label}-{secrets.token_hex(3)}")
    lock = threading.Lock()

    def one(i: int) -> None:
        title = f"fault {burst.label} #{i:04d}"
        try:
            resp = session().post(f"{base_url}/api/tickets", json=ticket_body(title), timeout=20)
            ok = resp.status_code == 201
            ident = resp.json()["data"]["id"] if ok else f"{resp.status_code}"
        except (requests.RequestException, ValueError, KeyError) as exc:
            ok, ident = False, type(exc).__name__
        with lock:
            burst.sent += 1
            if ok:
                burst.created[title] = ident
            else:
                burst.refused.append(f"{title}: {ident}")

    local = threading.local()

    def session() -> requests.Session:
        if not hasattr(local, "s"):
            local.s = requests.Session()
            local.s.headers["Authorization"] = f"Bearer {token}"
        return local.s

    def drive() -> None:
        burst.started = time.monotonic()
        with ThreadPoolExecutor(clients) as pool:
            list(pool.map(one, range(count)))
        burst.finished = time.monotonic()

    thread = threading.Thread(target=drive, name=f"burst-{label}", daemon=True)
    thread.start()
    return burst, thread


def wait_progress(burst: Burst, sent: int, timeout: float = 120.0) -> None:
    """Block until ``sent`` requests of the burst have been answered (to time a fault mid-burst)."""
    deadline = time.monotonic() + timeout
    while burst.sent < sent:
        if time.monotonic() > deadline:
            raise AssertionError(f"burst stalled at {burst.sent} of {sent} requests")
        time.sleep(0.05)


# -- counting ----------------------------------------------------------------------------------
class Sinks:
    """Counts effects straight from each service's database (direct URLs, never the proxies)."""

    def __init__(self, direct_urls: dict[str, str]) -> None:
        self.engines: dict[str, Engine] = {
            name: create_engine(normalise_url(direct_urls[name]), pool_size=1, max_overflow=0, pool_pre_ping=True)
            for name in CONSUMERS}

    def close(self) -> None:
        for engine in self.engines.values():
            engine.dispose()

    def _rows(self, service: str, sql: str, **params: Any) -> list[Any]:
        with self.engines[service].connect() as conn:
            return list(conn.execute(text(sql), params).all())

    def count(self, burst: Burst) -> dict[str, Any]:
        """Per effect: how many tickets have it (``<effect>``) and how many extra copies exist."""
        ids, titles = burst.ids, burst.titles
        tickets = self._rows("ticket-core", "SELECT title, count(*), count(due_at) FROM tickets "
                             "WHERE title = ANY(:t) GROUP BY title", t=titles)
        clocks = self._rows("sla", "SELECT ticket_id, kind, count(*) FROM sla_clocks "
                            "WHERE ticket_id = ANY(CAST(:i AS uuid[])) GROUP BY ticket_id, kind", i=ids)
        starts = self._rows("sla", "SELECT count(*) - count(DISTINCT clock_id) FROM sla_clock_history "
                            "WHERE ticket_id = ANY(CAST(:i AS uuid[])) AND action = 'started'", i=ids)
        billing = self._rows("billing", "SELECT ticket_id, count(*) FROM ticket_billing "
                             "WHERE ticket_id = ANY(CAST(:i AS uuid[])) GROUP BY ticket_id", i=ids)
        sms = self._rows("notifications", "SELECT ticket_id, count(*) FROM notifications WHERE ticket_id = "
                         "ANY(CAST(:i AS uuid[])) AND template = 'billing_created.sms' GROUP BY ticket_id", i=ids)
        return {
            "tickets": len(tickets), "tickets_dup": sum(n - 1 for _, n, _ in tickets),
            "read_model": sum(1 for _, _, due in tickets if due),
            "clocks": sum(1 for _, kind, _ in clocks if kind == "resolution"),
            "clocks_dup": sum(n - 1 for _, _, n in clocks) + int(starts[0][0] or 0),
            "billing": len(billing), "billing_dup": sum(n - 1 for _, n in billing),
            "sms": len(sms), "sms_dup": sum(n - 1 for _, n in sms),
        }

    def processed_events(self) -> dict[str, int]:
        """Rows in each consumer's processed_events (a re-delivered event must not add one)."""
        return {name: int(self._rows(name, "SELECT count(*) FROM processed_events")[0][0]) for name in CONSUMERS}

    def outbox_backlog(self) -> int:
        return sum(int(self._rows(name, "SELECT count(*) FROM outbox WHERE published_at IS NULL")[0][0])
                   for name in CONSUMERS)


EFFECTS = ("tickets", "read_model", "clocks", "billing", "sms")


def queue_depths(broker_url: str, retry_delay_ms: int) -> dict[str, int]:
    """Messages waiting in every consumer's work, retry and dead queues (passive declares)."""
    conn = pika.BlockingConnection(pika.URLParameters(broker_url))
    out: dict[str, int] = {}
    try:
        channel = conn.channel()
        for service in CONSUMERS:
            names = QueueNames(EXCHANGE, service, retry_delay_ms)
            for queue in (names.work, names.retry, names.dead):
                try:
                    out[queue] = channel.queue_declare(queue, passive=True).method.message_count
                except pika.exceptions.ChannelClosedByBroker:  # no such queue (yet)
                    out[queue] = 0
                    channel = conn.channel()
    finally:
        conn.close()
    return out


def dead_letters(depths: dict[str, int]) -> dict[str, int]:
    return {q: n for q, n in depths.items() if q.endswith(".dead")}


@dataclass
class Outcome:
    """One line of the report."""

    fault: str
    created: int
    refused: int
    lost: int
    duplicated: int
    dead_letters: int
    catch_up_s: float
    burst_s: float
    detail: dict[str, Any] = field(default_factory=dict)

    def assert_clean(self, *, expected_dead: int = 0) -> None:
        assert (self.lost, self.duplicated, self.dead_letters) == (0, 0, expected_dead), self.explain()

    def explain(self) -> str:
        return f"{self.fault}: {json.dumps(self.__dict__, default=str)}"


def settle(burst: Burst, sinks: Sinks, broker_url: str, retry_delay_ms: int, dead_before: dict[str, int], fault: str,
           *, limit: float = CATCH_UP_LIMIT) -> Outcome:
    """Wait (bounded) until every acknowledged ticket has every effect and the queues are empty,
    then count. Catch-up time runs from the burst's last answer."""
    assert burst.finished, "settle() after the burst has finished"
    deadline = burst.finished + limit
    n = len(burst.created)
    while True:
        counts = sinks.count(burst)
        depths = queue_depths(broker_url, retry_delay_ms)
        waiting = sum(v for q, v in depths.items() if not q.endswith(".dead"))
        complete = all(counts[e] == n for e in EFFECTS) and waiting == 0 and sinks.outbox_backlog() == 0
        if complete or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    caught_up = time.monotonic() - burst.finished
    dead = sum(dead_letters(depths).values()) - sum(dead_before.values())
    lost = max(n - counts[e] for e in EFFECTS)
    dup = sum(counts[f"{e}_dup"] for e in ("tickets", "clocks", "billing", "sms"))
    return Outcome(fault, n, len(burst.refused), lost, dup, dead, round(caught_up, 1) if complete else float("inf"),
                   round(burst.finished - burst.started, 1),
                   {"counts": counts, "still_queued": waiting, "refused_sample": burst.refused[:3]})


# -- report --------------------------------------------------------------------------------------
def record(outcome: Outcome, path: Path = REPORT) -> None:
    """Add (or replace) this fault's row in var/faults-report.md (and its .json twin) and print it."""
    store = path.with_suffix(".json")
    path.parent.mkdir(parents=True, exist_ok=True)
    rows: dict[str, Any] = json.loads(store.read_text()) if store.exists() else {}
    rows[outcome.fault] = {k: v for k, v in outcome.__dict__.items()}
    store.write_text(json.dumps(rows, indent=2, default=str))
    lines = ["| fault | created | refused (5xx/timeout) | lost | duplicated | dead letters | catch-up s | burst s |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for row in rows.values():
        lines.append(f"| {row['fault']} | {row['created']} | {row['refused']} | {row['lost']} | {row['duplicated']} "
                     f"| {row['dead_letters']} | {row['catch_up_s']} | {row['burst_s']} |")
    path.write_text("# Fault suite (tests-e2e/faults)\n\n" + "\n".join(lines) + "\n")
    print("\n" + outcome.explain())


@contextmanager
def publisher(broker_url: str) -> Iterator[Any]:
    """A confirmed channel on the stack's vhost (direct, not through the proxy)."""
    conn = pika.BlockingConnection(pika.URLParameters(broker_url))
    try:
        channel = conn.channel()
        channel.confirm_delivery()
        yield channel
    finally:
        conn.close()


def poll(predicate: Callable[[], Any], timeout: float, interval: float = 0.25) -> Any:
    """``predicate()``'s first truthy value within ``timeout`` seconds, else None."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    return None
