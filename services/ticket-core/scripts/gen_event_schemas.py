"""Writes contracts/events/{ticket.*,team.updated}.json (run after changing the snapshot)."""
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
UID = r"^(FT\d+|DR\d+-\d{2,}|EML-\d{4,}|FF-\d{4,}|AH-\d{4,}|BILL-\d{8}-\d{4,})$"
S = {"type": "string"}
NS = {"type": ["string", "null"]}
UUID = {"type": "string", "format": "uuid"}
NUUID = {"type": ["string", "null"], "format": "uuid"}
DT = {"type": "string", "format": "date-time"}
NDT = {"type": ["string", "null"], "format": "date-time"}


def enum(*values, null=False):
    return {"enum": list(values) + ([None] if null else [])}


TICKET = {
    "type": "object",
    "required": ["id", "ticket_uid", "title", "description", "source", "type", "priority", "status", "created_by",
                 "created_at", "updated_at"],
    "properties": {
        "id": UUID, "ticket_uid": {"type": "string", "pattern": UID},
        "title": {"type": "string", "minLength": 1, "maxLength": 255}, "description": S,
        "source": enum("qcontact", "wa_inbound", "email", "construction", "ff_internal", "adhoc", "billing"),
        "source_reference": {"type": ["string", "null"], "maxLength": 100}, "external_uid": NS,
        "type": enum("build", "fault", "infrastructure", "preventative", "adhoc", "billing"),
        "category": NS, "priority": enum("critical", "high", "medium", "low"),
        "status": enum("new", "triaged", "assigned", "in_progress", "blocked", "resolved", "closed"),
        "drop_number": NS, "drop_unknown": {"type": "boolean"}, "project_id": NUUID, "project_name": NS,
        "pole_number": NS, "zone": NS, "address": NS, "pon": NS,
        "latitude": {"type": ["number", "null"]}, "longitude": {"type": ["number", "null"]},
        "install_date": {"type": ["string", "null"], "format": "date"},
        "assigned_to": NUUID, "assigned_team": NUUID, "created_by": UUID, "created_at": DT, "updated_at": DT,
        "due_at": NDT, "resolved_at": NDT, "closed_at": NDT, "deleted_at": NDT,
        "issue_type": enum("incorrect_bill", "payment_not_reflected", "service_suspension", "other", null=True),
        "client_name": NS, "client_phone": {"type": ["string", "null"], "pattern": r"^\+[1-9]\d{6,14}$"},
        "client_email": NS, "client_account_id": NS,
        "billing_type": enum("guarantee", "sla", "billable", "internal", null=True),
        "billing_status": enum("not_required", "pending_approval", "approved", "rejected", "invoiced", "failed", "paid",
                               null=True),
        "sla_state": enum("on_track", "warning", "critical", "breached", "paused", "met", null=True),
        "tags": {"type": "array", "items": S},
    },
    "additionalProperties": True,
}
ORIGIN = {"type": "string", "minLength": 1}
EVENTS = {
    "ticket.created": ("A ticket was created. Carries the full ticket snapshot so consumers need not call back.",
                       ["ticket"], {"ticket": TICKET, "origin": ORIGIN}),
    "ticket.updated": ("Fields other than status and assignment changed (old/new per field).",
                       ["ticket", "changes", "changed_by"],
                       {"ticket": TICKET, "changes": {"type": "object", "minProperties": 1, "additionalProperties": {
                           "type": "object", "required": ["old", "new"]}}, "changed_by": UUID, "origin": ORIGIN}),
    "ticket.status_changed": ("The workflow status changed (FR-005).",
                              ["ticket", "from_status", "to_status", "changed_by"],
                              {"ticket": TICKET,
                               "from_status": enum("new", "triaged", "assigned", "in_progress", "blocked", "resolved",
                                                   "closed"),
                               "to_status": enum("new", "triaged", "assigned", "in_progress", "blocked", "resolved",
                                                 "closed"),
                               "reason": NS, "changed_by": UUID, "origin": ORIGIN}),
    "ticket.assigned": ("The ticket was assigned, reassigned, claimed, escalated or auto-assigned.",
                        ["ticket", "assigned_by", "kind"],
                        {"ticket": TICKET, "assigned_to": NUUID, "assigned_team": NUUID,
                         "previous_assigned_to": NUUID, "previous_assigned_team": NUUID, "reason": NS,
                         "assigned_by": UUID, "kind": enum("assign", "claim", "escalate", "auto"),
                         "origin": ORIGIN}),
    "ticket.note_added": ("A note or an external message was added.", ["ticket", "note"],
                          {"ticket": TICKET, "origin": ORIGIN, "note": {
                              "type": "object",
                              "required": ["id", "content", "is_internal", "created_by", "created_at", "channel",
                                           "mentions"],
                              "properties": {"id": UUID, "content": S, "is_internal": {"type": "boolean"},
                                             "created_by": UUID, "created_at": DT,
                                             "channel": enum("web", "whatsapp", "email", "qcontact", "sms", "system"),
                                             "author_name": NS, "mentions": {"type": "array", "items": UUID}},
                              "additionalProperties": True}}),
    "ticket.deleted": ("The ticket was soft-deleted.", ["ticket", "deleted_by"], {"ticket": TICKET, "deleted_by": UUID}),
    "ticket.restored": ("A soft-deleted ticket was restored.", ["ticket", "restored_by"],
                        {"ticket": TICKET, "restored_by": UUID}),
    "team.updated": ("A team or its membership was created or changed (ticket-core owns teams).", ["team"],
                     {"team": {"type": "object", "required": ["id", "name", "specialty_types", "active", "members"],
                               "properties": {"id": UUID, "name": {"type": "string", "minLength": 1}, "zone": NS,
                                              "specialty_types": {"type": "array", "items": S},
                                              "active": {"type": "boolean"},
                                              "members": {"type": "array", "items": {
                                                  "type": "object", "required": ["user_id", "is_lead"],
                                                  "properties": {"user_id": UUID, "is_lead": {"type": "boolean"}},
                                                  "additionalProperties": True}}},
                               "additionalProperties": True}}),
}

for name, (description, required, props) in EVENTS.items():
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://fibreflow.app/contracts/events/{name}.json",
        "title": name, "description": description, "type": "object",
        "required": ["id", "type", "version", "occurred_at", "producer", "correlation_id", "causation_id", "data"],
        "properties": {
            "id": UUID, "type": {"const": name}, "version": {"const": 1}, "occurred_at": DT,
            "producer": {"const": "ticket-core"}, "correlation_id": {"type": "string", "minLength": 1},
            "causation_id": NS,
            "data": {"type": "object", "required": required, "properties": props, "additionalProperties": True},
        },
        "additionalProperties": False,
    }
    (ROOT / "contracts" / "events" / f"{name}.json").write_text(json.dumps(schema, indent=2) + "\n")
    print("wrote", name)
