from __future__ import annotations

import uuid
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest
from sqlalchemy import text

from fibreflow_shared.messaging.consumer import EventConsumer
from fibreflow_shared.messaging.envelope import make_event
from fibreflow_shared.testing.tokens import TestSigner
from fibreflow_shared.timeutil import utc_now
from sla.bootstrap import Container, bootstrap
from sla.config import load
from sla.entrypoints.http import create_app
from sla.service_layer.consumers import make_handlers

TABLES = "sla_clocks, sla_tickets, sla_clock_history, sla_closed_days, sla_configs, outbox, processed_events"


@pytest.fixture(scope="session")
def sla_db_url(migrated_database: Callable[[str], str]) -> str:
    return migrated_database("sla")


@pytest.fixture(scope="session")
def container(sla_db_url: str, broker_url: str, contracts_dir: Path) -> Iterator[Container]:
    c = bootstrap(load(database_url=sla_db_url, broker_url=broker_url, validate_event_schemas=True,
                       contracts_dir=str(contracts_dir / "events"), reference_cache_seconds=0.0))
    yield c
    c.engine.dispose()


@pytest.fixture()
def clean(container: Container) -> Iterator[None]:
    with container.engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {TABLES}"))
        conn.execute(text("UPDATE sla_type_configs SET response_hours = NULL, business_hours_only = false, "
                          "warning_threshold_percent = 75, critical_threshold_percent = 90, base_hours = CASE "
                          "ticket_type WHEN 'build' THEN 48 WHEN 'fault' THEN 4 WHEN 'preventative' THEN 168 "
                          "ELSE 24 END"))
        conn.execute(text("UPDATE sla_priority_multipliers SET multiplier = CASE priority WHEN 'critical' THEN 0.25 "
                          "WHEN 'high' THEN 0.5 WHEN 'medium' THEN 1 ELSE 2 END"))
        conn.execute(text("UPDATE sla_calendar SET timezone = 'Africa/Johannesburg', country = 'ZA', "
                          "subdivision = NULL, working_hours = CAST(:h AS jsonb)"),
                     {"h": '{"0": ["08:00", "17:00"], "1": ["08:00", "17:00"], "2": ["08:00", "17:00"], '
                           '"3": ["08:00", "17:00"], "4": ["08:00", "17:00"]}'})
    yield
    container.deps.now = utc_now


class FixedClock:
    """``now`` for the use cases, moved by the test."""

    def __init__(self, at: datetime) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at


@pytest.fixture()
def fixed_now(container: Container, clean: None) -> FixedClock:
    clock = FixedClock(datetime(2026, 11, 23, 6, 0, tzinfo=timezone.utc))  # Monday 08:00 in Johannesburg
    container.deps.now = clock
    return clock


@pytest.fixture()
def consumer(container: Container) -> EventConsumer:
    return EventConsumer("sla", container.sessions, "amqp://unused", "x", make_handlers(container.deps))


@pytest.fixture()
def client(container: Container, signer: TestSigner, clean: None) -> Any:
    return create_app(container.settings, verifier=signer.verifier(), container=container).test_client()


def snapshot(uid: str = "FF-0001", ticket_type: str = "fault", priority: str = "high", status: str = "new",
             created_at: str = "2026-11-23T06:00:00+00:00", updated_at: str | None = None,
             ticket_id: str | None = None, **extra: Any) -> dict[str, Any]:
    return {"id": ticket_id or str(uuid.uuid5(uuid.NAMESPACE_URL, uid)), "ticket_uid": uid, "title": "t",
            "description": "d", "source": "ff_internal", "type": ticket_type, "priority": priority,
            "status": status, "created_by": str(uuid.uuid4()), "created_at": created_at,
            "updated_at": updated_at or created_at, "assigned_to": None, "assigned_team": None, **extra}


class Events:
    """Catalogue-shaped events (contracts/events/README.md), as ticket-core and billing send them."""

    @staticmethod
    def created(**kw: Any) -> dict[str, Any]:
        return make_event("ticket.created", {"ticket": snapshot(**kw)}, producer="ticket-core")

    @staticmethod
    def status(from_status: str, to_status: str, at: str, **kw: Any) -> dict[str, Any]:
        return make_event("ticket.status_changed", {
            "ticket": snapshot(status=to_status, updated_at=at, **kw), "from_status": from_status,
            "to_status": to_status, "reason": "test", "changed_by": str(uuid.uuid4())}, producer="ticket-core")

    @staticmethod
    def updated(changes: dict[str, Any], at: str, **kw: Any) -> dict[str, Any]:
        return make_event("ticket.updated", {"ticket": snapshot(updated_at=at, **kw), "changes": changes,
                                             "changed_by": str(uuid.uuid4())}, producer="ticket-core")

    @staticmethod
    def deleted(at: str, **kw: Any) -> dict[str, Any]:
        return make_event("ticket.deleted", {"ticket": snapshot(updated_at=at, **kw),
                                             "deleted_by": str(uuid.uuid4())}, producer="ticket-core")

    @staticmethod
    def note(is_internal: bool, at: str, **kw: Any) -> dict[str, Any]:
        return make_event("ticket.note_added", {"ticket": snapshot(updated_at=at, **kw), "note": {
            "id": str(uuid.uuid4()), "content": "hello", "is_internal": is_internal, "created_by": str(uuid.uuid4()),
            "created_at": at, "channel": "web", "mentions": []}}, producer="ticket-core")

    @staticmethod
    def classified(uid: str = "FF-0001", resolution: float | None = None, response: float | None = None,
                   occurred_at: str | None = None) -> dict[str, Any]:
        return make_event("billing.classified", {
            "ticket_id": str(uuid.uuid5(uuid.NAMESPACE_URL, uid)), "ticket_uid": uid, "billing_type": "sla",
            "reason": "active contract", "requires_approval": False, "billing_status": "not_required",
            "currency": "ZAR", "contract_id": str(uuid.uuid4()), "client_id": str(uuid.uuid4()),
            "sla_response_hours": response, "sla_resolution_hours": resolution}, producer="billing",
            occurred_at=occurred_at)


@pytest.fixture()
def events() -> type[Events]:
    return Events


@pytest.fixture()
def outbox_events(container: Container) -> Callable[..., list[dict[str, Any]]]:
    def read(*types: str) -> list[dict[str, Any]]:
        with container.engine.connect() as conn:
            rows = conn.execute(text("SELECT payload FROM outbox ORDER BY id")).scalars().all()
        return [r for r in rows if not types or r["type"] in types]

    return read
