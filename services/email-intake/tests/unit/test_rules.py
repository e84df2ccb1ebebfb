"""Each loop-defence, spam, threading, extraction and attachment rule on its own."""
from __future__ import annotations

import base64
import time

import pytest
from email_intake.config import load
from email_intake.domain import attachments as att
from email_intake.domain import webhooks as wh
from email_intake.domain.decision import decide
from email_intake.domain.extraction import clean_subject, drop_numbers, priority_of
from email_intake.domain.parsing import parse
from email_intake.domain.threading import TicketRef, normalise_uid, sub_address_tags
from fibreflow_shared.settings import SettingsError


def mail(headers: str, body: str = "Please help, the internet at my house is down.") -> bytes:
    base = "From: Thabo Nkosi <thabo@example.co.za>\nTo: tickets@fibreflow.app\nMessage-ID: <x-1@example.co.za>\n"
    if "Subject:" not in headers:
        base += "Subject: No internet\n"
    return (base + headers + "\n" + body).replace("\n", "\r\n").encode()


def run(raw: bytes, lookup: object, policy: object, **kw: object):  # type: ignore[no-untyped-def]
    parsed = parse(raw)
    return decide(parsed, policy=policy, lookup=lookup, recipients=parsed.to + parsed.cc, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize("headers,rule", [
    ("Content-Type: multipart/report; report-type=delivery-status; boundary=b\n", "multipart_report"),
    ("Return-Path: <>\n", "null_sender"),
    ("Auto-Submitted: auto-generated\n", "auto_submitted"),
    ("Auto-Submitted: auto-replied\n", "auto_submitted"),
    ("X-Autoreply: yes\n", "autoreply_header"),
    ("X-Autorespond: vacation\n", "autoreply_header"),
    ("X-Auto-Response-Suppress: OOF\n", "autoreply_header"),
    ("Precedence: bulk\n", "precedence"),
    ("Precedence: junk\n", "precedence"),
    ("Precedence: list\n", "precedence"),
    ("List-Unsubscribe: <mailto:u@example.org>\n", "list_mail"),
    ("List-Id: <users.example.org>\n", "list_mail"),
    ("X-Loop: fibreflow\n", "x_loop"),
    ("Subject: Automatic reply: No internet\n", "ooo_subject"),
    ("Subject: Out of office\n", "ooo_subject"),
])
def test_automatic_mail_is_ignored_and_never_acknowledged(headers: str, rule: str, lookup: object,
                                                          policy: object) -> None:
    d = run(mail(headers), lookup, policy)
    assert (d.outcome, d.rule) == ("ignored", rule)
    assert not d.acknowledge and d.extracted is None


def test_mailer_daemon_and_postmaster_senders_are_bounces(lookup: object, policy: object) -> None:
    for sender in ("MAILER-DAEMON@mx.example.org", "postmaster@example.org"):
        raw = mail("").replace(b"thabo@example.co.za", sender.encode())
        assert run(raw, lookup, policy).rule == "mailer_daemon"


def test_empty_envelope_sender_is_a_bounce(lookup: object, policy: object) -> None:
    assert run(mail(""), lookup, policy, envelope_from="").rule == "null_sender"
    assert run(mail(""), lookup, policy, envelope_from="thabo@example.co.za").outcome == "ticket"


def test_auto_submitted_no_is_a_person(lookup: object, policy: object) -> None:
    assert run(mail("Auto-Submitted: no\n"), lookup, policy).outcome == "ticket"


def test_our_own_message_id_domain_is_a_loop(lookup: object, policy: object) -> None:
    raw = mail("").replace(b"<x-1@example.co.za>", b"<ack.5@fibreflow.app>")
    assert run(raw, lookup, policy).rule == "own_message_id"


def test_an_autoresponder_answering_our_ack_cannot_loop(lookup: object, policy: object) -> None:
    """A responder that sets no header but answers our ack (In-Reply-To = our Message-ID) only
    ever becomes a note, never a new ticket, so it earns no acknowledgement to answer again."""
    d = run(mail("Subject: Re: [EML-0042] Thank you\nIn-Reply-To: <ack.1@fibreflow.app>\n", "Thanks for your mail."),
            lookup, policy)
    assert d.outcome == "comment" and not d.acknowledge


# -- spam --------------------------------------------------------------------------------------------
def test_block_list_by_address_and_domain(lookup: object, policy: object) -> None:
    from dataclasses import replace

    for entry in ("thabo@example.co.za", "@example.co.za", "@co.za"):
        p = replace(policy, spam=replace(policy.spam, block=(entry,)))  # type: ignore[attr-defined]
        assert run(mail(""), lookup, p).rule == "blocked_sender"


def test_allow_list_skips_score_and_rate_limit(lookup: object, policy: object) -> None:
    from dataclasses import replace

    p = replace(policy, spam=replace(policy.spam, allow=("@example.co.za",)))  # type: ignore[attr-defined]
    assert run(mail("X-Spam-Score: 20\n"), lookup, p, recent_from_sender=500).outcome == "ticket"
    assert run(mail("X-Spam-Score: 20\n"), lookup, policy).rule == "spam_score"


def test_auth_results_only_from_our_authserv_id(lookup: object, policy: object) -> None:
    ours = "Authentication-Results: mx.fibreflow.app; dmarc=fail header.from=example.co.za\n"
    theirs = "Authentication-Results: attacker.example; dmarc=fail\n"
    assert run(mail(ours), lookup, policy).rule == "dmarc_fail"
    assert run(mail(theirs), lookup, policy).outcome == "ticket"


def test_spf_fail_is_forgiven_by_a_dkim_pass(lookup: object, policy: object) -> None:
    h = "Authentication-Results: mx.fibreflow.app; spf=fail smtp.mailfrom=x; dkim=pass header.d=example.co.za\n"
    assert run(mail(h), lookup, policy).outcome == "ticket"


def test_provider_verdicts(lookup: object, policy: object) -> None:
    assert run(mail(""), lookup, policy, provider={"spam_score": "7.5"}).rule == "spam_score"
    assert run(mail(""), lookup, policy, provider={"spf": "fail", "dkim": "{@example.co.za : fail}"}).rule == "spf_fail"
    assert run(mail(""), lookup, policy, provider={"spf": "fail", "dkim": "{@example.co.za : pass}"}).outcome == "ticket"


def test_rate_limit(lookup: object, policy: object) -> None:
    assert run(mail(""), lookup, policy, recent_from_sender=19).outcome == "ticket"
    d = run(mail(""), lookup, policy, recent_from_sender=20)
    assert (d.outcome, d.rule) == ("rate_limited", "rate_limit")


# -- threading -----------------------------------------------------------------------------------------
def test_thread_markers_each_match_alone(lookup: object, policy: object) -> None:
    by_header = run(mail("In-Reply-To: <CAF=orig-42@mail.gmail.com>\n"), lookup, policy)
    by_tag = run(mail("Subject: Re: [eml-42] No internet\n"), lookup, policy)
    by_sub = run(mail("").replace(b"To: tickets@fibreflow.app", b"To: tickets+EML-0042@fibreflow.app"), lookup, policy)
    for d in (by_header, by_tag, by_sub):
        assert d.outcome == "comment" and d.ticket is not None and d.ticket.ticket_uid == "EML-0042"
    assert (by_header.rule, by_tag.rule, by_sub.rule) == ("thread_headers", "thread_subject_tag", "thread_sub_address")


def test_sub_address_only_on_our_addresses() -> None:
    ours = ("tickets@fibreflow.app",)
    assert sub_address_tags(["tickets+eml-0042@fibreflow.app"], ours) == ["EML-0042"]
    assert sub_address_tags(["tickets+EML-0042@evil.example"], ours) == []
    assert sub_address_tags(["other+EML-0042@fibreflow.app"], ours) == []


def test_staff_domain_may_reply_on_any_ticket(lookup: object, policy: object) -> None:
    from dataclasses import replace

    raw = mail("Subject: Re: [EML-0042] x\n").replace(b"thabo@example.co.za", b"agent@fibreflow-agents.example.com")
    assert run(raw, lookup, policy).rule == "unrelated_sender"
    p = replace(policy, staff_domains=("fibreflow-agents.example.com",))  # type: ignore[attr-defined]
    assert run(raw, lookup, p).outcome == "comment"


def test_pending_ticket_is_found_by_reference(policy: object) -> None:
    """A reply that arrives before ticket-core answered threads onto the pending request."""
    pending = TicketRef("email-uuid-1", None, "new", frozenset({"thabo@example.co.za"}))

    class Pending:
        def by_message_ids(self, ids: list[str]) -> list[TicketRef]:
            return [pending] if "first@example.co.za" in ids else []

        def by_uid(self, uid: str) -> TicketRef | None:
            return None

    d = run(mail("In-Reply-To: <first@example.co.za>\n"), Pending(), policy)
    assert d.outcome == "comment" and d.ticket == pending


def test_uids_normalise() -> None:
    assert [normalise_uid(u) for u in ("eml-42", "EML0042", "ff-123", "FT12345")] == ["EML-0042", "EML-0042",
                                                                                        "FF-0123", "FT12345"]


# -- extraction ------------------------------------------------------------------------------------------
def test_dr_numbers_in_every_spelling() -> None:
    assert drop_numbers("DR1234, dr 1234, DR-5678 and dr_9012; not DRY1234 or DR12") == ["DR1234", "DR5678", "DR9012"]


def test_subject_cleaning() -> None:
    assert clean_subject("Re: Fwd: [EML-0042] RE: AW: No internet  ") == "No internet"
    assert clean_subject("FW: [FF-0123] Billing") == "Billing"


def test_priority_hints() -> None:
    assert priority_of("We have NO SERVICE") == "critical"
    assert priority_of("URGENT please") == "high"
    assert priority_of("no rush at all") == "low"
    assert priority_of("the speed is fine") == "medium"


def test_reporter_is_reply_to_unless_ours(lookup: object, policy: object) -> None:
    d = run(mail("Reply-To: Boss <boss@example.co.za>\n"), lookup, policy)
    assert d.sender == "boss@example.co.za"
    d = run(mail("Reply-To: tickets@fibreflow.app\n"), lookup, policy)
    assert d.sender == "thabo@example.co.za"


# -- attachments -------------------------------------------------------------------------------------------
def test_oversized_attachment_is_refused_but_the_email_still_becomes_a_ticket(lookup: object,
                                                                              policy: object) -> None:
    big = b"%PDF-1.4\n" + b"0" * (att.MAX_FILE_BYTES + 1)
    raw = mail("MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=B\n",
               "--B\nContent-Type: text/plain\n\nNo internet, scan attached.\n--B\nContent-Type: application/pdf; "
               "name=big.pdf\nContent-Disposition: attachment; filename=big.pdf\nContent-Transfer-Encoding: base64\n\n"
               + base64.encodebytes(big).decode() + "--B--\n")
    parsed = parse(raw)
    assert run(raw, lookup, policy).outcome == "ticket"
    [a] = parsed.attachments
    verdict = att.check(a.filename, a.data, 0)
    assert not verdict.accepted and "10 MB" in verdict.reason


def test_attachment_total_limit_and_type_by_content() -> None:
    pdf = b"%PDF-1.4\n" + b"0" * 100
    assert att.check("a.pdf", pdf, 0).accepted
    assert not att.check("a.pdf", pdf, att.MAX_TOTAL_BYTES - 10).accepted
    assert att.check("a.exe", b"MZ" + b"0" * 100, 0).reason.startswith("only JPG")
    assert not att.check("photo.jpg", pdf, 0).accepted
    assert not att.check("logo.png", b"\x89PNG\r\n\x1a\n" + b"0" * 100, 0, inline=True, content_id="logo").accepted


# -- webhook authentication -----------------------------------------------------------------------------------
def test_mailgun_signature() -> None:
    now = time.time()
    ts, token = str(int(now)), "a" * 50
    sig = wh.mailgun_signature("key-1", ts, token)
    wh.verify_mailgun(["old", "key-1"], ts, token, sig, now, 300)
    for args in ((["key-2"], ts, token, sig), (["key-1"], ts, token + "b", sig), (["key-1"], ts, token, "")):
        with pytest.raises(wh.WebhookRejected):
            wh.verify_mailgun(*args, now, 300)  # type: ignore[misc]
    with pytest.raises(wh.WebhookRejected, match="window"):
        old = str(int(now) - 301)
        wh.verify_mailgun(["key-1"], old, token, wh.mailgun_signature("key-1", old, token), now, 300)


def test_basic_auth_and_api_key() -> None:
    good = "Basic " + base64.b64encode(b"sendgrid:pw").decode()
    wh.verify_basic(good, ["sendgrid:pw"])
    for bad in (None, "Bearer x", "Basic !!!", "Basic " + base64.b64encode(b"sendgrid:nope").decode()):
        with pytest.raises(wh.WebhookRejected):
            wh.verify_basic(bad, ["sendgrid:pw"])
    wh.verify_api_key("k", ["k"])
    with pytest.raises(wh.WebhookRejected):
        wh.verify_api_key("K", ["k"])


def test_production_refuses_the_development_secrets() -> None:
    with pytest.raises(SettingsError) as err:
        from email_intake.config import Settings
        from fibreflow_shared.settings import load_settings

        load_settings(Settings, {"FIBREFLOW_ENV": "production", "DATABASE_URL": "postgresql://x/y"})
    for name in ("EMAIL_INTAKE_PII_KEYS", "EMAIL_INTAKE_MAILGUN_SIGNING_KEY", "EMAIL_INTAKE_SENDGRID_BASIC_AUTH",
                 "EMAIL_INTAKE_API_KEYS", "EMAIL_INTAKE_INDEX_KEY"):
        assert name in str(err.value)
    assert load(database_url="postgresql://x/y").smtp_bind == "127.0.0.1:2526"
