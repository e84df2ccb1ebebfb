"""Configuration the clocks depend on (targets and business calendar), read from the
database and cached briefly so the consumer and scanner do not reload it per event."""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from sla.adapters.orm import CalendarRow, ClosedDayRow, OverrideRow, PriorityMultiplierRow, TypeConfigRow
from sla.domain.calendar import BusinessCalendar, ClosedDays, Timeline, WallClock, parse_hours
from sla.domain.targets import Override, SlaPolicy, TypeConfig

WALL_CLOCK = WallClock()


@dataclass(frozen=True)
class Reference:
    policy: SlaPolicy
    calendar: BusinessCalendar

    def timeline(self, business_hours: bool) -> Timeline:
        return self.calendar if business_hours else WALL_CLOCK


def load_policy(session: Session) -> SlaPolicy:
    types = {r.ticket_type: TypeConfig(r.ticket_type, r.base_hours, r.response_hours, r.business_hours_only,
                                       r.warning_threshold_percent, r.critical_threshold_percent)
             for r in session.scalars(select(TypeConfigRow))}
    multipliers = {r.priority: r.multiplier for r in session.scalars(select(PriorityMultiplierRow))}
    overrides = {(r.ticket_type, r.priority): Override(r.ticket_type, r.priority, r.base_hours, r.response_hours,
                                                       r.business_hours_only, r.warning_threshold_percent,
                                                       r.critical_threshold_percent)
                 for r in session.scalars(select(OverrideRow))}
    return SlaPolicy(types, multipliers, overrides)


def calendar_from_row(row: CalendarRow, closed: frozenset[date]) -> BusinessCalendar:
    hours = parse_hours({int(k): tuple(v) for k, v in row.working_hours.items()})  # type: ignore[misc]
    return BusinessCalendar(row.timezone, hours, ClosedDays(row.country, row.subdivision, closed))


def load_calendar(session: Session) -> BusinessCalendar:
    row = session.get(CalendarRow, 1)
    assert row is not None, "migration 0002 seeds the calendar row"
    closed = frozenset(session.scalars(select(ClosedDayRow.day)))
    return calendar_from_row(row, closed)


def load_reference(session: Session) -> Reference:
    return Reference(load_policy(session), load_calendar(session))


class ReferenceCache:
    """``get(session)`` reloads at most every ``ttl`` seconds (0 = every call)."""

    def __init__(self, ttl: float = 2.0) -> None:
        self.ttl = ttl
        self._value: Reference | None = None
        self._loaded_at = 0.0
        self._lock = threading.Lock()

    def get(self, session: Session) -> Reference:
        with self._lock:
            if self._value is None or time.monotonic() - self._loaded_at >= self.ttl:
                self._value = load_reference(session)
                self._loaded_at = time.monotonic()
            return self._value

    def invalidate(self) -> None:
        with self._lock:
            self._value = None
