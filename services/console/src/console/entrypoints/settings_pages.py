"""SLA settings (FR-010): targets per type (× the priority multipliers), business hours, holidays
and closed days. Admins change them; supervisors and viewers read them."""
from __future__ import annotations

from typing import Any

from flask import Blueprint, request, url_for

from console.entrypoints.web import api, back_to, get, page, render, require, try_get

bp = Blueprint("settings", __name__, url_prefix="/settings")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@bp.get("/sla")
@page("sla_settings")
def sla() -> Any:
    configs = get("/api/sla/configs")
    calendar = try_get("/api/sla/calendar", {}) or {}
    year = request.args.get("year", type=int)
    holidays = try_get("/api/sla/calendar/holidays", {"days": []}, year=year, limit=200) or {}
    closed = try_get("/api/sla/calendar/closed-days", {"closed_days": []}, year=year, limit=200) or {}
    return render("settings_sla.html", configs=configs, calendar=calendar, holidays=holidays.get("days", []),
                  closed=closed.get("closed_days", []), weekdays=WEEKDAYS, year=holidays.get("year"))


def _number(raw: str | None) -> float | None:
    try:
        return float(raw) if raw not in (None, "") else None
    except ValueError:
        return None


@bp.post("/sla/types")
@page("sla_settings")
def save_types() -> Any:
    """Base hours, response hours, thresholds and business-hours flag per ticket type."""
    require("edit_sla", "Changing SLA targets")
    types = []
    for ticket_type in request.form.getlist("ticket_type"):
        entry: dict[str, Any] = {"ticket_type": ticket_type,
                                 "business_hours_only": request.form.get(f"{ticket_type}.business_hours_only") == "on"}
        for field in ("base_hours", "response_hours"):
            value = _number(request.form.get(f"{ticket_type}.{field}"))
            if value is not None:
                entry[field] = value
        for field in ("warning_threshold_percent", "critical_threshold_percent"):
            value = _number(request.form.get(f"{ticket_type}.{field}"))
            if value is not None:
                entry[field] = int(value)
        types.append(entry)
    multipliers = []
    for priority in request.form.getlist("priority"):
        value = _number(request.form.get(f"multiplier.{priority}"))
        if value is not None:
            multipliers.append({"priority": priority, "multiplier": value})
    api("POST", "/api/sla/configs", json={"types": types, "priority_multipliers": multipliers})
    return back_to(url_for("settings.sla"))


@bp.post("/sla/calendar")
@page("sla_settings")
def save_calendar() -> Any:
    """Working hours per weekday (FR-010.3)."""
    require("edit_sla", "Changing business hours")
    hours = []
    for day in WEEKDAYS:
        is_open = request.form.get(f"{day}.open") == "on"
        entry: dict[str, Any] = {"weekday": day, "open": is_open}
        if is_open:
            entry.update(start=request.form.get(f"{day}.start", "08:00"), end=request.form.get(f"{day}.end", "17:00"))
        hours.append(entry)
    body: dict[str, Any] = {"working_hours": hours}
    if request.form.get("timezone", "").strip():
        body["timezone"] = request.form["timezone"].strip()
    api("PUT", "/api/sla/calendar", json=body)
    return back_to(url_for("settings.sla"))


@bp.post("/sla/closed-days")
@page("sla_settings")
def add_closed_day() -> Any:
    require("edit_sla", "Adding closed days")
    api("POST", "/api/sla/calendar/closed-days",
        json={"date": request.form.get("date", ""), "name": request.form.get("name", "").strip()[:100]})
    return back_to(url_for("settings.sla"))


@bp.post("/sla/closed-days/<string:day>/delete")
@page("sla_settings")
def delete_closed_day(day: str) -> Any:
    require("edit_sla", "Removing closed days")
    api("DELETE", f"/api/sla/calendar/closed-days/{day}")
    return back_to(url_for("settings.sla"))
