"""Deadlock-free batches (issue #11 item 7): competing batch consumers that touch the same rows
in opposite orders (as after a database outage, when requeued batches are redelivered mixed)
never deadlock: each batch takes its events' lock keys in one sorted order first."""
from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from sqlalchemy import text

from fibreflow_shared.messaging.consumer import EventConsumer, _Delivery
from fibreflow_shared.messaging.envelope import make_event

pytestmark = pytest.mark.integration
KEYS = [f"ticket-{i:02d}" for i in range(12)]


@pytest.fixture()
def counters(engine: Any) -> Any:
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE IF NOT EXISTS lock_counters (key text PRIMARY KEY, n int NOT NULL)"))
        conn.execute(text("TRUNCATE lock_counters"))
        conn.execute(text("INSERT INTO lock_counters SELECT k, 0 FROM unnest(CAST(:k AS text[])) k"), {"k": KEYS})
    return engine


def bump(session: Any, event: dict[str, Any]) -> None:
    """Locks the event's row, then lingers so two batches surely overlap."""
    session.execute(text("UPDATE lock_counters SET n = n + 1 WHERE key = :k"), {"k": event["data"]["key"]})
    time.sleep(0.02)


def run_concurrently(consumer: EventConsumer, batches: list[list[dict[str, Any]]]) -> list[BaseException]:
    errors: list[BaseException] = []
    barrier = threading.Barrier(len(batches))

    def apply(events: list[dict[str, Any]]) -> None:
        barrier.wait()
        try:
            consumer.process_batch([_Delivery(None, None, b"", e) for e in events])
        except BaseException as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(exc)

    threads = [threading.Thread(target=apply, args=(b,)) for b in batches]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return errors


def test_opposite_order_batches_over_the_same_rows_do_not_deadlock(sessions, counters) -> None:
    consumer = EventConsumer("svc", sessions, "amqp://unused", "x", {"thing.bumped": bump}, batch_size=64,
                             lock_key=lambda event: event["data"]["key"])
    events = [make_event("thing.bumped", {"key": k}, producer="test") for k in KEYS]
    # Three batches: the same events (redelivered copies) forwards, backwards and interleaved.
    errors = run_concurrently(consumer, [events, events[::-1], events[1::2] + events[::2]])
    assert errors == [], [str(e).splitlines()[0] for e in errors]
    with counters.connect() as conn:
        counts = dict(conn.execute(text("SELECT key, n FROM lock_counters")).all())
        processed = conn.execute(text("SELECT count(*) FROM processed_events")).scalar_one()
    assert counts == {k: 1 for k in KEYS}, "each event applied exactly once"
    assert processed == len(KEYS)


def test_a_deadlock_is_retried_once_without_counting_an_attempt(sessions, engine) -> None:
    """When a batch still meets a deadlock (a lock taken outside the consumer) it is run again at
    once, and the events are neither retried through the retry queue nor dead-lettered."""
    from sqlalchemy.exc import OperationalError

    calls = [0]

    class Deadlock(Exception):
        sqlstate = "40P01"

    def deadlock_once(session: Any, event: dict[str, Any]) -> None:
        calls[0] += 1
        if calls[0] == 1:
            raise OperationalError("UPDATE ...", {}, Deadlock("deadlock detected"))
        session.execute(text("INSERT INTO effects (event_id, value) VALUES (:i, 'ok')"), {"i": event["id"]})

    consumer = EventConsumer("svc", sessions, "amqp://unused", "x", {"thing.created": deadlock_once}, batch_size=8)
    channel = RecordingChannel()
    event = make_event("thing.created", {}, producer="test")
    consumer._pending = [_Delivery(Tag(1), Props(), b"{}", event)]
    consumer._flush(channel)
    assert channel.calls == [("ack", 1, True)], "acked after the in-place retry: no nack, no retry copy"
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM effects WHERE event_id = :i"), {"i": event["id"]}).scalar() == 1


class Tag:
    def __init__(self, tag: int) -> None:
        self.delivery_tag = tag


class Props:
    headers: dict[str, Any] = {}
    content_type = message_id = type = correlation_id = None


class RecordingChannel:
    def __init__(self) -> None:
        self.calls: list[tuple[Any, ...]] = []

    def basic_ack(self, tag: int, multiple: bool = False) -> None:
        self.calls.append(("ack", tag, multiple))

    def basic_nack(self, tag: int, multiple: bool = False, requeue: bool = True) -> None:
        self.calls.append(("nack", tag, multiple, requeue))

    def basic_publish(self, *args: Any, **kw: Any) -> None:
        self.calls.append(("publish", args[0]))
