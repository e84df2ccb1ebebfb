from __future__ import annotations

import threading
import uuid
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest
import requests
from sqlalchemy import text

from fibreflow_shared.messaging.consumer import EventConsumer
from fibreflow_shared.messaging.envelope import make_event
from fibreflow_shared.testing.infra import free_port
from fibreflow_shared.testing.tokens import TestSigner
from fibreflow_simulators import sms as sms_sim
from fibreflow_simulators import smtp as smtp_sim
from notifications.bootstrap import Container, bootstrap
from notifications.config import load
from notifications.entrypoints.http import create_app
from notifications.service_layer.consumers import make_handlers
from notifications.service_layer.sender import Sender

TABLES = ("notifications, users, teams, tickets, provider_callbacks, templates, preferences, outbox, processed_events, "
          "wa_session_alerts")
CLIENT_PHONE = "+27821234567"


@pytest.fixture(scope="session")
def notif_db_url(migrated_database: Callable[[str], str]) -> str:
    return migrated_database("notifications")


@pytest.fixture(scope="session")
def sms_simulator() -> Iterator[tuple[sms_sim.SmsSimulator, str]]:
    sim = sms_sim.SmsSimulator(callback_delay=0.01)
    server = sms_sim.serve_in_thread(sms_sim.create_app(sim))
    yield sim, f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="session")
def smtp_sink() -> Iterator[tuple[smtp_sim.Mailbox, int]]:
    mailbox = smtp_sim.Mailbox()
    port = free_port()
    controller = smtp_sim.start_smtp(mailbox, "127.0.0.1", port)
    yield mailbox, port
    controller.stop()


@pytest.fixture(scope="session")
def public_port() -> int:
    """Where the service's own HTTP app listens in tests (the SMS simulator calls back there)."""
    return free_port()


@pytest.fixture(scope="session")
def container(notif_db_url: str, broker_url: str, contracts_dir: Path, sms_simulator: Any, smtp_sink: Any,
              public_port: int) -> Iterator[Container]:
    settings = load(database_url=notif_db_url, broker_url=broker_url, validate_event_schemas=True,
                    contracts_dir=str(contracts_dir / "events"), twilio_base_url=sms_simulator[1],
                    smtp_port=smtp_sink[1], public_base_url=f"http://127.0.0.1:{public_port}",
                    send_backoff_seconds=0.01, send_backoff_max_seconds=0.05, send_max_attempts=3,
                    send_poll_seconds=0.05, fibertime_email="ops@fibertime.test", consumer_retry_delay_ms=200)
    c = bootstrap(settings)
    yield c
    c.close()


@pytest.fixture(scope="session")
def live_server(container: Container, signer: TestSigner, public_port: int) -> Iterator[str]:
    """The service's HTTP app on a real port, so the simulator's signed callbacks reach it."""
    app = create_app(container.settings, verifier=signer.verifier(), container=container)
    server = sms_sim.make_server("127.0.0.1", public_port, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{public_port}"
    server.shutdown()


@pytest.fixture()
def clean(container: Container, sms_simulator: Any, smtp_sink: Any) -> None:
    with container.engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {TABLES}"))
    sms_simulator[0].reset()
    with smtp_sink[0].lock:
        smtp_sink[0].messages.clear()
        smtp_sink[0].fail_count = 0


@pytest.fixture()
def client(container: Container, signer: TestSigner, clean: None) -> Any:
    return create_app(container.settings, verifier=signer.verifier(), container=container).test_client()


@pytest.fixture()
def deliver(container: Container, clean: None) -> Callable[[dict[str, Any]], str]:
    """Hand one event to the consumer's idempotent processing, as if it came off the queue."""
    consumer = EventConsumer("notifications", container.sessions, "amqp://unused", "x",
                             make_handlers(container.deps))
    return consumer.process


@pytest.fixture()
def sender(container: Container) -> Sender:
    return Sender(container.settings, container.sessions, container.outbox, container.channels)


@pytest.fixture()
def drain(sender: Sender) -> Callable[[], int]:
    """Run the sender until nothing is due now."""
    def run() -> int:
        total = 0
        while (n := sender.process_batch()):
            total += n
        return total

    return run


@pytest.fixture()
def rows(container: Container) -> Callable[..., list[Any]]:
    def fetch(where: str = "true", **params: Any) -> list[Any]:
        with container.engine.connect() as conn:
            return list(conn.execute(text(f"SELECT * FROM notifications WHERE {where} ORDER BY created_at, id"),
                                     params))

    return fetch


@pytest.fixture()
def outbox_types(container: Container) -> Callable[[], list[str]]:
    def fetch() -> list[str]:
        with container.engine.connect() as conn:
            return [r.event_type for r in conn.execute(text("SELECT event_type FROM outbox ORDER BY id"))]

    return fetch


# -- catalogue-shaped events ---------------------------------------------------------------
@pytest.fixture(scope="session")
def ev() -> Any:
    return Events()


class Events:
    """Builders of events exactly as contracts/events/README.md describes them."""

    client_phone = CLIENT_PHONE

    @staticmethod
    def ticket(uid: str = "BILL-20261122-0001", **over: Any) -> dict[str, Any]:
        billing = uid.startswith("BILL-")
        base = {
            "id": str(uuid.uuid4()), "ticket_uid": uid, "title": "Charged twice for November",
            "description": "I was charged twice for my November invoice and the payment is not reflected anywhere",
            "source": "billing" if billing else "ff_internal", "source_reference": None,
            "type": "billing" if billing else "fault", "category": None, "priority": "high", "status": "new",
            "assigned_to": None, "assigned_team": None, "created_by": str(uuid.uuid4()),
            "created_at": "2026-11-22T08:00:00+00:00", "updated_at": "2026-11-22T08:00:00+00:00",
            "due_at": None, "closed_at": None, "issue_type": "incorrect_bill" if billing else None,
            "client_name": "Lerato Mokoena" if billing else None, "client_phone": CLIENT_PHONE if billing else None,
            "client_email": "lerato@example.com" if billing else None, "client_account_id": None, "tags": [],
        }
        base.update(over)
        return base

    @staticmethod
    def event(event_type: str, data: dict[str, Any], producer: str = "ticket-core") -> dict[str, Any]:
        return make_event(event_type, data, producer=producer)

    def created(self, ticket: dict[str, Any]) -> dict[str, Any]:
        return self.event("ticket.created", {"ticket": ticket})

    def status_changed(self, ticket: dict[str, Any], to: str, *, changed_by: str | None = None,
                       origin: str | None = None, reason: str | None = None) -> dict[str, Any]:
        snap = {**ticket, "status": to, "updated_at": "2026-11-22T09:00:00+00:00"}
        data = {"ticket": snap, "from_status": ticket["status"], "to_status": to, "reason": reason,
                "changed_by": changed_by or str(uuid.uuid4())}
        if origin:
            data["origin"] = origin
        return self.event("ticket.status_changed", data)

    def user(self, *, roles: list[str], email: str | None = "u@example.com", phone: str | None = None,
             user_id: str | None = None, name: str = "User") -> dict[str, Any]:
        return self.event("user.created", {"user": {
            "id": user_id or str(uuid.uuid4()), "username": name.lower(), "display_name": name, "email": email,
            "phone": phone, "roles": roles, "active": True}}, producer="gateway")

    def team(self, team_id: str, members: list[tuple[str, bool]], name: str = "Zone A") -> dict[str, Any]:
        return self.event("team.updated", {"team": {
            "id": team_id, "name": name, "zone": "A", "specialty_types": ["fault"], "active": True,
            "members": [{"user_id": u, "is_lead": lead} for u, lead in members]}})

    def sla(self, kind: str, ticket: dict[str, Any], percent: float, **over: Any) -> dict[str, Any]:
        data = {"ticket_id": ticket["id"], "ticket_uid": ticket["ticket_uid"], "clock": "resolution",
                "threshold_percent": {"warning": 75, "critical": 90, "breached": 100}[kind],
                "due_at": "2026-11-22T12:00:00+00:00", "percent_elapsed": percent, "ticket_type": ticket["type"],
                "priority": ticket["priority"], "assigned_to": ticket.get("assigned_to"),
                "assigned_team": ticket.get("assigned_team")}
        data.update(over)
        return self.event(f"sla.{kind}", data, producer="sla")


@pytest.fixture()
def sim_messages(sms_simulator: Any) -> Callable[[], list[dict[str, Any]]]:
    def fetch() -> list[dict[str, Any]]:
        return requests.get(f"{sms_simulator[1]}/_sim/messages", timeout=5).json()["messages"]

    return fetch
