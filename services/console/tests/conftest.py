"""Console test fixtures: its own migrated database, and a real gateway (the gateway package's app
on its own migrated database, served on a port) for the console to sign in against."""
from __future__ import annotations

import secrets
import threading
from typing import Any, Callable, Iterator

import pytest
from sqlalchemy import text
from werkzeug.serving import make_server

from console.bootstrap import Container, bootstrap
from console.config import load
from console.entrypoints.http import create_app

ADMIN_PASSWORD = "console-test-" + secrets.token_urlsafe(8)


@pytest.fixture(scope="session")
def gateway_url(migrated_database: Callable[[str], str]) -> Iterator[str]:
    from gateway import config as gw_config
    from gateway.entrypoints.http import create_app as gateway_app

    settings = gw_config.load({"DATABASE_URL": migrated_database("gateway", "console_gw")}, environment="test",
                              admin_password=ADMIN_PASSWORD, secret_key="console-test-secret-0123456789",
                              password_hash_time_cost=1, password_hash_memory_kib=8, key_cache_seconds=0.0,
                              rate_limit_per_user="100000/minute", rate_limit_per_ip="100000/minute",
                              login_max_failures_per_ip=1000, access_token_ttl_seconds=60, log_level="WARNING")
    app = gateway_app(settings)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    app.extensions["container"].close()


@pytest.fixture(scope="session")
def console_db(migrated_database: Callable[[str], str]) -> str:
    return migrated_database("console")


@pytest.fixture(scope="session")
def container(console_db: str, gateway_url: str, broker_url: str) -> Iterator[Container]:
    c = bootstrap(load(database_url=console_db, broker_url=broker_url, gateway_url=gateway_url, log_level="WARNING"))
    yield c
    c.close()


@pytest.fixture()
def clean(container: Container) -> None:
    with container.engine.begin() as conn:
        conn.execute(text("TRUNCATE console_sessions, saved_views"))


@pytest.fixture()
def app(container: Container, clean: None) -> Any:
    app = create_app(container.settings, container=container)
    app.config["TESTING"] = True
    return app


@pytest.fixture()
def client(app: Any) -> Any:
    return app.test_client()


@pytest.fixture(scope="session")
def gateway_admin(gateway_url: str) -> Any:
    import requests

    resp = requests.post(f"{gateway_url}/api/auth/login", json={"username": "admin", "password": ADMIN_PASSWORD},
                         timeout=10)
    assert resp.status_code == 200, resp.text
    session = requests.Session()
    session.headers["Authorization"] = "Bearer " + resp.json()["data"]["access_token"]
    session.base = gateway_url  # type: ignore[attr-defined]
    return session


@pytest.fixture(scope="session")
def make_user(gateway_admin: Any, gateway_url: str) -> Callable[[str], tuple[str, str, str]]:
    """A gateway user of one role: (username, password, id)."""

    def make(role: str) -> tuple[str, str, str]:
        username, password = f"{role.replace('_', '')}{secrets.token_hex(3)}", secrets.token_urlsafe(14)
        resp = gateway_admin.post(f"{gateway_url}/api/users", json={
            "username": username, "password": password, "roles": [role], "display_name": username.title(),
            "email": f"{username}@example.com"}, timeout=10)
        assert resp.status_code == 201, resp.text
        return username, password, resp.json()["data"]["id"]

    return make
