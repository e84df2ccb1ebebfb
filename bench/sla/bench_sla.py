"""Benchmark of the sla service with 1,000,000 active clocks.

Creates its own database and RabbitMQ vhost, seeds N running clocks (none due during the run),
starts the real worker process (`fibreflow-sla worker`: consumer + relay + alert scanner), and
measures:
  1. scanner CPU at idle: the worker process's CPU seconds per minute with nothing due;
  2. alert latency: clocks whose 75 % crossing falls a few seconds ahead; time from the crossing
     instant to receiving sla.warning from the exchange;
  3. ticket.created → sla.updated latency under a burst (default 500 tickets/s for 10 s).

    .venv/bin/python bench/sla/bench_sla.py [--clocks 1000000] [--idle-seconds 60] [--rate 500] [--burst-seconds 10]
                                            [--bursts 2] [--pause-seconds 10]

``--bursts N`` repeats part 3 N times against the same worker (the machine is shared: one
burst alone is a noisy figure), ``--pause-seconds`` apart. The worker's own settings come from
the environment (e.g. SLA_CONSUMER_BATCH_SIZE=1 for one event per transaction).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import threading
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import pika  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402

from fibreflow_shared.db import drop_database, normalise_url, packaged_migrations, run_migrations  # noqa: E402
from fibreflow_shared.messaging.envelope import make_event  # noqa: E402
from fibreflow_shared.messaging.topology import connect, declare_exchanges, declare_topology  # noqa: E402
from fibreflow_shared.testing import infra  # noqa: E402
from sla.service_layer.consumers import SUBSCRIPTIONS  # noqa: E402

EXCHANGE = "fibreflow.events"
TICKS = os.sysconf("SC_CLK_TCK")


def seed(url: str, n: int) -> float:
    """N running wall-clock clocks whose next crossing lies 1 h .. 7 days ahead."""
    t0 = time.perf_counter()
    engine = create_engine(normalise_url(url))
    with engine.begin() as conn:
        conn.execute(text("""
            INSERT INTO sla_clocks (id, ticket_id, ticket_uid, kind, ticket_type, priority, started_at,
                                    target_minutes, due_at, state, next_event_at)
            SELECT gen_random_uuid(), gen_random_uuid(), 'FF-' || lpad(g::text, 7, '0'), 'resolution', 'build',
                   'medium', s, 2880, s + interval '48 hours', 'running', s + interval '36 hours'
            FROM (SELECT g, now() - interval '35 hours' + (random() * interval '7 days') AS s
                  FROM generate_series(1, :n) g) x"""), {"n": n})
    engine.dispose()
    with create_engine(normalise_url(url), isolation_level="AUTOCOMMIT").connect() as conn:
        conn.execute(text("VACUUM ANALYZE sla_clocks"))
    return time.perf_counter() - t0


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def listen(broker_url: str, keys: tuple[str, ...]) -> tuple[pika.BlockingConnection, str]:
    conn = connect(broker_url)
    ch = conn.channel()
    declare_exchanges(ch, EXCHANGE)
    queue = ch.queue_declare("", exclusive=True).method.queue
    for key in keys:
        ch.queue_bind(queue, EXCHANGE, routing_key=key)
    return conn, queue


def drain(conn: pika.BlockingConnection, queue: str, until: float, want: int, on_msg) -> int:
    ch = conn.channel()
    got = 0

    def cb(channel, method, _props, body) -> None:
        nonlocal got
        if on_msg(json.loads(body), time.time()) is not False:  # False: not a message we wait for
            got += 1
        channel.basic_ack(method.delivery_tag)

    ch.basic_qos(prefetch_count=1000)
    tag = ch.basic_consume(queue, cb)
    while got < want and time.time() < until:
        conn.process_data_events(time_limit=0.2)
    ch.basic_cancel(tag)
    return got


def burst(broker: str, rate: int, seconds: float, prefix: str, worker_pid: int) -> dict[str, object]:
    """Publish ``rate`` ticket.created per second for ``seconds``; latency to each sla.updated.

    The sla.updated listener runs in its own thread WHILE the burst is published (the first
    version only started reading after the last publish, so everything the worker published
    during the 10 s burst was stamped at 10 s or later: p50 ≥ ~5 s whatever the worker did).
    Also the worker's CPU time per event (consumer + relay + scanner), a figure that other work
    on the machine disturbs far less than the latencies, and the load average at the start."""
    load = os.getloadavg()[0]
    cpu0 = cpu_seconds(worker_pid)
    sent: dict[str, float] = {}
    total = int(rate * seconds)
    lat: list[float] = []
    arrivals: list[float] = []
    ready = threading.Event()
    start = time.time() + 3600  # set for real just before the first publish

    def on_msg(msg: dict, at: float) -> bool:
        sent_at = sent.get(msg["data"]["ticket_id"])
        if sent_at is None:
            return False
        lat.append(at - sent_at)
        arrivals.append(at - start)
        return True

    def listener() -> None:
        conn, queue = listen(broker, ("sla.updated",))  # pika connections belong to one thread
        ready.set()
        drain(conn, queue, time.time() + seconds + 180, total, on_msg)
        conn.close()

    thread = threading.Thread(target=listener, daemon=True)
    thread.start()
    ready.wait(30)
    pub_conn = connect(broker)
    pub = pub_conn.channel()
    props = pika.BasicProperties(content_type="application/json", delivery_mode=2)
    start = time.time()
    for i in range(total):
        due = start + i / rate
        while time.time() < due:
            time.sleep(0.0005)
        ts = datetime.now(timezone.utc).isoformat()
        tid = str(uuid.uuid4())
        event = make_event("ticket.created", {"ticket": {
            "id": tid, "ticket_uid": f"{prefix}-{i + 1:06d}", "title": "t", "description": "d",
            "source": "ff_internal", "type": "fault", "priority": "high", "status": "new",
            "created_by": tid, "created_at": ts, "updated_at": ts}}, producer="ticket-core")
        sent[tid] = time.time()
        pub.basic_publish(EXCHANGE, "ticket.created", json.dumps(event).encode(), props)
    publish_seconds = time.time() - start
    pub_conn.close()
    thread.join(seconds + 200)
    cpu = cpu_seconds(worker_pid) - cpu0
    per_second = [0] * (int(max(arrivals)) + 1 if arrivals else 0)
    for a in arrivals:
        per_second[int(a)] += 1
    return {"tickets": total, "load_avg_1m_at_start": round(load, 1),
            "worker_cpu_ms_per_event": round(cpu * 1000 / total, 2),
            "publish_seconds": round(publish_seconds, 2), "received": len(lat),
            "p50_s": round(percentile(lat, 50), 3) if lat else None,
            "p99_s": round(percentile(lat, 99), 3) if lat else None,
            "max_s": round(max(lat), 3) if lat else None,
            "throughput_per_s": round(len(lat) / (max(arrivals) if arrivals else 1), 1),
            "sla_updated_per_second": per_second}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clocks", type=int, default=1_000_000)
    ap.add_argument("--idle-seconds", type=float, default=60)
    ap.add_argument("--alerts", type=int, default=20)
    ap.add_argument("--rate", type=int, default=500)
    ap.add_argument("--burst-seconds", type=float, default=10)
    ap.add_argument("--bursts", type=int, default=1)
    ap.add_argument("--pause-seconds", type=float, default=10)
    args = ap.parse_args()

    run = infra.unique_suffix()
    url = infra.create_database(f"ff_bench_sla_{run}")
    vhost = f"ff_bench_{run}"
    infra.create_vhost(vhost)
    broker = infra.broker_url(vhost)
    worker = None
    results: dict[str, object] = {"clocks": args.clocks}
    try:
        run_migrations(packaged_migrations("sla"), url)
        declare_topology(broker, EXCHANGE, {"sla": SUBSCRIPTIONS}, 2000)
        results["seed_seconds"] = round(seed(url, args.clocks), 1)
        print(f"seeded {args.clocks} active clocks in {results['seed_seconds']} s", flush=True)
        env = dict(os.environ, DATABASE_URL=url, BROKER_URL=broker, LOG_LEVEL="WARNING")
        worker = subprocess.Popen([str(ROOT / ".venv/bin/fibreflow-sla"), "worker"], env=env)
        time.sleep(5)  # start-up: connections, first scan

        # 1. idle CPU
        c0, t0 = cpu_seconds(worker.pid), time.time()
        time.sleep(args.idle_seconds)
        c1, t1 = cpu_seconds(worker.pid), time.time()
        results["idle_cpu_seconds_per_minute"] = round((c1 - c0) / (t1 - t0) * 60, 3)
        print(f"idle: worker used {results['idle_cpu_seconds_per_minute']} CPU-s per minute", flush=True)

        # 2. alert latency: crossings 3..8 s from now
        conn, queue = listen(broker, ("sla.warning",))
        engine = create_engine(normalise_url(url))
        crossings: dict[str, datetime] = {}
        now = datetime.now(timezone.utc)
        with engine.begin() as db:
            for i in range(args.alerts):
                crossing = now + timedelta(seconds=3 + 5 * i / args.alerts)
                started = crossing - timedelta(minutes=3)  # 75 % of a 4-minute target
                uid = f"AL-{i:04d}"
                crossings[uid] = crossing
                db.execute(text(
                    "INSERT INTO sla_clocks (id, ticket_id, ticket_uid, kind, ticket_type, priority, started_at, "
                    "target_minutes, due_at, state, next_event_at) VALUES (gen_random_uuid(), gen_random_uuid(), "
                    ":uid, 'resolution', 'fault', 'critical', :s, 4, :d, 'running', :c)"),
                    {"uid": uid, "s": started, "d": started + timedelta(minutes=4), "c": crossing})
        lat: list[float] = []
        drain(conn, queue, time.time() + 30, args.alerts,
              lambda msg, at: lat.append(at - crossings[msg["data"]["ticket_uid"]].timestamp()))
        conn.close()
        results["alert_latency_s"] = {"n": len(lat), "p50": round(statistics.median(lat), 3),
                                      "max": round(max(lat), 3)} if lat else {"n": 0}
        print(f"alert latency after crossing: {results['alert_latency_s']}", flush=True)

        # 3. bursts of ticket.created
        bursts = []
        for b in range(args.bursts):
            if b:
                time.sleep(args.pause_seconds)
            bursts.append(burst(broker, args.rate, args.burst_seconds, prefix=f"B{b}", worker_pid=worker.pid))
            print(f"burst {b + 1}: {bursts[-1]}", flush=True)
        results["burst"] = bursts[0] if len(bursts) == 1 else bursts
        engine.dispose()
    finally:
        if worker is not None:
            worker.terminate()
            worker.wait(20)
        drop_database(url)
        infra.delete_vhost(vhost)
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
