"""WhatsApp bridge alerts (issue #13) against real PostgreSQL and the SMTP sink: a session that
drops to FAILED / SCAN_QR_CODE tells every admin at once; a finally failed message tells its sender."""
from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

import jsonschema
import pytest

pytestmark = pytest.mark.integration


def _event(ev: Any, contracts_dir: Path, event_type: str, data: dict[str, Any]) -> dict[str, Any]:
    """A wa-bridge event exactly as the contract allows (validated, so the test cannot drift)."""
    event = ev.event(event_type, data, producer="wa-bridge")
    schema = json.loads((contracts_dir / "events" / f"{event_type}.json").read_text())
    jsonschema.validators.validator_for(schema)(schema, format_checker=jsonschema.FormatChecker()).validate(event)
    return event


def _session(ev: Any, contracts_dir: Path, status: str, previous: str | None, at: str, *,
             needs_attention: bool | None = None, error: str | None = "logged out from the phone") -> dict[str, Any]:
    return _event(ev, contracts_dir, "wa.session_status", {
        "session": "default", "status": status, "previous_status": previous,
        "needs_attention": status in ("FAILED", "SCAN_QR_CODE") if needs_attention is None else needs_attention,
        "phone": "+27820000001", "last_error": error, "reconnect_count": 2, "at": at})


def _message(ev: Any, contracts_dir: Path, status: str, sender: str | None) -> dict[str, Any]:
    return _event(ev, contracts_dir, "wa.message_status", {
        "message_id": str(uuid.uuid4()), "waha_id": None, "ticket_uid": "FF-20261202-0007",
        "chat_jid": "27821234567@c.us", "status": status, "ack": -1 if status == "failed" else 1,
        "error": "WAHA 500: session not WORKING" if status == "failed" else None, "attempts": 3,
        "sender_user_id": sender, "origin": "api", "at": "2026-12-02T05:30:00+00:00"})


def _people(deliver: Any, ev: Any) -> dict[str, str]:
    ids = {k: str(uuid.uuid4()) for k in ("admin1", "admin2", "tech", "manager")}
    deliver(ev.user(roles=["admin"], user_id=ids["admin1"], email="sarah@vf.test", name="Sarah"))
    deliver(ev.user(roles=["admin", "manager"], user_id=ids["admin2"], email="louis@vf.test", name="Louis"))
    deliver(ev.user(roles=["technician"], user_id=ids["tech"], email="thabo@vf.test", name="Thabo"))
    deliver(ev.user(roles=["manager"], user_id=ids["manager"], email="director@vf.test", name="Director"))
    return ids


def _mails(smtp_sink: Any, to: str) -> list[dict[str, Any]]:
    with smtp_sink[0].lock:
        return [m for m in smtp_sink[0].messages if to in m["rcpt_tos"]]


def test_failed_session_alerts_every_admin_in_app_and_by_email_once(deliver, drain, rows, ev, contracts_dir,
                                                                    smtp_sink) -> None:
    ids = _people(deliver, ev)
    failed = _session(ev, contracts_dir, "FAILED", "WORKING", "2026-12-02T05:00:00+00:00")
    deliver(failed)
    deliver(failed)  # the same event again (redelivered): nothing more
    in_app = rows("template = 'wa_session_alert.in_app'")
    assert {str(r.recipient_user_id) for r in in_app} == {ids["admin1"], ids["admin2"]}
    assert all(r.status == "delivered" and r.critical for r in in_app)
    assert "default is FAILED: logged out from the phone" in in_app[0].body
    emails = rows("template = 'wa_session_alert.email'")
    assert {r.recipient for r in emails} == {"sarah@vf.test", "louis@vf.test"}
    assert all(r.status == "queued" for r in emails)
    body = emails[0].body
    assert "from WORKING to FAILED" in body and "Last error: logged out from the phone" in body
    assert "re-scan the QR code" in body and "/api/wa-bridge/sessions/default/qr" in body
    assert "needs attention: FAILED" in emails[0].subject
    drain()
    assert len(_mails(smtp_sink, "sarah@vf.test")) == 1 and len(_mails(smtp_sink, "louis@vf.test")) == 1
    assert not _mails(smtp_sink, "thabo@vf.test") and not _mails(smtp_sink, "director@vf.test")
    assert {r.status for r in rows("template = 'wa_session_alert.email'")} == {"sent"}


def test_flapping_session_alerts_once_per_status_change_and_recovery_is_in_app_only(deliver, drain, rows, ev,
                                                                                   contracts_dir) -> None:
    ids = _people(deliver, ev)
    deliver(_session(ev, contracts_dir, "FAILED", "WORKING", "2026-12-02T05:00:00+00:00"))
    # The restart goes FAILED → STARTING → FAILED again: the same episode, no second alert.
    deliver(_session(ev, contracts_dir, "STARTING", "FAILED", "2026-12-02T05:00:30+00:00"))
    deliver(_session(ev, contracts_dir, "FAILED", "STARTING", "2026-12-02T05:01:00+00:00", needs_attention=False))
    assert len(rows("template = 'wa_session_alert.email'")) == 2  # one per admin
    # It now wants a QR scan: a status change, so one more alert each.
    deliver(_session(ev, contracts_dir, "SCAN_QR_CODE", "FAILED", "2026-12-02T05:02:00+00:00"))
    qr = rows("template = 'wa_session_alert.email' AND subject LIKE '%SCAN_QR_CODE%'")
    assert {r.recipient for r in qr} == {"sarah@vf.test", "louis@vf.test"}
    # A late report older than the last one applied changes nothing.
    deliver(_session(ev, contracts_dir, "WORKING", "STARTING", "2026-12-02T04:59:00+00:00"))
    assert not rows("template LIKE 'wa_session_recovered%'")
    # Back to WORKING: an in-app "recovered" notice, no email.
    deliver(_session(ev, contracts_dir, "WORKING", "SCAN_QR_CODE", "2026-12-02T05:05:00+00:00", error=None))
    recovered = rows("template LIKE 'wa_session_recovered%'")
    assert {(r.channel, str(r.recipient_user_id)) for r in recovered} == {("in_app", ids["admin1"]),
                                                                        ("in_app", ids["admin2"])}
    assert "WORKING again (was SCAN_QR_CODE)" in recovered[0].body
    # Another WORKING report while it is up: nothing at all.
    before = len(rows())
    deliver(_session(ev, contracts_dir, "WORKING", "WORKING", "2026-12-02T05:06:00+00:00", error=None))
    assert len(rows()) == before
    assert len(rows("channel = 'email'")) == 4  # FAILED + SCAN_QR_CODE, two admins each; never for WORKING


def test_working_or_starting_without_an_alert_sends_nothing(deliver, rows, ev, contracts_dir) -> None:
    _people(deliver, ev)
    deliver(_session(ev, contracts_dir, "STARTING", "STOPPED", "2026-12-02T05:00:00+00:00", error=None))
    deliver(_session(ev, contracts_dir, "WORKING", "STARTING", "2026-12-02T05:00:10+00:00", error=None))
    deliver(_session(ev, contracts_dir, "STOPPED", "WORKING", "2026-12-02T05:00:20+00:00", error=None))
    assert rows() == []


def test_failed_message_tells_its_sender_in_app_with_ticket_and_error(deliver, rows, ev, contracts_dir) -> None:
    ids = _people(deliver, ev)
    ticket = ev.ticket("FF-20261202-0007", status="in_progress")
    deliver(ev.created(ticket))
    before = len(rows())
    failed = _message(ev, contracts_dir, "failed", ids["tech"])
    deliver(failed)
    deliver(failed)
    [note] = rows("template = 'wa_message_failed.in_app'")
    assert str(note.recipient_user_id) == ids["tech"] and note.status == "delivered" and note.channel == "in_app"
    assert note.ticket_uid == "FF-20261202-0007" and str(note.ticket_id) == ticket["id"]
    assert "on FF-20261202-0007" in note.body and "failed after 3 attempts: WAHA 500: session not WORKING" \
        in note.body
    assert len(rows()) == before + 1  # the sender only, in-app only, once


def test_non_failed_message_status_or_no_sender_sends_nothing(deliver, rows, ev, contracts_dir) -> None:
    ids = _people(deliver, ev)
    for status in ("pending", "sent", "delivered", "read"):
        deliver(_message(ev, contracts_dir, status, ids["tech"]))
    deliver(_message(ev, contracts_dir, "failed", None))  # a system notify with no staff sender
    assert rows() == []


def test_inbox_api_shows_the_session_alert_to_the_admin(deliver, ev, contracts_dir, client, signer) -> None:
    ids = _people(deliver, ev)
    deliver(_session(ev, contracts_dir, "SCAN_QR_CODE", "WORKING", "2026-12-02T05:00:00+00:00"))
    resp = client.get("/api/notifications", headers=signer.headers(roles=["admin"], sub=ids["admin1"]))
    assert resp.status_code == 200, resp.get_json()
    data = resp.get_json()["data"]
    assert [(n["type"], n["title"]) for n in data["notifications"]] == [
        ("wa_session_alert", "WhatsApp session default: SCAN_QR_CODE")]
    assert data["unread_count"] == 1
    tech = client.get("/api/notifications", headers=signer.headers(roles=["technician"], sub=ids["tech"]))
    assert tech.get_json()["data"]["notifications"] == []
