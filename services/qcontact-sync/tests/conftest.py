"""qcontact-sync against the QContact simulator (a real HTTP server in a thread) and a real
ticket-core: ``bridge.pump()`` carries each service's staged events to the other's consumer,
in order, exactly as the relay and the broker would (without the broker)."""
from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest
import requests
from sqlalchemy import text

from fibreflow_shared.messaging.consumer import EventConsumer
from fibreflow_shared.testing.tokens import TestSigner
from fibreflow_simulators import qcontact as sim
from qcontact_sync.bootstrap import Container, bootstrap
from qcontact_sync.config import load
from qcontact_sync.entrypoints.http import create_app
from qcontact_sync.service_layer.consumers import make_handlers
from qcontact_sync.service_layer.syncer import Syncer

QC_TABLES = ("qcontact_cases, qcontact_exports, qcontact_sync_requests, qcontact_sync_log, qcontact_sync_failures, "
             "qcontact_state, webhook_receipts, fibertime_posts, outbox, processed_events")
TC_TABLES = "tickets, uid_counters, outbox, processed_events, ticket_history, ticket_notes, users CASCADE"


@pytest.fixture(scope="session")
def simulator() -> Iterator[tuple[Any, str]]:
    app = sim.create_app(fibertime={"secret": "dev-fibertime-webhook-secret"})
    server = sim.serve_in_thread(app)
    yield app.config["STATE"], f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="session")
def qc_url(simulator: tuple[Any, str]) -> str:
    return simulator[1]


@pytest.fixture(scope="session")
def container(migrated_database: Callable[..., str], broker_url: str, contracts_dir: Path,
              qc_url: str) -> Iterator[Container]:
    settings = load(database_url=migrated_database("qcontact_sync"), broker_url=broker_url,
                    validate_event_schemas=True, contracts_dir=str(contracts_dir / "events"), base_url=qc_url,
                    page_size=25, poll_seconds=900.0, overlap_seconds=5.0, failure_backoff_seconds=["0", "0", "0"],
                    outage_probe_seconds=0.2, retry_attempts=2, retry_max_wait_seconds=0.05, timeout_seconds=2.0,
                    fibertime_webhook_url=f"{qc_url}/fibertime/webhooks/velocity")
    c = bootstrap(settings)
    yield c
    c.close()


@pytest.fixture(scope="session")
def tc_container(migrated_database: Callable[..., str], broker_url: str, contracts_dir: Path) -> Iterator[Any]:
    from ticket_core.bootstrap import bootstrap as tc_bootstrap
    from ticket_core.config import load as tc_load

    settings = tc_load(database_url=migrated_database("ticket_core", "qc_ticket_core"), broker_url=broker_url,
                       validate_event_schemas=True, contracts_dir=str(contracts_dir / "events"))
    c = tc_bootstrap(settings)
    c.deps.auto_assign = False
    yield c
    c.engine.dispose()


def _sql(engine: Any, statement: str, **params: Any) -> list[Any]:
    with engine.begin() as conn:
        result = conn.execute(text(statement), params)
        return result.all() if result.returns_rows else []


@pytest.fixture()
def clean(container: Container, tc_container: Any, qc_url: str) -> None:
    _sql(container.engine, f"TRUNCATE {QC_TABLES}")
    _sql(tc_container.engine, f"TRUNCATE {TC_TABLES}")
    requests.post(f"{qc_url}/_control/reset", timeout=5)
    requests.post(f"{qc_url}/_control/fibertime/reset", timeout=5)


@pytest.fixture()
def sql(container: Container) -> Callable[..., list[Any]]:
    return lambda statement, **params: _sql(container.engine, statement, **params)


@pytest.fixture()
def tc_sql(tc_container: Any) -> Callable[..., list[Any]]:
    return lambda statement, **params: _sql(tc_container.engine, statement, **params)


class Bridge:
    """Both services' outboxes delivered to the other's consumer, oldest first."""

    def __init__(self, qc: Container, tc: Any) -> None:
        from ticket_core.service_layer.consumers import make_handlers as tc_handlers

        self.qc, self.tc = qc, tc
        self.to_tc = EventConsumer("ticket-core", tc.sessions, "amqp://unused", "x", tc_handlers(tc.deps))
        self.to_qc = EventConsumer("qcontact-sync", qc.sessions, "amqp://unused", "x", make_handlers(qc.deps))
        self.sent_to_tc: list[dict[str, Any]] = []
        self.sent_to_qc: list[dict[str, Any]] = []

    @staticmethod
    def _drain(engine: Any) -> list[dict[str, Any]]:
        rows = _sql(engine, "UPDATE outbox SET published_at = now() WHERE published_at IS NULL RETURNING id, payload")
        return [payload for _, payload in sorted(rows)]

    def pump(self, rounds: int = 4) -> None:
        for _ in range(rounds):
            moved = False
            for event in self._drain(self.qc.engine):
                self.to_tc.process(event)
                self.sent_to_tc.append(event)
                moved = True
            for event in self._drain(self.tc.engine):
                self.to_qc.process(event)
                self.sent_to_qc.append(event)
                moved = True
            if not moved:
                return

    def published(self, event_type: str | None = None) -> list[dict[str, Any]]:
        return [e for e in self.sent_to_tc if event_type is None or e["type"] == event_type]


@pytest.fixture()
def bridge(container: Container, tc_container: Any, clean: None) -> Bridge:
    return Bridge(container, tc_container)


@pytest.fixture()
def syncer(container: Container, clean: None) -> Syncer:
    return Syncer(container.deps, container.sessions, container.qcontact())


@pytest.fixture()
def qc(qc_url: str) -> Callable[..., Any]:
    """Call the simulator: ``qc("post", "/_control/cases", json=...)`` → parsed JSON."""
    def call(method: str, path: str, **kwargs: Any) -> Any:
        resp = requests.request(method, qc_url + path, timeout=10, **kwargs)
        assert resp.status_code < 500, resp.text
        return resp.json()
    return call


@pytest.fixture()
def client(container: Container, signer: TestSigner, clean: None) -> Any:
    app = create_app(container.settings, verifier=signer.verifier(), container=container)
    return app.test_client()


@pytest.fixture()
def admin(signer: TestSigner) -> dict[str, str]:
    return signer.headers(roles=["admin"], sub=str(uuid.uuid4()), username="sarah")


@pytest.fixture()
def move(tc_container: Any) -> Callable[..., None]:
    """Staff moves a ticket in ticket-core (its own use case: ticket.status_changed without origin)."""
    from fibreflow_shared.db import transaction
    from ticket_core.adapters import repository
    from ticket_core.service_layer.lifecycle import apply_status

    def change(uid: str, status: str, by: str | None = None) -> None:
        with transaction(tc_container.sessions) as session:
            row = repository.find(session, uid, for_update=True)
            apply_status(session, tc_container.deps, row, status, by or str(uuid.uuid4()), force=True)
    return change
