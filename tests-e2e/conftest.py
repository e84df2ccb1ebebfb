"""The whole stack as real processes (the Procfile's lines) on free ports, with this run's
own databases and RabbitMQ vhost; tests talk to it only through the gateway."""
from __future__ import annotations

import secrets
import sys
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest
import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).parent))  # the faults/ helpers (fault proxies)

from deploy.dev.stack import Stack, free_ports, gateway_url, prepare, stack_environment, wait_healthy  # noqa: E402
from fibreflow_shared.testing.infra import broker_url as broker_url_of, create_vhost, delete_vhost  # noqa: E402

ADMIN_PASSWORD = "e2e-" + secrets.token_urlsafe(12)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """All end-to-end tests on one xdist worker: one stack (14 processes, each with its own
    connection pool) is what the machine and PostgreSQL's 100 connections can carry."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.xdist_group("e2e"))


@pytest.fixture(scope="session")
def stack_broker_url(run_id: str) -> Iterator[str]:
    """A vhost of the stack's own: the service suites' consumers (other settings) never share it."""
    vhost = f"ff_t_{run_id}_e2e"
    create_vhost(vhost)
    yield broker_url_of(vhost)
    delete_vhost(vhost)


@pytest.fixture(scope="session")
def fault_proxies(make_database: Callable[[str], str], stack_broker_url: str) -> Iterator[Any]:
    """TCP fault proxies between the stack and the real servers (tests-e2e/faults): one for the
    broker, one per service database (the gateway's is direct). Transparent until a test cuts one."""
    from faults.proxies import StackProxies

    proxies = StackProxies.start(make_database, stack_broker_url)
    yield proxies
    proxies.close()


@pytest.fixture(scope="session")
def stack(fault_proxies: Any, stack_broker_url: str, tmp_path_factory: pytest.TempPathFactory,
          contracts_dir: Path) -> Iterator[Stack]:
    import os

    base = dict(os.environ)
    base.update(fault_proxies.stack_env())
    base.update({
        "GATEWAY_SECRET_KEY": secrets.token_urlsafe(32),
        "FIBREFLOW_ADMIN_PASSWORD": ADMIN_PASSWORD,
        "OUTBOX_POLL_SECONDS": "0.5",
        "CONSUMER_RETRY_DELAY_MS": "500",
        "VALIDATE_EVENT_SCHEMAS": "true",
        "CONTRACTS_DIR": str(contracts_dir / "events"),
        "UPSTREAM_READ_TIMEOUT": "5",
        "DB_POOL_SIZE": "2",
        "DB_MAX_OVERFLOW": "3",  # 24 processes x 5 at most: the stack fits beside a running `make run`
        "LOG_LEVEL": "INFO",
    })
    env = stack_environment(base, ports=free_ports())
    prepare(env)
    running = Stack(env, tmp_path_factory.mktemp("stack-logs")).start()
    try:
        wait_healthy(gateway_url(env), timeout=60)
    except TimeoutError:
        for name in running.processes:
            print(f"----- {name} -----\n{running.logs(name)[-3000:]}")
        running.stop()
        raise
    yield running
    running.stop()


@pytest.fixture(scope="session")
def base_url(stack: Stack) -> str:
    return gateway_url(stack.env)


class Api:
    """A logged-in client of the gateway."""

    def __init__(self, base_url: str, token: str | None = None) -> None:
        self.base_url = base_url
        self.session = requests.Session()
        if token:
            self.session.headers["Authorization"] = f"Bearer {token}"

    def __getattr__(self, method: str) -> Callable[..., requests.Response]:
        def call(path: str, **kwargs: Any) -> requests.Response:
            kwargs.setdefault("timeout", 15)
            return self.session.request(method.upper(), f"{self.base_url}{path}", **kwargs)

        return call


def login(base_url: str, username: str, password: str) -> Api:
    resp = requests.post(f"{base_url}/api/auth/login", json={"username": username, "password": password}, timeout=15)
    assert resp.status_code == 200, resp.text
    return Api(base_url, resp.json()["data"]["access_token"])


@pytest.fixture(scope="session")
def admin(base_url: str) -> Api:
    return login(base_url, "admin", ADMIN_PASSWORD)


@pytest.fixture(scope="session")
def make_user(admin: Api, base_url: str) -> Callable[[str], Api]:
    """Create a user with one role and return a client logged in as them."""

    def make(role: str) -> Api:
        username = f"{role}-{secrets.token_hex(3)}"
        password = secrets.token_urlsafe(16)
        resp = admin.post("/api/users", json={"username": username, "password": password, "roles": [role],
                                              "display_name": username.title(), "email": f"{username}@example.com"})
        assert resp.status_code == 201, resp.text
        api = login(base_url, username, password)
        api.user_id = resp.json()["data"]["id"]  # type: ignore[attr-defined]
        return api

    return make
