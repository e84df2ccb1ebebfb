"""Use cases for SLA configuration and the business calendar (admin writes, validated)."""
from __future__ import annotations

from datetime import date, datetime, timezone
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from sla.adapters.orm import CalendarRow, ClosedDayRow, OverrideRow, PriorityMultiplierRow, TypeConfigRow
from sla.domain.calendar import CalendarError, is_valid_country, parse_hours, public_holidays
from sla.domain.targets import PRIORITIES, TICKET_TYPES, InvalidPolicy, check_thresholds
from sla.service_layer.reference import calendar_from_row, load_policy


class NotFoundError(LookupError):
    """The thing to change does not exist."""


class DuplicateError(ValueError):
    """The thing to create exists already."""


def _num(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def config_document(session: Session) -> dict[str, Any]:
    """Types, multipliers, overrides and the effective target of every type × priority."""
    policy = load_policy(session)
    types = [{"ticket_type": t.ticket_type, "base_hours": _num(t.base_hours), "response_hours": _num(t.response_hours),
              "business_hours_only": t.business_hours_only,
              "warning_threshold_percent": t.warning_threshold_percent,
              "critical_threshold_percent": t.critical_threshold_percent}
             for t in sorted(policy.types.values(), key=lambda t: TICKET_TYPES.index(t.ticket_type))]
    multipliers = [{"priority": p, "multiplier": _num(m)} for p, m in
                   sorted(policy.multipliers.items(), key=lambda kv: PRIORITIES.index(kv[0]))]
    overrides = [{"ticket_type": o.ticket_type, "priority": o.priority, "base_hours": _num(o.base_hours),
                  "response_hours": _num(o.response_hours), "business_hours_only": o.business_hours_only,
                  "warning_threshold_percent": o.warning_threshold_percent,
                  "critical_threshold_percent": o.critical_threshold_percent}
                 for o in sorted(policy.overrides.values(), key=lambda o: (o.ticket_type, o.priority))]
    effective = []
    for ticket_type in TICKET_TYPES:
        for priority in PRIORITIES:
            if ticket_type not in policy.types or priority not in policy.multipliers:
                continue
            t = policy.target(ticket_type, priority)
            effective.append({"ticket_type": ticket_type, "priority": priority,
                              "resolution_minutes": t.resolution_minutes, "response_minutes": t.response_minutes,
                              "business_hours_only": t.business_hours, "warning_threshold_percent": t.warning_percent,
                              "critical_threshold_percent": t.critical_percent, "source": t.source})
    return {"types": types, "priority_multipliers": multipliers, "overrides": overrides, "effective": effective}


def update_configs(session: Session, body: dict[str, Any]) -> dict[str, Any]:
    """Upsert the given types, multipliers and overrides; refuse (422) a result with bad thresholds."""
    now = datetime.now(timezone.utc)
    for item in body.get("types", []):
        values = {k: v for k, v in item.items() if k != "ticket_type"}
        if not values:
            continue
        updated = session.execute(update(TypeConfigRow).where(TypeConfigRow.ticket_type == item["ticket_type"])
                                  .values(**values, updated_at=now)).rowcount
        if not updated:
            if "base_hours" not in item:
                raise InvalidPolicy(f"type {item['ticket_type']!r} is new: base_hours is required")
            session.add(TypeConfigRow(**item, updated_at=now))
    for item in body.get("priority_multipliers", []):
        stmt = insert(PriorityMultiplierRow).values(**item, updated_at=now)
        session.execute(stmt.on_conflict_do_update(index_elements=["priority"],
                                                   set_={"multiplier": item["multiplier"], "updated_at": now}))
    for item in body.get("overrides", []):
        values = {"response_hours": None, "business_hours_only": None, "warning_threshold_percent": None,
                  "critical_threshold_percent": None, **item}
        stmt = insert(OverrideRow).values(**values, updated_at=now)
        session.execute(stmt.on_conflict_do_update(
            constraint="uq_sla_configs_type_priority",
            set_={k: v for k, v in values.items() if k not in ("ticket_type", "priority")} | {"updated_at": now}))
    session.flush()
    policy = load_policy(session)
    for ticket_type in policy.types:
        for priority in policy.multipliers:
            target = policy.target(ticket_type, priority)
            try:
                check_thresholds(target.warning_percent, target.critical_percent)
            except InvalidPolicy as exc:
                raise InvalidPolicy(f"{ticket_type}/{priority}: {exc}") from exc
    return config_document(session)


def delete_override(session: Session, ticket_type: str, priority: str) -> None:
    deleted = session.execute(delete(OverrideRow).where(OverrideRow.ticket_type == ticket_type,
                                                        OverrideRow.priority == priority)).rowcount
    if not deleted:
        raise NotFoundError(f"no override for {ticket_type}/{priority}")


# -- calendar -------------------------------------------------------------------------------
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def calendar_document(session: Session) -> dict[str, Any]:
    row = session.get(CalendarRow, 1)
    assert row is not None
    hours = []
    for day in range(7):
        span = row.working_hours.get(str(day))
        hours.append({"weekday": WEEKDAYS[day], "start": span[0] if span else None,
                      "end": span[1] if span else None, "open": bool(span)})
    return {"timezone": row.timezone, "country": row.country, "subdivision": row.subdivision,
            "working_hours": hours, "version": row.version,
            "updated_at": row.updated_at.isoformat()}


def update_calendar(session: Session, body: dict[str, Any]) -> dict[str, Any]:
    row = session.get(CalendarRow, 1, with_for_update=True)
    assert row is not None
    if "timezone" in body:
        row.timezone = body["timezone"]
    if "country" in body or "subdivision" in body:
        country = body.get("country", row.country)
        subdivision = body.get("subdivision", row.subdivision if "country" not in body else None)
        if country is not None and not is_valid_country(country, subdivision):
            raise InvalidPolicy(f"unknown holiday country/subdivision {country!r}/{subdivision!r}")
        row.country = country.upper() if country else None
        row.subdivision = subdivision
    if "working_hours" in body:
        hours: dict[str, list[str]] = {}
        for item in body["working_hours"]:
            day = str(WEEKDAYS.index(item["weekday"]))
            if item.get("open", True) and item.get("start") and item.get("end"):
                hours[day] = [item["start"], item["end"]]
        row.working_hours = hours
    try:
        calendar_from_row(row, frozenset())
        parse_hours({int(k): tuple(v) for k, v in row.working_hours.items()})  # type: ignore[misc]
    except (CalendarError, ValueError) as exc:
        raise InvalidPolicy(str(exc)) from exc
    row.version += 1
    row.updated_at = datetime.now(timezone.utc)
    session.flush()
    return calendar_document(session)


def list_closed_days(session: Session, year: int | None = None) -> list[dict[str, Any]]:
    stmt = select(ClosedDayRow).order_by(ClosedDayRow.day)
    if year:
        stmt = stmt.where(ClosedDayRow.day >= date(year, 1, 1), ClosedDayRow.day <= date(year, 12, 31))
    return [{"date": r.day.isoformat(), "name": r.name} for r in session.scalars(stmt)]


def add_closed_day(session: Session, day: date, name: str) -> dict[str, Any]:
    made = session.execute(insert(ClosedDayRow).values(day=day, name=name).on_conflict_do_nothing()
                           .returning(ClosedDayRow.day)).first()
    if made is None:
        raise DuplicateError(f"{day.isoformat()} is already a closed day")
    return {"date": day.isoformat(), "name": name}


def delete_closed_day(session: Session, day: date) -> None:
    if not session.execute(delete(ClosedDayRow).where(ClosedDayRow.day == day)).rowcount:
        raise NotFoundError(f"{day.isoformat()} is not a closed day")


def holidays_of(session: Session, year: int) -> list[dict[str, Any]]:
    """Public holidays (from the holidays package) and custom closed days of one year."""
    row = session.get(CalendarRow, 1)
    assert row is not None
    days = [{"date": d.isoformat(), "name": name, "kind": "public_holiday"}
            for d, name in (public_holidays(row.country, row.subdivision, year).items() if row.country else [])]
    days += [{**d, "kind": "closed_day"} for d in list_closed_days(session, year)]
    return sorted(days, key=lambda d: d["date"])
