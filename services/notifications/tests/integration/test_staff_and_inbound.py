"""Staff notifications (in-app + email through the SMTP sink), preferences, inbound STATUS SMS."""
from __future__ import annotations

import uuid
from datetime import datetime, timezone
from typing import Any

import pytest

from fibreflow_shared.testing.infra import wait_for
from notifications.adapters.channels import INBOUND_SMS_PATH, twilio_signature

pytestmark = pytest.mark.integration


def _mails(smtp_sink: Any, to: str | None = None) -> list[dict[str, Any]]:
    with smtp_sink[0].lock:
        return [m for m in smtp_sink[0].messages if to is None or to in m["rcpt_tos"]]


def _staff(deliver: Any, ev: Any) -> dict[str, str]:
    ids = {k: str(uuid.uuid4()) for k in ("tech", "lead", "manager", "admin", "team")}
    deliver(ev.user(roles=["technician"], user_id=ids["tech"], email="thabo@vf.test", phone="082 555 0001",
                    name="Thabo"))
    deliver(ev.user(roles=["team_lead"], user_id=ids["lead"], email="marcus@vf.test", name="Marcus"))
    deliver(ev.user(roles=["manager"], user_id=ids["manager"], email="director@vf.test", name="Director"))
    deliver(ev.user(roles=["admin"], user_id=ids["admin"], email="sarah@vf.test", name="Sarah"))
    deliver(ev.team(ids["team"], [(ids["tech"], False), (ids["lead"], True)]))
    return ids


def test_sla_escalation_reaches_assignee_lead_and_management_by_email_and_in_app(
        deliver, drain, rows, ev, smtp_sink) -> None:
    ids = _staff(deliver, ev)
    ticket = ev.ticket("FF-0101", assigned_to=ids["tech"], assigned_team=ids["team"], status="in_progress")
    deliver(ev.event("ticket.assigned", {"ticket": ticket, "assigned_to": ids["tech"], "assigned_by": ids["lead"],
                                         "kind": "assign"}))
    deliver(ev.sla("warning", ticket, 75.2))
    deliver(ev.sla("critical", ticket, 90.0))
    deliver(ev.sla("breached", ticket, 100.0))
    drain()
    by_template = {}
    for r in rows():
        by_template.setdefault(r.template, set()).add(r.recipient)
    assert by_template["sla_warning.email"] == {"thabo@vf.test"}
    assert by_template["sla_critical.email"] == {"thabo@vf.test", "marcus@vf.test"}
    assert by_template["sla_breached.email"] == {"thabo@vf.test", "marcus@vf.test", "director@vf.test",
                                                 "sarah@vf.test"}
    assert {str(u) for u in by_template["sla_breached.in_app"]} == {ids["tech"], ids["lead"], ids["manager"], ids["admin"]}
    assert by_template["ticket_assigned.email"] == {"thabo@vf.test"}
    assert "sla_breached.sms" not in by_template  # optional, off by default
    mails = _mails(smtp_sink, "thabo@vf.test")
    assert {m["subject"] for m in mails} == {"[FF-0101] assigned to you", "[FF-0101] SLA at 75%",
                                            "[FF-0101] SLA critical (90%)", "[FF-0101] SLA BREACHED"}
    assert all(r.status in ("sent", "delivered") for r in rows())


def test_smtp_temporary_failure_is_retried(deliver, drain, rows, ev, smtp_sink) -> None:
    ids = _staff(deliver, ev)
    with smtp_sink[0].lock:
        smtp_sink[0].fail_count, smtp_sink[0].fail_code = 1, 451
    deliver(ev.sla("warning", ev.ticket("FF-0102", assigned_to=ids["tech"]), 75))
    wait_for(lambda: (drain(), rows("channel = 'email'")[0].status == "sent")[1], timeout=10, message="email sent")
    assert rows("channel = 'email'")[0].attempts == 2 and len(_mails(smtp_sink)) == 1


def test_fibertime_gets_status_emails_and_the_history_is_logged(deliver, drain, ev, smtp_sink, client,
                                                                 signer) -> None:
    ticket = ev.ticket("FT4411", source="qcontact", source_reference="4411", status="assigned")
    deliver(ev.status_changed(ticket, "in_progress"))
    deliver(ev.status_changed({**ticket, "status": "in_progress"}, "resolved", reason="Splice repaired"))
    deliver(ev.status_changed({**ticket, "status": "resolved"}, "closed", origin="qcontact"))  # their own change
    drain()
    mails = _mails(smtp_sink, "ops@fibertime.test")
    assert [m["subject"] for m in mails] == ["[FT4411] status: In Progress", "[FT4411] status: Resolved"]
    assert "Note: Splice repaired" in mails[1]["text"] and "your reference 4411" in mails[1]["text"]
    resp = client.get("/api/notifications/log?ticket=ft4411&channel=email", headers=signer.headers(roles=["admin"]))
    assert resp.status_code == 200
    log = resp.get_json()["data"]
    assert log["pagination"]["total"] == 2
    assert {n["status"] for n in log["notifications"]} == {"sent"}


def test_mentions_and_approvals_and_invoice_failures(deliver, drain, rows, ev) -> None:
    ids = _staff(deliver, ev)
    ticket = ev.ticket("FF-0103", created_by=ids["tech"])
    deliver(ev.created(ticket))
    note = {"id": str(uuid.uuid4()), "content": "@marcus look", "is_internal": True, "created_by": ids["tech"],
            "created_at": "2026-11-22T08:00:00+00:00", "channel": "internal", "mentions": [ids["lead"]]}
    deliver(ev.event("ticket.note_added", {"ticket": ticket, "note": note}))
    base = {"ticket_id": ticket["id"], "ticket_uid": "FF-0103"}
    deliver(ev.event("billing.approval_requested", {**base, "estimated_cost": "1250.00", "currency": "ZAR",
                                                    "requested_at": "2026-11-22T08:00:00+00:00"}, "billing"))
    deliver(ev.event("billing.rejected", {**base, "rejected_by": ids["manager"], "rejected_at":
                                          "2026-11-22T09:00:00+00:00", "reason": "Under guarantee"}, "billing"))
    deliver(ev.event("billing.invoice_failed", {**base, "attempts": 3, "error": "503 Service Unavailable"},
                     "billing"))
    drain()
    got = {(r.template, str(r.recipient_user_id)) for r in rows("channel = 'in_app'")}
    assert ("mention.in_app", ids["lead"]) in got
    assert {u for t, u in got if t == "approval_requested.in_app"} == {ids["manager"], ids["admin"]}
    assert {u for t, u in got if t == "approval_decision.in_app"} == {ids["tech"]}
    assert {u for t, u in got if t == "invoice_failed.in_app"} == {ids["manager"], ids["admin"]}
    [decision] = rows("template = 'approval_decision.email'")
    assert decision.recipient == "thabo@vf.test" and "rejected by Director" in decision.body


def test_preferences_switch_off_email_and_quiet_hours_hold_non_critical(deliver, drain, rows, ev, client,
                                                                        signer) -> None:
    ids = _staff(deliver, ev)
    now = datetime.now(timezone.utc)
    start, end = now.replace(minute=0).strftime("%H:%M"), (now.replace(minute=0).hour + 2) % 24
    headers = signer.headers(roles=["technician"], sub=ids["tech"])
    assert client.put("/api/notifications/preferences", json={"quiet_hours_start": start,
                                                              "quiet_hours_end": f"{end:02d}:00",
                                                              "timezone": "UTC"}, headers=headers).status_code == 200
    lead_headers = signer.headers(roles=["team_lead"], sub=ids["lead"])
    resp = client.put("/api/notifications/preferences", json={"channels": {"email": False}}, headers=lead_headers)
    assert resp.status_code == 200 and resp.get_json()["data"]["channels"]["email"] is False
    ticket = ev.ticket("FF-0104", assigned_to=ids["tech"], assigned_team=ids["team"])
    deliver(ev.sla("critical", ticket, 90))
    deliver(ev.sla("breached", ticket, 100))
    drain()
    critical = {r.recipient: r for r in rows("template = 'sla_critical.email'")}
    assert critical["thabo@vf.test"].status == "queued" and critical["thabo@vf.test"].next_attempt_at > now
    assert critical["marcus@vf.test"].status == "skipped"
    breached = {r.recipient: r.status for r in rows("template = 'sla_breached.email'")}
    assert breached["thabo@vf.test"] == "sent" and breached["marcus@vf.test"] == "sent"  # critical beats both
    bad = client.put("/api/notifications/preferences", json={"quiet_hours_start": "21:00"}, headers=headers)
    assert bad.status_code == 400
    assert client.put("/api/notifications/preferences", json={"timezone": "Mars/Base"},
                      headers=headers).status_code == 400


def _inbound(client: Any, container: Any, body: str, sender: str) -> Any:
    form = {"MessageSid": "SM" + uuid.uuid4().hex, "AccountSid": container.settings.twilio_account_sid,
            "From": sender, "To": "+27600000000", "Body": body, "NumMedia": "0"}
    url = container.settings.public_base_url + INBOUND_SMS_PATH
    sig = twilio_signature(container.settings.twilio_auth_token, url, form.items())
    return client.post(INBOUND_SMS_PATH, data=form, headers={"X-Twilio-Signature": sig}), form


def test_inbound_status_request_answered_only_for_the_tickets_phone(deliver, drain, client, container, ev,
                                                                     sim_messages) -> None:
    ticket = ev.ticket("BILL-20261122-0042")
    deliver(ev.created(ticket))
    deliver(ev.status_changed(ticket, "assigned"))
    drain()
    resp, form = _inbound(client, container, "status bill-20261122-0042", "082 123 4567")
    assert resp.status_code == 200 and resp.mimetype == "text/xml"
    _inbound(client, container, "STATUS BILL-20261122-0042", "+27829999999")  # someone else's phone
    _inbound(client, container, "STATUS", "+27821234567")
    _inbound(client, container, "thanks!", "+27821234567")  # not a command: no reply
    again = client.post(INBOUND_SMS_PATH, data=form, headers={  # provider retry of the first: one reply
        "X-Twilio-Signature": twilio_signature(container.settings.twilio_auth_token,
                                               container.settings.public_base_url + INBOUND_SMS_PATH, form.items())})
    assert again.status_code == 200
    forged = client.post(INBOUND_SMS_PATH, data={**form, "MessageSid": "SMforged"},
                         headers={"X-Twilio-Signature": "AAAA"})
    assert forged.status_code == 403
    drain()
    bodies = [(m["to"], m["body"]) for m in sim_messages()]
    owner = [b for to, b in bodies if to == "+27821234567" and "status:" in b]
    assert owner == [owner[0]] and owner[0].startswith("FibreFlow: Ref BILL-20261122-0042 status: Dispatched")
    assert ("+27829999999", "FibreFlow: we could not find a ticket BILL-20261122-0042 for this phone number.") \
        in bodies
    assert any(b.startswith("FibreFlow: to check a ticket reply STATUS") for _, b in bodies)
    assert len(bodies) == 4  # logged, status, not found, help; no reply to "thanks!", one to the retried webhook
