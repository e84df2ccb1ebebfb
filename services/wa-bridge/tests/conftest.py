from __future__ import annotations

import threading
import time
import uuid
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest
import requests
from sqlalchemy import text
from werkzeug.serving import make_server

from fibreflow_shared.messaging.consumer import EventConsumer
from fibreflow_shared.messaging.envelope import make_event
from fibreflow_shared.testing.infra import free_port
from fibreflow_shared.testing.tokens import TestSigner
from fibreflow_simulators import waha as waha_sim
from wa_bridge.bootstrap import Container, bootstrap
from wa_bridge.config import load
from wa_bridge.entrypoints.http import create_app
from wa_bridge.service_layer.consumers import make_handlers
from wa_bridge.service_layer.sender import Sender

TABLES = ("wa_early_acks, wa_ticket_routes, wa_messages, wa_chat_participants, wa_chats, wa_contacts, wa_sessions, "
          "tickets, users, outbox, processed_events")
HMAC_KEY = "test-hmac-key"


@pytest.fixture(scope="session")
def wa_db_url(migrated_database: Callable[[str], str]) -> str:
    return migrated_database("wa_bridge")


@pytest.fixture(scope="session")
def waha() -> Iterator[tuple[waha_sim.WahaSimulator, str]]:
    port = free_port()
    sim = waha_sim.WahaSimulator(public_url=f"http://127.0.0.1:{port}")
    server = waha_sim.serve_in_thread(waha_sim.create_app(sim), port=port)
    yield sim, f"http://127.0.0.1:{port}"
    server.shutdown()


@pytest.fixture(scope="session")
def public_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def container(wa_db_url: str, broker_url: str, contracts_dir: Path, waha: Any, public_port: int,
              tmp_path_factory: pytest.TempPathFactory) -> Iterator[Container]:
    settings = load(database_url=wa_db_url, broker_url=broker_url, validate_event_schemas=True,
                    contracts_dir=str(contracts_dir / "events"), waha_url=waha[1],
                    public_base_url=f"http://127.0.0.1:{public_port}", webhook_hmac_key=HMAC_KEY,
                    attachments_dir=str(tmp_path_factory.mktemp("wa-media")), send_backoff_seconds=0.01,
                    send_poll_seconds=0.05, ack_timeout_seconds=60.0, max_media_bytes=16 * 1024 * 1024)
    c = bootstrap(settings)
    yield c
    c.close()


@pytest.fixture(scope="session")
def live_server(container: Container, signer: TestSigner, public_port: int) -> Iterator[str]:
    """The bridge's HTTP app on a real port, so the simulator's signed webhooks reach it."""
    app = create_app(container.settings, verifier=signer.verifier(), container=container)
    server = make_server("127.0.0.1", public_port, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{public_port}"
    server.shutdown()


@pytest.fixture()
def clean(container: Container, waha: Any) -> None:
    waha[0].reset()
    with container.engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {TABLES}"))


@pytest.fixture()
def sim(waha: Any, clean: None) -> waha_sim.WahaSimulator:
    return waha[0]


@pytest.fixture()
def client(container: Container, signer: TestSigner, clean: None) -> Any:
    return create_app(container.settings, verifier=signer.verifier(), container=container).test_client()


@pytest.fixture()
def auth(signer: TestSigner) -> Callable[..., dict[str, str]]:
    def headers(*roles: str, user_id: str | None = None) -> dict[str, str]:
        token = signer.token(sub=user_id or str(uuid.uuid4()), roles=list(roles or ("admin",)))
        return {"Authorization": f"Bearer {token}"}

    return headers


@pytest.fixture()
def deliver(container: Container, clean: None) -> Callable[[dict[str, Any]], str]:
    consumer = EventConsumer("wa-bridge", container.sessions, "amqp://unused", "x", make_handlers(container.deps))
    return consumer.process


@pytest.fixture()
def sender(container: Container) -> Sender:
    return Sender(container.deps, container.sessions)


@pytest.fixture()
def working(container: Container, sim: waha_sim.WahaSimulator, live_server: str) -> str:
    """A WORKING session whose webhooks reach the live bridge."""
    from fibreflow_shared.db import transaction
    from wa_bridge.service_layer import sessions

    with transaction(container.sessions) as session:
        sessions.start(session, container.deps, "default")
    wait_for(lambda: sim.sessions["default"]["status"] == "WORKING")
    wait_for(lambda: row(container, "SELECT status FROM wa_sessions WHERE name='default'") == ("WORKING",))
    return "default"


def row(container: Container, sql: str, **params: Any) -> Any:
    with container.engine.connect() as conn:
        r = conn.execute(text(sql), params).first()
        return tuple(r) if r is not None else None


def rows(container: Container, sql: str, **params: Any) -> list[tuple]:
    with container.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(sql), params)]


def message(container: Container, body_start: str) -> Any:
    """The one message whose (decrypted) text starts with ``body_start``, as a row object."""
    from sqlalchemy import select

    from wa_bridge.adapters.orm import MessageRow

    with container.sessions() as session:
        found = [m for m in session.scalars(select(MessageRow)) if m.body.startswith(body_start)]
        session.expunge_all()
    assert len(found) == 1, [m.body for m in found]
    return found[0]


def wait_for(check: Callable[[], Any], timeout: float = 5.0) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.02)


def ticket_event(uid: str = "FF-0042", **over: Any) -> dict[str, Any]:
    ticket = {"id": str(uuid.uuid4()), "ticket_uid": uid, "title": "No signal", "status": "assigned",
              "priority": "medium", "type": "fault", "source": "ff_internal", "source_reference": None,
              "drop_number": None, "project_id": None, "assigned_to": None,
              "created_at": "2026-12-01T08:00:00+00:00", "updated_at": "2026-12-01T08:00:00+00:00"}
    ticket.update(over)
    return make_event("ticket.created", {"ticket": ticket}, producer="ticket-core")


def user_event(user_id: str, phone: str) -> dict[str, Any]:
    return make_event("user.created", {"user": {"id": user_id, "username": "thabo", "display_name": "Thabo",
                                                "email": "t@example.com", "phone": phone,
                                                "roles": ["technician"], "active": True}}, producer="gateway")


def inject(waha_url: str, **body: Any) -> dict[str, Any]:
    return requests.post(f"{waha_url}/_control/inbound", json=body, timeout=10).json()


def faults(waha_url: str, **body: Any) -> None:
    requests.post(f"{waha_url}/_control/faults", json=body, timeout=5).raise_for_status()


def outbox(container: Container, event_type: str) -> list[dict[str, Any]]:
    return [r[0] for r in rows(container, "SELECT payload FROM outbox WHERE event_type = :t ORDER BY id", t=event_type)]


class Helpers:
    """The helpers above, handed to tests as the ``h`` fixture (tests import no conftest)."""

    row = staticmethod(row)
    rows = staticmethod(rows)
    wait_for = staticmethod(wait_for)
    message = staticmethod(message)
    ticket_event = staticmethod(ticket_event)
    user_event = staticmethod(user_event)
    inject = staticmethod(inject)
    faults = staticmethod(faults)
    outbox = staticmethod(outbox)
    hmac_key = HMAC_KEY


@pytest.fixture(scope="session")
def h() -> type[Helpers]:
    return Helpers
