"""How many PostgreSQL connections a `make run` stack holds once it has served some load and gone idle.

`make test` runs beside `make run` on one PostgreSQL (100 connections by default for everyone):
what the dev stack keeps open while idle is what every test run has to do without. This starts
the stack exactly as `make run` configures it (``stack_environment`` from a clean environment,
no pool variables of ours), on free ports with its own databases and vhost, drives a burst of
concurrent requests so every pool fills as far as it will, waits for it to go quiet and counts
``pg_stat_activity`` per database.

    .venv/bin/python tests-e2e/faults/connection_budget.py      # prints the figures
"""
from __future__ import annotations

import os
import secrets
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import requests  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402

from deploy.dev.stack import (  # noqa: E402
    SERVICES, Stack, database_url, free_ports, gateway_url, prepare, stack_environment, wait_healthy,
)
from fibreflow_shared.db import drop_database, normalise_url  # noqa: E402
from fibreflow_shared.testing.infra import ADMIN_DB_URL, broker_url, create_vhost, delete_vhost  # noqa: E402

# Variables a developer's shell might carry that would change what `make run` computes.
POOL_VARIABLES = ("DB_POOL_SIZE", "DB_MAX_OVERFLOW", "WEB_THREADS", "WEB_WORKERS")
BURST_REQUESTS = 400
BURST_CLIENTS = 24  # more than any web process's threads, so every pool is pushed to its peak


def count_connections(prefix: str) -> dict[str, int]:
    """Open connections per database whose name starts with ``prefix`` (our own session excluded)."""
    engine = create_engine(normalise_url(ADMIN_DB_URL), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            rows = conn.execute(text(
                "SELECT datname, count(*) FROM pg_stat_activity WHERE datname LIKE :p AND pid <> pg_backend_pid() "
                "GROUP BY datname"), {"p": prefix.replace("_", r"\_") + "%"}).all()
    finally:
        engine.dispose()
    return {name: n for name, n in rows}


def idle_queries(prefix: str) -> dict[str, int]:
    """The last statement of each connection held (database: statement → count): who holds them."""
    engine = create_engine(normalise_url(ADMIN_DB_URL), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            rows = conn.execute(text(
                "SELECT substr(datname, length(:p) + 1) || ': ' || left(regexp_replace(query, '\\s+', ' ', 'g'), 70), "
                "count(*) FROM pg_stat_activity WHERE datname LIKE :like AND pid <> pg_backend_pid() GROUP BY 1"),
                {"p": prefix, "like": prefix.replace("_", r"\_") + "%"}).all()
    finally:
        engine.dispose()
    return {name: n for name, n in rows}


def _burst(base: str, token: str, requests_count: int = BURST_REQUESTS) -> int:
    """Concurrent creates and reads through the gateway; returns how many answered 2xx."""
    headers = {"Authorization": f"Bearer {token}"}

    def one(i: int) -> bool:
        with requests.Session() as s:
            if i % 2:
                resp = s.post(f"{base}/api/tickets", headers=headers, timeout=30, json={
                    "title": f"budget {i}", "description": "connection budget", "type": "fault", "priority": "low"})
            else:
                resp = s.get(f"{base}/api/tickets?limit=5", headers=headers, timeout=30)
            return resp.ok

    with ThreadPoolExecutor(BURST_CLIENTS) as pool:
        return sum(pool.map(one, range(requests_count)))


def measure(settle_seconds: float = 26.0, log_dir: Path | None = None) -> dict[str, object]:
    """Start a `make run`-configured stack, load it, let it idle; the connection counts it holds."""
    prefix = f"ff_t_{secrets.token_hex(4)}_budget_"
    vhost = prefix.rstrip("_")
    create_vhost(vhost)
    base_env = {k: v for k, v in os.environ.items() if k not in POOL_VARIABLES}
    base_env.update({"BROKER_URL": broker_url(vhost), "GATEWAY_SECRET_KEY": secrets.token_urlsafe(32),
                     "FIBREFLOW_ADMIN_PASSWORD": "budget-" + secrets.token_urlsafe(8), "LOG_LEVEL": "WARNING",
                     "FIBREFLOW_DATABASE_URL": ADMIN_DB_URL})
    env = stack_environment(base_env, ports=free_ports(), database_prefix=prefix)
    stack = Stack(env, log_dir or Path(tempfile.mkdtemp(prefix="ff-budget-")))
    t0 = time.monotonic()
    try:
        prepare(env)
        prepared = time.monotonic() - t0
        stack.start()
        base = gateway_url(env)
        wait_healthy(base, timeout=90)
        healthy = time.monotonic() - t0
        started = count_connections(prefix)
        login = requests.post(f"{base}/api/auth/login", timeout=15, json={
            "username": "admin", "password": env["FIBREFLOW_ADMIN_PASSWORD"]})
        login.raise_for_status()
        ok = _burst(base, login.json()["data"]["access_token"])
        peak = count_connections(prefix)
        time.sleep(settle_seconds)
        idle = count_connections(prefix)
        held_by = idle_queries(prefix)
        # Reaped connections must be replaced transparently: the next requests all succeed.
        after_idle_ok = _burst(base, login.json()["data"]["access_token"], 40)
        return {"seconds": {"prepare": round(prepared, 1), "healthy": round(healthy, 1),
                            "total": round(time.monotonic() - t0, 1)}, "after_idle_ok": after_idle_ok,
                "after_start": sum(started.values()), "under_load_end": sum(peak.values()),
                "idle": sum(idle.values()), "idle_by_database": idle, "idle_last_statements": held_by, "burst_ok": ok,
                "pool_env": {k: env.get(k) for k in POOL_VARIABLES}}
    finally:
        stack.stop()
        for svc in SERVICES:
            drop_database(database_url(ADMIN_DB_URL, prefix + svc.database))
        delete_vhost(vhost)


if __name__ == "__main__":
    import json

    print(json.dumps(measure(), indent=2))
