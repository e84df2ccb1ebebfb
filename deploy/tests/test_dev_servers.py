"""`make run` / `make test` on a machine with nothing running: with the configured PostgreSQL and
RabbitMQ ports pointed at closed ports, deploy/dev/servers.py starts private instances from the
distribution's packages under var/ on free ports, the suites run against them, and a second run
reuses them."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Iterator

import pytest

from deploy.dev import servers

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.integration, pytest.mark.xdist_group("private-servers")]


@pytest.fixture
def nothing_running() -> Iterator[dict[str, str]]:
    """An environment whose PostgreSQL and RabbitMQ URLs point at ports nothing listens on."""
    # Right under /tmp and world-traversable: as root the servers run as postgres/rabbitmq.
    var = Path(tempfile.mkdtemp(prefix="ff-servers-"))
    var.chmod(0o755)
    closed = [servers._free_port(), servers._free_port()]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TEST_BROKER", "RABBITMQ_"))}
    env.update(FF_VAR_DIR=str(var / "var"), FIBREFLOW_DATABASE_URL=f"postgresql://postgres@127.0.0.1:{closed[0]}/postgres",
               TEST_DATABASE_URL=f"postgresql://postgres@127.0.0.1:{closed[0]}/postgres",
               BROKER_URL=f"amqp://guest:guest@127.0.0.1:{closed[1]}/%2F", TEST_BROKER_PORT=str(closed[1]))
    yield env
    servers.stop(env)
    shutil.rmtree(var, ignore_errors=True)


def test_private_servers_start_and_the_suites_run_against_them(nothing_running: dict[str, str]) -> None:
    if servers._postgres_bin() is None or servers._rabbitmq_bin() is None:
        if os.geteuid() != 0:
            pytest.skip("postgresql/rabbitmq-server not installed and not root (the install is what make prints)")
    env = nothing_running
    result = subprocess.run(
        [sys.executable, str(ROOT / "deploy" / "dev" / "servers.py"), "exec", "--",
         str(ROOT / ".venv" / "bin" / "pytest"), str(ROOT / "shared" / "tests" / "integration" / "test_outbox_relay.py"),
         "-p", "no:xdist", "-p", "no:cacheprovider", "-q"],
        env=env, capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "passed" in result.stdout and "PostgreSQL: private instance" in result.stderr
    assert "RabbitMQ: private node" in result.stderr
    state = json.loads((Path(env["FF_VAR_DIR"]) / "servers.json").read_text())
    assert servers.answers("127.0.0.1", state["postgres"]) and servers.answers("127.0.0.1", state["rabbitmq"])
    # The next run finds them running and reuses them (no second start).
    again = servers.ensure(env)
    assert again["TEST_DATABASE_URL"].endswith(f":{state['postgres']}/postgres")
    assert again["BROKER_URL"] == f"amqp://guest:guest@127.0.0.1:{state['rabbitmq']}/%2F"
    servers.stop(env)
    assert not servers.answers("127.0.0.1", state["postgres"]) and not servers.answers("127.0.0.1", state["rabbitmq"])


def test_configured_servers_that_answer_are_used_as_they_are() -> None:
    env = servers.ensure(dict(os.environ))
    db = os.environ.get("TEST_DATABASE_URL", servers.DEFAULT_DB)
    assert env.get("TEST_DATABASE_URL", servers.DEFAULT_DB) == db and env.get("BROKER_URL") == os.environ.get("BROKER_URL")


def test_without_root_the_install_command_is_printed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "geteuid", lambda: 1000)
    with pytest.raises(servers.ServersError, match=r"sudo apt-get install -y postgresql rabbitmq-server"):
        servers.install(["postgresql", "rabbitmq-server"])
