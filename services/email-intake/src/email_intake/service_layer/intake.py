"""The one pipeline every inbound path feeds: store the raw message, then decide it once.

1. ``store`` writes the raw message (encrypted) in its own transaction before anything else,
   so nothing is lost if a later step fails. The same message delivered again (a webhook
   retried, an IMAP re-fetch, the same mail in two mailboxes) hits the unique dedupe key
   (the Message-ID, else the SHA-256 of the bytes) and only counts a delivery.
2. ``process`` parses, decides (``domain.decision``) and applies the outcome with its events
   in one transaction. If it fails the email stays ``received`` and the worker's sweep
   (``process_pending``) tries again later; it is decided exactly once.
"""
from __future__ import annotations

import hashlib
import logging
import time
from dataclasses import dataclass
from datetime import timedelta
from email import policy as email_policy
from email.parser import BytesHeaderParser
from typing import Any

from fibreflow_shared.db import transaction
from fibreflow_shared.timeutil import iso, utc_now
from prometheus_client import Counter, Histogram
from sqlalchemy import func, literal_column, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session, sessionmaker

from email_intake.adapters import repository
from email_intake.adapters.orm import (
    AttachmentRow,
    EmailRow,
    ThreadRow,
    WebhookTokenRow,
)
from email_intake.domain import attachments as att_rules
from email_intake.domain.decision import Decision, decide
from email_intake.domain.errors import WebhookReplayed
from email_intake.domain.parsing import ParsedEmail, message_ids, parse
from email_intake.service_layer.deps import Deps

log = logging.getLogger(__name__)
EMAILS = Counter("email_intake_emails_total", "Inbound emails decided, by channel and outcome",
                 ["channel", "outcome"])
DUPLICATES = Counter("email_intake_duplicates_total", "Inbound emails delivered again (not decided twice)",
                     ["channel"])
DECIDE_SECONDS = Histogram("email_intake_process_seconds", "Parse, decide and record one email",
                           buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5))
CHANNELS = ("sendgrid", "mailgun", "raw", "imap", "smtp")


@dataclass(frozen=True)
class Stored:
    id: str
    duplicate: bool


def dedupe_key(raw: bytes) -> tuple[str, str | None]:
    """(key, message id): the Message-ID when the message has one, else the hash of its bytes."""
    try:
        headers = BytesHeaderParser(policy=email_policy.compat32).parsebytes(raw)
        ids = message_ids(str(headers.get("Message-ID") or ""))
    except Exception:  # noqa: BLE001 - unreadable headers: fall back to the hash
        ids = []
    if ids:
        return "mid:" + ids[0][:290], ids[0]
    return "sha256:" + hashlib.sha256(raw).hexdigest(), None


def store(sessions: sessionmaker[Session], deps: Deps, raw: bytes, channel: str, *,
          provider: dict[str, Any] | None = None, envelope_from: str | None = None,
          recipients: list[str] | tuple[str, ...] = (), replay_token: str | None = None) -> Stored:
    """Keep the raw message (committed before this returns). A repeat only counts a delivery.

    ``replay_token`` (Mailgun's signed token) is recorded in the same transaction: a token seen
    before is a replay unless it carries the very message already stored (a provider retry
    after our answer was lost), which is then just a duplicate delivery."""
    key, message_id = dedupe_key(raw)
    values = {"dedupe_key": key, "message_id": message_id, "channel": channel, "raw_enc": deps.seal_bytes(raw),
              "raw_size": len(raw), "provider": provider or {},
              "envelope_from_enc": deps.cipher.encrypt(envelope_from) if envelope_from else None,
              "has_envelope_from": envelope_from is not None,
              "recipients": [r.lower() for r in recipients][:100], "deliveries": 1, "status": "received",
              "attempts": 0, "subject": "", "verdicts": {}, "acknowledge": False}
    with transaction(sessions) as session:
        if replay_token is not None:
            fresh = session.execute(insert(WebhookTokenRow).values(token=replay_token[:200])
                                    .on_conflict_do_nothing().returning(WebhookTokenRow.token)).scalar()
            if fresh is None and session.scalar(select(EmailRow.id).where(EmailRow.dedupe_key == key)) is None:
                raise WebhookReplayed()
        stmt = insert(EmailRow).values(**values)
        row = session.execute(stmt.on_conflict_do_update(
            index_elements=["dedupe_key"], set_={"deliveries": EmailRow.deliveries + 1})
            .returning(EmailRow.id, literal_column("(xmax = 0)").label("inserted"))).one()
    email_id, inserted = row[0], row[1]
    if not inserted:
        DUPLICATES.labels(channel).inc()
        log.info("duplicate email delivery", extra={"email_id": email_id, "channel": channel})
    return Stored(str(email_id), duplicate=not inserted)


def receive(sessions: sessionmaker[Session], deps: Deps, raw: bytes, channel: str, **kw: Any) -> tuple[Stored, str]:
    """Store, then decide now (the worker's sweep finishes it if this process fails midway)."""
    stored = store(sessions, deps, raw, channel, **kw)
    if stored.duplicate:
        return stored, "duplicate"
    try:
        outcome = process(sessions, deps, stored.id)
    except Exception as exc:  # noqa: BLE001 - the raw mail is safe; the sweep retries it
        log.exception("processing failed; the email stays queued", extra={"email_id": stored.id})
        record_failure(sessions, stored.id, exc)
        return stored, "received"
    return stored, outcome


def record_failure(sessions: sessionmaker[Session], email_id: str, exc: Exception) -> None:
    with transaction(sessions) as session:
        row = session.get(EmailRow, email_id, with_for_update=True)
        if row is not None and row.status == "received":
            row.attempts += 1
            row.error = f"{type(exc).__name__}: {exc}"[:2000]


def recipients_of(parsed: ParsedEmail, row: EmailRow) -> list[str]:
    return list(dict.fromkeys([*row.recipients, *parsed.to, *parsed.cc]))


def _recent_from(session: Session, sender_index: str, window_seconds: int, email_id: str) -> int:
    since = utc_now() - timedelta(seconds=window_seconds)
    return session.scalar(select(func.count()).select_from(EmailRow).where(
        EmailRow.sender_index == sender_index, EmailRow.received_at >= since, EmailRow.id != email_id,
        EmailRow.status == "processed")) or 0


def process(sessions: sessionmaker[Session], deps: Deps, email_id: str) -> str:
    """Decide one stored email (no-op if another process already has)."""
    started = time.perf_counter()
    with transaction(sessions) as session:
        row = session.scalars(select(EmailRow).where(EmailRow.id == email_id)
                              .with_for_update(skip_locked=True)).first()
        if row is None or row.status != "received":
            return row.outcome or "received" if row is not None else "received"
        raw = deps.unseal_bytes(row.raw_enc)
        parsed = parse(raw)
        envelope_from = deps.cipher.decrypt(row.envelope_from_enc) if row.envelope_from_enc else (
            "" if row.has_envelope_from else None)
        policy = deps.policy
        from email_intake.domain.decision import sender_of

        sender = sender_of(parsed, policy.own_domains)
        sender_index = deps.sender_key(sender) if sender else None
        recent = _recent_from(session, sender_index, deps.settings.rate_window_seconds, row.id) if sender_index else 0
        decision = decide(parsed, policy=policy, lookup=repository.SqlThreadLookup(session),
                          recipients=recipients_of(parsed, row), envelope_from=envelope_from,
                          provider={k: str(v) for k, v in (row.provider or {}).items()},
                          recent_from_sender=recent, sender_key=deps.sender_key)
        apply(session, deps, row, parsed, decision, sender_index)
        outcome = decision.outcome
        channel = row.channel
    DECIDE_SECONDS.observe(time.perf_counter() - started)
    EMAILS.labels(channel, outcome).inc()
    log.info("email decided", extra={"email_id": email_id, "outcome": outcome, "rule": decision.rule})
    return outcome


def _store_attachments(session: Session, row: EmailRow, parsed: ParsedEmail) -> None:
    total = 0
    for a in parsed.attachments:
        verdict = att_rules.check(a.filename, a.data, total, inline=a.inline, content_id=a.content_id)
        if verdict.accepted:
            total += len(a.data)
        session.add(AttachmentRow(email_id=row.id, filename=a.filename[:255] or "attachment",
                                  content_type=(verdict.mime or a.content_type)[:200], size=len(a.data),
                                  accepted=verdict.accepted, reason=verdict.reason,
                                  data=a.data if verdict.accepted else None))


def apply(session: Session, deps: Deps, row: EmailRow, parsed: ParsedEmail, decision: Decision,
          sender_index: str | None) -> None:
    """Record the decision on the row and stage what follows from it."""
    now = utc_now()
    row.status, row.processed_at, row.error = "processed", now, None
    row.outcome, row.rule, row.reason = decision.outcome, decision.rule, decision.reason[:2000]
    row.subject = parsed.subject[:998]
    row.sender_enc = deps.cipher.encrypt(decision.sender) if decision.sender else None
    row.sender_index = sender_index
    row.verdicts = decision.verdicts
    fields: dict[str, Any] = {"sender_name": decision.sender_name, "original": parsed.text[:100_000]}
    if decision.extracted is not None:
        fields.update(decision.extracted.as_dict())
    if decision.comment is not None:
        fields["comment"] = decision.comment
    if decision.ticket is not None:
        fields["thread"] = {"ticket_uid": decision.ticket.ticket_uid,
                            "source_reference": decision.ticket.source_reference}
    row.fields_enc = deps.seal(fields)
    if decision.outcome in ("ticket", "comment", "review"):
        _store_attachments(session, row, parsed)
    if decision.outcome == "ticket":
        request_ticket(session, deps, row, fields, sender_index)
        row.acknowledge = deps.settings.acknowledge and decision.acknowledge
    elif decision.outcome == "comment" and decision.ticket is not None:
        thread = repository.thread_for(session, decision.ticket)
        send_comment(session, deps, row, parsed, decision.comment or "", thread, decision.sender,
                     decision.sender_name)
    else:
        repository.remember_message(session, row.message_id, None, "received")


def request_ticket(session: Session, deps: Deps, row: EmailRow, fields: dict[str, Any],
                   sender_index: str | None) -> None:
    """``intake.ticket_requested`` for this email (source_reference = the email's id), and the
    pending thread that replies can find before ticket-core has answered."""
    session.add(ThreadRow(key=row.id, source="email", status="new",
                          participants=[sender_index] if sender_index else []))
    session.flush()
    repository.remember_message(session, row.message_id, row.id, "received")
    row.thread_key = row.id
    reporter = {"name": fields.get("reporter_name") or None, "email": fields.get("reporter_email") or None}
    deps.outbox.add(session, "intake.ticket_requested", {
        "source": "email", "source_reference": row.id, "title": (fields.get("title") or "(no subject)")[:255],
        "description": fields.get("description") or "", "type": fields.get("type") or "fault",
        "priority": fields.get("priority") or "medium", "category": "email",
        "drop_number": fields.get("drop_number"), "reporter": reporter, "client_email": reporter["email"],
        "client_name": reporter["name"]})


def send_comment(session: Session, deps: Deps, row: EmailRow, parsed: ParsedEmail, content: str,
                 thread: ThreadRow | None, sender: str, sender_name: str) -> None:
    """``intake.comment_received`` on the thread's ticket (by UID, or by reference while pending)."""
    key = thread.key if thread is not None else None
    row.thread_key = key
    row.ticket_uid = thread.ticket_uid if thread is not None else None
    repository.remember_message(session, row.message_id, key, "received")
    deps.outbox.add(session, "intake.comment_received", {
        "source": "email", "source_reference": key if thread is not None and thread.source == "email" else None,
        "ticket_uid": thread.ticket_uid if thread is not None else None, "content": content[:50_000] or "(empty)",
        "author": {"name": sender_name or sender, "email": sender}, "channel": "email",
        "external_id": (row.message_id or row.id)[:255], "received_at": iso(row.received_at)})


def process_pending(sessions: sessionmaker[Session], deps: Deps, *, older_than_seconds: float,
                    limit: int = 50) -> int:
    """The sweep: decide emails stored but not decided (a process died, a step failed)."""
    cutoff = utc_now() - timedelta(seconds=older_than_seconds)
    with transaction(sessions) as session:
        ids = [str(i) for i in session.scalars(select(EmailRow.id).where(
            EmailRow.status == "received", EmailRow.received_at <= cutoff).order_by(EmailRow.received_at)
            .limit(limit))]
    done = 0
    for email_id in ids:
        try:
            process(sessions, deps, email_id)
            done += 1
        except Exception as exc:  # noqa: BLE001 - one bad email must not stop the sweep
            log.exception("sweep could not decide email", extra={"email_id": email_id})
            record_failure(sessions, email_id, exc)
    return done


def sweep_tokens(sessions: sessionmaker[Session], tolerance_seconds: int) -> int:
    """Forget Mailgun tokens older than twice the timestamp window (older requests fail the
    window check anyway, so the replay cache need not remember them)."""
    cutoff = utc_now() - timedelta(seconds=2 * tolerance_seconds)
    with transaction(sessions) as session:
        return session.execute(WebhookTokenRow.__table__.delete().where(WebhookTokenRow.seen_at < cutoff)).rowcount
