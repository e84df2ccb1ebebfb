"""What ticket-core does with the events it consumes: intake.* (create/update/comment), the
sla.* and billing.* read models, the user.* directory. Each use case is ``fn(session, event,
deps)`` and runs in the consumer's transaction, which also records the event id, so a
redelivery has no second effect; the use cases are idempotent on their own keys as well."""
from __future__ import annotations

from datetime import datetime
from typing import Any, Callable

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from fibreflow_shared.messaging.use_cases import Handler, bind_use_cases, check_table
from fibreflow_shared.timeutil import parse_time
from ticket_core.adapters import repository
from ticket_core.adapters.orm import NoteRow, TicketRow, UserRow
from ticket_core.domain.errors import TicketRuleError
from ticket_core.domain.model import (MIRRORED_FIELDS, ORIGIN_OF_SOURCE, PRIORITIES, SOURCES, STATUSES,
                                      SYSTEM_USER_ID, TYPES, NewTicket)
from ticket_core.service_layer.changes import stage_ticket_event, touch
from ticket_core.service_layer.deps import Deps
from ticket_core.service_layer.lifecycle import apply_status
from ticket_core.service_layer.tickets import apply_changes, create_ticket, record_note

UseCase = Callable[[Session, dict[str, Any], Deps], None]
CHANNEL_OF_SOURCE = {"qcontact": "qcontact", "wa_inbound": "whatsapp", "email": "email"}
SUBSCRIPTIONS = ("intake.ticket_requested", "intake.ticket_update_requested", "intake.comment_received",
                 "sla.updated", "sla.warning", "sla.critical", "sla.breached", "billing.classified",
                 "billing.approval_requested", "billing.approved", "billing.rejected", "billing.invoiced",
                 "billing.invoice_failed", "billing.paid", "user.created", "user.updated")


def _time(value: Any) -> datetime | None:
    return parse_time(str(value)) if value else None


def _event_time(event: dict[str, Any]) -> datetime | None:
    return _time(event.get("occurred_at"))


def ticket_requested(session: Session, event: dict[str, Any], deps: Deps) -> None:
    """Create the ticket an integration asks for, once per (source, source_reference)."""
    d = event["data"]
    if d["source"] not in SOURCES:
        raise TicketRuleError(f"unknown source {d['source']!r}")
    if repository.find_by_reference(session, d["source"], d["source_reference"]) is not None:
        return  # already created from an earlier request
    origin = ORIGIN_OF_SOURCE.get(d["source"], d["source"])
    cmd = NewTicket(
        title=(d.get("title") or "(no subject)")[:255], description=d.get("description") or "",
        type=d.get("type") if d.get("type") in TYPES else "fault",
        priority=d.get("priority") if d.get("priority") in PRIORITIES else "medium",
        source=d["source"], source_reference=str(d["source_reference"])[:100], created_by=SYSTEM_USER_ID,
        category=d.get("category"), drop_number=d.get("drop_number"), address=d.get("address"),
        external_uid=d.get("external_uid"), external_updated_at=_time(d.get("external_updated_at")),
        reporter=d.get("reporter"), origin=origin, manual=False,
        issue_type=d.get("issue_type"), client_name=d.get("client_name"), client_phone=d.get("client_phone"),
        client_email=d.get("client_email"), client_account_id=d.get("client_account_id"),
    )
    create_ticket(session, deps, cmd)
    status = d.get("status")
    if status in STATUSES and status != "new":
        # The integration's ticket is already further along there (a QContact case "In Progress"):
        # it starts here in that status, with its history and ticket.status_changed.
        row = repository.find_by_reference(session, d["source"], cmd.source_reference, for_update=True)
        if row is not None and row.status != status:
            apply_status(session, deps, row, status, SYSTEM_USER_ID, reason=f"status in {d['source']}",
                         origin=origin, force=True)


def ticket_update_requested(session: Session, event: dict[str, Any], deps: Deps) -> None:
    """Mirror an integration's fields onto its ticket; the integration wins unless the update is
    older than the last one applied (its own updated-at decides)."""
    d = event["data"]
    row = repository.find_by_reference(session, d["source"], d["source_reference"], for_update=True)
    if row is None:
        raise LookupError(f"no {d['source']} ticket with reference {d['source_reference']!r} (yet)")
    stamp = _time(d.get("external_updated_at"))
    # Strictly older only: two changes can share a timestamp at the integration's precision, and
    # the producer sends them in order (a redelivery is caught by its event id).
    if stamp is not None and row.external_updated_at is not None and stamp < row.external_updated_at:
        return  # stale: we already hold a newer version
    origin = ORIGIN_OF_SOURCE.get(d["source"], d["source"])
    fields = {k: v for k, v in (d.get("fields") or {}).items() if k in MIRRORED_FIELDS}
    status = fields.pop("status", None)
    if "priority" in fields and fields["priority"] not in PRIORITIES:
        fields.pop("priority")
    if "type" in fields and fields["type"] not in TYPES:
        fields.pop("type")
    if stamp is not None:
        row.external_updated_at = stamp
    changes = apply_changes(session, deps, row, fields, SYSTEM_USER_ID, origin=origin)
    if changes:
        touch(session, row)
        stage_ticket_event(session, deps, "ticket.updated", row, changes=changes, changed_by=SYSTEM_USER_ID,
                           origin=origin)
    if status in STATUSES and status != row.status:
        apply_status(session, deps, row, status, SYSTEM_USER_ID, reason=f"updated in {d['source']}",
                     origin=origin, force=True)


def comment_received(session: Session, event: dict[str, Any], deps: Deps) -> None:
    """A message from an integration becomes a public note with its channel and author."""
    d = event["data"]
    channel = d.get("channel") or CHANNEL_OF_SOURCE.get(d["source"], "system")
    external_id = str(d["external_id"])[:255] if d.get("external_id") else None
    if external_id and session.scalars(select(NoteRow.id).where(NoteRow.channel == channel,
                                                                 NoteRow.external_id == external_id)).first():
        return
    row = None
    if d.get("ticket_uid"):
        row = repository.find(session, d["ticket_uid"], for_update=True)
    if row is None and d.get("source_reference"):
        row = repository.find_by_reference(session, d["source"], d["source_reference"], for_update=True)
    if row is None:
        raise LookupError(f"no ticket for comment {external_id} ({d.get('ticket_uid') or d.get('source_reference')})")
    author = d.get("author")
    author_name = author.get("name") if isinstance(author, dict) else author
    record_note(session, deps, row, d["content"], is_internal=False, by=SYSTEM_USER_ID, channel=channel,
                author_name=str(author_name)[:255] if author_name else None, external_id=external_id,
                origin=ORIGIN_OF_SOURCE.get(d["source"], d["source"]))


def _ticket_by_id(session: Session, d: dict[str, Any]) -> TicketRow | None:
    if d.get("ticket_id") and repository.looks_like_uuid(str(d["ticket_id"])):
        row = session.get(TicketRow, str(d["ticket_id"]), with_for_update=True)
        if row is not None:
            return row
    if d.get("ticket_uid"):
        return repository.find(session, d["ticket_uid"], include_deleted=True, for_update=True)
    return None


def sla_updated(session: Session, event: dict[str, Any], deps: Deps) -> None:
    """Keep due_at and the SLA state of the resolution clock (newest event wins)."""
    d = event["data"]
    if d.get("clock", "resolution") != "resolution":
        return
    row = _ticket_by_id(session, d)
    if row is None:
        return  # a ticket we do not have (deleted for good): nothing to show
    at = _event_time(event)
    if row.sla_event_at is not None and at is not None and at < row.sla_event_at:
        return
    row.due_at = _time(d.get("due_at")) or row.due_at
    row.sla_state = d.get("state") if d.get("state") in ("on_track", "warning", "critical", "breached", "paused",
                                                         "met") else row.sla_state
    row.sla_paused = bool(d.get("paused", False))
    row.sla_breached = bool(d.get("breached", row.sla_breached))
    row.sla_event_at = at


def sla_alert(state: str) -> UseCase:
    """The use case of sla.warning/critical/breached: the resolution clock's state is ``state``."""
    def handle(session: Session, event: dict[str, Any], deps: Deps) -> None:
        d = event["data"]
        if d.get("clock", "resolution") != "resolution":
            return
        row = _ticket_by_id(session, d)
        if row is None:
            return
        at = _event_time(event)
        if row.sla_event_at is not None and at is not None and at < row.sla_event_at:
            return
        row.sla_state = state
        row.sla_breached = row.sla_breached or state == "breached"
        row.due_at = _time(d.get("due_at")) or row.due_at
        row.sla_event_at = at
    return handle


def _billing(session: Session, event: dict[str, Any]) -> TicketRow | None:
    row = _ticket_by_id(session, event["data"])
    if row is None:
        return None
    at = _event_time(event)
    if row.billing_event_at is not None and at is not None and at < row.billing_event_at:
        return None  # an older billing event than the state we hold
    row.billing_event_at = at
    return row


def billing_classified(session: Session, event: dict[str, Any], deps: Deps) -> None:
    """Billing's classification of the ticket (type, status, whether approval is needed)."""
    row = _billing(session, event)
    if row is None:
        return
    d = event["data"]
    row.billing_type = d.get("billing_type")
    row.billing_status = d.get("billing_status") or ("pending_approval" if d.get("requires_approval")
                                                     else "not_required")
    row.requires_billing_approval = bool(d.get("requires_approval"))


def billing_status(status: str) -> UseCase:
    """The use case of a billing event that only moves the ticket's billing status to ``status``."""
    def handle(session: Session, event: dict[str, Any], deps: Deps) -> None:
        row = _billing(session, event)
        if row is None:
            return
        row.billing_status = status
        if status == "pending_approval":
            row.requires_billing_approval = True
    return handle


def billing_approved(session: Session, event: dict[str, Any], deps: Deps) -> None:
    """Lifts the gate: the ticket may now go to in_progress."""
    row = _billing(session, event)
    if row is not None:
        row.billing_status = "approved"
        row.requires_billing_approval = False


def billing_rejected(session: Session, event: dict[str, Any], deps: Deps) -> None:
    """A rejected billable ticket is closed with the reason."""
    row = _billing(session, event)
    if row is None:
        return
    d = event["data"]
    row.billing_status = "rejected"
    row.requires_billing_approval = False
    if row.status != "closed":
        by = str(d.get("rejected_by") or SYSTEM_USER_ID)
        apply_status(session, deps, row, "closed", by if repository.looks_like_uuid(by) else SYSTEM_USER_ID,
                     reason=f"billing rejected: {d.get('reason') or 'no reason given'}", origin="billing", force=True)


def user_upserted(session: Session, event: dict[str, Any], deps: Deps) -> None:
    """Keep the local user directory (for @mentions and assignment rules)."""
    u = event["data"]["user"]
    values = {"id": str(u["id"]), "username": u["username"], "display_name": u.get("display_name"),
              "email": u.get("email"), "phone": u.get("phone"), "roles": list(u.get("roles") or []),
              "active": bool(u.get("active", True))}
    # A renamed user may collide with a stale row for a re-used username: free it first.
    session.execute(UserRow.__table__.delete().where(
        UserRow.__table__.c.id != values["id"]).where(
        UserRow.__table__.c.username.ilike(values["username"])))
    stmt = insert(UserRow).values(**values)
    session.execute(stmt.on_conflict_do_update(index_elements=["id"], set_={
        k: stmt.excluded[k] for k in values if k != "id"} | {"updated_at": stmt.excluded.updated_at}))


USE_CASES: dict[str, UseCase] = {
    "intake.ticket_requested": ticket_requested,
    "intake.ticket_update_requested": ticket_update_requested,
    "intake.comment_received": comment_received,
    "sla.updated": sla_updated,
    "sla.warning": sla_alert("warning"),
    "sla.critical": sla_alert("critical"),
    "sla.breached": sla_alert("breached"),
    "billing.classified": billing_classified,
    "billing.approval_requested": billing_status("pending_approval"),
    "billing.approved": billing_approved,
    "billing.rejected": billing_rejected,
    "billing.invoiced": billing_status("invoiced"),
    "billing.invoice_failed": billing_status("failed"),
    "billing.paid": billing_status("paid"),
    "user.created": user_upserted,
    "user.updated": user_upserted,
}
check_table(USE_CASES, SUBSCRIPTIONS)


def make_handlers(deps: Deps) -> dict[str, Handler]:
    """Event type → handler(session, event) with ``deps`` bound (the consumer's table)."""
    return bind_use_cases(USE_CASES, deps)
