"""The event envelope of ARCHITECTURE.md: {id, type, version, occurred_at, producer,
correlation_id, causation_id, data}."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from fibreflow_shared import context

ENVELOPE_KEYS = ("id", "type", "version", "occurred_at", "producer", "correlation_id", "causation_id", "data")


class MalformedEvent(ValueError):
    """A message that is not a valid envelope (goes straight to the dead-letter queue)."""


def utc_now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds").replace("+00:00", "Z")


def make_event(event_type: str, data: dict[str, Any], *, producer: str, version: int = 1,
               event_id: str | None = None, correlation_id: str | None = None,
               causation_id: str | None = None, occurred_at: str | None = None) -> dict[str, Any]:
    """Build an envelope, taking correlation/causation ids from the current context by default."""
    eid = event_id or context.new_id()
    return {
        "id": eid,
        "type": event_type,
        "version": version,
        "occurred_at": occurred_at or utc_now_iso(),
        "producer": producer,
        "correlation_id": correlation_id or context.get_correlation_id() or context.get_request_id() or eid,
        "causation_id": causation_id if causation_id is not None else context.get_causation_id(),
        "data": data,
    }


def parse_event(body: bytes) -> dict[str, Any]:
    """Decode and sanity-check an envelope; raise MalformedEvent if it is not one."""
    import json

    try:
        event = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise MalformedEvent(f"not JSON: {exc}") from exc
    if not isinstance(event, dict):
        raise MalformedEvent("envelope is not an object")
    for key in ("id", "type", "data"):
        if key not in event:
            raise MalformedEvent(f"envelope lacks {key!r}")
    if not isinstance(event["id"], str) or not event["id"] or len(event["id"]) > 64:
        raise MalformedEvent("envelope id must be a non-empty string of at most 64 characters")
    if not isinstance(event["type"], str) or not isinstance(event["data"], dict):
        raise MalformedEvent("envelope type must be a string and data an object")
    return event
