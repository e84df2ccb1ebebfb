"""Transactional outbox: write events in the same transaction as the state change.

``add_event(session, ...)`` inserts the envelope into the service's ``outbox`` table and
signals the relay with NOTIFY (delivered only when the transaction commits). If the
transaction rolls back, the event disappears with the change it described.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from fibreflow_shared.messaging.envelope import make_event
from fibreflow_shared.messaging.tables import OUTBOX_NOTIFY_CHANNEL


class EventSchemaError(ValueError):
    """An event that does not match its JSON Schema in contracts/events."""


class EventSchemas:
    """JSON Schemas of events, one file per type: ``contracts/events/<type>.json``."""

    def __init__(self, directory: str | Path) -> None:
        self.directory = Path(directory)
        self._validators: dict[str, Any] = {}

    def validator(self, event_type: str) -> Any:
        if event_type not in self._validators:
            import jsonschema

            path = self.directory / f"{event_type}.json"
            if not path.exists():
                raise EventSchemaError(f"no JSON Schema for event type {event_type!r} at {path}")
            schema = json.loads(path.read_text())
            cls = jsonschema.validators.validator_for(schema)
            self._validators[event_type] = cls(schema, format_checker=cls.FORMAT_CHECKER)
        return self._validators[event_type]

    def validate(self, event: dict[str, Any]) -> None:
        """Raise EventSchemaError listing every violation."""
        errors = sorted(self.validator(event["type"]).iter_errors(event), key=lambda e: list(e.path))
        if errors:
            raise EventSchemaError(
                f"{event['type']} violates its schema: " + "; ".join(
                    f"{'/'.join(map(str, e.path)) or '<root>'}: {e.message}" for e in errors)
            )


class Outbox:
    """Writes events for one producing service; optionally validates them against contracts."""

    def __init__(self, producer: str, schemas: EventSchemas | None = None) -> None:
        self.producer = producer
        self.schemas = schemas

    def add(self, session: Session, event_type: str, data: dict[str, Any], *, version: int = 1) -> dict[str, Any]:
        """Stage an event in the caller's transaction and return its envelope."""
        event = make_event(event_type, data, producer=self.producer, version=version)
        if self.schemas is not None:
            self.schemas.validate(event)
        session.execute(
            text("INSERT INTO outbox (event_id, event_type, payload) VALUES (:id, :type, CAST(:payload AS jsonb))"),
            {"id": event["id"], "type": event_type, "payload": json.dumps(event, default=str)},
        )
        session.execute(text(f"NOTIFY {OUTBOX_NOTIFY_CHANNEL}"))
        return event
