"""Email to ticket through the whole stack: mail sent over real SMTP to email-intake's listener
becomes an EML-… ticket (read through the gateway), the sender gets an acknowledgement with the
ticket UID and threading headers (through notifications and the SMTP simulator), a reply to it
becomes a note on the ticket, and an out-of-office reply leaves nothing and is not answered."""
from __future__ import annotations

import email
import email.policy
import smtplib
import time
import uuid
from collections.abc import Callable
from typing import Any

import requests

REPORTER = f"client-{uuid.uuid4().hex[:8]}@example.co.za"


def _smtp(stack: Any, raw: str) -> None:
    host, _, port = stack.env["EMAIL_INTAKE_SMTP_BIND"].rpartition(":")
    with smtplib.SMTP(host, int(port), timeout=15) as s:
        s.sendmail(REPORTER, ["tickets@fibreflow.app"], raw.replace("\n", "\r\n").encode())


def _until(fetch: Callable[[], Any], timeout: float = 30.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = fetch()
        if value:
            return value
        time.sleep(0.3)
    raise AssertionError("timed out")


def _mail_to(stack: Any, to: str) -> list[dict[str, Any]]:
    resp = requests.get(f"http://{stack.env['SIM_SMTP_HTTP_BIND']}/messages", params={"to": to}, timeout=5)
    return [m for m in resp.json()["messages"] if to in m["rcpt_tos"] or to in m["to"]]


def test_email_to_ticket_reply_to_note_and_no_answer_to_an_autoreply(stack: Any, admin: Any) -> None:
    mid = f"<{uuid.uuid4().hex}@mail.example.co.za>"
    _smtp(stack, f"From: Client <{REPORTER}>\nTo: tickets@fibreflow.app\nSubject: No internet at DR5678\n"
                 f"Message-ID: {mid}\nDate: Wed, 02 Dec 2026 08:00:00 +0200\n\n"
                 "We have had no service since this morning at DR5678.\n")

    def ticket() -> Any:
        resp = admin.get("/api/email-intake/emails", params={"sender": REPORTER})
        emails = resp.json()["data"]["emails"] if resp.status_code == 200 else []
        return emails[0] if emails and emails[0]["ticket_uid"] else None

    decided = _until(ticket)
    uid = decided["ticket_uid"]
    assert uid.startswith("EML-") and decided["outcome"] == "ticket" and decided["channel"] == "smtp"
    t = admin.get(f"/api/tickets/{uid}").json()["data"]
    assert (t["source"], t["title"], t["priority"], t["drop_number"]) == ("email", "No internet at DR5678",
                                                                          "critical", "DR5678")

    [ack] = _until(lambda: _mail_to(stack, REPORTER))
    parsed = email.message_from_string(ack["raw"], policy=email.policy.default)
    assert uid in ack["subject"] and uid in ack["text"]
    assert parsed["Auto-Submitted"] == "auto-replied" and parsed["In-Reply-To"] == mid.lower()
    assert parsed["Reply-To"] == f"tickets+{uid}@fibreflow.app"
    ack_id = str(parsed["Message-ID"])

    # The client answers the acknowledgement: a note on the ticket (quoted text stripped).
    _smtp(stack, f"From: Client <{REPORTER}>\nTo: tickets+{uid}@fibreflow.app\nSubject: Re: {ack['subject']}\n"
                 f"Message-ID: <{uuid.uuid4().hex}@mail.example.co.za>\nIn-Reply-To: {ack_id}\nReferences: {mid} {ack_id}\n\n"
                 "The light on the ONT is red now.\n\nOn Wed, 2 Dec 2026, FibreFlow wrote:\n> Thank you.\n")

    def notes() -> Any:
        items = admin.get(f"/api/tickets/{uid}/notes").json()["data"]["notes"]
        return [n for n in items if "light on the ONT" in n["content"]]

    [note] = _until(notes)
    assert note["content"] == "The light on the ONT is red now." and note["channel"] == "email"

    # An out-of-office answer to our acknowledgement: no ticket, no note, no second email.
    _smtp(stack, f"From: Client <{REPORTER}>\nTo: tickets@fibreflow.app\nSubject: Automatic reply: {ack['subject']}\n"
                 f"Message-ID: <{uuid.uuid4().hex}@mail.example.co.za>\nIn-Reply-To: {ack_id}\n"
                 "Auto-Submitted: auto-replied\n\nI am out of the office until Monday.\n")

    def ooo() -> Any:
        emails = admin.get("/api/email-intake/emails", params={"sender": REPORTER, "outcome": "ignored"}).json()
        return emails["data"]["emails"]

    [ignored] = _until(ooo)
    assert ignored["rule"] == "auto_submitted"
    time.sleep(3)  # give a wrong acknowledgement or note time to show up
    assert len(_mail_to(stack, REPORTER)) == 1
    assert len([n for n in admin.get(f"/api/tickets/{uid}/notes").json()["data"]["notes"]
                if "out of the office" in n["content"]]) == 0
    tickets = admin.get("/api/tickets", params={"source": "email", "limit": 200}).json()["data"]["tickets"]
    assert [x["ticket_uid"] for x in tickets if x["title"].startswith("Automatic reply")] == []


def test_webhook_through_the_gateway_and_imap_polling(stack: Any, admin: Any, base_url: str) -> None:
    """The public inbound route passes the gateway without a user token; the service checks
    the sender's key. Mail dropped in the IMAP simulator's mailbox is polled into a ticket."""
    sender = f"imap-{uuid.uuid4().hex[:8]}@example.co.za"
    raw = (f"From: {sender}\r\nTo: tickets@fibreflow.app\r\nSubject: Fibre cut at DR7788\r\n"
           f"Message-ID: <{uuid.uuid4().hex}@example.co.za>\r\n\r\nThe cable near pole P-9 was cut.\r\n").encode()
    url = f"{base_url}/api/email-intake/inbound/raw"
    assert requests.post(url, data=raw, timeout=15).status_code == 403
    ok = requests.post(url, data=raw, headers={"X-Api-Key": "dev-email-intake-api-key"}, timeout=15)
    assert ok.status_code == 200 and ok.json()["data"]["outcome"] == "ticket"
    assert requests.get(f"{base_url}/api/email-intake/emails", timeout=15).status_code == 401

    imap_raw = raw.replace(b"Message-ID: <", b"Message-ID: <imap-").replace(sender.encode(), b"x" + sender.encode())
    sim = f"http://{stack.env['IMAP_SIM_HTTP_BIND']}"
    assert requests.post(f"{sim}/_sim/mailboxes/INBOX/messages", data=imap_raw, timeout=5).status_code == 201

    def polled() -> Any:
        emails = admin.get("/api/email-intake/emails", params={"sender": "x" + sender, "channel": "imap"}).json()
        found = emails["data"]["emails"]
        return found if found and found[0]["ticket_uid"] else None

    [taken] = _until(polled, timeout=60)
    assert taken["ticket_uid"].startswith("EML-")
    flags = requests.get(f"{sim}/_sim/mailboxes", timeout=5).json()["mailboxes"]["INBOX"]["messages"][-1]["flags"]
    assert "$FibreflowProcessed" in flags
