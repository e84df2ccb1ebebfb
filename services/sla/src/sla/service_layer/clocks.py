"""Loading, saving and publishing clocks: the glue between rows, the domain and the outbox."""
from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Callable

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from fibreflow_shared.messaging.outbox import Outbox
from fibreflow_shared.timeutil import parse_time, utc_now
from sla.adapters.orm import ClockHistoryRow, ClockRow, TicketRow
from sla.domain.calendar import Timeline
from sla.domain.clock import Alert, Clock, Pause
from sla.service_layer.reference import Reference, ReferenceCache


@dataclass
class Deps:
    """The one dependency object of the sla use cases (consumer, scanner, HTTP): the outbox, the
    cached configuration and a clock (tests fix it)."""

    outbox: Outbox
    reference: ReferenceCache = field(default_factory=ReferenceCache)
    now: Callable[[], datetime] = utc_now


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


# PostgreSQL ``insert()`` constructs are never cached by SQLAlchemy (the ON CONFLICT clause
# has no cache key), so each execution compiled anew: ~1 ms of CPU per statement, the largest
# cost of a ticket.created. These hot statements are plain text, compiled once.
_TICKET_COLUMNS = ("ticket_id", "ticket_uid", *TICKET_FIELDS, "snapshot_at", "created_at", "updated_at")
_UPSERTS: dict[tuple[str, ...], Any] = {}


def _upsert_statement(extra: tuple[str, ...]) -> Any:
    """INSERT .. ON CONFLICT DO UPDATE of a snapshot unless a newer one is stored, RETURNING the row."""
    stmt = _UPSERTS.get(extra)
    if stmt is None:
        columns = (*_TICKET_COLUMNS, *extra)
        updates = [f"{c} = excluded.{c}" for c in columns if c not in ("ticket_id", "created_at")]
        updates.append("created_at = coalesce(t.created_at, excluded.created_at)")
        sql = (f"INSERT INTO sla_tickets AS t ({', '.join(columns)}) VALUES ({', '.join(':' + c for c in columns)}) "
               f"ON CONFLICT (ticket_id) DO UPDATE SET {', '.join(updates)} "
               "WHERE t.snapshot_at IS NULL OR t.snapshot_at <= excluded.snapshot_at RETURNING t.*")
        stmt = _UPSERTS[extra] = select(TicketRow).from_statement(text(sql))
    return stmt


# A new clock and its "started" history row in one round trip (nothing when it exists already).
_INSERT_CLOCK = text(
    "WITH c AS (INSERT INTO sla_clocks (id, ticket_id, ticket_uid, kind, ticket_type, priority, started_at, "
    "target_minutes, due_at, business_hours, warning_percent, critical_percent, next_event_at, target_source) "
    "VALUES (:id, :ticket_id, :ticket_uid, :kind, :ticket_type, :priority, :started_at, :target_minutes, :due_at, "
    ":business_hours, :warning_percent, :critical_percent, :next_event_at, :target_source) "
    "ON CONFLICT ON CONSTRAINT uq_sla_clocks_ticket_kind DO NOTHING RETURNING *), "
    "h AS (INSERT INTO sla_clock_history (clock_id, ticket_id, action, at, state, sla_state, due_at, target_minutes, "
    "percent_elapsed, cycle, detail) SELECT id, ticket_id, 'started', started_at, state, :sla_state, due_at, "
    "target_minutes, :percent_elapsed, cycle, CAST(:detail AS jsonb) FROM c) "
    "SELECT * FROM c").columns(id=ClockRow.__table__.c.id.type, ticket_id=ClockRow.__table__.c.ticket_id.type)
_POPULATE = {"populate_existing": True}


def upsert_ticket(session: Session, snapshot: dict[str, Any], **extra: Any) -> tuple[TicketRow, bool]:
    """Remember the ticket's snapshot unless a newer one was applied already.

    Returns the row (locked) and whether this snapshot is the newest (False = stale event)."""
    values = {col: snapshot.get(key) for col, key in TICKET_FIELDS.items()}
    values.update(ticket_id=snapshot["id"], ticket_uid=snapshot["ticket_uid"],
                  snapshot_at=parse_time(snapshot.get("updated_at")),
                  created_at=parse_time(snapshot.get("created_at")), updated_at=utc_now(), **extra)
    stmt = _upsert_statement(tuple(sorted(extra)))
    row = session.scalars(stmt, values, execution_options=_POPULATE).first()
    if row is not None:
        return row, True
    stale = session.get(TicketRow, snapshot["id"], with_for_update=True, populate_existing=True)
    assert stale is not None
    for key, value in extra.items():  # e.g. deleted=True still applies
        setattr(stale, key, value)
    return stale, False


def start_clocks(session: Session, deps: Deps, ref: Reference, ticket: TicketRow) -> list[str]:
    """Create the ticket's missing clocks (resolution, and response when a target exists);
    returns the kinds created."""
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
        # A plain row (not an ORM object): all sla.updated needs, without the mapping's cost.
        row = session.execute(_INSERT_CLOCK, dict(
            id=str(uuid.uuid4()), ticket_id=ticket.ticket_id, ticket_uid=ticket.ticket_uid, kind=kind,
            ticket_type=ticket.ticket_type, priority=ticket.priority, started_at=started, target_minutes=minutes,
            due_at=clock.due_at(timeline), business_hours=target.business_hours,
            warning_percent=target.warning_percent, critical_percent=target.critical_percent,
            next_event_at=clock.next_event_at(timeline), target_source=target.source,
            sla_state=clock.sla_state(timeline, now), percent_elapsed=round(clock.percent(timeline, now), 2),
            detail=json.dumps({"target_source": target.source}),
        )).first()
        if row is None:
            continue  # a replay by the producer: the clock exists already
        deps.outbox.add(session, "sla.updated", updated_payload(row, clock, timeline, now))  # type: ignore[arg-type]
        made.append(row.kind)
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
