"""Benchmark of the outbound webhooks: N events fanned out to S subscribers (default 1,000 × 20).

Creates its own database and RabbitMQ vhost, subscribes S endpoints of a fast local receiver
(bench/webhooks/receiver.py, a separate process), starts the real worker process
(`fibreflow-notifications worker`: consumer → fan-out into the delivery queue → deliverer),
publishes N ``ticket.created`` events on the exchange, and measures:
  - the time from the first publish until all N × S deliveries were received;
  - the delay from each event's ``occurred_at`` to its receipt (p50 / p99 / max), over every delivery;
  - duplicates and missing deliveries (each event must reach each subscriber once).

    .venv/bin/python bench/webhooks/bench_webhooks.py [--events 1000] [--subscribers 20] [--rate 0]

``--rate 0`` publishes as fast as possible (a burst); ``--rate R`` paces R events per second.
Worker settings come from the environment (WEBHOOK_CONCURRENCY, WEBHOOK_BATCH_SIZE, …).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import pika  # noqa: E402

from fibreflow_shared.db import drop_database, packaged_migrations, run_migrations, transaction  # noqa: E402
from fibreflow_shared.messaging.envelope import make_event  # noqa: E402
from fibreflow_shared.messaging.topology import connect, declare_exchanges, declare_topology  # noqa: E402
from fibreflow_shared.testing import infra  # noqa: E402
from fibreflow_shared.timeutil import iso, parse_time, utc_now  # noqa: E402

EXCHANGE = "fibreflow.events"
TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def ticket(i: int) -> dict:
    return {"id": str(uuid.uuid4()), "ticket_uid": f"FT{100000 + i}", "title": f"Bench ticket {i}",
            "description": "d", "source": "qcontact", "source_reference": None, "type": "fault", "category": None,
            "priority": "medium", "status": "new", "drop_number": None, "project_id": None, "project_name": None,
            "pole_number": None, "zone": None, "address": None, "pon": None, "latitude": None, "longitude": None,
            "install_date": None, "assigned_to": None, "assigned_team": None, "created_by": str(uuid.uuid4()),
            "created_at": "2026-12-02T08:00:00+00:00", "updated_at": "2026-12-02T08:00:00+00:00", "due_at": None,
            "closed_at": None, "issue_type": None, "client_name": None, "client_phone": None, "client_email": None,
            "client_account_id": None, "billing_type": None, "billing_status": None, "sla_state": None, "tags": []}


def subscribe(url: str, port: int, n: int) -> None:
    from notifications.adapters.webhook_delivery import WebhookHttp
    from notifications.bootstrap import bootstrap
    from notifications.config import load
    from notifications.service_layer.outbound_webhooks import create_subscription

    container = bootstrap(load(database_url=url))
    http = WebhookHttp(["127.0.0.1/32"], 5.0)
    with transaction(container.sessions) as session:
        for i in range(n):
            create_subscription(session, container.deps, http, url=f"http://127.0.0.1:{port}/s{i}",
                                event_types=["ticket.*"] if i % 2 else ["ticket.created"])
    container.close()


def publish(broker: str, events: list[dict], rate: float) -> float:
    conn = connect(broker)
    ch = conn.channel()
    ch.confirm_delivery()
    started = time.time()
    for i, event in enumerate(events):
        if rate:
            wait = started + i / rate - time.time()
            if wait > 0:
                time.sleep(wait)
        event["occurred_at"] = iso(utc_now())  # the delay is measured from the moment it is published
        ch.basic_publish(EXCHANGE, event["type"], json.dumps(event).encode(),
                         pika.BasicProperties(content_type="application/json", delivery_mode=2,
                                              message_id=event["id"]))
    conn.close()
    return started


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=1000)
    ap.add_argument("--subscribers", type=int, default=20)
    ap.add_argument("--rate", type=float, default=0.0, help="events per second; 0 = as fast as possible")
    ap.add_argument("--timeout", type=float, default=300.0)
    args = ap.parse_args()

    from notifications.service_layer.consumers import SUBSCRIPTIONS

    run = infra.unique_suffix()
    url = infra.create_database(f"ff_bench_hooks_{run}")
    vhost = f"ff_bench_{run}"
    infra.create_vhost(vhost)
    broker = infra.broker_url(vhost)
    port = infra.free_port()
    out = Path(tempfile.mkdtemp()) / "received.txt"
    receiver = worker = None
    expected = args.events * args.subscribers
    results: dict[str, object] = {"events": args.events, "subscribers": args.subscribers,
                                  "rate": args.rate or "burst", "expected_deliveries": expected}
    try:
        run_migrations(packaged_migrations("notifications"), url)
        declare_topology(broker, EXCHANGE, {"notifications": SUBSCRIPTIONS}, 2000)
        receiver = subprocess.Popen([sys.executable, str(Path(__file__).parent / "receiver.py"), str(port), str(out)],
                                    stdout=subprocess.PIPE, text=True)
        assert receiver.stdout is not None and receiver.stdout.readline().strip() == "ready"
        subscribe(url, port, args.subscribers)
        env = dict(os.environ, DATABASE_URL=url, BROKER_URL=broker, LOG_LEVEL="WARNING", EVENTS_EXCHANGE=EXCHANGE,
                   WEBHOOK_ALLOWED_NETWORKS="127.0.0.1/32")
        worker = subprocess.Popen([str(ROOT / ".venv/bin/fibreflow-notifications"), "worker"], env=env)
        time.sleep(4)  # connections, queue consumer up
        events = [make_event("ticket.created", {"ticket": ticket(i)}, producer="ticket-core")
                  for i in range(args.events)]
        cpu0 = cpu_seconds(worker.pid)
        started = publish(broker, events, args.rate)
        results["publish_seconds"] = round(time.time() - started, 2)
        from sqlalchemy import create_engine, text

        from fibreflow_shared.db import normalise_url

        engine = create_engine(normalise_url(url))
        deadline = time.time() + args.timeout
        done = 0
        while time.time() < deadline:
            with engine.connect() as conn:
                done = conn.execute(text("SELECT count(*) FROM webhook_deliveries WHERE status = 'delivered'")).scalar()
            if done >= expected:
                break
            time.sleep(0.2)
        results["worker_cpu_seconds"] = round(cpu_seconds(worker.pid) - cpu0, 1)
        with engine.connect() as conn:  # where the time went: queued after the event, sent after queued
            stages = conn.execute(text(
                "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM created_at - event_occurred_at)),"
                " percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM created_at - event_occurred_at)),"
                " percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM delivered_at - created_at)),"
                " percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM delivered_at - created_at))"
                " FROM webhook_deliveries")).one()
        results["queued_after_event_s"] = {"p50": round(stages[0], 3), "p99": round(stages[1], 3)}
        results["delivered_after_queued_s"] = {"p50": round(stages[2], 3), "p99": round(stages[3], 3)}
        engine.dispose()
    finally:
        if worker is not None:
            worker.terminate()
            worker.wait(30)
        if receiver is not None:
            receiver.terminate()
            receiver.wait(30)
        drop_database(url)
        infra.delete_vhost(vhost)
    occurred = {e["id"]: parse_time(e["occurred_at"]).timestamp() for e in events}
    lines = [line.split() for line in out.read_text().splitlines() if line.strip()]
    pairs = [(path, event_id) for _at, path, _wid, event_id in lines]
    delays = [float(at) - occurred[event_id] for at, _path, _wid, event_id in lines]
    last = max(float(at) for at, *_ in lines) if lines else started
    results.update({
        "received": len(lines), "unique": len(set(pairs)), "duplicates": len(pairs) - len(set(pairs)),
        "missing": expected - len(set(pairs)),
        "all_delivered_after_s": round(last - started, 2),
        "deliveries_per_second": round(len(lines) / max(last - started, 1e-9)),
        "delay_s": {"p50": round(statistics.median(delays), 3), "p99": round(percentile(delays, 99), 3),
                    "max": round(max(delays), 3)} if delays else None,
    })
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
