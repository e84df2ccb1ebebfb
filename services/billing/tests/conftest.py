from __future__ import annotations

import threading
import uuid
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest
import requests
from sqlalchemy import text
from werkzeug.serving import make_server

from billing.bootstrap import Container, bootstrap
from billing.config import load
from billing.entrypoints.http import create_app
from billing.service_layer.consumers import make_handlers
from fibreflow_shared.messaging.consumer import EventConsumer
from fibreflow_shared.messaging.envelope import make_event
from fibreflow_shared.testing.infra import free_port
from fibreflow_shared.testing.tokens import TestSigner
from fibreflow_simulators.invoicing import create_app as create_simulator

API_KEY = "test-invoicing-key"
WEBHOOK_SECRET = "test-webhook-secret"
TABLES = ("ticket_billing, invoice_jobs, invoice_attempts, billing_audit, webhook_receipts, contract_versions, "
          "client_contracts, clients, project_guarantees, billable_fee_schedule, outbox, processed_events")


class Simulator:
    """The invoicing simulator on a real port (the billing client talks HTTP to it)."""

    def __init__(self) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.app = create_simulator(API_KEY, WEBHOOK_SECRET)
        self.server = make_server("127.0.0.1", self.port, self.app, threaded=True)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def control(self, path: str, **body: Any) -> dict[str, Any]:
        return requests.post(f"{self.url}/_control/{path}", json=body, timeout=10).json()

    def fail(self, mode: str = "error", count: int = 1, **kw: Any) -> None:
        self.control("failures", mode=mode, count=count, **kw)

    def line_items(self, ticket_uid: str | None = None) -> list[dict[str, Any]]:
        params = {"ticket_uid": ticket_uid} if ticket_uid else {}
        return requests.get(f"{self.url}/api/invoices/line-items", params=params,
                            headers={"X-API-Key": API_KEY}, timeout=10).json()["line_items"]

    def requests_for(self, ticket_uid: str) -> list[dict[str, Any]]:
        got = requests.get(f"{self.url}/_control/requests", timeout=10).json()["requests"]
        return [r for r in got if r["ticket_uid"] == ticket_uid]


@pytest.fixture(scope="session")
def simulator() -> Iterator[Simulator]:
    sim = Simulator()
    yield sim
    sim.server.shutdown()


@pytest.fixture(scope="session")
def billing_db_url(migrated_database: Callable[[str], str]) -> str:
    return migrated_database("billing")


@pytest.fixture(scope="session")
def container(billing_db_url: str, broker_url: str, contracts_dir: Path, simulator: Simulator) -> Iterator[Container]:
    settings = load(database_url=billing_db_url, broker_url=broker_url, validate_event_schemas=True,
                    contracts_dir=str(contracts_dir / "events"), invoicing_api_url=f"{simulator.url}/api",
                    invoicing_api_key=API_KEY, invoicing_webhook_secrets=[WEBHOOK_SECRET],
                    invoicing_retry_delays=["0.05", "0.1", "0.2"], invoicing_timeout_seconds=0.5,
                    invoicing_poll_seconds=0.05)
    c = bootstrap(settings)
    yield c
    c.close()


@pytest.fixture()
def clean(container: Container, simulator: Simulator) -> None:
    with container.engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {TABLES}"))
    simulator.control("reset")


@pytest.fixture()
def client(container: Container, signer: TestSigner, clean: None) -> Any:
    return create_app(container.settings, verifier=signer.verifier(), container=container).test_client()


@pytest.fixture()
def consumer(container: Container) -> EventConsumer:
    """The real idempotent consumer, fed directly (no broker) for deterministic tests."""
    return EventConsumer("billing", container.sessions, "amqp://unused", "x", make_handlers(container.deps))


def ticket_snapshot(uid: str = "AH-0001", **overrides: Any) -> dict[str, Any]:
    """A catalogue-shaped ticket snapshot (contracts/events/README.md)."""
    ticket = {
        "id": str(uuid.uuid4()), "ticket_uid": uid, "title": "Cable from pole damaged", "description": "d",
        "source": "adhoc", "source_reference": None, "type": "fault", "category": None, "priority": "high",
        "status": "new", "drop_number": None, "project_id": None, "project_name": None, "pole_number": None,
        "zone": None, "address": None, "pon": None, "latitude": None, "longitude": None, "install_date": None,
        "assigned_to": None, "assigned_team": None, "created_by": str(uuid.uuid4()),
        "created_at": "2026-11-22T08:00:00+00:00", "updated_at": "2026-11-22T08:00:00+00:00", "due_at": None,
        "closed_at": None, "issue_type": None, "client_name": None, "client_phone": None, "client_email": None,
        "client_account_id": None, "billing_type": None, "billing_status": None, "sla_state": None, "tags": [],
    }
    ticket.update(overrides)
    return ticket


class Events:
    """Builds ticket.* events the way ticket-core publishes them."""

    @staticmethod
    def created(ticket: dict[str, Any]) -> dict[str, Any]:
        return make_event("ticket.created", {"ticket": ticket}, producer="ticket-core")

    @staticmethod
    def updated(ticket: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
        return make_event("ticket.updated", {"ticket": ticket, "changes": changes,
                                             "changed_by": str(uuid.uuid4())}, producer="ticket-core")

    @staticmethod
    def status(ticket: dict[str, Any], to_status: str, from_status: str = "in_progress",
               updated_at: str = "2026-11-22T12:00:00+00:00") -> dict[str, Any]:
        snap = {**ticket, "status": to_status, "updated_at": updated_at}
        return make_event("ticket.status_changed", {"ticket": snap, "from_status": from_status,
                                                    "to_status": to_status, "changed_by": str(uuid.uuid4())},
                          producer="ticket-core")


@pytest.fixture()
def events() -> type[Events]:
    return Events


@pytest.fixture()
def snapshot() -> Callable[..., dict[str, Any]]:
    return ticket_snapshot


@pytest.fixture()
def outbox_events(container: Container) -> Callable[[str | None], list[dict[str, Any]]]:
    """Events staged in the outbox (optionally of one type), oldest first."""

    def read(event_type: str | None = None) -> list[dict[str, Any]]:
        with container.engine.connect() as conn:
            rows = conn.execute(text("SELECT payload FROM outbox ORDER BY id")).scalars().all()
        return [r for r in rows if event_type is None or r["type"] == event_type]

    return read
