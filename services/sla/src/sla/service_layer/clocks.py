"""Loading, saving and publishing clocks: the glue between rows, the domain and the outbox."""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any, Callable

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from fibreflow_shared.messaging.outbox import Outbox
from sla.adapters.orm import ClockHistoryRow, ClockRow, TicketRow
from sla.domain.calendar import Timeline
from sla.domain.clock import Alert, Clock, Pause
from sla.service_layer.reference import Reference, ReferenceCache


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass
class Deps:
    """What the use cases need: the outbox, the cached configuration and a clock (tests fix it)."""

    outbox: Outbox
    reference: ReferenceCache = field(default_factory=ReferenceCache)
    now: Callable[[], datetime] = utc_now


def parse_time(value: str | None) -> datetime | None:
    if not value:
        return None
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


# -- rows ↔ domain ----------------------------------------------------------------------
def to_domain(row: ClockRow) -> Clock:
    pauses = [Pause(parse_time(p["start"]), parse_time(p.get("end")), p["reason"])  # type: ignore[arg-type]
              for p in row.pauses or []]
    return Clock(kind=row.kind, started_at=row.started_at, target=timedelta(minutes=row.target_minutes),
                 warning_percent=row.warning_percent, critical_percent=row.critical_percent, pauses=pauses,
                 alert_level=row.alert_level, cycle=row.cycle, cancelled=row.state == "cancelled")


def apply_to_row(row: ClockRow, clock: Clock, timeline: Timeline, now: datetime) -> None:
    """Copy the clock's state onto its row (the caller's transaction saves it)."""
    row.target_minutes = int(clock.target.total_seconds() // 60)
    row.warning_percent, row.critical_percent = clock.warning_percent, clock.critical_percent
    row.business_hours = timeline.business_hours
    row.pauses = [p.as_dict() for p in clock.pauses]
    row.paused_seconds = int(clock.paused_time(timeline).total_seconds())
    row.alert_level, row.cycle = clock.alert_level, clock.cycle
    row.due_at = clock.due_at(timeline)
    row.next_event_at = clock.next_event_at(timeline)
    row.state = clock.state
    row.stopped_at = clock.stopped_at
    row.met = None if clock.stopped_at is None else not clock.breached(timeline, now)
    row.updated_at = now


def clocks_for_update(session: Session, ticket_id: str) -> list[ClockRow]:
    """The ticket's clocks, locked against the scanner and other consumers."""
    return list(session.scalars(select(ClockRow).where(ClockRow.ticket_id == ticket_id)
                                .order_by(ClockRow.kind.desc()).with_for_update()))


# -- events -------------------------------------------------------------------------------
def updated_payload(row: ClockRow, clock: Clock, timeline: Timeline, now: datetime) -> dict[str, Any]:
    return {
        "ticket_id": row.ticket_id, "ticket_uid": row.ticket_uid, "clock": row.kind,
        "state": clock.sla_state(timeline, now), "started_at": row.started_at.isoformat(),
        "due_at": row.due_at.isoformat(), "paused": clock.state == "paused",
        "paused_seconds": row.paused_seconds, "percent_elapsed": round(clock.percent(timeline, now), 2),
        "breached": clock.breached(timeline, now), "target_minutes": row.target_minutes,
        "business_hours": row.business_hours, "stopped_at": row.stopped_at.isoformat() if row.stopped_at else None,
        "cycle": row.cycle, "target_source": row.target_source,
    }


def alert_payload(row: ClockRow, clock: Clock, alert: Alert, timeline: Timeline, now: datetime,
                  ticket: TicketRow | None) -> dict[str, Any]:
    return {
        "ticket_id": row.ticket_id, "ticket_uid": row.ticket_uid, "clock": row.kind,
        "threshold_percent": alert.threshold_percent, "due_at": row.due_at.isoformat(),
        "percent_elapsed": round(clock.percent(timeline, now), 2), "ticket_type": row.ticket_type,
        "priority": row.priority, "assigned_to": ticket.assigned_to if ticket else None,
        "assigned_team": ticket.assigned_team if ticket else None, "cycle": row.cycle,
    }


def record(session: Session, deps: Deps, row: ClockRow, clock: Clock, timeline: Timeline, now: datetime,
           action: str, at: datetime, detail: dict[str, Any] | None = None, *, publish: bool = True) -> None:
    """History row for a change, and ``sla.updated`` (the change of due date or state)."""
    session.add(ClockHistoryRow(
        clock_id=row.id, ticket_id=row.ticket_id, action=action, at=at, state=row.state,
        sla_state=clock.sla_state(timeline, now), due_at=row.due_at, target_minutes=row.target_minutes,
        percent_elapsed=round(clock.percent(timeline, now), 2), cycle=row.cycle, detail=detail or {},
    ))
    if publish:
        deps.outbox.add(session, "sla.updated", updated_payload(row, clock, timeline, now))


# -- tickets --------------------------------------------------------------------------------
TICKET_FIELDS = {"ticket_type": "type", "priority": "priority", "status": "status", "assigned_to": "assigned_to",
                 "assigned_team": "assigned_team"}


def upsert_ticket(session: Session, snapshot: dict[str, Any], **extra: Any) -> tuple[TicketRow, bool]:
    """Remember the ticket's snapshot unless a newer one was applied already.

    Returns the row (locked) and whether this snapshot is the newest (False = stale event)."""
    values = {col: snapshot.get(key) for col, key in TICKET_FIELDS.items()}
    snapshot_at = parse_time(snapshot.get("updated_at"))
    values.update(ticket_id=snapshot["id"], ticket_uid=snapshot["ticket_uid"], snapshot_at=snapshot_at,
                  created_at=parse_time(snapshot.get("created_at")), updated_at=utc_now(), **extra)
    stmt = insert(TicketRow).values(**values)
    set_ = {k: stmt.excluded[k] for k in values if k not in ("ticket_id", "created_at")}
    set_["created_at"] = func.coalesce(TicketRow.created_at, stmt.excluded.created_at)
    stmt = stmt.on_conflict_do_update(
        index_elements=[TicketRow.ticket_id], set_=set_,
        where=(TicketRow.snapshot_at.is_(None)) | (TicketRow.snapshot_at <= stmt.excluded.snapshot_at))
    row = session.scalars(stmt.returning(TicketRow), execution_options={"populate_existing": True}).first()
    if row is not None:
        return row, True
    stale = session.get(TicketRow, snapshot["id"], with_for_update=True, populate_existing=True)
    assert stale is not None
    for key, value in extra.items():  # e.g. deleted=True still applies
        setattr(stale, key, value)
    return stale, False


def start_clocks(session: Session, deps: Deps, ref: Reference, ticket: TicketRow) -> list[ClockRow]:
    """Create the ticket's missing clocks (resolution, and response when a target exists)."""
    target = ref.policy.target(ticket.ticket_type, ticket.priority,  # type: ignore[arg-type]
                               contract_resolution_hours=ticket.contract_resolution_hours,
                               contract_response_hours=ticket.contract_response_hours)
    timeline = ref.timeline(target.business_hours)
    now = deps.now()
    started = ticket.created_at or now
    made = []
    for kind in ("resolution", "response"):
        minutes = target.minutes(kind)
        if minutes is None:
            continue
        clock = Clock(kind=kind, started_at=started, target=timedelta(minutes=minutes),
                      warning_percent=target.warning_percent, critical_percent=target.critical_percent)
        row = session.scalars(insert(ClockRow).values(
            id=str(uuid.uuid4()), ticket_id=ticket.ticket_id, ticket_uid=ticket.ticket_uid, kind=kind,
            ticket_type=ticket.ticket_type, priority=ticket.priority, started_at=started, target_minutes=minutes,
            due_at=clock.due_at(timeline), business_hours=target.business_hours,
            warning_percent=target.warning_percent, critical_percent=target.critical_percent,
            next_event_at=clock.next_event_at(timeline), target_source=target.source,
        ).on_conflict_do_nothing(constraint="uq_sla_clocks_ticket_kind").returning(ClockRow)).first()
        if row is None:
            continue  # a replay by the producer: the clock exists already
        record(session, deps, row, clock, timeline, now, "started", started, {"target_source": target.source})
        made.append(row)
    return made


def retarget_clocks(session: Session, deps: Deps, ref: Reference, ticket: TicketRow, reason: str,
                    at: datetime) -> None:
    """Recompute targets after a type, priority or contract change (FR-011 with the new inputs)."""
    target = ref.policy.target(ticket.ticket_type, ticket.priority,  # type: ignore[arg-type]
                               contract_resolution_hours=ticket.contract_resolution_hours,
                               contract_response_hours=ticket.contract_response_hours)
    now = deps.now()
    for row in clocks_for_update(session, ticket.ticket_id):
        minutes = target.minutes(row.kind)
        if minutes is None:
            continue  # a response clock whose target disappeared keeps its old one
        clock = to_domain(row)
        timeline = ref.timeline(target.business_hours)
        before = (row.due_at, row.cycle, row.business_hours)
        changed = clock.retarget(timeline, timedelta(minutes=minutes), target.warning_percent,
                                 target.critical_percent, now)
        row.ticket_type, row.priority, row.target_source = ticket.ticket_type, ticket.priority, target.source
        if not changed and row.business_hours == target.business_hours:
            continue
        apply_to_row(row, clock, timeline, now)
        record(session, deps, row, clock, timeline, now, "recomputed", at,
               {"reason": reason, "previous_due_at": before[0].isoformat(), "previous_cycle": before[1],
                "target_source": target.source})
