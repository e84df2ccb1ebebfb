"""The event envelope of ARCHITECTURE.md: {id, type, version, occurred_at, producer,
correlation_id, causation_id, data}."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Mapping

from fibreflow_shared import context
from fibreflow_shared.sanitise import MAX_JSON_DEPTH, UnsafeInput
from fibreflow_shared.sanitise import loads as safe_loads

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


# Events are shallow (envelope → data → ticket → a list of tags is four levels); anything deeper
# is not ours and, parsed recursively, would cost a RecursionError deep in a handler. The same
# limit and the same screen as HTTP bodies (fibreflow_shared.sanitise).
MAX_EVENT_DEPTH = MAX_JSON_DEPTH
ATTEMPTS_HEADER = "x-fibreflow-attempts"
MAX_ATTEMPTS_HEADER = 1_000_000
_OPTIONAL_STRINGS = ("occurred_at", "producer", "correlation_id", "causation_id")


def parse_event(body: bytes) -> dict[str, Any]:
    """Decode and sanity-check an envelope; raise MalformedEvent (and nothing else) if it is not one.

    Refused: anything that is not UTF-8 JSON, JSON nested deeper than ``MAX_EVENT_DEPTH``, text
    PostgreSQL cannot store (NUL, lone surrogates), and envelopes of the wrong shape."""
    try:
        # Depth is scanned before parsing (no recursion), then every key and string is checked.
        event = safe_loads(body, "event")
    except UnsafeInput as exc:
        raise MalformedEvent(f"{exc.field}: {exc.details[exc.field][0]}"[:300]) from exc
    except (ValueError, TypeError) as exc:  # UnicodeDecodeError is a ValueError
        raise MalformedEvent(f"not JSON: {exc}"[:300]) from exc
    if not isinstance(event, dict):
        raise MalformedEvent("envelope is not an object")
    for key in ("id", "type", "data"):
        if key not in event:
            raise MalformedEvent(f"envelope lacks {key!r}")
    if not isinstance(event["id"], str) or not event["id"] or len(event["id"]) > 64:
        raise MalformedEvent("envelope id must be a non-empty string of at most 64 characters")
    if not isinstance(event["type"], str) or not event["type"] or len(event["type"]) > 200:
        raise MalformedEvent("envelope type must be a non-empty string of at most 200 characters")
    if not isinstance(event["data"], dict):
        raise MalformedEvent("envelope data must be an object")
    for key in _OPTIONAL_STRINGS:
        if event.get(key) is not None and not isinstance(event[key], str):
            raise MalformedEvent(f"envelope {key} must be a string")
    version = event.get("version", 1)
    if isinstance(version, bool) or not isinstance(version, int):
        raise MalformedEvent("envelope version must be an integer")
    return event


def attempts_from_headers(headers: Mapping[str, Any] | None) -> int:
    """The ``x-fibreflow-attempts`` count of a delivery (0 when absent).

    A value that is not a small non-negative integer (or its decimal string) makes the message
    malformed: guessing a count could retry it forever or dead-letter a good one."""
    if not headers or ATTEMPTS_HEADER not in headers:
        return 0
    value = headers[ATTEMPTS_HEADER]
    if isinstance(value, str) and value.isascii() and value.isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_ATTEMPTS_HEADER:
        raise MalformedEvent(f"{ATTEMPTS_HEADER} header must be a non-negative integer, got {value!r}"[:300])
    return value
