"""Billing's consumer table: ``ticket.*`` events keep each ticket's billing record, classify it
and, on resolution of an approved billable ticket, queue its invoice.

Every use case is ``fn(session, event, deps)``; the consumer records the event id in the same
transaction, so each only has to be right once (a re-published change is harmless too).
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import func
from sqlalchemy.orm import Session

from billing.service_layer.classification import is_stale, record_ticket
from billing.service_layer.deps import Deps
from billing.service_layer.invoicing import finalise_and_enqueue
from fibreflow_shared.messaging.use_cases import Handler, bind_use_cases, check_table
from fibreflow_shared.timeutil import parse_time

SUBSCRIPTIONS = ("ticket.created", "ticket.updated", "ticket.status_changed", "ticket.assigned", "ticket.deleted",
                 "ticket.restored")
# Changes of these ticket fields can change the classification (until a billing decision is made).
RECLASSIFY_ON = frozenset({"type", "priority", "source", "project_id", "drop_number", "install_date",
                           "client_account_id"})
Event = dict[str, Any]


def on_ticket_created(session: Session, event: Event, deps: Deps) -> None:
    """First sight of a ticket: its billing record and classification."""
    record_ticket(session, deps, event["data"]["ticket"], reclassify=False)


def on_ticket_updated(session: Session, event: Event, deps: Deps) -> None:
    """New facts; classify again when a field the rules read changed."""
    changes = set((event["data"].get("changes") or {}).keys())
    record_ticket(session, deps, event["data"]["ticket"], reclassify=bool(changes & RECLASSIFY_ON))


def on_ticket_status_changed(session: Session, event: Event, deps: Deps) -> None:
    """Resolution of an approved billable ticket computes its cost and queues its invoice."""
    data = event["data"]
    row = record_ticket(session, deps, data["ticket"], reclassify=False)
    # Act on the transition itself even if a newer snapshot already arrived.
    if data.get("to_status") == "resolved":
        if row.resolved_at is None:
            row.resolved_at = parse_time(data["ticket"].get("updated_at")) or func.now()  # type: ignore[assignment]
        if row.ticket_status != "resolved" and not is_stale(row, data["ticket"]):
            row.ticket_status = "resolved"
        if row.billing_type == "billable" and row.billing_status == "approved" and row.ticket_deleted_at is None:
            finalise_and_enqueue(session, deps, row)


def on_ticket_assigned(session: Session, event: Event, deps: Deps) -> None:
    """The new assignee and team (the contractor of the work report)."""
    record_ticket(session, deps, event["data"]["ticket"], reclassify=False)


def on_ticket_deleted(session: Session, event: Event, deps: Deps) -> None:
    """A soft-deleted ticket leaves the approval queue and is not invoiced (until restored)."""
    row = record_ticket(session, deps, event["data"]["ticket"], reclassify=False)
    row.ticket_deleted_at = parse_time(event.get("occurred_at")) or func.now()  # type: ignore[assignment]


def on_ticket_restored(session: Session, event: Event, deps: Deps) -> None:
    """A restored ticket is back in the approval queue and invoiceable."""
    row = record_ticket(session, deps, event["data"]["ticket"], reclassify=False)
    row.ticket_deleted_at = None


USE_CASES = {
    "ticket.created": on_ticket_created,
    "ticket.updated": on_ticket_updated,
    "ticket.status_changed": on_ticket_status_changed,
    "ticket.assigned": on_ticket_assigned,
    "ticket.deleted": on_ticket_deleted,
    "ticket.restored": on_ticket_restored,
}
check_table(USE_CASES, SUBSCRIPTIONS)


def make_handlers(deps: Deps) -> dict[str, Handler]:
    """The consumer's handlers ``{event type: fn(session, event)}`` with ``deps`` bound."""
    return bind_use_cases(USE_CASES, deps)
