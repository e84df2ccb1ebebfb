"""Request-scoped identifiers carried through HTTP calls, logs and events.

A request id names one HTTP request (or one consumed message); the correlation id names
the whole chain of work that a user action started, across services and the bus.
"""
from __future__ import annotations

import contextvars
import uuid
from contextlib import contextmanager
from typing import Iterator

REQUEST_ID_HEADER = "X-Request-ID"
CORRELATION_ID_HEADER = "X-Correlation-ID"

_request_id: contextvars.ContextVar[str | None] = contextvars.ContextVar("request_id", default=None)
_correlation_id: contextvars.ContextVar[str | None] = contextvars.ContextVar("correlation_id", default=None)
_causation_id: contextvars.ContextVar[str | None] = contextvars.ContextVar("causation_id", default=None)


def new_id() -> str:
    """A fresh random identifier (UUID4 string)."""
    return str(uuid.uuid4())


def get_request_id() -> str | None:
    return _request_id.get()


def get_correlation_id() -> str | None:
    return _correlation_id.get()


def get_causation_id() -> str | None:
    return _causation_id.get()


def set_ids(request_id: str | None, correlation_id: str | None, causation_id: str | None = None) -> None:
    """Set the ids for the current context (a request thread or a consumer callback)."""
    _request_id.set(request_id)
    _correlation_id.set(correlation_id)
    _causation_id.set(causation_id)


@contextmanager
def ids_scope(request_id: str | None, correlation_id: str | None, causation_id: str | None = None) -> Iterator[None]:
    """Temporarily set the ids, restoring the previous ones afterwards."""
    tokens = (_request_id.set(request_id), _correlation_id.set(correlation_id), _causation_id.set(causation_id))
    try:
        yield
    finally:
        _request_id.reset(tokens[0])
        _correlation_id.reset(tokens[1])
        _causation_id.reset(tokens[2])


def clean_header_id(value: str | None) -> str | None:
    """Accept a caller-supplied id only if it is short and printable (log-injection guard)."""
    if not value:
        return None
    value = value.strip()
    if 0 < len(value) <= 128 and all(c.isalnum() or c in "-_.:" for c in value):
        return value
    return None
