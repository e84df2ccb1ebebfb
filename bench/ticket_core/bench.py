"""ticket-core benchmark: bulk-load N tickets (with notes) into a bench database with
generate_series, save the query plans of the code's own SQL (bench/ticket_core/plans.py), then
drive gateway + ticket-core (started from the Procfile by deploy/dev/stack.py, own databases and
RabbitMQ vhost) with 50 concurrent keep-alive clients in separate processes: first page of a list
with two filters and a sort, full-text search for a word, GET by UID, create.

    .venv/bin/python bench/ticket_core/bench.py [--tickets 1000000] [--seconds 20] [--skip-load] [--skip-http]
"""
from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing as mp
import os
import random
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

import requests
from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from deploy.dev.stack import SERVICES, Stack, free_ports, gateway_url, run_cli, stack_environment, wait_healthy  # noqa: E402
from fibreflow_shared.db import drop_database, ensure_database, normalise_url, packaged_migrations, run_migrations  # noqa: E402,E501
from fibreflow_shared.testing import infra  # noqa: E402
sys.path.insert(0, str(ROOT / "bench"))
from proc_cpu import CpuMeter  # noqa: E402

SERVER = "postgresql://postgres@127.0.0.1:5432/"
PREFIX = "ff_bench_"
WORDS = ("splice closure water damage router signal fibre cable pole leaning storm outage drop install ont "
         "customer premises technician ladder trench digger cut pon olt bend loss attenuation").split()

LOAD = """
INSERT INTO tickets (id, ticket_uid, title, description, source, type, priority, status, created_by, created_at,
                     updated_at, drop_number, zone, address, assigned_to, due_at, sla_state, resolved_at, closed_at)
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
       (ARRAY['on_track','warning','critical','breached','met'])[1 + n % 5],
       CASE WHEN (n / 5) % 10 >= 5 THEN now() - make_interval(secs => n * 31.5) + make_interval(hours => 2 + n % 40) END,
       CASE WHEN (n / 5) % 10 >= 6 THEN now() - make_interval(secs => n * 31.5) + make_interval(hours => 3 + n % 40) END
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
def load(url: str, n: int) -> None:
    drop_database(url)  # always start from the migrations' schema (with every index)
    ensure_database(url)
    run_migrations(packaged_migrations("ticket_core"), url)
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



def scenario_request(name: str, i: int, rng: random.Random, tickets: int) -> tuple[str, str, bytes | None]:
    if name == "list":
        return "GET", "/api/tickets?status=new,triaged&priority=high,critical&sort=-created_at", None
    if name == "search":
        return "GET", "/api/tickets?q=zebracrossing", None
    if name == "search_common":
        return "GET", "/api/tickets?q=splice", None
    if name == "get":
        return "GET", f"/api/tickets/FF-{rng.randint(1, tickets):07d}", None
    body = {"title": f"Bench ticket {i}", "description": "Created by the benchmark", "type": "fault",
            "priority": "high"}
    return "POST", "/api/tickets", json.dumps(body).encode()


def client(url: str, name: str, token: str, seconds: float, start_at: float, seed: int, tickets: int,
           interval: float | None, out: mp.Queue) -> None:
    """One keep-alive client (its own process, so the load generator is not GIL-bound).

    Closed loop (``interval`` None): the next request leaves as soon as the last answer is in.
    Paced (``interval`` seconds): requests leave on a fixed schedule and latency is counted from
    the *scheduled* time, so a slow answer that delays the next send is charged to the server
    (no coordinated omission).
    """
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    rng = random.Random(seed)
    latencies: list[float] = []
    errors: dict[str, int] = {}
    # Paced clients start spread over one interval, so the aggregate rate is smooth.
    scheduled = start_at + (rng.random() * interval if interval else 0.0)
    while time.time() < start_at:
        time.sleep(0.001)
    deadline, i = start_at + seconds, seed * 1_000_000
    cpu_before = time.process_time()
    while time.time() < deadline:
        i += 1
        method, path, body = scenario_request(name, i, rng, tickets)
        if interval:
            wait = scheduled - time.time()
            if wait > 0:
                time.sleep(wait)
            t0 = time.perf_counter() - max(0.0, time.time() - scheduled)
            scheduled += interval
        else:
            t0 = time.perf_counter()
        try:
            conn.request(method, path, body=body, headers=headers)
            resp = conn.getresponse()
            resp.read()
            if resp.status >= 400:
                errors[str(resp.status)] = errors.get(str(resp.status), 0) + 1
        except (OSError, http.client.HTTPException) as exc:
            errors[type(exc).__name__] = errors.get(type(exc).__name__, 0) + 1
            conn.close()
            conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
            continue
        latencies.append(time.perf_counter() - t0)
    out.put((latencies, errors, time.process_time() - cpu_before))


def run_scenario(url: str, name: str, token: str, clients: int, seconds: float, tickets: int,
                 rate: float | None = None, meter: CpuMeter | None = None) -> dict:
    """Run one scenario; ``rate`` (requests/s over all clients) paces it, None = closed loop."""
    queue: mp.Queue = mp.Queue()
    start_at = time.time() + 1.0
    interval = clients / rate if rate else None
    procs = [mp.Process(target=client, args=(url, name, token, seconds, start_at, k + 1, tickets, interval, queue))
             for k in range(clients)]
    for p in procs:
        p.start()
    while time.time() < start_at:
        time.sleep(0.001)
    if meter:
        meter.start()
    results = [queue.get() for _ in procs]
    cpu = meter.stop() if meter else {}
    for p in procs:
        p.join()
    latencies = sorted(x for lat, _, _ in results for x in lat)
    errors: dict[str, int] = {}
    for _, errs, _ in results:
        for k, v in errs.items():
            errors[k] = errors.get(k, 0) + v
    cpu["load-generator"] = sum(used for _, _, used in results)
    q = statistics.quantiles(latencies, n=100, method="inclusive") if len(latencies) > 1 else [0.0] * 99
    done = max(len(latencies), 1)
    return {"scenario": name, "mode": f"paced {rate:g} req/s" if rate else "closed loop",
            "requests": len(latencies), "errors": errors, "rps": round(len(latencies) / seconds, 1),
            "p50_ms": round(q[49] * 1000, 1), "p95_ms": round(q[94] * 1000, 1), "p99_ms": round(q[98] * 1000, 1),
            "max_ms": round(latencies[-1] * 1000, 1) if latencies else None,
            # CPU milliseconds per request by process tree; "machine" = both cores, everything on the box.
            "cpu_ms_per_request": {k: round(1000 * v / done, 2) for k, v in cpu.items()},
            "machine_busy_pct": round(100 * cpu.get("machine", 0) / (seconds * (os.cpu_count() or 1)), 1)}


def http_load(url: str, args: argparse.Namespace) -> dict:
    """gateway + ticket-core only (Stack.start(only=...)), on free ports, with their own DBs and vhost."""
    run_id = secrets.token_hex(3)
    vhost = f"ff_bench_{run_id}"
    infra.create_vhost(vhost)
    gateway_db = infra.create_database(f"ff_bench_{run_id}_gateway")
    password = "bench-" + secrets.token_urlsafe(8)
    base = dict(os.environ)
    base.update({"GATEWAY_DATABASE_URL": gateway_db, "TICKET_CORE_DATABASE_URL": url,
                 "BROKER_URL": infra.broker_url(vhost), "GATEWAY_SECRET_KEY": secrets.token_urlsafe(32),
                 "FIBREFLOW_ADMIN_PASSWORD": password, "LOG_LEVEL": "WARNING",
                 # the benchmark measures latency, not the rate limiter
                 "RATE_LIMIT_PER_USER": "1000000/minute", "RATE_LIMIT_PER_IP": "1000000/minute",
                 "WEB_WORKERS": str(args.web_workers), "WEB_THREADS": str(args.web_threads)})
    env = stack_environment(base, ports=free_ports())
    by_name = {svc.name: svc for svc in SERVICES}
    run_cli(by_name["gateway"], "migrate", env)
    run_cli(by_name["ticket-core"], "migrate", env)
    run_cli(by_name["ticket-core"], "declare-topology", env)
    stack = Stack(env, Path(tempfile.mkdtemp(prefix="ff-bench-ticket-core-")))
    report: dict = {"clients": args.clients, "seconds_per_scenario": args.seconds, "cpu_count": os.cpu_count(),
                    "ticket_core_gunicorn": {"workers": args.web_workers, "threads": args.web_threads},
                    "gateway_gunicorn": "Procfile default (fibreflow-gateway web: 1 worker, 32 threads)",
                    "scenarios": []}
    try:
        stack.start(only=("gateway", "ticket-core"))
        gw = gateway_url(env)
        wait_healthy(gw, timeout=90, only=("ticket_core",))
        token = requests.post(f"{gw}/api/auth/login", json={"username": "admin", "password": password},
                              timeout=10).json()["data"]["access_token"]
        meter = CpuMeter({"gateway": stack.processes["gateway"].pid,
                          "ticket-core": stack.processes["ticket-core"].pid})
        rates = [float(r) for r in args.rates.split(",")] if args.rates else [None]
        for name in args.scenarios.split(","):
            run_scenario(gw, name, token, args.clients, 2, args.tickets)  # warm-up
            for rate in rates:
                result = run_scenario(gw, name, token, args.clients, args.seconds, args.tickets, rate, meter)
                print(json.dumps(result), flush=True)
                report["scenarios"].append(result)
        report["processes_rss_mb"] = _rss(stack)
        return report
    finally:
        stack.stop()
        drop_database(gateway_db)
        infra.delete_vhost(vhost)


def _rss(stack: Stack) -> dict[str, float]:
    out = {}
    for name, proc in stack.processes.items():
        try:
            ps = subprocess.run(["ps", "-o", "rss=", "--ppid", str(proc.pid), "-p", str(proc.pid)],
                                capture_output=True, text=True, check=False).stdout.split()
            out[name] = round(sum(int(x) for x in ps) / 1024, 1)
        except (OSError, ValueError):
            pass
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tickets", type=int, default=1_000_000)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--web-workers", type=int, default=2, help="ticket-core gunicorn workers (WEB_WORKERS)")
    parser.add_argument("--web-threads", type=int, default=8, help="threads per worker (WEB_THREADS)")
    parser.add_argument("--scenarios", default="list,search,search_common,get,create")
    parser.add_argument("--rates", default="",
                        help="comma list of paced aggregate rates (req/s) to run each scenario at; "
                             "empty = closed loop (every client sends again as soon as it has its answer)")
    parser.add_argument("--skip-load", action="store_true")
    parser.add_argument("--skip-http", action="store_true")
    parser.add_argument("--skip-plans", action="store_true")
    args = parser.parse_args()
    url = SERVER + PREFIX + "ticket_core"
    if not args.skip_load:
        load(url, args.tickets)
    if not args.skip_plans:
        subprocess.run([sys.executable, str(Path(__file__).parent / "plans.py"), "--url", url, "--tag", "bench"],
                       check=True)
    if not args.skip_http:
        report = http_load(url, args)
        out = Path(__file__).parent / "results"
        out.mkdir(exist_ok=True)
        (out / f"http-{time.strftime('%Y%m%d-%H%M%S')}.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
