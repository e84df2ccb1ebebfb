"""The whole stack's web and worker processes through PgBouncer in transaction mode (Debian's
pgbouncer package, as the Kubernetes Pooler runs it), the ticket flow green through it.

What transaction pooling demands of the code, and how this stack meets it (docs/operations.md):
- no server-side prepared statements across transactions: ``DB_PREPARED_STATEMENTS=false``
  (psycopg's ``prepare_threshold=None``; PgBouncer 1.18 cannot track them);
- advisory locks only transaction-scoped (``pg_advisory_xact_lock``), ``SET LOCAL`` only;
- LISTEN holds session state: the outbox relay listens on a direct connection
  (``DATABASE_LISTEN_URL``), everything else goes through the pooler;
- migrations (DDL, CREATE DATABASE) run on the direct connection, as the migrate Jobs do.
The test also shows the point of pooling: each database gets at most ``POOL_SIZE`` server
connections through PgBouncer however many threads and processes the stack has.
"""
from __future__ import annotations

import os
import secrets
import signal
import shutil
import subprocess
import tempfile
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Iterator

import psycopg
import pytest
import requests

from deploy.dev.stack import (SERVICES, Stack, free_ports, gateway_url, procfile_entries, run_cli, stack_environment,
                              wait_healthy)
from fibreflow_shared.db import drop_database
from fibreflow_shared.testing.infra import ADMIN_DB_URL, create_vhost, delete_vhost, free_port, wait_for
from fibreflow_shared.testing.infra import broker_url as broker_url_of

pytestmark = [pytest.mark.e2e, pytest.mark.integration]
POOL_SIZE = 3
ADMIN_PASSWORD = "pgb-" + secrets.token_urlsafe(12)


class PgBouncer:
    """A private PgBouncer in front of the test PostgreSQL: every database, transaction mode."""

    def __init__(self, workdir: Path, server: urllib.parse.SplitResult) -> None:
        self.workdir = workdir
        self.port = free_port()
        self.user = server.username or "postgres"
        self.server = server
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> "PgBouncer":
        binary = shutil.which("pgbouncer") or "/usr/sbin/pgbouncer"
        if not Path(binary).exists():
            pytest.fail("pgbouncer is not installed: `make install` installs it (apt-get install pgbouncer)")
        self.workdir.mkdir(parents=True, exist_ok=True)
        (self.workdir / "users.txt").write_text(f'"{self.user}" "{self.server.password or ""}"\n')
        (self.workdir / "pgbouncer.ini").write_text(f"""[databases]
* = host={self.server.hostname or '127.0.0.1'} port={self.server.port or 5432}

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = {self.port}
unix_socket_dir =
auth_type = trust
auth_file = {self.workdir / 'users.txt'}
admin_users = {self.user}
pool_mode = transaction
default_pool_size = {POOL_SIZE}
max_client_conn = 1000
; libpq's PGOPTIONS (the dev stack's idle_session_timeout) and drivers' settings
ignore_startup_parameters = extra_float_digits,options
server_reset_query =
logfile = {self.workdir / 'pgbouncer.log'}
pidfile = {self.workdir / 'pgbouncer.pid'}
""")
        argv = [binary, str(self.workdir / "pgbouncer.ini")]
        if os.geteuid() == 0:  # pgbouncer refuses to run as root
            shutil.chown(self.workdir, "nobody")
            for name in ("users.txt", "pgbouncer.ini"):
                shutil.chown(self.workdir / name, "nobody")
            argv[1:1] = ["-u", "nobody"]
        self.proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        wait_for(self._answers, timeout=15, message="pgbouncer listening")
        return self

    def _answers(self) -> bool:
        try:
            self.admin("SHOW VERSION")
            return True
        except psycopg.Error:
            return False

    def admin(self, command: str) -> list[dict[str, object]]:
        """A command on PgBouncer's admin console (database "pgbouncer")."""
        with psycopg.connect(host="127.0.0.1", port=self.port, user=self.user, dbname="pgbouncer",
                             autocommit=True, prepare_threshold=None, connect_timeout=3) as conn:
            cur = conn.execute(command)
            names = [c.name for c in cur.description or []]
            return [dict(zip(names, row)) for row in cur.fetchall()]

    def url(self, direct_url: str) -> str:
        parts = urllib.parse.urlsplit(direct_url)
        netloc = parts.netloc.rsplit("@", 1)
        host = f"127.0.0.1:{self.port}"
        return urllib.parse.urlunsplit(parts._replace(netloc=f"{netloc[0]}@{host}" if len(netloc) == 2 else host))

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()


@pytest.fixture(scope="module")
def pooled(run_id: str, tmp_path_factory: pytest.TempPathFactory, contracts_dir: Path) -> Iterator[tuple[Stack, PgBouncer]]:
    # Its own folder right under /tmp: as root, pgbouncer runs as nobody, who cannot enter pytest's.
    workdir = Path(tempfile.mkdtemp(prefix="ff-pgbouncer-"))
    bouncer = PgBouncer(workdir, urllib.parse.urlsplit(ADMIN_DB_URL)).start()
    vhost = f"ff_t_{run_id}_pgb"
    create_vhost(vhost)
    base = dict(os.environ, FIBREFLOW_DATABASE_URL=ADMIN_DB_URL, BROKER_URL=broker_url_of(vhost),
                GATEWAY_SECRET_KEY=secrets.token_urlsafe(32), FIBREFLOW_ADMIN_PASSWORD=ADMIN_PASSWORD,
                OUTBOX_POLL_SECONDS="5", CONSUMER_RETRY_DELAY_MS="500", VALIDATE_EVENT_SCHEMAS="true",
                CONTRACTS_DIR=str(contracts_dir / "events"), DB_POOL_SIZE="2", DB_MAX_OVERFLOW="3")
    env = stack_environment(base, ports=free_ports(), database_prefix=f"ff_t_{run_id}_pgb_")
    # Migrations and topology on direct connections, as the migrate Jobs do (three at a time).
    with ThreadPoolExecutor(max_workers=3) as pool:
        list(pool.map(lambda svc: _migrate(svc, env), SERVICES))
    for svc in SERVICES:
        direct = env[f"{svc.env_prefix}_DATABASE_URL"]
        env[f"{svc.env_prefix}_DATABASE_DIRECT_URL"] = direct
        env[f"{svc.env_prefix}_DATABASE_URL"] = bouncer.url(direct)
    env["DB_PREPARED_STATEMENTS"] = "false"
    stack = Stack(env, tmp_path_factory.mktemp("pgb-stack-logs"))
    stack.log_dir.mkdir(parents=True, exist_ok=True)
    for name, command in procfile_entries().items():
        svc = next((s for s in SERVICES if f"${s.env_prefix}_DATABASE_URL" in command), None)
        if svc is not None and command.endswith(" worker"):
            # LISTEN is session state: the relay listens on a direct connection, all else is pooled.
            command = f'DATABASE_LISTEN_URL="${svc.env_prefix}_DATABASE_DIRECT_URL" {command}'
        stack.start_process(name, command)
    try:
        wait_healthy(gateway_url(env), timeout=90)
    except TimeoutError:
        for name in stack.processes:
            print(f"----- {name} -----\n{stack.logs(name)[-2000:]}")
        stack.stop()
        bouncer.stop()
        raise
    yield stack, bouncer
    for proc in stack.processes.values():  # every process told at once, then each one waited for
        try:
            os.killpg(proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
    stack.stop()
    bouncer.stop()
    delete_vhost(vhost)
    shutil.rmtree(workdir, ignore_errors=True)
    for svc in SERVICES:
        drop_database(env[f"{svc.env_prefix}_DATABASE_DIRECT_URL"])


def _migrate(svc: Any, env: dict[str, str]) -> None:
    run_cli(svc, "migrate", env)
    run_cli(svc, "declare-topology", env)


def _login(base: str) -> requests.Session:
    token = requests.post(f"{base}/api/auth/login", json={"username": "admin", "password": ADMIN_PASSWORD},
                          timeout=15).json()["data"]["access_token"]
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {token}"
    return session


def test_the_ticket_flow_runs_through_pgbouncer_in_transaction_mode(pooled: tuple[Stack, PgBouncer]) -> None:
    stack, bouncer = pooled
    base = gateway_url(stack.env)
    api = _login(base)
    uids = []
    for n in range(6):  # more than psycopg's default prepare threshold (5) of the same statements
        made = api.post(f"{base}/api/tickets", timeout=15, json={
            "title": f"Fibre cut on Main Rd {n}", "description": "Backhoe", "type": "fault", "priority": "critical"})
        assert made.status_code == 201, made.text
        uids.append(made.json()["data"]["ticket_uid"])
    uid = uids[0]
    assert api.post(f"{base}/api/tickets/{uid}/notes", json={"content": "Crew dispatched"}, timeout=15).status_code == 201
    assert api.post(f"{base}/api/tickets/{uid}/status", json={"status": "triaged"}, timeout=15).status_code == 200
    for _ in range(10):
        assert api.get(f"{base}/api/tickets", params={"q": "Main"}, timeout=15).status_code == 200
    history = api.get(f"{base}/api/tickets/{uid}/history", timeout=15).json()["data"]["history"]
    assert [h["field_changed"] for h in history] == ["created", "status"]
    # ticket-core's outbox → RabbitMQ → sla's consumer, whose writes go through the pooler too.
    for each in uids:
        clock = wait_for(lambda: api.get(f"{base}/api/sla/tickets/{each}", timeout=15).json().get("data"),
                         timeout=30, message=f"sla clock for {each}")
        assert clock["clocks"][0]["target_minutes"] == 60
    # The relay woke on NOTIFY through its direct LISTEN connection, not the 5 s poll.
    started = time.monotonic()
    late = api.post(f"{base}/api/tickets", timeout=15, json={
        "title": "Late ticket", "description": "x", "type": "fault", "priority": "critical"}).json()["data"]["ticket_uid"]
    wait_for(lambda: api.get(f"{base}/api/sla/tickets/{late}", timeout=15).status_code == 200, timeout=30,
             message="clock of the late ticket")
    assert time.monotonic() - started < 4.5

    # Every service's traffic went through PgBouncer, and each database got at most POOL_SIZE
    # server connections from it.
    stats = {row["database"]: row for row in bouncer.admin("SHOW STATS")}
    pools = bouncer.admin("SHOW POOLS")
    for svc in SERVICES:
        database = urllib.parse.urlsplit(stack.env[f"{svc.env_prefix}_DATABASE_DIRECT_URL"]).path.lstrip("/")
        assert int(stats[database]["total_xact_count"]) > 0, f"{svc.name} never went through pgbouncer"
        servers = sum(int(p["sv_active"]) + int(p["sv_idle"]) + int(p["sv_used"]) + int(p["sv_tested"])
                      + int(p["sv_login"]) for p in pools if p["database"] == database)
        assert servers <= POOL_SIZE, (svc.name, servers)
    logs = "".join(stack.logs(name) for name in stack.processes)
    assert "prepared statement" not in logs
