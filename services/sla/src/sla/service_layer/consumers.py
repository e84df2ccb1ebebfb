"""Use cases of the sla service driven by events, each inside the consumer's transaction
(the consumer table every service copies: ``SUBSCRIPTIONS``, ``USE_CASES``, ``make_handlers``).

Every ``ticket.*`` event carries the whole ticket snapshot, so any of them can create the
ticket's clocks if ``ticket.created`` has not been seen (events may be retried out of order).
The instant a change took effect is the snapshot's ``updated_at`` (else the event's
``occurred_at``), so a lagging consumer still pauses and stops clocks at the right time.
"""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from fibreflow_shared.messaging.use_cases import Handler, bind_use_cases, check_table
from fibreflow_shared.timeutil import parse_time, utc_now
from sla.adapters.orm import ClockRow, TicketRow
from sla.domain.clock import RESPONSE
from sla.service_layer.clocks import (Deps, apply_to_row, clocks_for_update, record, retarget_clocks, start_clocks,
                                      to_domain, upsert_ticket)

SUBSCRIPTIONS = ("ticket.created", "ticket.updated", "ticket.status_changed", "ticket.assigned",
                 "ticket.note_added", "ticket.deleted", "billing.classified")


def effective_at(event: dict[str, Any]) -> datetime:
    ticket = event["data"].get("ticket") or {}
    return parse_time(ticket.get("updated_at")) or parse_time(event.get("occurred_at")) or utc_now()


def ensure_ticket(session: Session, deps: Deps, event: dict[str, Any]) -> tuple[TicketRow, bool]:
    """Record the snapshot and make sure the ticket's clocks exist. Returns the ticket and
    whether the event is current (False: a newer snapshot was applied before it)."""
    ticket, current = upsert_ticket(session, event["data"]["ticket"])
    if not ticket.deleted and ticket.ticket_type:
        start_clocks(session, deps, deps.reference.get(session), ticket)
    return ticket, current


def follow_status(session: Session, deps: Deps, ticket: TicketRow, to_status: str, at: datetime,
                  reason: str) -> None:
    """Pause at blocked, stop at resolved/closed, resume or reopen otherwise; the response clock
    stops at the first move out of ``new``."""
    ref = deps.reference.get(session)
    now = deps.now()
    for row in clocks_for_update(session, ticket.ticket_id):
        clock = to_domain(row)
        timeline = ref.timeline(row.business_hours)
        if row.kind == RESPONSE:
            actions = ["stopped"] if to_status != "new" and clock.stop(at) else []
        else:
            actions = clock.follow_status(to_status, at)
        if actions:
            apply_to_row(row, clock, timeline, now)
            record(session, deps, row, clock, timeline, now, "+".join(actions), at,
                   {"to_status": to_status, "reason": reason})


def on_ticket_created(session: Session, event: dict[str, Any], deps: Deps) -> None:
    """Start the ticket's clocks; a ticket created past ``new`` follows its status at once."""
    ticket, current = ensure_ticket(session, deps, event)
    if current and ticket.status and ticket.status != "new":
        follow_status(session, deps, ticket, ticket.status, effective_at(event), "created")


def on_status_changed(session: Session, event: dict[str, Any], deps: Deps) -> None:
    """Pause, resume, stop or reopen the clocks as the status moves."""
    ticket, current = ensure_ticket(session, deps, event)
    if current and not ticket.deleted:  # a stale status change must not undo a newer one
        follow_status(session, deps, ticket, event["data"]["to_status"], effective_at(event),
                      event["data"].get("reason") or "")


def on_ticket_updated(session: Session, event: dict[str, Any], deps: Deps) -> None:
    """A change of type or priority recomputes the targets (FR-011)."""
    changes = event["data"].get("changes") or {}
    ticket, current = ensure_ticket(session, deps, event)
    if current and not ticket.deleted and ({"type", "priority"} & set(changes)):
        retarget_clocks(session, deps, deps.reference.get(session), ticket,
                        "changed " + ", ".join(sorted({"type", "priority"} & set(changes))), effective_at(event))


def on_ticket_assigned(session: Session, event: dict[str, Any], deps: Deps) -> None:
    """Remember the assignee and team."""
    ensure_ticket(session, deps, event)  # keeps assignee and team for alerts and team reports


def on_note_added(session: Session, event: dict[str, Any], deps: Deps) -> None:
    """A first public reply meets the response clock."""
    ticket, _ = ensure_ticket(session, deps, event)
    note = event["data"].get("note") or {}
    if note.get("is_internal", True) or ticket.deleted:
        return
    at = parse_time(note.get("created_at")) or effective_at(event)
    ref = deps.reference.get(session)
    now = deps.now()
    for row in clocks_for_update(session, ticket.ticket_id):
        if row.kind != RESPONSE:
            continue
        clock = to_domain(row)
        timeline = ref.timeline(row.business_hours)
        if clock.stop(at):
            apply_to_row(row, clock, timeline, now)
            record(session, deps, row, clock, timeline, now, "stopped", at, {"reason": "first public reply"})
    if ticket.first_response_at is None:
        ticket.first_response_at = at


def on_ticket_deleted(session: Session, event: dict[str, Any], deps: Deps) -> None:
    """A soft-deleted ticket's clocks are cancelled: no alerts, not in compliance reports."""
    ticket, _ = upsert_ticket(session, event["data"]["ticket"], deleted=True)
    ref = deps.reference.get(session)
    now = deps.now()
    for row in clocks_for_update(session, ticket.ticket_id):
        clock = to_domain(row)
        timeline = ref.timeline(row.business_hours)
        if clock.cancel():
            apply_to_row(row, clock, timeline, now)
            record(session, deps, row, clock, timeline, now, "cancelled", effective_at(event),
                   {"deleted_by": event["data"].get("deleted_by")}, publish=False)


def _hours(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def on_billing_classified(session: Session, event: dict[str, Any], deps: Deps) -> None:
    """A client contract's response/resolution hours override the type default."""
    data = event["data"]
    values = {"contract_id": data.get("contract_id"),
              "contract_response_hours": _hours(data.get("sla_response_hours")),
              "contract_resolution_hours": _hours(data.get("sla_resolution_hours"))}
    stmt = insert(TicketRow).values(ticket_id=data["ticket_id"], ticket_uid=data["ticket_uid"], **values)
    session.execute(stmt.on_conflict_do_update(index_elements=[TicketRow.ticket_id], set_=values))
    ticket = session.get(TicketRow, data["ticket_id"], with_for_update=True, populate_existing=True)
    assert ticket is not None
    has_clocks = session.scalar(select(ClockRow.id).where(ClockRow.ticket_id == ticket.ticket_id).limit(1))
    if has_clocks and not ticket.deleted and ticket.ticket_type:
        ref = deps.reference.get(session)
        at = parse_time(event.get("occurred_at")) or deps.now()
        start_clocks(session, deps, ref, ticket)  # a response target may exist only now
        retarget_clocks(session, deps, ref, ticket, f"billing classified {data.get('billing_type')}", at)


USE_CASES = {
    "ticket.created": on_ticket_created,
    "ticket.updated": on_ticket_updated,
    "ticket.status_changed": on_status_changed,
    "ticket.assigned": on_ticket_assigned,
    "ticket.note_added": on_note_added,
    "ticket.deleted": on_ticket_deleted,
    "billing.classified": on_billing_classified,
}
check_table(USE_CASES, SUBSCRIPTIONS)


def lock_key(event: dict[str, Any]) -> str | None:
    """The ticket an event changes: a consumer batch locks its tickets in sorted order before
    applying anything, so competing consumers never deadlock over them (issue #11)."""
    data = event.get("data") or {}
    ticket = data.get("ticket")
    key = ticket.get("id") if isinstance(ticket, dict) else data.get("ticket_id")
    return key if isinstance(key, str) and key else None


def make_handlers(deps: Deps) -> dict[str, Handler]:
    """Consumer handlers {event type: fn(session, event)} bound to ``deps``."""
    return bind_use_cases(USE_CASES, deps)
