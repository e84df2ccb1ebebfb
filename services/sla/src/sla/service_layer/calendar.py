"""Use cases that change the business calendar: working hours, timezone, holiday country and
custom closed days (admin writes; run through ``configs.configure``)."""
from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import delete
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from fibreflow_shared.timeutil import utc_now
from sla import views
from sla.adapters.orm import CalendarRow, ClosedDayRow
from sla.domain.calendar import WEEKDAYS, is_valid_country, parse_hours
from sla.domain.errors import ClosedDayExists, ClosedDayNotFound, InvalidPolicy
from sla.service_layer.reference import calendar_from_row


def update_calendar(session: Session, body: dict[str, Any]) -> dict[str, Any]:
    """Change what ``body`` gives (days left out of ``working_hours`` are closed); refuse (422) a
    calendar without working time or an unknown holiday country. Returns the calendar."""
    row = session.get(CalendarRow, 1, with_for_update=True)
    assert row is not None, "migration 0002 seeds the calendar row"
    before = _settings_of(row)
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
    try:  # a CalendarError (no working time, bad hours) is an InvalidPolicy already
        calendar_from_row(row, frozenset())
        parse_hours({int(k): tuple(v) for k, v in row.working_hours.items()})  # type: ignore[misc]
    except ValueError as exc:  # an unparsable time of day
        raise InvalidPolicy(str(exc)) from exc
    if _settings_of(row) != before:  # a PUT that changes nothing is not a new version
        row.version += 1
        row.updated_at = utc_now()
        session.flush()
    return views.calendar_document(session)


def _settings_of(row: CalendarRow) -> tuple[Any, ...]:
    return row.timezone, row.country, row.subdivision, dict(row.working_hours or {})


def add_closed_day(session: Session, day: date, name: str) -> dict[str, Any]:
    """Add a custom closed day; refuse (409) one that exists already."""
    made = session.execute(insert(ClosedDayRow).values(day=day, name=name).on_conflict_do_nothing()
                           .returning(ClosedDayRow.day)).first()
    if made is None:
        raise ClosedDayExists(f"{day.isoformat()} is already a closed day")
    return {"date": day.isoformat(), "name": name}


def delete_closed_day(session: Session, day: date) -> None:
    """Remove a custom closed day (404 when it is not one)."""
    if not session.execute(delete(ClosedDayRow).where(ClosedDayRow.day == day)).rowcount:
        raise ClosedDayNotFound(f"{day.isoformat()} is not a closed day")
