"""One test (at least) per notification rule, against a fake directory: no I/O."""
from __future__ import annotations

import uuid
from typing import Any

import pytest

from fibreflow_shared.messaging.envelope import make_event
from notifications.domain import rules
from notifications.domain.model import RuleOptions, TicketInfo, UserInfo

ASSIGNEE, CREATOR, LEAD, MANAGER, ADMIN, ACTOR, TEAM = (str(uuid.uuid4()) for _ in range(7))
OPTS = RuleOptions(fibertime_email="ops@fibertime.test")


class FakeDirectory:
    def __init__(self, tickets: dict[str, TicketInfo] | None = None) -> None:
        self.users = {u: UserInfo(u, n, f"{n.lower()}@x.test", None, frozenset(r)) for u, n, r in (
            (ASSIGNEE, "Thabo", ["technician"]), (CREATOR, "Sarah", ["admin"]), (LEAD, "Marcus", ["team_lead"]),
            (MANAGER, "Director", ["manager"]), (ACTOR, "Actor", ["team_lead"]))}
        self.tickets = tickets or {}

    def user(self, user_id: str) -> UserInfo | None:
        return self.users.get(user_id)

    def team_leads(self, team_id: str) -> list[str]:
        return [LEAD] if team_id == TEAM else []

    def team_name(self, team_id: str) -> str | None:
        return "Zone A" if team_id == TEAM else None

    def management(self) -> list[str]:
        return [MANAGER, ADMIN]

    def ticket(self, ticket_id: str) -> TicketInfo | None:
        return self.tickets.get(ticket_id)


def ticket(uid: str = "FF-0001", **over: Any) -> dict[str, Any]:
    billing = uid.startswith("BILL-")
    t = {"id": str(uuid.uuid4()), "ticket_uid": uid, "title": "No signal", "description": "Down since 06:00",
         "source": "billing" if billing else "ff_internal", "type": "billing" if billing else "fault",
         "priority": "high", "status": "new", "assigned_to": ASSIGNEE, "assigned_team": None,
         "created_by": CREATOR, "client_phone": "+27821234567" if billing else None}
    t.update(over)
    return t


def event(event_type: str, data: dict[str, Any]) -> dict[str, Any]:
    return make_event(event_type, data, producer="test")


def who(intents: list[Any]) -> list[tuple[str | None, tuple[str, ...]]]:
    return [(i.user_id or i.address, i.channels) for i in intents]


def test_billing_complaint_created_texts_the_client() -> None:
    t = ticket("BILL-20261122-0001")
    [intent] = rules.intents_for(event("ticket.created", {"ticket": t}), FakeDirectory(), OPTS)
    assert intent.rule == "billing_created" and intent.channels == ("sms",)
    assert intent.address == "+27821234567" and intent.critical
    assert intent.context["ticket_uid"] == "BILL-20261122-0001" and intent.context["issue"] == "Down since 06:00"


def test_non_billing_or_phoneless_ticket_creation_texts_nobody() -> None:
    assert rules.intents_for(event("ticket.created", {"ticket": ticket()}), FakeDirectory(), OPTS) == []
    t = ticket("BILL-20261122-0002", client_phone=None)
    assert rules.intents_for(event("ticket.created", {"ticket": t}), FakeDirectory(), OPTS) == []


def test_billing_complaint_resolved_texts_the_client_only_on_resolved() -> None:
    t = ticket("BILL-20261122-0001", status="resolved")
    for to, expected in (("resolved", True), ("in_progress", False), ("closed", False)):
        data = {"ticket": {**t, "status": to}, "from_status": "in_progress", "to_status": to, "changed_by": ACTOR}
        sms = [i for i in rules.intents_for(event("ticket.status_changed", data), FakeDirectory(), OPTS)
               if i.rule == "billing_resolved"]
        assert bool(sms) is expected, to
        if sms:
            assert sms[0].address == "+27821234567" and sms[0].channels == ("sms",)


def test_assignee_notified_on_assignment_but_not_on_claim() -> None:
    t = ticket()
    data = {"ticket": t, "assigned_to": ASSIGNEE, "assigned_by": ACTOR, "kind": "assign"}
    assert who(rules.intents_for(event("ticket.assigned", data), FakeDirectory(), OPTS)) == [
        (ASSIGNEE, ("in_app", "email"))]
    claim = {**data, "assigned_by": ASSIGNEE, "kind": "claim"}
    assert rules.intents_for(event("ticket.assigned", claim), FakeDirectory(), OPTS) == []


def test_team_only_assignment_goes_to_team_leads() -> None:
    data = {"ticket": ticket(assigned_to=None, assigned_team=TEAM), "assigned_team": TEAM, "assigned_by": ACTOR,
            "kind": "assign"}
    [intent] = rules.intents_for(event("ticket.assigned", data), FakeDirectory(), OPTS)
    assert intent.user_id == LEAD and intent.context["assignee_label"] == "team Zone A"


def test_stakeholders_told_of_status_changes_except_the_one_who_made_it() -> None:
    t = ticket(assigned_team=TEAM)
    data = {"ticket": t, "from_status": "assigned", "to_status": "in_progress", "changed_by": ASSIGNEE}
    intents = rules.intents_for(event("ticket.status_changed", data), FakeDirectory(), OPTS)
    assert who(intents) == [(CREATOR, ("in_app",)), (LEAD, ("in_app",))]


def test_fibertime_emailed_on_status_change_of_their_tickets_without_echo() -> None:
    t = ticket("FT12345", source="qcontact", source_reference="12345")
    data = {"ticket": t, "from_status": "assigned", "to_status": "in_progress", "changed_by": ASSIGNEE}
    mails = [i for i in rules.intents_for(event("ticket.status_changed", data), FakeDirectory(), OPTS)
             if i.rule == "fibertime_status"]
    assert [(m.address, m.channels) for m in mails] == [("ops@fibertime.test", ("email",))]
    assert mails[0].context["to_status"] == "In Progress"
    echo = {**data, "origin": "qcontact"}
    assert not [i for i in rules.intents_for(event("ticket.status_changed", echo), FakeDirectory(), OPTS)
                if i.rule == "fibertime_status"]
    internal = {**data, "ticket": ticket()}
    assert not [i for i in rules.intents_for(event("ticket.status_changed", internal), FakeDirectory(), OPTS)
                if i.rule == "fibertime_status"]


def test_mentions_notify_each_mentioned_user_but_not_the_author() -> None:
    note = {"id": str(uuid.uuid4()), "content": "@thabo @marcus please check", "is_internal": True,
            "created_by": LEAD, "created_at": "2026-11-22T08:00:00+00:00", "channel": "internal",
            "mentions": [ASSIGNEE, LEAD, ASSIGNEE]}
    intents = rules.intents_for(event("ticket.note_added", {"ticket": ticket(), "note": note}), FakeDirectory(), OPTS)
    assert who(intents) == [(ASSIGNEE, ("in_app", "email"))]
    assert intents[0].context["actor"] == "Marcus"


@pytest.mark.parametrize("kind, expected, critical", [
    ("warning", [ASSIGNEE], False),
    ("critical", [ASSIGNEE, LEAD], False),
    ("breached", [ASSIGNEE, LEAD, MANAGER, ADMIN], True),
])
def test_sla_thresholds_escalate_recipients(kind: str, expected: list[str], critical: bool) -> None:
    data = {"ticket_id": str(uuid.uuid4()), "ticket_uid": "FF-0001", "clock": "resolution", "threshold_percent": 75,
            "due_at": "2026-11-22T12:00:00+00:00", "percent_elapsed": 91.4, "ticket_type": "fault",
            "priority": "high", "assigned_to": ASSIGNEE, "assigned_team": TEAM}
    intents = rules.intents_for(event(f"sla.{kind}", data), FakeDirectory(), OPTS)
    assert [i.user_id for i in intents] == expected
    assert all(i.channels == ("in_app", "email") and i.critical is critical for i in intents)
    assert intents[0].context["percent"] == 91


def test_sla_breach_sms_is_optional() -> None:
    data = {"ticket_id": str(uuid.uuid4()), "ticket_uid": "FF-0001", "clock": "resolution",
            "threshold_percent": 100, "due_at": "2026-11-22T12:00:00+00:00", "percent_elapsed": 100,
            "ticket_type": "fault", "priority": "high", "assigned_to": ASSIGNEE}
    intents = rules.intents_for(event("sla.breached", data), FakeDirectory(),
                                RuleOptions(sla_breach_sms=True))
    assert all(i.channels == ("in_app", "email", "sms") for i in intents)


def test_sla_warning_without_assignee_falls_back_to_known_ticket_then_team_leads() -> None:
    tid = str(uuid.uuid4())
    known = {tid: TicketInfo(tid, "FF-0002", "t", "assigned", assigned_to=None, assigned_team=TEAM)}
    data = {"ticket_id": tid, "ticket_uid": "FF-0002", "clock": "resolution", "threshold_percent": 75,
            "due_at": "2026-11-22T12:00:00+00:00", "percent_elapsed": 75, "ticket_type": "fault", "priority": "low"}
    intents = rules.intents_for(event("sla.warning", data), FakeDirectory(known), OPTS)
    assert [i.user_id for i in intents] == [LEAD]


def test_managers_told_when_approval_requested_and_when_invoicing_failed() -> None:
    tid = str(uuid.uuid4())
    req = {"ticket_id": tid, "ticket_uid": "FF-0003", "estimated_cost": "1250.00", "currency": "ZAR",
           "requested_at": "2026-11-22T08:00:00+00:00"}
    intents = rules.intents_for(event("billing.approval_requested", req), FakeDirectory(), OPTS)
    assert who(intents) == [(MANAGER, ("in_app", "email")), (ADMIN, ("in_app", "email"))]
    assert intents[0].context["estimated_cost"] == "1250.00"
    failed = {"ticket_id": tid, "ticket_uid": "FF-0003", "attempts": 3, "error": "503"}
    assert [i.user_id for i in rules.intents_for(event("billing.invoice_failed", failed), FakeDirectory(), OPTS)] \
        == [MANAGER, ADMIN]


def test_requester_told_of_approval_decisions() -> None:
    tid = str(uuid.uuid4())
    known = {tid: TicketInfo(tid, "FF-0004", "Install", "new", created_by=CREATOR)}
    approved = {"ticket_id": tid, "ticket_uid": "FF-0004", "approved_by": MANAGER,
                "approved_at": "2026-11-22T08:00:00+00:00"}
    [intent] = rules.intents_for(event("billing.approved", approved), FakeDirectory(known), OPTS)
    assert intent.user_id == CREATOR and intent.context["decision"] == "approved"
    rejected = {"ticket_id": tid, "ticket_uid": "FF-0004", "rejected_by": MANAGER,
                "rejected_at": "2026-11-22T08:00:00+00:00", "reason": "Covered by guarantee"}
    [intent] = rules.intents_for(event("billing.rejected", rejected), FakeDirectory(known), OPTS)
    assert intent.context["decision"] == "rejected" and intent.context["reason"] == "Covered by guarantee"
    # Unknown ticket: no requester to tell.
    assert rules.intents_for(event("billing.approved", {**approved, "ticket_id": str(uuid.uuid4())}),
                             FakeDirectory(), OPTS) == []
