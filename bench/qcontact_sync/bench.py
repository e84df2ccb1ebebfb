"""qcontact-sync benchmark (issue #12): real processes from the Procfile (qcontact-sim,
qcontact-sync web + worker, ticket-core worker) on free ports, with their own databases and
RabbitMQ vhost. Measures:

1. import of N cases (default 10,000) seeded in the simulator: wall time from starting the
   sync worker until all N are tickets in ticket-core's database;
2. an incremental poll with 100 changed cases: time from the change to all 100 visible in
   ticket-core (poll interval set to 2 s; the time includes up to one interval of waiting);
3. webhook-announced change → visible in ticket-core: p50/p99 over M changes, one at a time.

Run under the e2e lock (it starts part of the stack):
    flock /tmp/ff-e2e.flock .venv/bin/python bench/qcontact_sync/bench.py [--cases 10000] [--webhooks 100]
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import requests
from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from deploy.dev.stack import SERVICES, Stack, free_ports, run_cli, stack_environment  # noqa: E402
from fibreflow_shared.db import drop_database  # noqa: E402
from fibreflow_shared.testing.infra import broker_url, create_vhost, delete_vhost, unique_suffix  # noqa: E402

NEEDED = ("ticket-core", "qcontact-sync")


def wait(predicate, timeout: float, interval: float = 0.02) -> float:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if predicate():
            return time.monotonic() - started
        time.sleep(interval)
    raise TimeoutError("condition not reached")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--changed", type=int, default=100)
    parser.add_argument("--webhooks", type=int, default=100)
    args = parser.parse_args()
    run = unique_suffix()
    vhost = f"ff_bench_qc_{run}"
    create_vhost(vhost)
    env = stack_environment(dict(os.environ, BROKER_URL=broker_url(vhost), QCONTACT_POLL_SECONDS="2",
                                 QCONTACT_WATERMARK_OVERLAP_SECONDS="5", QCONTACT_PAGE_SIZE="500",
                                 LOG_LEVEL="WARNING", ACCESS_LOG="false", OUTBOX_POLL_SECONDS="0.5"),
                            ports=free_ports(), database_prefix=f"bench_qc_{run}_")
    env["QCONTACT_SIM_WEBHOOK_URL"] = f"http://{env['QCONTACT_SYNC_BIND']}/api/qcontact/webhook"
    services = {s.name: s for s in SERVICES}
    stack = Stack(env, Path(tempfile.mkdtemp(prefix="bench-qc-")))
    tc = create_engine(env["TICKET_CORE_DATABASE_URL"].replace("postgresql://", "postgresql+psycopg://"))
    sim = f"http://{env['QCONTACT_SIM_BIND']}"
    try:
        for name in NEEDED:
            run_cli(services[name], "migrate", env)
            run_cli(services[name], "declare-topology", env)
        stack.start(only=("qcontact-sim", "ticket-core-worker", "qcontact-sync"))
        wait(lambda: _up(f"{sim}/healthz"), 30, 0.2)
        wait(lambda: _up(f"http://{env['QCONTACT_SYNC_BIND']}/healthz"), 30, 0.2)
        # 1. the first import
        for start in range(0, args.cases, 2000):
            requests.post(f"{sim}/_control/seed", json={"count": min(2000, args.cases - start)}, timeout=120)
        count = lambda: scalar(tc, "SELECT count(*) FROM tickets WHERE source = 'qcontact'")  # noqa: E731
        time.sleep(3)  # ticket-core's consumer is connected (its queue was declared above)
        started = time.monotonic()
        stack.start_process("qcontact-sync-worker")
        qc = create_engine(env["QCONTACT_SYNC_DATABASE_URL"].replace("postgresql://", "postgresql+psycopg://"))
        published = "SELECT count(*) FROM outbox WHERE published_at IS NOT NULL AND event_type = 'intake.ticket_requested'"
        wait(lambda: scalar(qc, published) >= args.cases, 600, 0.2)
        sent = time.monotonic() - started
        qc.dispose()
        print(f"qcontact-sync side: {args.cases} cases read, mirrored and published in {sent:.1f} s")
        wait(lambda: count() >= args.cases, 600, 0.2)
        first = time.monotonic() - started
        print(f"import of {args.cases} cases: {first:.1f} s ({args.cases / first:.0f} cases/s)")
        time.sleep(3)
        # 2. incremental: 100 changed cases (no webhook), visible after the next poll
        first_id = 10001
        ids = list(range(first_id, first_id + args.changed))
        changed_at = time.monotonic()
        for case_id in ids:
            requests.patch(f"{sim}/_control/cases/{case_id}?silent=true", json={"fields": {"subject": f"changed {case_id}"}},
                           timeout=10)
        changed = lambda: scalar(tc, "SELECT count(*) FROM tickets WHERE title LIKE 'changed %'")  # noqa: E731
        wait(lambda: changed() >= args.changed, 120, 0.05)
        incremental = time.monotonic() - changed_at
        print(f"incremental poll, {args.changed} changed cases: {incremental:.2f} s to visible (poll interval 2 s)")
        # 3. webhook-announced changes, one at a time
        samples = []
        for n in range(args.webhooks):
            case_id = first_id + args.changed + n
            title = f"webhook {case_id}"
            t0 = time.monotonic()
            requests.patch(f"{sim}/_control/cases/{case_id}", json={"fields": {"subject": title}}, timeout=10)
            with tc.connect() as conn:
                query = text("SELECT 1 FROM tickets WHERE ticket_uid = :u AND title = :t")
                wait(lambda: conn.execute(query, {"u": f"FT{case_id}", "t": title}).first() is not None, 30, 0.01)
            samples.append(time.monotonic() - t0)
        samples.sort()
        p99 = samples[min(len(samples) - 1, int(len(samples) * 0.99))]
        print(f"webhook change → visible: p50 {statistics.median(samples) * 1000:.0f} ms, "
              f"p99 {p99 * 1000:.0f} ms, max {samples[-1] * 1000:.0f} ms over {len(samples)}")
    finally:
        stack.stop()
        tc.dispose()
        for name in NEEDED:
            drop_database(env[f"{services[name].env_prefix}_DATABASE_URL"])
        delete_vhost(vhost)


def scalar(engine, sql: str) -> int:
    with engine.connect() as conn:
        return conn.execute(text(sql)).scalar() or 0


def _up(url: str) -> bool:
    try:
        return requests.get(url, timeout=2).status_code == 200
    except requests.RequestException:
        return False


if __name__ == "__main__":
    main()
