"""CPU cost of ticket-core's four benchmark requests inside its own process, no HTTP server.

Builds ticket-core with ``ticket_core.entrypoints.http:create_app`` on a scratch database
holding 50,000 tickets made by bench.py's own ``generate_series`` load (~10 s; the SQL is not
the point here: bench/ticket_core/RESULTS.md has it at 0.02-2 ms), then calls the WSGI app
directly with prebuilt environs for exactly bench.py's requests: the list with two filters and
a sort, a full-text search, GET by UID and create; the exact-count limit is lowered so that the
list takes the same code path (capped count + estimate) as at 1M. It reports, per request, the
process CPU (``time.process_time``: ticket-core's Python, not PostgreSQL's; the median of
several rounds, as the box is shared), the wall time, the SQL statements, BEGIN/COMMIT pairs and
database round trips, the response size, and with ``--profile`` a cProfile top list (CPU time).
Single-threaded and in-process: no load generator, no gateway.

    .venv/bin/python bench/ticket_core/cpu_profile.py [--tickets 50000] [--rounds 5] [--requests 300]
        [--scenarios list,search,get,create] [--profile [--sort cumulative]] [--keep-db URL] [--json FILE]

``--keep-db URL`` loads that database once (if it does not exist yet) and keeps it, so repeated
runs skip the load. To compare with another version of the code, run the same command with
PYTHONPATH pointing at that version's ``ticket_core`` and ``fibreflow_shared`` packages.
"""
from __future__ import annotations

import argparse
import cProfile
import importlib.util
import io
import json
import logging
import pstats
import secrets
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Callable

from sqlalchemy import create_engine, event, text
from werkzeug.test import EnvironBuilder

SCENARIOS = ("list", "search", "get", "create")


def _bench_module() -> Any:
    """bench.py's data set (LOAD/NOTES SQL, vocabulary) and request shapes, so both measure the same."""
    spec = importlib.util.spec_from_file_location("ticket_core_bench", Path(__file__).with_name("bench.py"))
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def load_tickets(url: str, n: int, bench: Any) -> None:
    """Migrate and fill ``url`` with ``n`` tickets (+ notes) the way bench.py does at 1M."""
    from fibreflow_shared.db import normalise_url, packaged_migrations, run_migrations

    run_migrations(packaged_migrations("ticket_core"), url)
    engine = create_engine(normalise_url(url))
    with engine.begin() as conn:
        conn.execute(text(bench.LOAD), {"n": n, "words": bench.WORDS})
        conn.execute(text(bench.NOTES))
        conn.execute(text(bench.NOTES_VECTOR))
        conn.execute(text("INSERT INTO uid_counters VALUES ('FF', :n)"), {"n": n})
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE tickets"))
    engine.dispose()


class Statements:
    """Counts what the engine sends: statements, real transactions (BEGIN ... COMMIT; an
    autocommit connection sends neither) and pool checkouts (each one a pre-ping round trip)."""

    def __init__(self, engine: Any) -> None:
        self.executes = self.transactions = self.checkouts = 0
        event.listen(engine, "before_cursor_execute", self._execute)
        event.listen(engine, "begin", self._begin)
        event.listen(engine.pool, "checkout", self._checkout)

    def _execute(self, *args: Any, **kwargs: Any) -> None:
        self.executes += 1

    def _begin(self, conn: Any) -> None:
        if not conn.connection.driver_connection.autocommit:
            self.transactions += 1

    def _checkout(self, *args: Any) -> None:
        self.checkouts += 1

    def snapshot(self) -> tuple[int, int, int]:
        return self.executes, self.transactions, self.checkouts

    @staticmethod
    def round_trips(executes: float, transactions: float, checkouts: float) -> float:
        """Statements + BEGIN and COMMIT of each transaction + the pre-ping of each checkout."""
        return executes + 2 * transactions + checkouts


def request_maker(app: Any, scenario: str, token: str, bench: Any, tickets: int) -> Callable[[], tuple[str, bytes]]:
    """A function that sends one ``scenario`` request through the WSGI app and returns (status, body)."""
    import random

    method, path, body = bench.scenario_request(scenario, 0, random.Random(0), tickets)
    if scenario == "get":
        path = "/api/tickets/FF-0000123"  # the brief's fixed UID: same row every time, CPU only
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    builder = EnvironBuilder(path=path.split("?")[0], query_string=path.partition("?")[2], method=method,
                             headers=headers, data=body, environ_base={"REMOTE_ADDR": "127.0.0.1"})
    environ = builder.get_environ()
    builder.close()
    payload = body or b""

    def one() -> tuple[str, bytes]:
        env = dict(environ)
        env["wsgi.input"] = io.BytesIO(payload)  # a fresh stream per request, as a server gives
        status: list[str] = []
        result = app(env, lambda s, h, e=None: status.append(s))
        try:
            out = b"".join(result)
        finally:
            getattr(result, "close", lambda: None)()
        return status[0], out

    return one


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # 50,000 tickets: "zebracrossing" (1 in 997) fills a whole 50-row search page, as at 1M.
    parser.add_argument("--tickets", type=int, default=50_000)
    parser.add_argument("--requests", type=int, default=300, help="measured requests per round")
    parser.add_argument("--rounds", type=int, default=5, help="rounds per scenario (the median is reported)")
    parser.add_argument("--warmup", type=int, default=50)
    parser.add_argument("--scenarios", default=",".join(SCENARIOS))
    parser.add_argument("--profile", action="store_true", help="also print a cProfile top list per scenario")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--sort", default="tottime", help="cProfile sort key (tottime, cumulative)")
    # At 1M the list matches ~100k rows: more than TICKET_CORE_EXACT_COUNT_LIMIT, so it takes the
    # capped count + EXPLAIN estimate path. A lower limit here sends the smaller table down it too.
    parser.add_argument("--exact-count-limit", type=int, default=1000)
    parser.add_argument("--keep-db", default="", help="load this database once, reuse it after, never drop it")
    parser.add_argument("--json", default="", help="write the figures to this file")
    args = parser.parse_args()
    bench = _bench_module()  # also puts the repository root on sys.path

    from fibreflow_shared.db import drop_database, ensure_database
    from fibreflow_shared.logging import configure_logging
    from fibreflow_shared.testing import infra
    from fibreflow_shared.testing.tokens import TestSigner
    from ticket_core.config import load
    from ticket_core.entrypoints.http import create_app

    url = args.keep_db or infra.create_database(f"ff_bench_tccpu_{secrets.token_hex(3)}")
    try:
        if not args.keep_db or ensure_database(url):  # a kept database is loaded once
            started = time.monotonic()
            load_tickets(url, args.tickets, bench)
            print(f"loaded {args.tickets} tickets in {time.monotonic() - started:.1f} s ({url})", file=sys.stderr)
        settings = load(database_url=url, log_level="WARNING", exact_count_limit=args.exact_count_limit)
        configure_logging(settings.service_name, settings.log_level)
        logging.getLogger().setLevel(logging.WARNING)
        signer = TestSigner()
        app = create_app(settings, verifier=signer.verifier())
        container = app.extensions["container"]
        counter = Statements(container.engine)
        token = signer.token(roles=["admin"])
        results = []
        for scenario in args.scenarios.split(","):
            one = request_maker(app, scenario, token, bench, args.tickets)
            status, body = one()
            if not status.startswith(("200", "201")):
                raise SystemExit(f"{scenario}: {status} {body[:300]!r}")
            for _ in range(args.warmup):
                one()
            # CPU time on a shared 2-core box is noisy: several rounds, the median round counts.
            cpus, walls = [], []
            before = counter.snapshot()
            for _ in range(args.rounds):
                wall, cpu = time.perf_counter(), time.process_time()
                for _ in range(args.requests):
                    one()
                cpus.append((time.process_time() - cpu) / args.requests)
                walls.append((time.perf_counter() - wall) / args.requests)
            after = counter.snapshot()
            n = args.requests * args.rounds
            per = [round((a - b) / n, 2) for a, b in zip(after, before)]
            row = {"scenario": scenario, "cpu_ms": round(statistics.median(cpus) * 1000, 3),
                   "cpu_ms_min": round(min(cpus) * 1000, 3), "wall_ms": round(statistics.median(walls) * 1000, 3),
                   "statements": per[0], "transactions": per[1], "round_trips": Statements.round_trips(*per),
                   "response_bytes": len(body)}
            results.append(row)
            print(json.dumps(row), flush=True)
            if args.profile:
                # CPU time, not wall time: waiting on PostgreSQL's socket is not ticket-core's CPU.
                prof = cProfile.Profile(time.process_time)
                prof.enable()
                for _ in range(args.requests):
                    one()
                prof.disable()
                out = io.StringIO()
                pstats.Stats(prof, stream=out).sort_stats(args.sort).print_stats(args.top)
                print(f"--- {scenario}: cProfile of {args.requests} requests, by {args.sort}")
                print(out.getvalue())
        print("\n| request | CPU ms (median) | CPU ms (min) | wall ms | statements | BEGIN/COMMIT | DB round trips "
              "| response bytes |")
        print("|---|---|---|---|---|---|---|---|")
        for r in results:
            print(f"| {r['scenario']} | {r['cpu_ms']} | {r['cpu_ms_min']} | {r['wall_ms']} | {r['statements']} "
                  f"| {r['transactions']} | {r['round_trips']} | {r['response_bytes']} |")
        if args.json:
            Path(args.json).write_text(json.dumps(results, indent=2) + "\n")
        with container.engine.begin() as conn:  # a reused database keeps its list page as it was
            conn.execute(text("DELETE FROM tickets WHERE title LIKE 'Bench ticket %'"))
            conn.execute(text("DELETE FROM outbox"))
        container.engine.dispose()
    finally:
        if not args.keep_db:
            drop_database(url)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
