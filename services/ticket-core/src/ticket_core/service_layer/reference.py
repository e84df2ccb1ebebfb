"""Drops, projects and poles: our copy of the SOW reference data (PRD §11.2). Imports are
validated whole (all rows or none) and upserted, so re-importing a file changes nothing."""
from __future__ import annotations

import csv
import io
import uuid
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import func
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from fibreflow_shared import sanitise
from ticket_core.adapters import repository
from ticket_core.adapters.orm import DropRow, PoleRow, ProjectRow
from ticket_core.domain.errors import TicketNotFound, TicketRuleError
from ticket_core.domain.model import normalise_drop_number

KINDS = ("projects", "poles", "drops")
PROJECT_NAMESPACE = uuid.UUID("6f1d3c1e-2f7a-4c55-9a6b-1c0f6a7e9b10")
MAX_ROWS = 50_000
FIELDS = {
    "projects": ("id", "name", "code", "zone"),
    "poles": ("pole_number", "project_id", "zone", "latitude", "longitude"),
    "drops": ("drop_number", "project_id", "pole_number", "zone", "address", "pon", "latitude", "longitude",
              "install_date"),
}
TABLES = {"projects": ProjectRow, "poles": PoleRow, "drops": DropRow}
KEYS = {"projects": "id", "poles": "pole_number", "drops": "drop_number"}


def parse(content: bytes, content_type: str) -> list[dict[str, Any]]:
    """Rows from a CSV (header line) or JSON (a list, or {"items": [...]}) body."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TicketRuleError(f"not UTF-8 text: {exc}") from exc
    sanitise.check_text(text, "body")  # a NUL in a CSV cell would reach the database
    if "csv" in content_type:
        return [{k.strip(): (v.strip() if isinstance(v, str) else v) for k, v in row.items() if k}
                for row in csv.DictReader(io.StringIO(text))]
    try:
        data = sanitise.loads(text)  # depth and text checked: an upload may be any bytes
    except ValueError as exc:
        raise TicketRuleError(f"not JSON: {exc}") from exc
    if isinstance(data, dict):
        data = data.get("items")
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        raise TicketRuleError("expected a JSON list of objects (or {\"items\": [...]})")
    return data


def _decimal(value: Any, low: int, high: int) -> Decimal | None:
    if value in (None, ""):
        return None
    number = Decimal(str(value))
    if not number.is_finite() or not low <= number <= high:
        raise ValueError(f"must be between {low} and {high}")
    return number


def _clean(kind: str, raw: dict[str, Any]) -> dict[str, Any]:
    unknown = set(raw) - set(FIELDS[kind])
    if unknown:
        raise ValueError(f"unknown fields {sorted(unknown)}")
    row = {k: (None if raw.get(k) in ("", None) else raw.get(k)) for k in FIELDS[kind]}
    for key, value in row.items():
        if value is not None and not isinstance(value, (str, int, float)):
            raise ValueError(f"{key} must be a string or number")
        if isinstance(value, str) and len(value) > 500:
            raise ValueError(f"{key} is too long")
    if kind == "projects":
        if not row["name"]:
            raise ValueError("name is required")
        row["id"] = str(uuid.UUID(str(row["id"]))) if row["id"] else str(uuid.uuid5(PROJECT_NAMESPACE, str(row["name"])))
    else:
        key = KEYS[kind]
        if not row[key]:
            raise ValueError(f"{key} is required")
        row[key] = normalise_drop_number(str(row[key])) if kind == "drops" else str(row[key]).strip().upper()
        row["project_id"] = str(uuid.UUID(str(row["project_id"]))) if row["project_id"] else None
        row["latitude"] = _decimal(row["latitude"], -90, 90)
        row["longitude"] = _decimal(row["longitude"], -180, 180)
        if kind == "drops" and row["install_date"]:
            row["install_date"] = date.fromisoformat(str(row["install_date"]))
    return {k: (str(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else v) for k, v in row.items()}


def import_rows(session: Session, kind: str, rows: list[dict[str, Any]]) -> dict[str, int]:
    """Validate every row, then upsert them all. Returns counts."""
    if kind not in KINDS:
        raise TicketRuleError(f"unknown reference kind {kind!r}; one of {', '.join(KINDS)}")
    if not rows:
        raise TicketRuleError("no rows to import")
    if len(rows) > MAX_ROWS:
        raise TicketRuleError(f"at most {MAX_ROWS} rows per import")
    clean: dict[str, dict[str, Any]] = {}
    errors: dict[str, str] = {}
    for index, raw in enumerate(rows, start=1):
        try:
            row = _clean(kind, raw)
        except (ValueError, InvalidOperation, TicketRuleError) as exc:
            errors[str(index)] = str(exc) or type(exc).__name__
            continue
        clean[row[KEYS[kind]]] = row  # the last row for a key wins
    if errors:
        raise TicketRuleError(f"{len(errors)} invalid rows; nothing imported", dict(list(errors.items())[:50]))
    table = TABLES[kind].__table__
    values = list(clean.values())
    for start in range(0, len(values), 1000):
        stmt = insert(table).values(values[start:start + 1000])
        stmt = stmt.on_conflict_do_update(index_elements=[KEYS[kind]], set_={
            **{c: stmt.excluded[c] for c in FIELDS[kind] if c != KEYS[kind]}, "updated_at": func.now()})
        session.execute(stmt)
    return {"received": len(rows), "upserted": len(values)}


def import_upload(session: Session, kind: str, content: bytes, content_type: str) -> dict[str, int]:
    """POST /api/tickets/reference/<kind>/import: an unknown kind is 404, then ``parse`` and
    ``import_rows`` (all rows valid, or none written)."""
    if kind not in KINDS:
        raise TicketNotFound(f"reference kind {kind}")
    return import_rows(session, kind, parse(content, content_type))


def lookup_drop(session: Session, drop_number: str) -> dict[str, Any]:
    """A drop's details by DR number (with its project's name and zone), else 404."""
    found = repository.drop(session, normalise_drop_number(drop_number))
    if found is None:
        raise TicketNotFound(f"drop {drop_number}")
    drop, project = found
    return {"drop_number": drop.drop_number, "project_id": drop.project_id,
            "project_name": project.name if project else None, "pole_number": drop.pole_number,
            "zone": drop.zone or (project.zone if project else None), "address": drop.address, "pon": drop.pon,
            "latitude": float(drop.latitude) if drop.latitude is not None else None,
            "longitude": float(drop.longitude) if drop.longitude is not None else None,
            "install_date": drop.install_date.isoformat() if drop.install_date else None}
