"""The local stack: environment, migrations, topology, and the Procfile's processes.

Used by ``make run`` (deploy/dev/run.py, which hands the Procfile to deploy/dev/supervisor.py) and
by the end-to-end tests and benchmarks (which start the same Procfile lines on free ports).
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import requests

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = ROOT / ".venv" / "bin"
PROCFILE = ROOT / "Procfile"


@dataclass(frozen=True)
class Service:
    name: str          # process / CLI name
    env_prefix: str    # <PREFIX>_DATABASE_URL, <PREFIX>_BIND
    database: str      # default database name
    default_port: int
    upstream_var: str | None = None  # the gateway's variable pointing at this service


SERVICES = (
    Service("gateway", "GATEWAY", "ff_gateway", 8080),
    Service("ticket-core", "TICKET_CORE", "ff_ticket_core", 8081, "TICKET_CORE_URL"),
    Service("sla", "SLA", "ff_sla", 8082, "SLA_URL"),
    Service("billing", "BILLING", "ff_billing", 8083, "BILLING_URL"),
    Service("notifications", "NOTIFICATIONS", "ff_notifications", 8084, "NOTIFICATIONS_URL"),
    Service("wa-bridge", "WA_BRIDGE", "ff_wa_bridge", 8086, "WA_BRIDGE_URL"),
    Service("console", "CONSOLE", "ff_console", 8088, "CONSOLE_URL"),
    Service("email-intake", "EMAIL_INTAKE", "ff_email_intake", 8087, "EMAIL_INTAKE_URL"),
    Service("qcontact-sync", "QCONTACT_SYNC", "ff_qcontact_sync", 8085, "QCONTACT_SYNC_URL"),
)
# Listeners of our own that are not HTTP (on free ports with the rest): email-intake's SMTP.
LISTENER_BINDS = (("EMAIL_INTAKE_SMTP_BIND", 2526),)


@dataclass(frozen=True)
class Simulator:
    """A stand-in for an external system: the variables naming where it listens."""

    name: str
    binds: tuple[tuple[str, int], ...]  # (variable, default port)


SIMULATORS = (
    Simulator("invoicing-sim", (("INVOICING_SIM_BIND", 8091),)),
    Simulator("sms-sim", (("SIM_SMS_BIND", 8092),)),
    Simulator("smtp-sim", (("SIM_SMTP_BIND", 2525), ("SIM_SMTP_HTTP_BIND", 8093))),
    Simulator("qcontact-sim", (("QCONTACT_SIM_BIND", 8094),)),
    Simulator("waha-sim", (("WAHA_SIM_BIND", 8095),)),
    Simulator("imap-sim", (("IMAP_SIM_BIND", 1143), ("IMAP_SIM_HTTP_BIND", 8096))),
)


# Ports for stacks started on "free ports" (tests, benchmarks) come from below Linux's
# ephemeral range (32768-60999): an ephemeral port can be taken by any outgoing connection
# between the moment we pick it and the moment the server binds it.
PORT_RANGE = (15000, 30000)


def allocate_ports(count: int) -> list[int]:
    """``count`` distinct ports that are free now, all held open until every one is chosen."""
    import random
    import socket

    held: list[socket.socket] = []
    try:
        while len(held) < count:
            sock = socket.socket()
            try:
                sock.bind(("127.0.0.1", random.randrange(*PORT_RANGE)))
            except OSError:
                sock.close()
                continue
            held.append(sock)
        return [sock.getsockname()[1] for sock in held]
    finally:
        for sock in held:
            sock.close()


def free_ports() -> dict[str, int]:
    """A port per service, for ``stack_environment(..., ports=free_ports())``."""
    return dict(zip((svc.name for svc in SERVICES), allocate_ports(len(SERVICES))))


def database_url(base: str, name: str) -> str:
    """``base`` is a server URL (any database part is replaced by ``name``)."""
    parts = urllib.parse.urlsplit(base)
    return urllib.parse.urlunsplit(parts._replace(path="/" + name))


def stack_environment(environ: dict[str, str] | None = None, *, ports: dict[str, int] | None = None,
                      database_prefix: str = "") -> dict[str, str]:
    """Every variable the Procfile's processes need, derived from a few overridable ones."""
    env = dict(os.environ if environ is None else environ)
    base = env.get("FIBREFLOW_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
    env.setdefault("BROKER_URL", "amqp://guest:guest@127.0.0.1:5672/%2F")
    ports = ports or {}
    for svc in SERVICES:
        port = ports.get(svc.name, svc.default_port)
        if ports or f"{svc.env_prefix}_BIND" not in env:
            env[f"{svc.env_prefix}_BIND"] = f"127.0.0.1:{port}"
        env.setdefault(f"{svc.env_prefix}_DATABASE_URL",
                       database_url(base, database_prefix + svc.database))
    gateway_url = f"http://{env['GATEWAY_BIND']}"
    for svc in SERVICES:
        if svc.upstream_var and (ports or svc.upstream_var not in env):
            env[svc.upstream_var] = f"http://{env[f'{svc.env_prefix}_BIND']}"
    if ports or "JWKS_URL" not in env:
        env["JWKS_URL"] = f"{gateway_url}/.well-known/jwks.json"
    # Simulators: on free ports whenever the services are, and the services pointed at them.
    sim_binds = [bind for sim in SIMULATORS for bind in sim.binds] + list(LISTENER_BINDS)
    taken = set(ports.values())
    spare = iter(port for port in allocate_ports(len(sim_binds) + len(taken)) if port not in taken) if ports else None
    for variable, default in sim_binds:
        if ports or variable not in env:
            env[variable] = f"127.0.0.1:{next(spare) if spare else default}"
    derived = {
        "INVOICING_API_URL": f"http://{env['INVOICING_SIM_BIND']}/api",
        "INVOICING_WEBHOOK_URL": f"{gateway_url}/api/ticketing/webhooks/invoice-status",
        "NOTIFICATIONS_TWILIO_BASE_URL": f"http://{env['SIM_SMS_BIND']}",
        "NOTIFICATIONS_SMTP_HOST": env["SIM_SMTP_BIND"].rsplit(":", 1)[0],
        "NOTIFICATIONS_SMTP_PORT": env["SIM_SMTP_BIND"].rsplit(":", 1)[1],
        # Provider callbacks come in through the gateway's public webhook routes, as in production.
        "NOTIFICATIONS_PUBLIC_BASE_URL": gateway_url,
        # wa-bridge talks to the WAHA simulator, which posts its webhooks through the gateway;
        # notifications' WhatsApp channel sends through wa-bridge (same service key on both sides).
        "WA_BRIDGE_WAHA_URL": f"http://{env['WAHA_SIM_BIND']}",
        "WA_BRIDGE_PUBLIC_BASE_URL": gateway_url,
        "NOTIFICATIONS_WA_BRIDGE_URL": f"http://{env['WA_BRIDGE_BIND']}",
        "NOTIFICATIONS_WA_BRIDGE_KEY": env.get("WA_BRIDGE_NOTIFY_KEY", "dev-wa-bridge-notify-key"),
        # The console calls the API back through the gateway, as a browser would.
        "CONSOLE_GATEWAY_URL": gateway_url,
        # QContact and Fibertime (one simulator): the sync calls it, its webhooks come in through the gateway.
        "QCONTACT_BASE_URL": f"http://{env['QCONTACT_SIM_BIND']}",
        "FIBERTIME_WEBHOOK_URL": f"http://{env['QCONTACT_SIM_BIND']}/fibertime/webhooks/velocity",
        "QCONTACT_SIM_WEBHOOK_URL": f"{gateway_url}/api/qcontact/webhook",
        "FIBERTIME_SIM_TARGET_URL": f"{gateway_url}/api/tickets/webhook/fibertime",
        # email-intake polls the IMAP simulator's mailbox (plain IMAP on loopback: dev only).
        "EMAIL_INTAKE_IMAP_HOST": env["IMAP_SIM_BIND"].rsplit(":", 1)[0],
        "EMAIL_INTAKE_IMAP_PORT": env["IMAP_SIM_BIND"].rsplit(":", 1)[1],
        "EMAIL_INTAKE_IMAP_SSL": "false",
        "EMAIL_INTAKE_IMAP_USERNAME": "tickets",
        "EMAIL_INTAKE_IMAP_PASSWORD": "dev-imap-password",
        "EMAIL_INTAKE_IMAP_POLL_SECONDS": "5",
    }
    for variable, value in derived.items():
        if ports or variable not in env:
            env[variable] = value
    env["PATH"] = f"{VENV_BIN}{os.pathsep}{env.get('PATH', '')}"
    env.setdefault("PYTHONUNBUFFERED", "1")
    _connection_budget(env)
    return env


# The PostgreSQL connection budget of a local stack. The server allows 100 connections for every
# process of every stack on the machine, and `make test` has to fit beside an idle `make run`. The
# pools keep a connection per web thread once a burst has opened it (measured: 29 open after
# start, 48 held idle after one burst), which is right under load (no backend started per
# request) and a waste when idle. So the server closes any session idle (not in a transaction)
# longer than this, and pool_pre_ping (fibreflow_shared.db.make_engine) replaces it on the next
# checkout: a busy stack keeps its full pools, an idle one only what it polls with.
IDLE_SESSION_TIMEOUT = "20s"


def _connection_budget(env: dict[str, str]) -> None:
    """Add ``idle_session_timeout`` to PGOPTIONS (libpq reads it in every process) unless the
    environment already chooses one."""
    options = env.get("PGOPTIONS", "")
    if "idle_session_timeout" not in options:
        env["PGOPTIONS"] = f"{options} -c idle_session_timeout={IDLE_SESSION_TIMEOUT}".strip()


def gateway_url(env: dict[str, str]) -> str:
    return f"http://{env['GATEWAY_BIND']}"


def run_cli(service: Service, command: str, env: dict[str, str]) -> None:
    """Run ``fibreflow-<service> <command>`` with that service's database."""
    proc_env = dict(env, DATABASE_URL=env[f"{service.env_prefix}_DATABASE_URL"])
    subprocess.run([str(VENV_BIN / f"fibreflow-{service.name}"), command], env=proc_env, check=True)


def prepare(env: dict[str, str]) -> None:
    """Create databases, migrate every service and declare the broker topology."""
    for svc in SERVICES:
        run_cli(svc, "migrate", env)
    for svc in SERVICES:  # the gateway too: it consumes audit.recorded
        run_cli(svc, "declare-topology", env)


def procfile_entries(path: Path = PROCFILE) -> dict[str, str]:
    entries: dict[str, str] = {}
    for line in path.read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            name, _, command = line.partition(":")
            entries[name.strip()] = command.strip()
    return entries


def wait_healthy(url: str, timeout: float = 60.0, *, only: tuple[str, ...] | None = None) -> dict:
    """Poll the gateway's /api/health until every service is ready (or just the upstreams named
    in ``only``, e.g. ``("ticket_core",)`` for a stack started with ``Stack.start(only=...)``)."""
    deadline = time.monotonic() + timeout
    last: object = None
    while time.monotonic() < deadline:
        try:
            resp = requests.get(f"{url}/api/health", timeout=2)
            last = resp.json()
            if resp.status_code == 200:
                return last  # type: ignore[return-value]
            services = (last.get("error", {}).get("details") or {}).get("services", {})  # type: ignore[union-attr]
            if only and all(services.get(name, {}).get("status") == "ready" for name in only):
                return last  # type: ignore[return-value]
        except (requests.RequestException, ValueError) as exc:
            last = repr(exc)
        time.sleep(0.25)
    raise TimeoutError(f"stack not healthy after {timeout}s: {last}")


@dataclass
class Stack:
    """The Procfile's processes as child processes (for tests and benchmarks)."""

    env: dict[str, str]
    log_dir: Path
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)
    _logs: dict[str, IO[bytes]] = field(default_factory=dict)

    def start(self, only: tuple[str, ...] | None = None) -> "Stack":
        self.log_dir.mkdir(parents=True, exist_ok=True)
        for name, command in procfile_entries().items():
            if only is None or name in only:
                self.start_process(name, command)
        return self

    def start_process(self, name: str, command: str | None = None) -> None:
        command = command or procfile_entries()[name]
        log = self._logs.get(name) or open(self.log_dir / f"{name}.log", "ab")
        self._logs[name] = log
        # Procfile lines start with VAR=value assignments, so they run under a shell; the
        # process group (start_new_session) lets stop_process signal the shell and its child.
        self.processes[name] = subprocess.Popen(["/bin/sh", "-c", command], env=self.env, stdout=log,
                                                stderr=subprocess.STDOUT, start_new_session=True)

    def stop_process(self, name: str, sig: int = signal.SIGTERM) -> None:
        proc = self.processes.pop(name, None)
        if proc is None:
            return
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        # The group's leader gone is not the group gone (a shell that did not exec, a gunicorn worker
        # finishing its last request): "stopped" must mean nothing of it still answers.
        for sig_at_deadline in (signal.SIGKILL, None):
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                try:
                    os.killpg(proc.pid, 0)
                except ProcessLookupError:
                    return
                time.sleep(0.05)
            if sig_at_deadline is not None:
                try:
                    os.killpg(proc.pid, sig_at_deadline)
                except ProcessLookupError:
                    return

    def stop(self) -> None:
        for name in list(self.processes):
            self.stop_process(name)
        for log in self._logs.values():
            log.close()

    def logs(self, name: str) -> str:
        path = self.log_dir / f"{name}.log"
        return path.read_text(errors="replace") if path.exists() else ""


if __name__ == "__main__":  # python deploy/dev/stack.py prepare
    if sys.argv[1:] == ["prepare"]:
        prepare(stack_environment())
