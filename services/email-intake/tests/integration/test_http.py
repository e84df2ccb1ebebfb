"""The HTTP API: each webhook authenticated (SendGrid parsed and raw, Mailgun signed with a token
replay cache, raw MIME with an API key), the decision log with filters, the review queue, the
SMTP listener over real SMTP, and the committed OpenAPI contract."""
from __future__ import annotations

import base64
import hashlib
import hmac
import io
import json
import smtplib
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from email_intake.config import DEV_API_KEY, DEV_MAILGUN_KEY, DEV_SENDGRID_AUTH

pytestmark = pytest.mark.integration
BASIC = {"Authorization": "Basic " + base64.b64encode(DEV_SENDGRID_AUTH.encode()).decode()}


def _mailgun_form(**extra: str) -> dict[str, str]:
    ts, token = str(int(time.time())), uuid.uuid4().hex + uuid.uuid4().hex
    sig = hmac.new(DEV_MAILGUN_KEY.encode(), (ts + token).encode(), hashlib.sha256).hexdigest()
    return {"timestamp": ts, "token": token, "signature": sig, **extra}


def test_sendgrid_raw_mode(client: Any, corpus: Callable[[str], bytes], outbox: Any) -> None:
    form = {"email": corpus("gmail_new_ticket.eml").decode(), "SPF": "pass", "dkim": "{@example.co.za : pass}",
            "spam_score": "0.1", "envelope": json.dumps({"to": ["tickets@fibreflow.app"], "from": "thabo@example.co.za"})}
    resp = client.post("/api/email-intake/inbound", data=form, headers=BASIC)
    assert resp.status_code == 200, resp.get_json()
    assert resp.get_json()["data"]["outcome"] == "ticket"
    assert client.post("/api/email-intake/inbound", data=form, headers=BASIC).get_json()["data"]["duplicate"] is True
    assert len(outbox("intake.ticket_requested")) == 1


def test_sendgrid_parsed_mode_with_attachment_and_provider_spam_score(client: Any, staff: Any) -> None:
    headers = ("From: Naledi <naledi@example.co.za>\nTo: tickets@fibreflow.app\nSubject: Damaged pole at DR4444\n"
               "Message-ID: <sg-parsed-1@example.co.za>\n")
    pdf = b"%PDF-1.4\n" + b"1" * 500
    form = {"headers": headers, "text": "The pole at DR4444 was hit by a truck.", "html": "<p>The pole</p>",
            "attachments": "1", "attachment-info": json.dumps({"attachment1": {"filename": "pole.pdf",
                                                                                "type": "application/pdf"}}),
            "attachment1": (io.BytesIO(pdf), "pole.pdf", "application/pdf")}
    resp = client.post("/api/email-intake/inbound", data=form, headers=BASIC, content_type="multipart/form-data")
    assert resp.get_json()["data"]["outcome"] == "ticket"
    email_id = resp.get_json()["data"]["id"]
    detail = client.get(f"/api/email-intake/emails/{email_id}", headers=staff).get_json()["data"]
    assert detail["extracted"]["drop_number"] == "DR4444" and detail["extracted"]["type"] == "infrastructure"
    assert [a["filename"] for a in detail["attachments"] if a["accepted"]] == ["pole.pdf"]
    spam = {"headers": headers.replace("sg-parsed-1", "sg-parsed-2"), "text": "cheap pills", "spam_score": "8.2"}
    resp = client.post("/api/email-intake/inbound", data=spam, headers=BASIC)
    assert resp.get_json()["data"]["outcome"] == "rejected"


def test_sendgrid_refuses_without_credentials_and_bad_input(client: Any) -> None:
    bad = client.post("/api/email-intake/inbound", data={"email": "x"})
    assert bad.status_code == 403 and bad.get_json()["error"]["code"] == "INVALID_SIGNATURE"
    wrong = {"Authorization": "Basic " + base64.b64encode(b"sendgrid:guess").decode()}
    assert client.post("/api/email-intake/inbound", data={"email": "x"}, headers=wrong).status_code == 403
    empty = client.post("/api/email-intake/inbound", data={"text": "no headers"}, headers=BASIC)
    assert empty.status_code == 400 and empty.get_json()["error"]["code"] == "VALIDATION_ERROR"


def test_mailgun_signature_and_token_replay(client: Any, corpus: Callable[[str], bytes]) -> None:
    form = _mailgun_form(**{"body-mime": corpus("html_only.eml").decode(), "recipient": "tickets@fibreflow.app",
                            "sender": "ops@example.co.za"})
    ok = client.post("/api/email-intake/inbound/mailgun", data=form)
    assert ok.status_code == 200 and ok.get_json()["data"]["outcome"] == "ticket"
    # the provider retrying the very same POST is a duplicate, not an error
    assert client.post("/api/email-intake/inbound/mailgun", data=form).get_json()["data"]["duplicate"] is True
    # the same token with another message is a replay
    replay = dict(form, **{"body-mime": corpus("billing_type.eml").decode()})
    resp = client.post("/api/email-intake/inbound/mailgun", data=replay)
    assert resp.status_code == 409 and resp.get_json()["error"]["code"] == "WEBHOOK_REPLAYED"
    forged = dict(_mailgun_form(**{"body-mime": "x"}), signature="0" * 64)
    assert client.post("/api/email-intake/inbound/mailgun", data=forged).status_code == 403
    stale = _mailgun_form(**{"body-mime": "x"})
    stale["timestamp"] = str(int(stale["timestamp"]) - 3600)
    assert client.post("/api/email-intake/inbound/mailgun", data=stale).status_code == 403


def test_old_mailgun_tokens_are_forgotten(client: Any, container: Any) -> None:
    from email_intake.service_layer.intake import sweep_tokens
    from sqlalchemy import text

    with container.engine.begin() as conn:
        conn.execute(text("INSERT INTO webhook_tokens (token, seen_at) VALUES ('old', now() - interval '1 hour'), "
                          "('new', now())"))
    assert sweep_tokens(container.sessions, 300) == 1
    with container.engine.connect() as conn:
        assert conn.execute(text("SELECT token FROM webhook_tokens")).scalars().all() == ["new"]


def test_mailgun_parsed_fields(client: Any) -> None:
    form = _mailgun_form(**{"message-headers": json.dumps([["From", "client@example.com"], ["To", "tickets@fibreflow.app"],
                                                             ["Subject", "Invoice charged twice"],
                                                             ["Message-ID", "<mg-1@example.com>"]]),
                            "body-plain": "I was charged twice, please refund.", "recipient": "tickets@fibreflow.app"})
    assert client.post("/api/email-intake/inbound/mailgun", data=form).get_json()["data"]["outcome"] == "ticket"


def test_raw_mime_needs_the_api_key(client: Any, corpus: Callable[[str], bytes]) -> None:
    raw = corpus("bounce_dsn.eml")
    assert client.post("/api/email-intake/inbound/raw", data=raw).status_code == 403
    resp = client.post("/api/email-intake/inbound/raw", data=raw, headers={"X-Api-Key": DEV_API_KEY,
                                                                          "Content-Type": "message/rfc822"})
    assert resp.status_code == 200 and resp.get_json()["data"]["outcome"] == "ignored"
    empty = client.post("/api/email-intake/inbound/raw", data=b"  ", headers={"X-Api-Key": DEV_API_KEY})
    assert empty.status_code == 400


def test_decision_log_filters_and_auth(client: Any, staff: Any, corpus: Callable[[str], bytes], signer: Any) -> None:
    key = {"X-Api-Key": DEV_API_KEY}
    for name in ("gmail_new_ticket.eml", "ooo_outlook.eml", "spam_score.eml", "multiple_drs.eml"):
        client.post("/api/email-intake/inbound/raw", data=corpus(name), headers=key)
    all_ = client.get("/api/email-intake/emails", headers=staff).get_json()["data"]
    assert all_["pagination"]["total"] == 4 and all(e["reason"] for e in all_["emails"])
    ignored = client.get("/api/email-intake/emails?outcome=ignored,rejected&sort=rule", headers=staff).get_json()
    assert [(e["outcome"], e["rule"]) for e in ignored["data"]["emails"]] == [("ignored", "autoreply_header"),
                                                                              ("rejected", "spam_score")]
    by_sender = client.get("/api/email-intake/emails?sender=thabo@example.co.za", headers=staff).get_json()["data"]
    assert by_sender["pagination"]["total"] == 2
    assert client.get("/api/email-intake/emails?outcom=x", headers=staff).status_code == 400
    assert client.get("/api/email-intake/emails?outcome=maybe", headers=staff).status_code == 400
    assert client.get("/api/email-intake/emails").status_code == 401
    tech = signer.headers(roles=["technician"])
    assert client.get("/api/email-intake/emails", headers=tech).status_code == 403


def test_review_queue_approve_with_edits_and_reject(client: Any, staff: Any, corpus: Callable[[str], bytes],
                                                     outbox: Any) -> None:
    key = {"X-Api-Key": DEV_API_KEY}
    a = client.post("/api/email-intake/inbound/raw", data=corpus("multiple_drs.eml"), headers=key).get_json()["data"]
    b = client.post("/api/email-intake/inbound/raw", data=corpus("empty_body.eml"), headers=key).get_json()["data"]
    queue = client.get("/api/email-intake/review", headers=staff).get_json()["data"]
    assert [e["id"] for e in queue["emails"]] == [a["id"], b["id"]]
    assert "several DR numbers" in queue["emails"][0]["reason"]
    bad = client.post(f"/api/email-intake/review/{a['id']}/approve", json={"priority": "whenever"}, headers=staff)
    assert bad.status_code == 400 and "priority" in bad.get_json()["error"]["details"]
    resp = client.post(f"/api/email-intake/review/{a['id']}/approve",
                       json={"drop_number": "DR5678", "priority": "high", "title": "Two drops down"}, headers=staff)
    assert resp.status_code == 200 and resp.get_json()["data"]["outcome"] == "ticket"
    [req] = outbox("intake.ticket_requested")
    assert (req["data"]["drop_number"], req["data"]["priority"], req["data"]["title"]) == ("DR5678", "high",
                                                                                           "Two drops down")
    again = client.post(f"/api/email-intake/review/{a['id']}/approve", json={}, headers=staff)
    assert again.status_code == 409
    rej = client.post(f"/api/email-intake/review/{b['id']}/reject", json={"reason": "says nothing"}, headers=staff)
    assert rej.status_code == 200 and rej.get_json()["data"]["outcome"] == "rejected"
    assert client.get("/api/email-intake/review", headers=staff).get_json()["data"]["emails"] == []
    assert client.post(f"/api/email-intake/review/{uuid.uuid4()}/reject", json={"reason": "x"},
                       headers=staff).status_code == 404


def test_review_approve_as_a_note_adds_the_sender_as_participant(client: Any, staff: Any, corpus: Any,
                                                                 ticket_created: Any, outbox: Any) -> None:
    key = {"X-Api-Key": DEV_API_KEY}
    client.post("/api/email-intake/inbound/raw", data=corpus("gmail_new_ticket.eml"), headers=key)
    ticket_created(outbox("intake.ticket_requested")[0], "EML-0042")
    stranger = client.post("/api/email-intake/inbound/raw", data=corpus("reply_unrelated_sender.eml"),
                           headers=key).get_json()["data"]
    assert stranger["outcome"] == "review"
    resp = client.post(f"/api/email-intake/review/{stranger['id']}/approve", json={"ticket_uid": "EML-0042"},
                       headers=staff)
    assert resp.get_json()["data"]["outcome"] == "comment"
    [note] = outbox("intake.comment_received")
    assert note["data"]["ticket_uid"] == "EML-0042"
    follow = corpus("reply_unrelated_sender.eml").replace(b"reply-5@", b"reply-5b@")
    assert client.post("/api/email-intake/inbound/raw", data=follow, headers=key).get_json()["data"]["outcome"] == "comment"


def test_smtp_listener_accepts_only_our_addresses(container: Any, clean: None, corpus: Any, outbox: Any) -> None:
    from email_intake.entrypoints import smtp
    from fibreflow_shared.testing.infra import free_port

    port = free_port()
    controller = smtp.start(container, "127.0.0.1", port)
    try:
        with smtplib.SMTP("127.0.0.1", port, timeout=10) as s:
            refused = s.sendmail("thabo@example.co.za", ["tickets@fibreflow.app", "someone@elsewhere.example"],
                                 corpus("gmail_new_ticket.eml"))
            assert list(refused) == ["someone@elsewhere.example"]
            s.sendmail("thabo@example.co.za", ["tickets+EML-0042@fibreflow.app"], corpus("billing_type.eml"))
            with pytest.raises(smtplib.SMTPRecipientsRefused):
                s.sendmail("x@example.com", ["open-relay@victim.example"], b"Subject: x\r\n\r\nx")
            s.sendmail("", ["tickets@fibreflow.app"], corpus("bounce_null_sender.eml"))
    finally:
        controller.stop()
    assert len(outbox("intake.ticket_requested")) == 1
    with container.engine.connect() as conn:
        from sqlalchemy import text

        rows = conn.execute(text("SELECT channel, outcome, rule FROM emails ORDER BY received_at")).all()
    # the sub-address names a ticket we do not know: a person looks at it
    assert [tuple(r) for r in rows] == [("smtp", "ticket", "new_ticket"), ("smtp", "review", "unknown_ticket"),
                                        ("smtp", "ignored", "null_sender")]


def test_openapi_matches_committed_contract(contracts_dir: Path) -> None:
    from email_intake.cli import CLI

    committed = json.loads((contracts_dir / "openapi" / "email-intake.json").read_text())
    assert CLI.openapi_document() == committed, "run: fibreflow-email-intake openapi > contracts/openapi/email-intake.json"
