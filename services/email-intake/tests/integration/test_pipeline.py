"""The pipeline on the real database: raw stored first, decided once, events staged in the same
transaction, duplicates never twice, threads and acknowledgements, the review queue."""
from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import pytest
from email_intake.service_layer import intake
from sqlalchemy import text

pytestmark = pytest.mark.integration


def receive(container: Any, raw: bytes, channel: str = "raw", **kw: Any) -> tuple[intake.Stored, str]:
    return intake.receive(container.sessions, container.deps, raw, channel, **kw)


def test_new_email_becomes_a_ticket_request_then_acknowledged_with_threading_headers(
        container: Any, clean: None, corpus: Callable[[str], bytes], outbox: Any, ticket_created: Any) -> None:
    stored, outcome = receive(container, corpus("gmail_new_ticket.eml"), "smtp")
    assert outcome == "ticket" and not stored.duplicate
    [req] = outbox("intake.ticket_requested")
    d = req["data"]
    assert (d["source"], d["source_reference"], d["title"], d["priority"], d["type"], d["drop_number"]) == (
        "email", stored.id, "URGENT: No internet at DR1234", "critical", "fault", "DR1234")
    assert d["reporter"] == {"name": "Thabo Nkosi", "email": "thabo@example.co.za"}
    assert not outbox("notification.email_requested")  # the UID is not known yet
    ticket_created(req, "EML-0042")
    [ack] = outbox("notification.email_requested")
    a = ack["data"]
    assert a["to"] == "thabo@example.co.za" and a["ticket_uid"] == "EML-0042"
    assert a["subject"].startswith("[EML-0042] Re: ") and "EML-0042" in a["body"]
    h = a["headers"]
    assert h["Auto-Submitted"] == "auto-replied" and h["In-Reply-To"] == "<caf=gmail-0001@mail.gmail.com>"
    assert h["References"].endswith("<caf=gmail-0001@mail.gmail.com>")
    assert h["Reply-To"] == "tickets+EML-0042@fibreflow.app" and h["Message-ID"] == f"<ack.{stored.id}@fibreflow.app>"
    # ticket.created again (redelivered by another path) does not acknowledge twice
    ticket_created(req, "EML-0042", id=str(uuid.uuid4()))
    assert len(outbox("notification.email_requested")) == 1


def test_the_raw_message_is_kept_encrypted_and_returned_exactly(client: Any, container: Any, staff: Any,
                                                                corpus: Callable[[str], bytes], signer: Any) -> None:
    raw = corpus("outlook_tnef.eml")
    stored, _ = receive(container, raw)
    with container.engine.connect() as conn:
        row = conn.execute(text("SELECT raw_enc, sender_enc FROM emails")).one()
    assert b"Sipho" not in row.raw_enc.encode() and "sipho@" not in row.sender_enc
    admin = signer.headers(roles=["admin"])
    resp = client.get(f"/api/email-intake/emails/{stored.id}/raw", headers=admin)
    assert resp.status_code == 200 and resp.data == raw
    assert client.get(f"/api/email-intake/emails/{stored.id}/raw", headers=staff).status_code == 403
    detail = client.get(f"/api/email-intake/emails/{stored.id}", headers=staff).get_json()["data"]
    [pdf] = detail["attachments"]
    assert (pdf["filename"], pdf["accepted"], pdf["content_type"]) == ("site-report.pdf", True, "application/pdf")
    got = client.get(f"/api/email-intake/emails/{stored.id}/attachments/{pdf['id']}", headers=staff)
    assert got.status_code == 200 and got.data.startswith(b"%PDF-")


def test_the_same_email_twice_never_makes_two_tickets(container: Any, clean: None, corpus: Any, outbox: Any) -> None:
    raw = corpus("gmail_new_ticket.eml")
    first, _ = receive(container, raw, "imap")
    again, outcome = receive(container, raw, "sendgrid")  # the same message in another mailbox / a retry
    assert again.duplicate and again.id == first.id and outcome == "duplicate"
    assert len(outbox("intake.ticket_requested")) == 1
    with container.engine.connect() as conn:
        assert conn.execute(text("SELECT deliveries FROM emails")).scalar() == 2


def test_a_failed_step_leaves_the_raw_mail_for_the_sweep(container: Any, clean: None, corpus: Any,
                                                        outbox: Any, monkeypatch: Any) -> None:
    def boom(*a: Any, **k: Any) -> None:
        raise RuntimeError("extraction crashed")

    monkeypatch.setattr(intake, "apply", boom)
    stored, outcome = receive(container, corpus("html_only.eml"))
    assert outcome == "received" and not outbox()
    with container.engine.connect() as conn:
        row = conn.execute(text("SELECT status, attempts, error FROM emails")).one()
    assert row.status == "received" and row.attempts == 1 and "extraction crashed" in row.error
    monkeypatch.undo()
    assert intake.process_pending(container.sessions, container.deps, older_than_seconds=0) == 1
    assert len(outbox("intake.ticket_requested")) == 1


def test_reply_threads_and_comment_goes_by_uid_once_known(container: Any, clean: None, corpus: Any, outbox: Any,
                                                          ticket_created: Any) -> None:
    first, _ = receive(container, corpus("gmail_new_ticket.eml"))
    # a reply before ticket-core answered: threads on the pending request by reference
    early = corpus("reply_headers.eml").replace(b"<ack.1@fibreflow.app>", b"<CAF=gmail-0001@mail.gmail.com>")
    early = early.replace(b"[EML-0042] ", b"")  # no tag yet: the acknowledgement has not gone out
    _, outcome = receive(container, early.replace(b"reply-1@", b"early-1@"))
    assert outcome == "comment"
    [c1] = outbox("intake.comment_received")
    assert c1["data"]["source_reference"] == first.id and c1["data"]["ticket_uid"] is None
    ticket_created(outbox("intake.ticket_requested")[0], "EML-0042")
    # a reply to our acknowledgement (its Message-ID is ours) threads by UID
    reply = corpus("reply_headers.eml").replace(b"<ack.1@fibreflow.app>", f"<ack.{first.id}@fibreflow.app>".encode())
    _, outcome = receive(container, reply)
    assert outcome == "comment"
    c2 = outbox("intake.comment_received")[1]["data"]
    assert c2["ticket_uid"] == "EML-0042" and c2["content"] == "Still no service, the light is still red."
    assert c2["external_id"] == "reply-1@mail.gmail.com" and c2["channel"] == "email"
    assert len(outbox("notification.email_requested")) == 1  # replies are never acknowledged


def test_closed_ticket_and_other_sources(container: Any, clean: None, corpus: Any, deliver: Any,
                                         ticket_created: Any) -> None:
    from fibreflow_shared.messaging.envelope import make_event

    ff = ticket_created(None, "FF-0123", client_email="lerato@example.com", source="ff_internal")
    assert receive(container, corpus("reply_ff_tag.eml"))[1] == "comment"
    deliver(make_event("ticket.status_changed", {"ticket": {**ff, "status": "closed"}, "from_status": "new",
                                                 "to_status": "closed", "changed_by": str(uuid.uuid4())},
                       producer="ticket-core"))
    again = corpus("reply_ff_tag.eml").replace(b"reply-9@", b"reply-9b@")
    stored, outcome = receive(container, again)
    assert outcome == "review"
    with container.engine.connect() as conn:
        assert conn.execute(text("SELECT rule FROM emails WHERE id = :i"), {"i": stored.id}).scalar() == "closed_ticket"


def test_rate_limit_per_sender(container: Any, clean: None, corpus: Any) -> None:
    raw = corpus("billing_type.eml")
    outcomes = [receive(container, raw.replace(b"<bill-1@", f"<bill-{n}@".encode()))[1] for n in range(7)]
    assert outcomes == ["ticket"] * 5 + ["rate_limited"] * 2


def test_acknowledgement_at_most_once_per_sender_per_window(container: Any, clean: None, corpus: Any,
                                                           outbox: Any, ticket_created: Any) -> None:
    raw = corpus("build_request.eml")
    for n in range(2):
        receive(container, raw.replace(b"<build-1@", f"<build-{n}x@".encode()))
    for n, req in enumerate(outbox("intake.ticket_requested")):
        ticket_created(req, f"EML-00{n + 10}")
    assert len(outbox("notification.email_requested")) == 1


def test_automatic_mail_leaves_no_trace_but_its_record(container: Any, clean: None, corpus: Any, outbox: Any) -> None:
    for name in ("ooo_auto_submitted.eml", "bounce_dsn.eml", "list_mail.eml", "spam_score.eml"):
        receive(container, corpus(name))
    assert outbox() == []
