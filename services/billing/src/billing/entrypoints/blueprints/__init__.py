"""Billing's HTTP resources, one blueprint each: ``make_blueprint(container)`` per module.

Endpoints only parse, authorise, call a use case (``service_layer``) or a read (``views``) and
shape the answer; reads use the autocommit sessions, writes one transaction each.
"""
from __future__ import annotations

from fibreflow_shared.auth import current_principal

PREFIX = "/api/ticketing"


def actor() -> str:
    """The user id of the caller (audit columns, events)."""
    return current_principal().user_id
