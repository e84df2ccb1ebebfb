"""EXPLAIN (ANALYZE, BUFFERS) of the exact SQL ticket-core runs for the benchmarked requests.

The queries are built by ticket_core.views itself (compiled with literal values), so the plans
are those of the code, not of a hand-written copy. Each plan is saved as a text file.

    .venv/bin/python bench/ticket_core/plans.py [--url postgresql://...] [--out bench/ticket_core/plans] [--tag after]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any, Callable

from sqlalchemy import create_engine, event, text
from sqlalchemy.orm import Session

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from fibreflow_shared.db import normalise_url  # noqa: E402
from ticket_core import views  # noqa: E402
from fibreflow_shared.pii import PiiCipher  # noqa: E402
from ticket_core.config import DEV_PHONE_INDEX_KEY, DEV_PII_KEY  # noqa: E402
from ticket_core.domain.access import Viewer  # noqa: E402
from ticket_core.service_layer import stats  # noqa: E402
from ticket_core.service_layer.deps import Deps  # noqa: E402

URL = "postgresql://postgres@127.0.0.1:5432/ff_bench_ticket_core"
ADMIN = Viewer("00000000-0000-0000-0000-000000000001", frozenset({"admin"}))
NEWEST_FIRST = [("created_at", True)]  # sort=-created_at as the list's SortArg loads it
LIST_ARGS = {"status": ["new", "triaged"], "priority": ["high", "critical"], "sort": NEWEST_FIRST, "page": 1,
             "limit": 50}
SEARCH_ARGS = {"q": "zebracrossing", "sort": NEWEST_FIRST, "page": 1, "limit": 50}
COMMON_ARGS = {"q": "splice", "sort": NEWEST_FIRST, "page": 1, "limit": 50}


def capture(session: Session, fn: Callable[[Session], Any]) -> list[tuple[str, Any]]:
    """Run ``fn`` and return every statement (with its parameters) it sent to PostgreSQL."""
    seen: list[tuple[str, Any]] = []

    def before(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, executemany: bool) -> None:
        seen.append((statement, parameters))

    engine = session.get_bind()
    event.listen(engine, "before_cursor_execute", before)
    try:
        fn(session)
    finally:
        event.remove(engine, "before_cursor_execute", before)
    return seen


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default=URL)
    parser.add_argument("--out", default=str(Path(__file__).parent / "plans"))
    parser.add_argument("--tag", default="after")
    args = parser.parse_args()
    engine = create_engine(normalise_url(args.url))
    deps = Deps(outbox=None, cipher=PiiCipher([DEV_PII_KEY], DEV_PHONE_INDEX_KEY), storage=None)  # type: ignore[arg-type]
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    uid = "FF-0500000"
    cases: dict[str, Callable[[Session], Any]] = {
        "list": lambda s: views.list_tickets(s, deps, ADMIN, dict(LIST_ARGS)),
        "search_rare": lambda s: views.list_tickets(s, deps, ADMIN, dict(SEARCH_ARGS)),
        "search_common": lambda s: views.list_tickets(s, deps, ADMIN, dict(COMMON_ARGS)),
        "get": lambda s: views.get_ticket(s, deps, ADMIN, uid),
        "stats_live": lambda s: stats.live_stats(s, deps, ADMIN),
        "stats_snapshot": lambda s: stats.dashboard(s, deps, ADMIN),
    }
    with Session(engine) as session, session.begin():  # the snapshot the second stats case reads
        stats.dashboard(session, deps, ADMIN)
    for name, fn in cases.items():
        with Session(engine) as session:
            t0 = time.perf_counter()
            statements = capture(session, fn)
            wall = (time.perf_counter() - t0) * 1000
            session.rollback()
            lines = [f"-- {name}: {len(statements)} statement(s), whole call {wall:.1f} ms (warm second run below)"]
            with Session(engine) as again:
                t0 = time.perf_counter()
                fn(again)
                lines[0] = (f"-- {name}: {len(statements)} statement(s), whole call (incl. Python) "
                            f"{(time.perf_counter() - t0) * 1000:.1f} ms warm")
            with engine.connect() as conn:  # replay in one transaction, so SET LOCAL applies as in the app
                raw = conn.connection.driver_connection
                for sql, params in statements:
                    with raw.cursor() as cur:
                        if not sql.lstrip().upper().startswith(("SELECT", "WITH")):
                            cur.execute(sql, params)
                            lines += ["", sql, "(executed, not explained)"]
                            continue
                        cur.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
                        plan = [r[0] for r in cur.fetchall()]
                    lines += ["", sql, f"-- params: {params}", "", *plan]
                conn.rollback()
        path = out / f"{args.tag}_{name}.txt"
        path.write_text("\n".join(lines) + "\n")
        summary = [l for l in lines if "Execution Time" in l]
        print(f"{name}: {lines[0]} | " + "; ".join(s.strip() for s in summary))
    engine.dispose()


if __name__ == "__main__":
    main()
