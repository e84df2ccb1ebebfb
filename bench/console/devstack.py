"""A whole local stack (the Procfile's lines, console included) on free ports with databases and a
RabbitMQ vhost of its own, for the console's benchmark and screenshot scripts.

    with console_stack("ff_bench_console_") as s:  # s.base_url, s.admin_password, s.env
        ...
"""
from __future__ import annotations

import contextlib
import os
import secrets
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import requests

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from deploy.dev.stack import SERVICES, Stack, free_ports, gateway_url, prepare, stack_environment, wait_healthy  # noqa: E402
from fibreflow_shared.db import drop_database  # noqa: E402
from fibreflow_shared.testing import infra  # noqa: E402


@dataclass
class RunningStack:
    stack: Stack
    env: dict[str, str]
    base_url: str
    admin_password: str

    def database_url(self, service: str) -> str:
        prefix = next(s.env_prefix for s in SERVICES if s.name == service)
        return self.env[f"{prefix}_DATABASE_URL"]


@contextlib.contextmanager
def console_stack(database_prefix: str, *, keep: bool = False, extra_env: dict[str, str] | None = None,
                  before_start: Any = None) -> Iterator[RunningStack]:
    """Start the stack; stop it (and drop its databases and vhost unless ``keep``) afterwards.
    ``before_start(env)`` runs after the migrations, before any process starts (bulk loads)."""
    vhost = database_prefix.rstrip("_")
    infra.create_vhost(vhost)
    password = "bench-" + secrets.token_urlsafe(12)
    base: dict[str, Any] = {
        "BROKER_URL": infra.broker_url(vhost), "GATEWAY_SECRET_KEY": "console-bench-secret-" + vhost,
        "FIBREFLOW_ADMIN_PASSWORD": password, "OUTBOX_POLL_SECONDS": "0.5", "LOG_LEVEL": "WARNING",
        "ACCESS_LOG": "false", "RATE_LIMIT_PER_USER": "1000000/minute", "RATE_LIMIT_PER_IP": "1000000/minute",
        "DB_POOL_SIZE": "4", "DB_MAX_OVERFLOW": "8",
    }
    env = stack_environment({**os.environ, **base, **(extra_env or {})}, ports=free_ports(),
                            database_prefix=database_prefix)
    prepare(env)
    if before_start is not None:
        before_start(env)
    stack = Stack(env, Path(tempfile.mkdtemp(prefix="console-stack-"))).start()
    try:
        wait_healthy(gateway_url(env), timeout=90)
        yield RunningStack(stack, env, gateway_url(env), password)
    finally:
        stack.stop()
        if not keep:
            for svc in SERVICES:
                with contextlib.suppress(Exception):
                    drop_database(env[f"{svc.env_prefix}_DATABASE_URL"])
            infra.delete_vhost(vhost)


def api_login(base_url: str, username: str, password: str) -> requests.Session:
    """A requests session with a bearer token (for seeding through the public API)."""
    resp = requests.post(f"{base_url}/api/auth/login", json={"username": username, "password": password}, timeout=15)
    resp.raise_for_status()
    session = requests.Session()
    session.headers["Authorization"] = "Bearer " + resp.json()["data"]["access_token"]
    return session
