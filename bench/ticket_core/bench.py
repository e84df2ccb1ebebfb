"""ticket-core benchmark: bulk-load N tickets (with notes) into a bench database with
generate_series, show the query plans, then drive the real stack through the gateway with
50 concurrent clients (list with two filters + sort, full-text search, GET by UID, create).

    .venv/bin/python bench/ticket_core/bench.py [--tickets 1000000] [--seconds 20] [--skip-load]
"""
from __future__ import annotations

import argparse
import json
import secrets
import statistics
import sys
import threading
import time
from pathlib import Path

import requests
from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from deploy.dev.stack import SERVICES, Stack, gateway_url, prepare, stack_environment, wait_healthy  # noqa: E402
from fibreflow_shared.db import drop_database, ensure_database, normalise_url, run_migrations  # noqa: E402
from fibreflow_shared.testing.infra import free_port  # noqa: E402
from ticket_core.bootstrap import MIGRATIONS_DIR  # noqa: E402

SERVER = "postgresql://postgres@127.0.0.1:5432/"
PREFIX = "ff_bench_"
WORDS = ("splice closure water damage router signal fibre cable pole leaning storm outage drop install ont "
         "customer premises technician ladder trench digger cut pon olt bend loss attenuation").split()

LOAD = """
INSERT INTO tickets (id, ticket_uid, title, description, source, type, priority, status, created_by, created_at,
                     updated_at, drop_number, zone, address, assigned_to, due_at, sla_state)
SELECT gen_random_uuid(), 'FF-' || lpad(n::text, 7, '0'),
       initcap(w[1 + n % 25]) || ' ' || w[1 + (n / 25) % 25] || ' at drop ' || n % 50000,
       'Reported ' || w[1 + (n / 7) % 25] || ' and ' || w[1 + (n / 11) % 25] || ' near pole P-' || n % 9000
         || CASE WHEN n % 997 = 0 THEN ' zebracrossing' ELSE '' END,
       (ARRAY['qcontact','wa_inbound','email','construction','ff_internal','adhoc'])[1 + n % 6],
       (ARRAY['build','fault','infrastructure','preventative','adhoc'])[1 + n % 5],
       (ARRAY['critical','high','medium','low'])[1 + (n / 3) % 4],
       (ARRAY['new','triaged','assigned','in_progress','blocked','resolved','closed','closed','closed','closed'])[1 + (n / 5) % 10],
       '00000000-0000-0000-0000-000000000000',
       now() - make_interval(secs => n * 31.5), now() - make_interval(secs => n * 30),
       'DR' || (100000 + n % 50000), 'Zone ' || chr(65 + n % 6), (n % 400) || ' ' || w[1 + n % 25] || ' Street',
       CASE WHEN n % 3 = 0 THEN md5((n % 200)::text)::uuid END,
       now() - make_interval(secs => n * 31.5) + interval '24 hours',
       (ARRAY['on_track','warning','critical','breached','met'])[1 + n % 5]
FROM generate_series(1, :n) AS n, (SELECT CAST(:words AS text[]) AS w) words
"""
NOTES = """
INSERT INTO ticket_notes (id, ticket_id, content, is_internal, created_by, created_at)
SELECT gen_random_uuid(), id, 'Checked ' || (ARRAY['splice','closure','olt','ladder','bend'])[1 + (random() * 4)::int]
       || ' on site, will return tomorrow', true, created_by, created_at + interval '1 hour'
FROM tickets WHERE ticket_uid LIKE 'FF-%' AND right(ticket_uid, 1) IN ('1', '5')
"""
NOTES_VECTOR = """
UPDATE tickets t SET notes_vector = v.vec FROM (
  SELECT ticket_id, to_tsvector('english'::regconfig, string_agg(content, ' ')) AS vec FROM ticket_notes GROUP BY ticket_id
) v WHERE v.ticket_id = t.id
"""
LIST_SQL = ("SELECT * FROM tickets WHERE deleted_at IS NULL AND status IN ('new','triaged') AND priority IN ('high','critical') "
            "ORDER BY created_at DESC, id DESC LIMIT 50")
COUNT_SQL = ("SELECT count(*) FROM tickets WHERE deleted_at IS NULL AND status IN ('new','triaged') "
             "AND priority IN ('high','critical')")
SEARCH_SQL = ("SELECT * FROM tickets WHERE deleted_at IS NULL AND (ticket_uid = 'ZEBRACROSSING' OR "
              "search_vector @@ websearch_to_tsquery('english'::regconfig, 'zebracrossing') OR "
              "notes_vector @@ websearch_to_tsquery('english'::regconfig, 'zebracrossing') OR "
              "drop_number ILIKE '%zebracrossing%' OR address ILIKE '%zebracrossing%') "
              "ORDER BY created_at DESC, id DESC LIMIT 50")
GET_SQL = "SELECT * FROM tickets WHERE ticket_uid = 'FF-0500000' AND deleted_at IS NULL"


def load(url: str, n: int) -> None:
    drop_database(url)  # always start from the migrations' schema (with every index)
    ensure_database(url)
    run_migrations(MIGRATIONS_DIR, url)
    engine = create_engine(normalise_url(url))
    with engine.begin() as conn:
        conn.execute(text("TRUNCATE tickets, ticket_notes, outbox, uid_counters CASCADE"))
        indexes = conn.execute(text(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'tickets' AND indexname NOT LIKE '%pkey' "
            "AND indexdef NOT LIKE 'CREATE UNIQUE%'")).all()
        for name, _ in indexes:
            conn.execute(text(f'DROP INDEX "{name}"'))
    started = time.monotonic()
    with engine.begin() as conn:
        conn.execute(text("SET LOCAL synchronous_commit = off"))
        conn.execute(text(LOAD), {"n": n, "words": WORDS})
        conn.execute(text(NOTES))
        conn.execute(text(NOTES_VECTOR))
        conn.execute(text("INSERT INTO uid_counters VALUES ('FF', :n)"), {"n": n})
    loaded = time.monotonic() - started
    auto = create_engine(normalise_url(url), isolation_level="AUTOCOMMIT")
    with auto.connect() as conn:
        conn.execute(text("SET maintenance_work_mem = '512MB'"))
        for _, definition in indexes:
            conn.execute(text(definition))
        conn.execute(text("VACUUM ANALYZE tickets"))
        conn.execute(text("VACUUM ANALYZE ticket_notes"))
        notes = conn.execute(text("SELECT count(*) FROM ticket_notes")).scalar()
    print(json.dumps({"tickets": n, "notes": notes, "load_seconds": round(loaded, 1),
                      "index_seconds": round(time.monotonic() - started - loaded, 1), "indexes": len(indexes)}))
    engine.dispose()
    auto.dispose()


def explain(url: str) -> None:
    engine = create_engine(normalise_url(url))
    with engine.connect() as conn:
        for label, sql in (("list", LIST_SQL), ("list count", COUNT_SQL), ("search", SEARCH_SQL), ("get", GET_SQL)):
            plan = conn.execute(text("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql)).scalars().all()
            print(f"--- {label}\n" + "\n".join(plan))
    engine.dispose()


def http_load(url: str, seconds: float, clients: int) -> None:
    import os

    admin_password = "bench-" + secrets.token_urlsafe(8)
    base = dict(os.environ, FIBREFLOW_ADMIN_PASSWORD=admin_password, GATEWAY_SECRET_KEY=secrets.token_urlsafe(32),
                RATE_LIMIT_PER_USER="1000000/minute", RATE_LIMIT_PER_IP="1000000/minute", LOG_LEVEL="WARNING",
                WEB_WORKERS="2", WEB_THREADS="16")
    for svc in SERVICES:
        base[f"{svc.env_prefix}_DATABASE_URL"] = SERVER + PREFIX + svc.database
    base["TICKET_CORE_DATABASE_URL"] = url
    env = stack_environment(base, ports={svc.name: free_port() for svc in SERVICES})
    prepare(env)
    stack = Stack(env, ROOT / "var" / "bench-logs").start()
    try:
        wait_healthy(gateway_url(env), timeout=90)
        gw = gateway_url(env)
        token = requests.post(f"{gw}/api/auth/login", json={"username": "admin", "password": admin_password},
                              timeout=10).json()["data"]["access_token"]
        headers = {"Authorization": f"Bearer {token}"}
        scenarios = {
            "list": lambda s, i: s.get(f"{gw}/api/tickets?status=new,triaged&priority=high,critical&sort=-created_at",
                                      headers=headers, timeout=30),
            "search": lambda s, i: s.get(f"{gw}/api/tickets?q=zebracrossing", headers=headers, timeout=30),
            "get": lambda s, i: s.get(f"{gw}/api/tickets/FF-{(i * 7919) % 1000000 + 1:07d}", headers=headers,
                                     timeout=30),
            "create": lambda s, i: s.post(f"{gw}/api/tickets", json={"title": f"Bench ticket {i}", "description": "d",
                                                                     "type": "fault", "priority": "high"},
                                          headers=headers, timeout=30),
        }
        for name, call in scenarios.items():
            latencies: list[float] = []
            errors = [0]
            lock = threading.Lock()
            deadline = time.monotonic() + seconds

            def worker(k: int) -> None:
                session = requests.Session()
                i = k * 100000
                while time.monotonic() < deadline:
                    i += 1
                    t0 = time.perf_counter()
                    resp = call(session, i)
                    elapsed = (time.perf_counter() - t0) * 1000
                    with lock:
                        if resp.status_code >= 400:
                            errors[0] += 1
                        latencies.append(elapsed)

            threads = [threading.Thread(target=worker, args=(k,)) for k in range(clients)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            latencies.sort()
            q = statistics.quantiles(latencies, n=100)
            print(json.dumps({"scenario": name, "requests": len(latencies), "errors": errors[0],
                              "rps": round(len(latencies) / seconds, 1), "p50_ms": round(q[49], 1),
                              "p95_ms": round(q[94], 1), "p99_ms": round(q[98], 1)}))
    finally:
        stack.stop()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tickets", type=int, default=1_000_000)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--skip-load", action="store_true")
    parser.add_argument("--skip-http", action="store_true")
    args = parser.parse_args()
    url = SERVER + PREFIX + "ticket_core"
    if not args.skip_load:
        load(url, args.tickets)
    explain(url)
    if not args.skip_http:
        http_load(url, args.seconds, args.clients)


if __name__ == "__main__":
    main()
