"""The abuse suite's services: each service's real Flask app (its own migrated database, this
run's broker vhost), called in-process through WSGI with tokens of a throwaway signer.

Going through WSGI instead of the 14-process stack keeps a schemathesis run to seconds per
service; the gateway-level checks (the authorization matrix) use the real stack of
``tests-e2e/conftest.py``.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest
from flask import Flask

from fibreflow_shared.testing.infra import free_port
from fibreflow_shared.testing.tokens import TestSigner

SERVICE_NAMES = ("ticket-core", "sla", "billing", "notifications")
WEBHOOK_SECRET = "abuse-webhook-secret"
# Requests are sequential: two connections per service keep the suite small beside the e2e stack.
POOL = {"db_pool_size": 2, "db_max_overflow": 0}


@dataclass
class ServiceApp:
    """One service under test: its app, its container (closed at the end) and its name."""

    name: str
    app: Flask
    container: Any


def _ticket_core(url: str, broker: str, events: str, tmp: Path) -> Any:
    from ticket_core.adapters.storage import LocalStorage
    from ticket_core.bootstrap import bootstrap
    from ticket_core.config import load

    return bootstrap(load(database_url=url, broker_url=broker, contracts_dir=events, validate_event_schemas=True,
                          **POOL),
                     storage=LocalStorage(tmp))


def _sla(url: str, broker: str, events: str, tmp: Path) -> Any:
    from sla.bootstrap import bootstrap
    from sla.config import load

    return bootstrap(load(database_url=url, broker_url=broker, contracts_dir=events, validate_event_schemas=True,
                          **POOL))


def _billing(url: str, broker: str, events: str, tmp: Path) -> Any:
    from billing.bootstrap import bootstrap
    from billing.config import load

    # Nothing listens on the invoicing port: HTTP handlers never call it (the worker does).
    return bootstrap(load(database_url=url, broker_url=broker, contracts_dir=events, validate_event_schemas=True,
                          **POOL,
                          invoicing_api_url=f"http://127.0.0.1:{free_port()}/api", invoicing_api_key="k",
                          invoicing_webhook_secrets=[WEBHOOK_SECRET]))


def _notifications(url: str, broker: str, events: str, tmp: Path) -> Any:
    from notifications.bootstrap import bootstrap
    from notifications.config import load

    return bootstrap(load(database_url=url, broker_url=broker, contracts_dir=events, validate_event_schemas=True,
                          **POOL,
                          twilio_base_url=f"http://127.0.0.1:{free_port()}", smtp_port=free_port(),
                          public_base_url="http://127.0.0.1:9"))


_BUILDERS: dict[str, tuple[str, Callable[[str, str, str, Path], Any]]] = {
    "ticket-core": ("ticket_core", _ticket_core), "sla": ("sla", _sla),
    "billing": ("billing", _billing), "notifications": ("notifications", _notifications),
}


def _create_app(name: str, container: Any, signer: TestSigner) -> Flask:
    package = _BUILDERS[name][0]
    module = __import__(f"{package}.entrypoints.http", fromlist=["create_app"])
    return module.create_app(container.settings, verifier=signer.verifier(), container=container)


@pytest.fixture(scope="session")
def service_apps(migrated_database: Callable[..., str], broker_url: str, contracts_dir: Path, signer: TestSigner,
                 tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, ServiceApp]]:
    """Every service's app, built once per run."""
    apps: dict[str, ServiceApp] = {}
    for name in SERVICE_NAMES:
        package, build = _BUILDERS[name]
        url = migrated_database(package, f"abuse_{package}")
        container = build(url, broker_url, str(contracts_dir / "events"), tmp_path_factory.mktemp(package))
        apps[name] = ServiceApp(name, _create_app(name, container, signer), container)
    yield apps
    for service in apps.values():
        service.container.close()


@pytest.fixture(scope="session")
def tokens(signer: TestSigner) -> Callable[..., dict[str, str]]:
    """``tokens("viewer")`` → Authorization headers of a fresh principal with that one role."""

    def make(*roles: str, sub: str | None = None) -> dict[str, str]:
        return signer.headers(roles=list(roles), sub=sub)

    return make
