"""Fibertime (PRD §11.1, FR-031): its signed ``ticket.created``/``ticket.updated`` webhook becomes
an FT ticket through intake; our ``ticket.updated`` posts go back to its webhook URL (status
changes and staff's custom messages), queued here and sent with retries by ``FibertimeSender``."""
from __future__ import annotations

import json
import logging
import threading
import time
from datetime import timedelta
from typing import Any

import requests
from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session, sessionmaker

from fibreflow_shared.auth import Principal
from fibreflow_shared.db import transaction
from fibreflow_shared.ids import is_uuid
from fibreflow_shared.timeutil import iso, utc_now
from qcontact_sync import metrics
from qcontact_sync.adapters.orm import CaseRow, FibertimePostRow, WebhookReceiptRow
from qcontact_sync.domain.errors import NotifyUnavailable, TicketNotFound, WebhookReplayed
from qcontact_sync.domain.model import fibertime_uid_digits
from qcontact_sync.domain.signatures import sign_fibertime
from qcontact_sync.service_layer import journal
from qcontact_sync.service_layer.deps import Deps

log = logging.getLogger(__name__)
FT_PRIORITIES = {"low": "low", "medium": "medium", "normal": "medium", "high": "high", "urgent": "critical",
                 "critical": "critical"}


def remember_receipt(session: Session, key: str, source: str) -> None:
    """Accept a webhook once: a second delivery of the same id/signature is ``WebhookReplayed``."""
    inserted = session.execute(insert(WebhookReceiptRow).values(key=key[:200], source=source)
                               .on_conflict_do_nothing(index_elements=["key"]).returning(WebhookReceiptRow.key)).first()
    if inserted is None:
        raise WebhookReplayed(f"{source} webhook already received")


def on_webhook(session: Session, deps: Deps, replay_key: str, payload: dict[str, Any]) -> dict[str, Any]:
    """A verified Fibertime webhook: create the FT ticket (once) or mirror its changes."""
    remember_receipt(session, "ft:" + replay_key, "fibertime")
    t = payload["ticket"]
    reference = str(t["id"])
    case_id = fibertime_uid_digits(reference)
    uid = f"FT{case_id}"
    fields = {"title": (t.get("title") or t.get("issue_type") or "Fibertime ticket").replace("_", " ")[:255],
              "description": t.get("description") or "", "category": t.get("issue_type"),
              "address": t.get("address"), "priority": FT_PRIORITIES.get(str(t.get("priority") or "").lower(), "medium")}
    stamp = iso(t.get("updated_at") or t.get("created_at") or utc_now())
    row = session.get(CaseRow, case_id, with_for_update=True)
    if row is None:
        deps.outbox.add(session, "intake.ticket_requested", {
            "source": "qcontact", "source_reference": case_id, "external_uid": case_id, "type": deps.settings.ticket_type,
            "external_updated_at": stamp, "reporter": {"name": t.get("customer_name")} if t.get("customer_name") else None,
            "origin": "fibertime", **fields})
        session.add(CaseRow(case_id=case_id, ticket_uid=uid, origin="fibertime", fibertime_reference=reference[:100],
                            payload_enc=deps.seal(payload), last_import_at=utc_now(), last_synced_at=utc_now()))
        journal.log(session, "import", journal.FIBERTIME_TO_FF, case_id=case_id, ticket_uid=uid,
                    new={"event": payload["event"], "reference": reference, "priority": fields["priority"]})
        return {"ticket_uid": uid, "created": True}
    if row.origin != "fibertime":
        # A QContact case owns this UID: QContact is the source of truth, the webhook only informs.
        journal.log(session, "ignored", journal.FIBERTIME_TO_FF, case_id=case_id, ticket_uid=uid,
                    new={"event": payload["event"], "reference": reference}, success=False,
                    error="the UID belongs to a QContact case")
        return {"ticket_uid": uid, "created": False}
    deps.outbox.add(session, "intake.ticket_update_requested", {
        "source": "qcontact", "source_reference": case_id, "fields": fields, "external_updated_at": stamp,
        "origin": "fibertime"})
    row.payload_enc, row.last_synced_at = deps.seal(payload), utc_now()
    journal.log(session, "update", journal.FIBERTIME_TO_FF, case_id=case_id, ticket_uid=uid,
                new={"event": payload["event"], "priority": fields["priority"]})
    return {"ticket_uid": uid, "created": False}


def _queue(session: Session, deps: Deps, row: CaseRow, body: dict[str, Any], key: str, by: str | None) -> int | None:
    return session.execute(insert(FibertimePostRow).values(dedupe_key=key[:100], ticket_uid=row.ticket_uid, body=body,
                                                           created_by=by)
                           .on_conflict_do_nothing(index_elements=["dedupe_key"]).returning(FibertimePostRow.id)).scalar()


def queue_status_post(session: Session, deps: Deps, row: CaseRow, event: dict[str, Any]) -> None:
    """FR-031.1: Fibertime hears of every status change of an FT ticket (when a URL is configured)."""
    if not deps.settings.fibertime_webhook_url:
        return
    d = event["data"]
    body = {"event": "ticket.updated", "reference": row.fibertime_reference or row.ticket_uid,
            "status": d.get("to_status"), "message": d.get("reason") or f"Status changed to {d.get('to_status')}",
            "updated_at": d["ticket"].get("updated_at") or event.get("occurred_at")}
    _queue(session, deps, row, body, f"status:{event['id']}", None)


def find_ticket(session: Session, ticket: str) -> CaseRow:
    """The mirror row of an FT ticket named by UUID or UID."""
    column = CaseRow.ticket_id if is_uuid(ticket) else CaseRow.ticket_uid
    row = session.scalars(select(CaseRow).where(column == (ticket if is_uuid(ticket) else ticket.upper()))).first()
    if row is None:
        raise TicketNotFound(f"No FT ticket {ticket} is known to the QContact sync")
    return row


def notify_client(session: Session, deps: Deps, ticket: str, message: str, principal: Principal,
                  status: str | None = None) -> dict[str, Any]:
    """FR-031.2: a custom message to the client (Fibertime), recorded on the ticket as a note."""
    if not deps.settings.fibertime_webhook_url:
        raise NotifyUnavailable("FIBERTIME_WEBHOOK_URL is not configured: no message can reach the client")
    row = find_ticket(session, ticket)
    now = iso(utc_now())
    body = {"event": "ticket.updated", "reference": row.fibertime_reference or row.ticket_uid,
            "status": status or row.ff_status, "message": message, "updated_at": now}
    post_id = _queue(session, deps, row, body, f"notify:{principal.user_id}:{time.time_ns()}", principal.user_id)
    deps.outbox.add(session, "intake.comment_received", {
        "source": "qcontact", "source_reference": row.case_id, "ticket_uid": row.ticket_uid,
        "content": f"Message sent to the client (Fibertime): {message}", "author": {"name": principal.username or "staff"},
        "channel": "qcontact", "external_id": f"fibertime-post-{post_id}", "received_at": now})
    journal.log(session, "notify_client", journal.FF_TO_FIBERTIME, case_id=row.case_id, ticket_uid=row.ticket_uid,
                new={"post_id": post_id, "status": body["status"]})
    return {"post_id": post_id, "ticket_uid": row.ticket_uid, "reference": body["reference"], "state": "pending",
            "message": message}


class FibertimeSender:
    """Sends queued posts in order, signed with ``X-FT-Signature``; failures back off and, after
    the configured attempts, stay in ``qcontact_sync_failures`` for a manual retry."""

    def __init__(self, deps: Deps, sessions: sessionmaker[Session], http: requests.Session | None = None) -> None:
        self.deps, self.sessions = deps, sessions
        self.http = http or requests.Session()

    def send_next(self) -> bool:
        s = self.deps.settings
        with transaction(self.sessions) as session:
            row = session.scalars(select(FibertimePostRow).where(
                FibertimePostRow.state == "pending", FibertimePostRow.next_attempt_at <= utc_now())
                .order_by(FibertimePostRow.id).limit(1).with_for_update(skip_locked=True)).first()
            if row is None:
                return False
            raw = json.dumps(row.body, separators=(",", ":")).encode()
            error, status = None, None
            try:
                resp = self.http.post(s.fibertime_webhook_url, data=raw, timeout=s.fibertime_timeout_seconds,
                                      headers={"Content-Type": "application/json",
                                               "X-FT-Signature": sign_fibertime(s.fibertime_secrets[0],
                                                                                int(time.time()), raw)})
                status = resp.status_code
                if not 200 <= status < 300:
                    error = f"Fibertime answered {status}"
            except requests.RequestException as exc:
                error = f"{type(exc).__name__}: {exc}"[:500]
            row.attempts += 1
            row.response_status = status
            subject = str(row.id)
            if error is None:
                row.state, row.sent_at, row.last_error = "sent", utc_now(), None
                journal.resolve_failure(session, "fibertime_post", subject)
                metrics.FIBERTIME_POSTS.labels("sent").inc()
            else:
                row.last_error = error
                failure = journal.record_failure(session, "fibertime_post", subject, error,
                                                 direction=journal.FF_TO_FIBERTIME, transient=False,
                                                 backoff=s.backoff, max_attempts=s.failure_max_attempts,
                                                 probe_seconds=s.outage_probe_seconds, ticket_uid=row.ticket_uid)
                if failure.gave_up_at is not None:
                    row.state = "parked"
                else:
                    row.next_attempt_at = failure.next_retry_at or utc_now() + timedelta(seconds=s.backoff[0])
                metrics.FIBERTIME_POSTS.labels("failed").inc()
            journal.log(session, "fibertime_post", journal.FF_TO_FIBERTIME, ticket_uid=row.ticket_uid,
                        new={"post_id": row.id, "status": row.body.get("status"), "http_status": status},
                        success=error is None, error=error)
            return True

    def run_forever(self, stop: threading.Event) -> None:
        while not stop.is_set():
            if not self.send_next():
                stop.wait(self.deps.settings.queue_poll_seconds)
