"""Gateway test fixtures: one migrated database per run, apps built with test settings."""
from __future__ import annotations

import sys
from pathlib import Path

# Under --import-mode=importlib pytest names this file "gateway.tests.conftest" and registers
# the checkout folder gateway/ as a namespace package "gateway", shadowing the real package
# in gateway/src. Drop that placeholder so `import gateway` finds the real one, and put this
# folder on sys.path so test modules can import gw_helpers in every import mode.
if getattr(sys.modules.get("gateway"), "__file__", None) is None:
    sys.modules.pop("gateway", None)
sys.path.insert(0, str(Path(__file__).parent))

import secrets
from typing import Any, Callable, Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient

from gateway import config
from gateway.entrypoints.http import create_app

from gw_helpers import ADMIN_PASSWORD, PASSWORD, container_of, issue_backdated, random_ip


@pytest.fixture(scope="session")
def gateway_db(migrated_database: Callable[[str], str]) -> str:
    """The run's gateway database, migrated with the history shipped in the package."""
    return migrated_database("gateway")


@pytest.fixture(scope="session")
def make_app(gateway_db: str, contracts_dir) -> Iterator[Callable[..., Flask]]:
    """Factory: an app on the test database; keyword overrides replace settings fields.

    Every event the app stages is validated against contracts/events (VALIDATE_EVENT_SCHEMAS).
    """
    built: list[Flask] = []

    def make(**overrides: Any) -> Flask:
        base: dict[str, Any] = dict(environment="test", admin_password=ADMIN_PASSWORD,
                                    secret_key="test-secret-key-0123456789",
                                    password_hash_time_cost=1, password_hash_memory_kib=8, key_cache_seconds=0.0,
                                    rate_limit_per_user="10000/minute", rate_limit_per_ip="10000/minute",
                                    log_level="WARNING", validate_event_schemas=True,
                                    contracts_dir=str(contracts_dir / "events"))
        base.update(overrides)
        settings = config.load({"DATABASE_URL": gateway_db}, **base)
        app = create_app(settings)
        app.config["TESTING"] = True
        built.append(app)
        return app

    yield make
    for app in built:
        container_of(app).close()


@pytest.fixture(scope="session")
def app(make_app: Callable[..., Flask]) -> Flask:
    return make_app()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    c = app.test_client()
    c.environ_base["REMOTE_ADDR"] = random_ip()  # own IP per test: per-IP counters do not leak
    return c


@pytest.fixture
def make_user(app: Flask) -> Callable[..., Any]:
    """Factory: create a user with a unique name directly through the service layer."""
    from gateway.service_layer import users

    def make(roles: list[str] | None = None, *, password: str = PASSWORD, active: bool = True,
             username: str | None = None) -> Any:
        name = username or f"u{secrets.token_hex(5)}"
        user = users.create_user(container_of(app).deps, username=name, password=password,
                                 display_name=name.title(), email=f"{name}@example.com",
                                 roles=roles or ["technician"], active=active)
        return user

    return make


@pytest.fixture(scope="session")
def _role_users(app: Flask) -> dict[tuple[str, ...], Any]:
    return {}


@pytest.fixture
def token_for(app: Flask, _role_users: dict) -> Callable[..., str]:
    """An access token for ``user``, or for a (shared, real) active user holding ``roles``:
    the gateway refuses tokens whose subject is not a known active user."""
    from gateway.service_layer import users

    def issue(user: Any = None, *, roles: list[str] | None = None, issued_at: int | None = None) -> str:
        deps = container_of(app).deps
        if user is None:
            key = tuple(sorted(roles or ["admin"]))
            if key not in _role_users:
                name = f"r{secrets.token_hex(5)}"
                _role_users[key] = users.create_user(deps, username=name, password=PASSWORD, display_name=name,
                                                     email=None, roles=list(key))
            user = _role_users[key]
        if issued_at is not None:
            return issue_backdated(deps, user, issued_at)
        return deps.issuer.issue(user_id=str(user.id), username=user.username, roles=roles or user.roles, teams=[])

    return issue
