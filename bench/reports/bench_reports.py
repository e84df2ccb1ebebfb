"""Benchmark of the FR-051 ticket reports (ticket-core) before and after their indexes.

Creates its own database, migrates ticket-core to the revision before the report indexes
(``--before``, default 0003), loads N tickets spread over one year (200 technicians in 20 teams,
6 zones, 6 sources, 5 types, 40 % resolved or closed), VACUUM ANALYZE, and times each report
(the same functions the HTTP routes call) for an admin (every ticket) and a team lead (their
team's tickets), over the default 12 weeks and over a whole year. Then it migrates to head
(the report indexes), VACUUM ANALYZE again, and times the same calls. Last, the ticket export
(every ticket, 30 columns) in each format: time to the first chunk, total time, bytes, and the
process's peak RSS growth (the writers must stream, or be bounded, never hold the table).

    .venv/bin/python bench/reports/bench_reports.py [--tickets 100000] [--runs 5] [--keep]

Prints a Markdown table and writes bench/reports/results/<tickets>.json.
"""
from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
import uuid
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.orm import sessionmaker  # noqa: E402

from fibreflow_shared.db import drop_database, ensure_database, normalise_url, packaged_migrations, run_migrations  # noqa: E402,E501
from fibreflow_shared.report_export import FORMATS, export_response  # noqa: E402
from flask import Flask  # noqa: E402
from ticket_core import reports, views  # noqa: E402
from ticket_core.domain.access import Viewer  # noqa: E402
from ticket_core.service_layer.deps import Deps  # noqa: E402

SERVER = "postgresql://postgres@127.0.0.1:5432/"
URL = SERVER + "ff_bench_reports"
LEAD = "00000000-0000-0000-0000-00000000000a"
TEAMS = 20
TECHNICIANS = 200

LOAD = """
INSERT INTO tickets (id, ticket_uid, title, description, source, type, priority, status, created_by, created_at,
                     updated_at, zone, assigned_to, assigned_team, due_at, sla_breached, resolved_at, closed_at)
SELECT gen_random_uuid(), 'FF-' || lpad(n::text, 8, '0'), 'Ticket ' || n, 'Seeded for the report benchmark',
       (ARRAY['qcontact','wa_inbound','email','construction','ff_internal','adhoc'])[1 + n % 6],
       (ARRAY['build','fault','infrastructure','preventative','adhoc'])[1 + n % 5],
       (ARRAY['critical','high','medium','low'])[1 + (n / 3) % 4],
       (ARRAY['new','triaged','assigned','in_progress','blocked','resolved','closed','closed','closed','closed'])
         [1 + (n / 7) % 10],
       '00000000-0000-0000-0000-000000000000', c, c, 'Zone ' || chr(65 + n % 6),
       CASE WHEN n % 7 <> 3 THEN md5('tech' || (n % :techs))::uuid END,
       md5('team' || ((n % :techs) % :teams))::uuid,
       c + interval '24 hours', n % 9 = 0,
       CASE WHEN (n / 7) % 10 >= 5 THEN c + make_interval(hours => 2 + n % 40) END,
       CASE WHEN (n / 7) % 10 >= 6 THEN c + make_interval(hours => 3 + n % 40) END
FROM (SELECT n, now() - make_interval(secs => n * (365.0 * 86400 / :n)) AS c FROM generate_series(1, :n) n) g
"""


def load(url: str, n: int, before: str) -> float:
    drop_database(url)
    ensure_database(url)
    run_migrations(packaged_migrations("ticket_core"), url, before)
    engine = create_engine(normalise_url(url))
    started = time.perf_counter()
    with engine.begin() as conn:
        conn.execute(text("SET LOCAL synchronous_commit = off"))
        conn.execute(text(LOAD), {"n": n, "techs": TECHNICIANS, "teams": TEAMS})
        conn.execute(text("INSERT INTO teams (id, name) VALUES (md5('team0')::uuid, 'Team 0')"))
        conn.execute(text("INSERT INTO team_members (team_id, user_id, is_lead) VALUES (md5('team0')::uuid, :u, true)"),
                     {"u": LEAD})
        conn.execute(text("INSERT INTO users (id, username, display_name) SELECT md5('tech' || i)::uuid, 'tech' || i,"
                          " 'Technician ' || i FROM generate_series(0, :t - 1) i"), {"t": TECHNICIANS})
    engine.dispose()
    analyse(url)
    return time.perf_counter() - started


def analyse(url: str) -> None:
    auto = create_engine(normalise_url(url), isolation_level="AUTOCOMMIT")
    with auto.connect() as conn:
        conn.execute(text("SET maintenance_work_mem = '256MB'"))
        conn.execute(text("VACUUM ANALYZE tickets"))
    auto.dispose()


def cases(today: date) -> list[tuple[str, Callable[..., Any], Viewer, dict[str, Any]]]:
    admin = Viewer(str(uuid.uuid4()), frozenset({"admin"}))
    lead = Viewer(LEAD, frozenset({"team_lead"}))
    year = {"period_from": today - timedelta(days=365), "period_to": today + timedelta(days=1)}
    out = []
    for who, viewer in (("admin", admin), ("team lead", lead)):
        for window, extra in (("12 weeks", {}), ("1 year", year)):
            out += [
                (f"summary by status | {who} | {window}", reports.summary, viewer, {**extra, "group_by": "status"}),
                (f"summary by zone | {who} | {window}", reports.summary, viewer, {**extra, "group_by": "zone"}),
                (f"technicians | {who} | {window}", reports.technicians, viewer, extra),
                (f"zones by week | {who} | {window}", reports.zones, viewer, {**extra, "period": "week"}),
                (f"trend by week | {who} | {window}", reports.trend, viewer, {**extra, "period": "week"}),
            ]
    return out


def measure(url: str, runs: int) -> dict[str, dict[str, Any]]:
    engine = create_engine(normalise_url(url), pool_size=1)
    sessions = sessionmaker(engine)
    deps = Deps(outbox=None, cipher=None, storage=None)  # type: ignore[arg-type]  # the reports use neither
    out: dict[str, dict[str, Any]] = {}
    for name, fn, viewer, args in cases(date.today()):
        timings = []
        rows = 0
        for i in range(runs + 1):
            with sessions() as session:
                t0 = time.perf_counter()
                answer = fn(session, deps, viewer, dict(args))
                elapsed = (time.perf_counter() - t0) * 1000
            rows = len(answer["rows"])
            if i:  # the first run warms the cache and is not counted
                timings.append(elapsed)
        out[name] = {"median_ms": round(statistics.median(timings), 1), "max_ms": round(max(timings), 1),
                     "rows": rows}
    engine.dispose()
    return out


def exports(url: str) -> dict[str, dict[str, Any]]:
    """The whole ticket export in each format, as the route streams it."""
    engine = create_engine(normalise_url(url), pool_size=1)
    sessions = sessionmaker(engine)
    deps = Deps(outbox=None, cipher=None, storage=None)  # type: ignore[arg-type]  # no PII in these rows
    admin = Viewer(str(uuid.uuid4()), frozenset({"admin"}))
    app = Flask("ticket-core")
    out = {}
    for fmt in FORMATS:
        rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        with app.test_request_context():
            t0 = time.perf_counter()
            rows = views.export_rows(sessions, deps, admin, {})
            body = iter(export_response(fmt, "tickets", views.EXPORT_COLUMNS, rows,
                                        pdf_columns=views.PDF_COLUMNS).response)
            first = next(body)
            ttfb = time.perf_counter() - t0
            size = len(first) + sum(len(chunk) for chunk in body)
            total = time.perf_counter() - t0
        out[fmt] = {"first_chunk_s": round(ttfb, 3), "total_s": round(total, 1), "mb": round(size / 1e6, 1),
                    "peak_rss_growth_mb": round((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss0) / 1024, 1)}
        print(fmt, out[fmt], flush=True)
    engine.dispose()
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--before", default="0003", help="the revision before the report indexes")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--exports-only", action="store_true", help="time the exports of a kept database only")
    args = parser.parse_args()
    if args.exports_only:
        print(json.dumps(exports(URL), indent=2))
        return
    load_s = load(URL, args.tickets, args.before)
    print(f"loaded {args.tickets} tickets in {load_s:.1f} s", flush=True)
    before = measure(URL, args.runs)
    t0 = time.perf_counter()
    run_migrations(packaged_migrations("ticket_core"), URL)
    analyse(URL)
    index_s = time.perf_counter() - t0
    after = measure(URL, args.runs)
    engine = create_engine(normalise_url(URL))
    with engine.connect() as conn:
        sizes = dict(conn.execute(text(
            "SELECT indexrelname, pg_relation_size(indexrelid) FROM pg_stat_user_indexes "
            "WHERE relname = 'tickets' AND indexrelname LIKE 'ix_tickets_report%'")).all())
        table = conn.execute(text("SELECT pg_relation_size('tickets')")).scalar()
    engine.dispose()
    result = {"tickets": args.tickets, "runs": args.runs, "load_seconds": round(load_s, 1),
              "migrate_and_analyse_seconds": round(index_s, 1), "table_bytes": table, "index_bytes": sizes,
              "before": before, "after": after, "exports": exports(URL)}
    out = Path(__file__).parent / "results"
    out.mkdir(exist_ok=True)
    (out / f"{args.tickets}.json").write_text(json.dumps(result, indent=2))
    print(f"\n{args.tickets:,} tickets; median of {args.runs} runs (ms); rows answered\n")
    print("| report | viewer | period | before | after | rows |")
    print("|---|---|---|---:|---:|---:|")
    for name, b in before.items():
        report, who, window = name.split(" | ")
        print(f"| {report} | {who} | {window} | {b['median_ms']} | {after[name]['median_ms']} | {b['rows']} |")
    print(f"\nindex sizes: { {k: f'{v / 1e6:.1f} MB' for k, v in sizes.items()} }, table {table / 1e6:.1f} MB")
    print(f"exports: {json.dumps(result['exports'])}")
    if not args.keep:
        drop_database(URL)


if __name__ == "__main__":
    main()
