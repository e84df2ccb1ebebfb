"""Transactional outbox: write events in the same transaction as the state change.

``Outbox.add(session, ...)`` inserts the envelope into the service's ``outbox`` table and
signals the relay with NOTIFY (delivered only when the transaction commits). If the
transaction rolls back, the event disappears with the change it described.

The NOTIFY is sent once per transaction, just before its outermost commit, however many
events it stages (a consumer batch stages dozens): the relay drains the whole outbox on one
wake-up anyway. Sending it at commit time, outside any SAVEPOINT, also means a savepoint
rolled back after staging the first event cannot swallow the signal for the later ones.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import event as sa_event, text
from sqlalchemy.orm import Session, SessionTransaction

from fibreflow_shared.messaging.envelope import make_event
from fibreflow_shared.messaging.tables import OUTBOX_NOTIFY_CHANNEL


_INSERT = text("INSERT INTO outbox (event_id, event_type, payload) VALUES (:id, :type, CAST(:payload AS jsonb))")
_NOTIFY = text(f"NOTIFY {OUTBOX_NOTIFY_CHANNEL}")
# session.info keys: the root transaction that owes a NOTIFY; whether the hook is installed.
_PENDING_KEY = "fibreflow_outbox_notify_for"
_HOOKED_KEY = "fibreflow_outbox_notify_hook"


def _notify_before_commit(session: Session) -> None:
    """Send the transaction's one NOTIFY as its outermost commit begins.

    ``before_commit`` fires for savepoint releases too: those are skipped (a nested
    transaction is still open then) and the NOTIFY waits for the real commit."""
    owed: SessionTransaction | None = session.info.get(_PENDING_KEY)
    if owed is None or session.get_nested_transaction() is not None:
        return
    if owed is session.get_transaction():
        session.execute(_NOTIFY)
    session.info.pop(_PENDING_KEY, None)


def _owe_notify(session: Session) -> None:
    if not session.info.get(_HOOKED_KEY):
        sa_event.listen(session, "before_commit", _notify_before_commit)
        session.info[_HOOKED_KEY] = True
    session.info[_PENDING_KEY] = session.get_transaction()


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

    @classmethod
    def for_settings(cls, producer: str, settings: Any) -> "Outbox":
        """An outbox that validates against contracts/ when VALIDATE_EVENT_SCHEMAS and CONTRACTS_DIR say so."""
        validate = settings.validate_event_schemas and settings.contracts_dir
        return cls(producer, EventSchemas(settings.contracts_dir) if validate else None)

    def add(self, session: Session, event_type: str, data: dict[str, Any], *, version: int = 1) -> dict[str, Any]:
        """Stage an event in the caller's transaction and return its envelope."""
        event = make_event(event_type, data, producer=self.producer, version=version)
        if self.schemas is not None:
            self.schemas.validate(event)
        session.execute(_INSERT, {"id": event["id"], "type": event_type, "payload": json.dumps(event, default=str)})
        _owe_notify(session)
        return event
