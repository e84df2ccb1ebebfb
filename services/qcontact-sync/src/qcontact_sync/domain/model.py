"""The sync's rules in plain Python: reading a QContact case, mapping it onto an FT ticket,
and the per-field decisions of import (what changed there) and export (the three-way check).

``synced`` is what both sides last agreed on, per field: the QContact values of the fields we
write back (status, priority, assignee) and a keyed digest of every mapped ticket field (so
contact details never sit in plain text in the mirror).
"""
from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Mapping

from qcontact_sync.domain.errors import InvalidCase

# Ticket fields an import mirrors (ticket-core's MIRRORED_FIELDS minus the client PII).
IMPORT_FIELDS = ("title", "description", "type", "priority", "category", "drop_number", "address", "status")
# QContact fields we write back (export), by the ticket field they come from.
EXPORT_FIELDS = ("status", "priority", "assigned_to")


@dataclass(frozen=True)
class Case:
    """A QContact case, validated and normalised from either answer form."""

    id: str
    created_at: datetime | None
    updated_at: datetime
    subject: str
    description: str
    status: str
    priority: str | None
    queue: str | None
    category: str | None
    assigned_to: str | None
    address: str | None
    drop_number: str | None
    contact: dict[str, Any] = field(default_factory=dict)
    raw: dict[str, Any] = field(default_factory=dict, compare=False)

    def qc_value(self, name: str) -> Any:
        return getattr(self, name)


def _text(value: Any, limit: int | None = None) -> str | None:
    if value is None:
        return None
    if isinstance(value, dict):
        value = value.get("label") or value.get("name") or value.get("value")
        if value is None:
            return None
    if isinstance(value, (list, tuple)):
        raise InvalidCase("expected text, got a list")
    text = str(value).strip()
    return text[:limit] if limit else text


def _time(value: Any, name: str) -> datetime:
    from fibreflow_shared.timeutil import parse_time

    if not isinstance(value, str):
        raise InvalidCase(f"case {name} is missing")
    try:
        parsed = parse_time(value)
    except ValueError as exc:
        raise InvalidCase(f"case {name} {value!r} is not a timestamp") from exc
    assert parsed is not None
    return parsed


def parse_case(raw: Any, known_statuses: Mapping[str, str]) -> Case:
    """A ``Case`` from a QContact answer (PRD top-level fields or ``fields``/``relationships``);
    raises ``InvalidCase`` for anything we would have to guess about."""
    if not isinstance(raw, dict):
        raise InvalidCase("case is not an object")
    fields = raw.get("fields") if isinstance(raw.get("fields"), dict) else {}
    rel = raw.get("relationships") if isinstance(raw.get("relationships"), dict) else {}

    def pick(*names: str) -> Any:
        for name in names:
            for source in (fields, raw):
                if source.get(name) not in (None, ""):
                    return source[name]
        return None

    case_id = raw.get("id")
    if isinstance(case_id, bool) or not str(case_id or "").strip().isdigit():
        raise InvalidCase(f"case id {case_id!r} is not numeric")
    status = _text(pick("status"))
    if status not in known_statuses:
        raise InvalidCase(f"case {case_id} has unknown status {status!r}")
    contact = rel.get("contact") if isinstance(rel.get("contact"), dict) else {}
    drop = rel.get("c__dr_number") if isinstance(rel.get("c__dr_number"), dict) else None
    return Case(
        id=str(int(str(case_id).strip())),
        created_at=_time(raw["created_at"], "created_at") if raw.get("created_at") else None,
        updated_at=_time(raw.get("updated_at"), "updated_at"),
        subject=_text(pick("subject", "label"), 255) or f"QContact case {case_id}",
        description=_text(pick("description")) or "",
        status=status or "",
        priority=_text(pick("priority")),
        queue=_text(pick("queue")),
        category=_text(pick("category"), 100),
        assigned_to=_text(pick("assigned_to")),
        address=_text(pick("address"), 500),
        drop_number=_text((drop or {}).get("label")) if drop else _text(pick("c__dr_number")),
        contact={k: v for k, v in {"name": _text(contact.get("name") or pick("contact_name")),
                                   "phone": _text(contact.get("telephone") or pick("telephone")),
                                   "email": _text(contact.get("email") or pick("email"))}.items() if v},
        raw=raw,
    )


@dataclass(frozen=True)
class Maps:
    """The configured translations between the two systems."""

    statuses: Mapping[str, str]          # QContact → FibreFlow
    reverse_statuses: Mapping[str, str]  # FibreFlow → QContact
    priorities: Mapping[str, str]        # QContact → FibreFlow
    assignees: Mapping[str, str]         # FibreFlow user id → QContact user
    ticket_type: str = "fault"

    @property
    def reverse_priorities(self) -> dict[str, str]:
        return {ff: qc for qc, ff in self.priorities.items()}


def ticket_fields(case: Case, maps: Maps) -> dict[str, Any]:
    """The FT ticket's mirrored fields for ``case`` (PRD §11.4 mapping)."""
    drop = case.drop_number
    if drop and not drop.upper().startswith("DR"):
        drop = f"DR{drop}" if drop.isdigit() else None
    return {"title": case.subject, "description": case.description, "type": maps.ticket_type,
            "priority": maps.priorities.get(case.priority or "", "medium"), "category": case.category,
            "drop_number": drop, "address": case.address, "status": maps.statuses[case.status]}


def digest(key: str, name: str, value: Any) -> str:
    """Keyed digest of one field value (equality test without keeping the value)."""
    message = name.encode() + b"\x00" + json.dumps(value, sort_keys=True, default=str).encode()
    return hmac.new(key.encode(), message, hashlib.sha256).hexdigest()[:32]


def synced_state(case: Case, maps: Maps, key: str) -> dict[str, Any]:
    """What a fully applied ``case`` leaves as the agreed state of every field."""
    mapped = ticket_fields(case, maps)
    return {"qc": {name: case.qc_value(name) for name in EXPORT_FIELDS},
            "digests": {name: digest(key, name, mapped[name]) for name in IMPORT_FIELDS}}


def import_changes(case: Case, synced: Mapping[str, Any] | None, maps: Maps, key: str) -> dict[str, Any]:
    """The ticket fields ``case`` changes against the agreed state (all of them for a new case).
    Our own write coming back changes nothing: it is the agreed state already."""
    mapped = ticket_fields(case, maps)
    if not synced:
        return mapped
    digests = synced.get("digests") or {}
    return {name: mapped[name] for name in IMPORT_FIELDS if digests.get(name) != digest(key, name, mapped[name])}


def desired_qc_values(ticket: Mapping[str, Any], maps: Maps) -> dict[str, Any]:
    """The QContact values a FibreFlow ticket snapshot stands for (fields we do not map are left out)."""
    out: dict[str, Any] = {}
    if ticket.get("status") in maps.reverse_statuses:
        out["status"] = maps.reverse_statuses[ticket["status"]]
    reverse = maps.reverse_priorities
    if ticket.get("priority") in reverse:
        out["priority"] = reverse[ticket["priority"]]
    if maps.assignees and ticket.get("assigned_to") in maps.assignees:
        out["assigned_to"] = maps.assignees[ticket["assigned_to"]]
    return out


@dataclass(frozen=True)
class ExportPlan:
    """The three-way decision for one export: what to write, what QContact changed meanwhile."""

    send: dict[str, Any]        # FibreFlow changed it, QContact did not: write it
    conflicts: dict[str, Any]   # both changed it (to different values): QContact wins
    already: dict[str, Any]     # QContact already holds the value FibreFlow wants


def plan_export(desired: Mapping[str, Any], current: Case, synced: Mapping[str, Any] | None) -> ExportPlan:
    """Per field: FibreFlow changed it if ``desired`` differs from the agreed value; QContact
    changed it if the case differs from the agreed value. Both → conflict (QContact wins)."""
    agreed = (synced or {}).get("qc") or {}
    send: dict[str, Any] = {}
    conflicts: dict[str, Any] = {}
    already: dict[str, Any] = {}
    for name, want in desired.items():
        have = current.qc_value(name)
        base = agreed.get(name, have)
        if want == base:
            continue  # FibreFlow did not change it
        if have == want:
            already[name] = want
        elif have != base:
            conflicts[name] = {"qcontact": have, "fibreflow": want, "last_synced": base}
        else:
            send[name] = want
    return ExportPlan(send, conflicts, already)


def fibertime_uid_digits(reference: str) -> str:
    """The digits of a Fibertime ticket id (``FT-2025-12345`` → ``202512345``): the FT UID's number."""
    digits = "".join(ch for ch in reference if ch.isdigit())
    if not digits:
        raise InvalidCase(f"Fibertime ticket id {reference!r} has no digits")
    return str(int(digits))
