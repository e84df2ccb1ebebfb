"""ticket.created → one clock, however often it is delivered; readable over HTTP."""
from __future__ import annotations

import json
import uuid
from typing import Any

import pytest
from sqlalchemy import text

from fibreflow_shared.messaging.consumer import EventConsumer
from fibreflow_shared.messaging.envelope import make_event
from fibreflow_shared.testing.tokens import TestSigner
from sla.service_layer.handlers import HANDLERS

pytestmark = pytest.mark.integration


def ticket_created(uid: str = "FF-0001", ticket_type: str = "fault", priority: str = "high") -> dict[str, Any]:
    return make_event("ticket.created", {"ticket": {
        "id": str(uuid.uuid4()), "ticket_uid": uid, "title": "t", "description": "d", "source": "ff_internal",
        "type": ticket_type, "priority": priority, "status": "new", "created_by": str(uuid.uuid4()),
        "created_at": "2026-11-22T08:00:00+00:00", "updated_at": "2026-11-22T08:00:00+00:00"}},
        producer="ticket-core")


def test_clock_started_once_per_ticket(container: Any, clean: None) -> None:
    consumer = EventConsumer("sla", container.sessions, "amqp://unused", "x", HANDLERS)
    event = ticket_created()
    assert consumer.process(event) == "processed"
    assert consumer.process(event) == "duplicate"
    # A different event id for the same ticket (a replay by the producer) still makes one clock.
    assert consumer.process({**event, "id": str(uuid.uuid4())}) == "processed"
    with container.engine.connect() as conn:
        rows = conn.execute(text("SELECT ticket_uid, target_minutes, due_at FROM sla_clocks")).all()
    assert len(rows) == 1 and rows[0].target_minutes == 120
    assert rows[0].due_at.isoformat() == "2026-11-22T10:00:00+00:00"


def test_clock_visible_over_http(client: Any, signer: TestSigner, container: Any) -> None:
    EventConsumer("sla", container.sessions, "amqp://unused", "x", HANDLERS).process(ticket_created("FF-0042"))
    resp = client.get("/api/sla/tickets/ff-0042", headers=signer.headers(roles=["technician"]))
    assert resp.status_code == 200
    clock = resp.get_json()["data"]["clocks"][0]
    assert clock["state"] == "running" and clock["target_minutes"] == 120
    assert clock["due_at"].startswith("2026-11-22T10:00:00")
    assert client.get("/api/sla/tickets/FF-9999", headers=signer.headers()).status_code == 404
    assert client.get("/api/sla/tickets/FF-0042").status_code == 401


def test_openapi_matches_committed_contract(contracts_dir, client: Any) -> None:
    served = client.get("/openapi.json").get_json()
    committed = json.loads((contracts_dir / "openapi" / "sla.json").read_text())
    assert served == committed, "contracts/openapi/sla.json is stale: run `make contracts`"
