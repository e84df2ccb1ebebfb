"""PostgreSQL and RabbitMQ for ``make run`` and ``make test`` on a machine that has none running.

When something answers on the configured PostgreSQL URL (``FIBREFLOW_DATABASE_URL`` /
``TEST_DATABASE_URL``) and RabbitMQ URL (``BROKER_URL`` / ``TEST_BROKER_HOST``+``TEST_BROKER_PORT``),
those are used as they are. Otherwise a private instance of the missing one is started from the
distribution's packages (``postgresql``, ``rabbitmq-server``) under ``var/`` (``FF_VAR_DIR``) on a
free port, reused by later runs, and the variables are pointed at it. Missing packages are
installed with apt-get when running as root; otherwise the one command to install them is printed.

    python deploy/dev/servers.py exec -- pytest ...   # ensure, then run the command with the env
    python deploy/dev/servers.py stop                 # stop the private instances
"""
from __future__ import annotations

import hashlib
import json
import os
import pwd
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DB = "postgresql://postgres@127.0.0.1:5432/postgres"
DEFAULT_BROKER = "amqp://guest:guest@127.0.0.1:5672/%2F"
PACKAGES = {"postgres": "postgresql", "rabbitmq": "rabbitmq-server"}


class ServersError(RuntimeError):
    """A private server cannot be started; the message says what to do."""


def var_dir(env: dict[str, str]) -> Path:
    return Path(env.get("FF_VAR_DIR") or ROOT / "var")


def answers(host: str, port: int, timeout: float = 1.0) -> bool:
    try:
        socket.create_connection((host, port), timeout=timeout).close()
        return True
    except OSError:
        return False


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _postgres_bin() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]))
    return found[-1].parent if found else None


def _rabbitmq_bin() -> Path | None:
    for candidate in (Path("/usr/lib/rabbitmq/bin/rabbitmq-server"),):
        if candidate.exists():
            return candidate.parent
    found = shutil.which("rabbitmq-server")
    return Path(found).parent if found else None


def install(missing: list[str]) -> None:
    """apt-get the missing packages as root; otherwise say the one command that does."""
    if not missing:
        return
    command = ["apt-get", "install", "-y", *missing]
    if os.geteuid() != 0:
        raise ServersError("PostgreSQL/RabbitMQ are not running and not installed. Install them with:\n"
                           f"    sudo {' '.join(command)}\nthen run the same make command again.")
    print(f"installing {' '.join(missing)} ...", flush=True)
    subprocess.run(["apt-get", "update", "-qq"], check=False)
    subprocess.run(command, check=True, env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))


def _as(user: str, argv: list[str]) -> list[str]:
    """Run as ``user`` when root (postgres and rabbitmq refuse root), else as ourselves."""
    return ["runuser", "-u", user, "--", *argv] if os.geteuid() == 0 else argv


def _own(path: Path, user: str) -> None:
    if os.geteuid() == 0:
        entry = pwd.getpwnam(user)
        for p in [path, *path.rglob("*")]:
            os.chown(p, entry.pw_uid, entry.pw_gid)


def _state(env: dict[str, str]) -> dict[str, int]:
    path = var_dir(env) / "servers.json"
    return json.loads(path.read_text()) if path.exists() else {}


def _save(env: dict[str, str], state: dict[str, int]) -> None:
    path = var_dir(env) / "servers.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(state))


def start_postgres(env: dict[str, str]) -> int:
    """A private PostgreSQL (trust auth on 127.0.0.1, superuser postgres); returns its port."""
    state = _state(env)
    if state.get("postgres") and answers("127.0.0.1", state["postgres"]):
        return state["postgres"]
    binaries = _postgres_bin()
    if binaries is None:
        install([PACKAGES["postgres"]])
        binaries = _postgres_bin()
        if binaries is None:
            raise ServersError("postgresql installed but no /usr/lib/postgresql/*/bin/initdb found")
    base = var_dir(env) / "postgres"
    data, run = base / "data", base / "run"
    run.mkdir(parents=True, exist_ok=True)
    user = "postgres" if os.geteuid() == 0 else pwd.getpwuid(os.geteuid()).pw_name
    if not (data / "PG_VERSION").exists():
        data.mkdir(parents=True, exist_ok=True)
        _own(base, user)
        subprocess.run(_as(user, [str(binaries / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust",
                                  "-E", "UTF8", "--locale=C.UTF-8"]), check=True, capture_output=True)
    _own(base, user)
    port = _free_port()
    options = (f"-p {port} -k {run} -c listen_addresses=127.0.0.1 -c max_connections=200 "
               "-c fsync=off -c synchronous_commit=off")
    subprocess.run(_as(user, [str(binaries / "pg_ctl"), "-D", str(data), "-l", str(base / "server.log"),
                              "-o", options, "-w", "-t", "60", "start"]), check=True, capture_output=True)
    _save(env, {**_state(env), "postgres": port})
    return port


def start_rabbitmq(env: dict[str, str]) -> tuple[int, int]:
    """A private RabbitMQ node (guest/guest on loopback, management plugin); (AMQP, management) ports."""
    state = _state(env)
    if state.get("rabbitmq") and answers("127.0.0.1", state["rabbitmq"]):
        return state["rabbitmq"], state["rabbitmq_management"]
    binaries = _rabbitmq_bin()
    if binaries is None:
        install([PACKAGES["rabbitmq"]])
        binaries = _rabbitmq_bin()
        if binaries is None:
            raise ServersError("rabbitmq-server installed but not found")
    base = var_dir(env) / "rabbitmq"
    (base / "log").mkdir(parents=True, exist_ok=True)
    amqp, management, dist = _free_port(), _free_port(), _free_port()
    (base / "rabbitmq.conf").write_text(f"listeners.tcp.default = 127.0.0.1:{amqp}\n"
                                        f"management.tcp.port = {management}\nmanagement.tcp.ip = 127.0.0.1\n"
                                        "loopback_users.guest = true\n")
    (base / "enabled_plugins").write_text("[rabbitmq_management].\n")
    user = "rabbitmq" if os.geteuid() == 0 else pwd.getpwuid(os.geteuid()).pw_name
    _own(base, user)
    node = node_name(env)
    server_env = dict(os.environ, RABBITMQ_NODENAME=node, RABBITMQ_CONFIG_FILE=str(base / "rabbitmq.conf"),
                      RABBITMQ_ENABLED_PLUGINS_FILE=str(base / "enabled_plugins"), RABBITMQ_DIST_PORT=str(dist),
                      RABBITMQ_MNESIA_BASE=str(base / "mnesia"), RABBITMQ_LOG_BASE=str(base / "log"),
                      RABBITMQ_PID_FILE=str(base / "rabbitmq.pid"))
    if os.geteuid() == 0:
        server_env["HOME"] = pwd.getpwnam("rabbitmq").pw_dir  # the cookie rabbitmqctl (as rabbitmq) uses
    with open(base / "log" / "console.log", "ab") as log:
        subprocess.Popen(_as(user, [str(binaries / "rabbitmq-server")]), env=server_env, stdout=log,
                         stderr=subprocess.STDOUT, start_new_session=True, cwd=str(base))
    deadline = time.monotonic() + 90
    while not (answers("127.0.0.1", amqp) and answers("127.0.0.1", management)):
        if time.monotonic() > deadline:
            raise ServersError(f"the private RabbitMQ did not start: see {base / 'log'}")
        time.sleep(0.5)
    _save(env, {**_state(env), "rabbitmq": amqp, "rabbitmq_management": management, "rabbitmq_dist": dist})
    return amqp, management


def node_name(env: dict[str, str]) -> str:
    """The private node's Erlang name, unique per var/ folder (rabbitmqctl finds it by this name)."""
    digest = hashlib.sha256(str(var_dir(env).resolve()).encode()).hexdigest()[:10]
    return f"ff-{digest}@localhost"


def ensure(environ: dict[str, str] | None = None) -> dict[str, str]:
    """``environ`` with PostgreSQL and RabbitMQ answering: the configured ones, else private ones."""
    env = dict(os.environ if environ is None else environ)
    db = urllib.parse.urlsplit(env.get("FIBREFLOW_DATABASE_URL") or env.get("TEST_DATABASE_URL") or DEFAULT_DB)
    if not answers(db.hostname or "127.0.0.1", db.port or 5432):
        port = start_postgres(env)
        url = f"postgresql://postgres@127.0.0.1:{port}/postgres"
        env.update(FIBREFLOW_DATABASE_URL=url, TEST_DATABASE_URL=url)
        print(f"PostgreSQL: private instance on 127.0.0.1:{port} ({var_dir(env) / 'postgres'})", file=sys.stderr)
    broker = urllib.parse.urlsplit(env.get("BROKER_URL") or DEFAULT_BROKER)
    host = env.get("TEST_BROKER_HOST") or broker.hostname or "127.0.0.1"
    port_ = int(env.get("TEST_BROKER_PORT") or broker.port or 5672)
    if not answers(host, port_):
        amqp, management = start_rabbitmq(env)
        env.update(BROKER_URL=f"amqp://guest:guest@127.0.0.1:{amqp}/%2F", TEST_BROKER_HOST="127.0.0.1",
                   TEST_BROKER_PORT=str(amqp), TEST_BROKER_USER="guest", TEST_BROKER_PASSWORD="guest",
                   TEST_BROKER_MANAGEMENT_URL=f"http://127.0.0.1:{management}", RABBITMQ_NODENAME=node_name(env))
        print(f"RabbitMQ: private node on 127.0.0.1:{amqp} ({var_dir(env) / 'rabbitmq'})", file=sys.stderr)
    redis = urllib.parse.urlsplit(env.get("TEST_REDIS_URL") or "redis://127.0.0.1:6379/13")
    if not answers(redis.hostname or "127.0.0.1", redis.port or 6379):
        port = start_redis(env)
        env["TEST_REDIS_URL"] = f"redis://127.0.0.1:{port}/13"
        print(f"Redis: private instance on 127.0.0.1:{port}", file=sys.stderr)
    return env


def start_redis(env: dict[str, str]) -> int:
    """A private Redis (no persistence) for the gateway's shared rate-limit tests."""
    state = _state(env)
    if state.get("redis") and answers("127.0.0.1", state["redis"]):
        return state["redis"]
    binary = shutil.which("redis-server") or "/usr/bin/redis-server"
    if not Path(binary).exists():
        install(["redis-server"])
    base = var_dir(env) / "redis"
    base.mkdir(parents=True, exist_ok=True)
    port = _free_port()
    subprocess.run([binary, "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no",
                    "--daemonize", "yes", "--dir", str(base), "--pidfile", str(base / "redis.pid"),
                    "--logfile", str(base / "redis.log")], check=True, capture_output=True)
    deadline = time.monotonic() + 20
    while not answers("127.0.0.1", port):
        if time.monotonic() > deadline:
            raise ServersError(f"the private Redis did not start: see {base / 'redis.log'}")
        time.sleep(0.1)
    _save(env, {**_state(env), "redis": port})
    return port


def stop(environ: dict[str, str] | None = None) -> None:
    """Stop the private instances of this var/ folder (if any are running)."""
    env = dict(os.environ if environ is None else environ)
    base = var_dir(env)
    binaries = _postgres_bin()
    if binaries and (base / "postgres" / "data" / "postmaster.pid").exists():
        user = "postgres" if os.geteuid() == 0 else pwd.getpwuid(os.geteuid()).pw_name
        subprocess.run(_as(user, [str(binaries / "pg_ctl"), "-D", str(base / "postgres" / "data"), "-m", "fast",
                                  "-w", "stop"]), capture_output=True)
    rabbit = _rabbitmq_bin()
    if rabbit and _state(env).get("rabbitmq"):
        user = "rabbitmq" if os.geteuid() == 0 else pwd.getpwuid(os.geteuid()).pw_name
        ctl_env = dict(os.environ)
        if os.geteuid() == 0:
            ctl_env["HOME"] = pwd.getpwnam("rabbitmq").pw_dir
        subprocess.run(_as(user, [str(rabbit / "rabbitmqctl"), "-n", node_name(env), "stop"]), env=ctl_env,
                       capture_output=True, timeout=120)
    redis_pid = base / "redis" / "redis.pid"
    if redis_pid.exists():
        try:
            os.kill(int(redis_pid.read_text().strip()), 15)
        except (ValueError, ProcessLookupError):
            pass
    state = base / "servers.json"
    state.unlink(missing_ok=True)


def main(argv: list[str]) -> int:
    if argv[:1] == ["stop"]:
        stop()
        return 0
    if argv[:1] == ["exec"]:
        command = argv[2:] if argv[1:2] == ["--"] else argv[1:]
        try:
            env = ensure()
        except ServersError as exc:
            print(f"\n{exc}\n", file=sys.stderr)
            return 2
        os.execvpe(command[0], command, env)
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
