"""The durable send queue: pending outbound rows are handed to WAHA, retried on failure (3
attempts, then failed with the error and a ``wa.message_status`` failed event for the sender),
and watched: a message with no SERVER ack within 60 s is polled at WAHA, then resent or failed —
never left pending.

A row is claimed in its own short transaction (``next_attempt_at`` pushed out as a lease), sent
with no transaction open, and its outcome recorded in a second one."""
from __future__ import annotations

import base64
import logging
import threading
import time
from datetime import timedelta
from typing import Any

from prometheus_client import Counter, Histogram
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from fibreflow_shared.db import transaction
from fibreflow_shared.timeutil import utc_now
from wa_bridge.adapters.orm import ChatRow, MessageRow
from wa_bridge.adapters.waha import WahaError
from wa_bridge.domain import model
from wa_bridge.service_layer.deps import Deps
from wa_bridge.service_layer.outbound import apply_ack, apply_early_acks, lock_waha_id, publish_status

log = logging.getLogger(__name__)
SENDS = Counter("wa_bridge_sends_total", "Sends handed to WAHA by outcome", ["outcome"])
SEND_SECONDS = Histogram("wa_bridge_send_seconds", "Time of one WAHA send call")
LEASE_SECONDS = 60.0


class Sender:
    def __init__(self, deps: Deps, sessions: sessionmaker[Session]) -> None:
        self.deps = deps
        self.sessions = sessions
        self.settings = deps.settings

    def claim(self) -> list[dict[str, Any]]:
        """Due rows, leased for ``LEASE_SECONDS`` (a crashed sender's rows come back after that)."""
        now = utc_now()
        with transaction(self.sessions) as session:
            rows = session.scalars(
                select(MessageRow).where(MessageRow.direction == "out", MessageRow.status == "pending",
                                         MessageRow.waha_id.is_(None), MessageRow.next_attempt_at <= now)
                .order_by(MessageRow.next_attempt_at).limit(self.settings.send_batch_size)
                .with_for_update(skip_locked=True)).all()
            out = []
            for row in rows:
                row.next_attempt_at = now + timedelta(seconds=LEASE_SECONDS)
                row.attempts += 1
                chat = session.get(ChatRow, row.chat_id)
                out.append({"id": row.id, "jid": chat.jid, "kind": row.kind, "body": row.body,
                            "reply_to": row.reply_to_waha_id, "media_key": row.media_key,
                            "mimetype": row.media_mimetype, "filename": row.media_filename,
                            "attempts": row.attempts, "session": row.session_name})
            return out

    def deliver(self, job: dict[str, Any]) -> None:
        """Hand one claimed message to WAHA and record what happened."""
        waha = self.deps.waha
        started = time.perf_counter()
        try:
            if job["kind"] == "text":
                answer = waha.send_text(job["session"], job["jid"], job["body"], job["reply_to"])
            else:
                data = base64.b64encode(self.deps.storage.read(job["media_key"])).decode()
                answer = waha.send_media(job["session"], job["jid"], job["kind"], mimetype=job["mimetype"],
                                         filename=job["filename"], data_b64=data, caption=job["body"],
                                         reply_to=job["reply_to"])
            waha_id = _message_id(answer)
            if not waha_id:
                raise WahaError(f"WAHA accepted the send but answered no message id: {str(answer)[:200]}")
        except WahaError as exc:
            SENDS.labels("error").inc()
            self.record_failure(job["id"], str(exc), retry=exc.transient or exc.status == 422)
            return
        except OSError as exc:  # the stored media could not be read
            SENDS.labels("error").inc()
            self.record_failure(job["id"], f"media unreadable: {exc}", retry=True)
            return
        finally:
            SEND_SECONDS.observe(time.perf_counter() - started)
        SENDS.labels("accepted").inc()
        self.record_sent(job["id"], waha_id, answer)

    def record_sent(self, message_id: str, waha_id: str, answer: Any) -> None:
        with transaction(self.sessions) as session:
            lock_waha_id(session, waha_id)
            row = session.get(MessageRow, message_id, with_for_update=True)
            if row is None or row.waha_id is not None:
                return
            row.waha_id, row.handed_at, row.next_attempt_at, row.error = waha_id, utc_now(), None, None
            ack = answer.get("ack") if isinstance(answer, dict) else None
            if isinstance(ack, int) and ack >= model.ACK_SERVER:
                apply_ack(session, self.deps, row, ack)
            apply_early_acks(session, self.deps, row)

    def record_failure(self, message_id: str, error: str, *, retry: bool) -> None:
        with transaction(self.sessions) as session:
            row = session.get(MessageRow, message_id, with_for_update=True)
            if row is None or row.status != "pending" or row.waha_id is not None:
                return
            self._retry_or_fail(session, row, error, retry=retry)

    def _retry_or_fail(self, session: Session, row: MessageRow, error: str, *, retry: bool) -> None:
        row.error = error[:2000]
        row.updated_at = utc_now()
        if retry and row.attempts < self.settings.send_max_attempts:
            backoff = self.settings.send_backoff_seconds * (2 ** (row.attempts - 1))
            row.next_attempt_at = utc_now() + timedelta(seconds=backoff)
            log.warning("WhatsApp send failed; will retry", extra={"message_id": row.id, "attempt": row.attempts,
                                                                   "error": error})
            return
        row.status, row.failed_at, row.next_attempt_at = "failed", utc_now(), None
        log.error("WhatsApp send failed for good", extra={"message_id": row.id, "error": error})
        publish_status(session, self.deps, row)  # the sender (sender_user_id) is told through this event

    def process_batch(self) -> int:
        jobs = self.claim()
        for job in jobs:
            self.deliver(job)
        return len(jobs)

    # -- the ack watchdog -----------------------------------------------------------------------
    def check_unacked(self) -> int:
        """Messages WAHA took but never acked SERVER within the timeout: poll, then resend or fail."""
        cutoff = utc_now() - timedelta(seconds=self.settings.ack_timeout_seconds)
        with transaction(self.sessions) as session:
            rows = session.scalars(
                select(MessageRow).where(MessageRow.direction == "out", MessageRow.status == "pending",
                                         MessageRow.waha_id.is_not(None), MessageRow.handed_at <= cutoff)
                .limit(self.settings.send_batch_size).with_for_update(skip_locked=True)).all()
            for row in rows:
                chat = session.get(ChatRow, row.chat_id)
                try:
                    found = self.deps.waha.message(row.session_name, chat.jid, row.waha_id)  # type: ignore[arg-type]
                except WahaError as exc:
                    found, note = None, f"ack poll failed: {exc}"
                else:
                    note = "no SERVER ack within the timeout"
                ack = found.get("ack") if isinstance(found, dict) else None
                if isinstance(ack, int) and ack != model.ACK_PENDING:
                    apply_ack(session, self.deps, row, ack)
                    continue
                # Still pending (or unknown): resend under a fresh id, or give up after the last attempt.
                row.waha_id, row.handed_at = None, None
                self._retry_or_fail(session, row, note, retry=True)
                if row.status == "pending":
                    row.next_attempt_at = utc_now()
            return len(rows)

    def run_forever(self, stop: threading.Event) -> None:
        last_watch = 0.0
        while not stop.is_set():
            busy = self.process_batch()
            if time.monotonic() - last_watch > min(5.0, self.settings.ack_timeout_seconds / 4):
                last_watch = time.monotonic()
                self.check_unacked()
            if not busy:
                stop.wait(self.settings.send_poll_seconds)


def _message_id(answer: Any) -> str | None:
    """WAHA answers the engine's raw message: rely only on its id (a string or ``{"_serialized"}``)."""
    if not isinstance(answer, dict):
        return None
    mid = answer.get("id")
    if isinstance(mid, dict):
        mid = mid.get("_serialized") or mid.get("id")
    return str(mid) if mid else None
