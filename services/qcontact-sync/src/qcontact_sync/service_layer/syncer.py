"""The sync loop: one thread, one QContact session, every QContact call of the worker.

Each step does the most urgent thing due: sync requests (webhooks, manual re-syncs), then
exports in order, then failure retries, then the scheduled poll. Running them in one thread
means no two decisions about a case ever race on its mirror row. While QContact is
unreachable the loop only probes it (``GET /api/v2/me``) every ``outage_probe_seconds``;
nothing queued meanwhile is lost, and when it answers the poll resumes from its watermark
and the exports go out in order.
"""
from __future__ import annotations

import logging
import threading
import time
from datetime import timedelta
from typing import Any

from sqlalchemy import delete, exists, func, select
from sqlalchemy.orm import Session, aliased, sessionmaker

from fibreflow_shared.db import transaction
from fibreflow_shared.timeutil import iso, parse_time, utc_now
from qcontact_sync.adapters.orm import CaseRow, ExportRow, FailureRow, SyncRequestRow, WebhookReceiptRow
from qcontact_sync.adapters.qcontact import QContactClient
from qcontact_sync.domain.errors import InvalidCase, QContactRejected, QContactUnavailable
from qcontact_sync.domain.model import Case, parse_case
from qcontact_sync.service_layer import exporter, journal
from qcontact_sync.service_layer.deps import Deps
from qcontact_sync.service_layer.importer import poll_window, qc_time, sync_batch, sync_case

log = logging.getLogger(__name__)
BATCH = 200
ALL = "*"


class Syncer:
    """The loop's state: the client, whether QContact is down, when the next poll is due."""

    def __init__(self, deps: Deps, sessions: sessionmaker[Session], client: QContactClient) -> None:
        self.deps, self.sessions, self.client = deps, sessions, client
        self.down_until = 0.0

    # -- helpers ------------------------------------------------------------------------------
    def _fail(self, operation: str, subject: str, exc: Exception, *, direction: str, case_id: str | None = None,
              ticket_uid: str | None = None) -> FailureRow:
        s = self.deps.settings
        transient = isinstance(exc, QContactUnavailable)
        with transaction(self.sessions) as session:
            row = journal.record_failure(session, operation, subject, f"{type(exc).__name__}: {exc}",
                                         direction=direction, transient=transient, backoff=s.backoff,
                                         max_attempts=s.failure_max_attempts, probe_seconds=s.outage_probe_seconds,
                                         case_id=case_id, ticket_uid=ticket_uid)
            journal.log(session, operation, direction, case_id=case_id, ticket_uid=ticket_uid, success=False,
                        error=f"{type(exc).__name__}: {exc}"[:2000])
            session.expunge(row)
        if transient:
            self.went_down(exc)
        return row

    def went_down(self, exc: Exception) -> None:
        self.down_until = time.monotonic() + self.deps.settings.outage_probe_seconds
        self.client.report("down", f"unreachable: {str(exc)[:200]}")
        log.warning("QContact unreachable, pausing", extra={"error": str(exc)[:300]})

    def parse(self, raw: Any) -> Case:
        return parse_case(raw, self.deps.settings.statuses)

    # -- one step -----------------------------------------------------------------------------
    def step(self) -> bool:
        """Do one unit of work; False when there was nothing to do (the loop then sleeps)."""
        if self.down_until > time.monotonic():
            return False
        if self.down_until:
            try:
                self.client.me()
            except QContactUnavailable as exc:
                self.went_down(exc)
                return False
            except QContactRejected:
                pass  # it answers: the failing call will say why
            self.down_until = 0.0
            self.client.report("up")
            log.info("QContact answers again, resuming")
        try:
            return self.handle_requests() or exporter.export_next(self) or self.retry_failures() or self.poll_if_due()
        except QContactUnavailable as exc:
            self.went_down(exc)
            return False

    def run_forever(self, stop: threading.Event) -> None:
        while not stop.is_set():
            if not self.step():
                stop.wait(self.deps.settings.queue_poll_seconds)

    # -- requests: webhooks and manual re-syncs -----------------------------------------------
    def handle_requests(self) -> bool:
        with transaction(self.sessions) as session:
            pending = session.execute(select(SyncRequestRow.case_id, SyncRequestRow.reason)
                                      .order_by(SyncRequestRow.requested_at).limit(50)).all()
        if not pending:
            return False
        for case_id, reason in pending:
            if case_id == ALL:
                self.poll(full=True)
            else:
                self.sync_one(case_id, reason)
            with transaction(self.sessions) as session:
                session.execute(delete(SyncRequestRow).where(SyncRequestRow.case_id == case_id))
        return True

    def sync_one(self, case_id: str, reason: str) -> str | None:
        """Read one case now and apply it (a webhook, a manual re-sync, a failure retry)."""
        try:
            case = self.parse(self.client.get_case(case_id))
        except QContactUnavailable:
            raise
        except (QContactRejected, InvalidCase) as exc:
            self._fail("case", case_id, exc, direction=journal.QC_TO_FF, case_id=case_id)
            return None
        with transaction(self.sessions) as session:
            outcome = sync_case(session, self.deps, case, reason="manual" if reason == "manual" else reason)
            journal.resolve_failure(session, "case", case_id)
        return outcome

    # -- failure retries ----------------------------------------------------------------------
    def retry_failures(self) -> bool:
        """Failed case syncs come back when due (exports retry through their own job row)."""
        with transaction(self.sessions) as session:
            due = session.execute(select(FailureRow.subject).where(
                FailureRow.operation == "case", FailureRow.resolved_at.is_(None), FailureRow.gave_up_at.is_(None),
                FailureRow.next_retry_at <= utc_now()).limit(20)).scalars().all()
        for case_id in due:
            self.sync_one(case_id, "retry")
        return bool(due)

    # -- polling ------------------------------------------------------------------------------
    def poll_if_due(self) -> bool:
        with transaction(self.sessions) as session:
            state = journal.get_state(session, "poll")
        due = parse_time(state.get("next_poll_at"))
        if due is not None and due > utc_now():
            return False
        self.poll(full=not state.get("watermark"))
        return True

    def poll(self, *, full: bool = False) -> dict[str, int]:
        """One import pass: everything (``full``) or what changed since the watermark."""
        s = self.deps.settings
        started = utc_now()
        with transaction(self.sessions) as session:
            state = journal.get_state(session, "poll")
        since = poll_window(state, s.overlap_seconds, full)
        newest = parse_time(state.get("watermark"))
        counts: dict[str, int] = {}
        seen: set[tuple[str, str]] = set()
        batch: list[Case] = []

        def flush() -> None:
            if batch:
                with transaction(self.sessions) as session:
                    for outcome, n in sync_batch(session, self.deps, batch, reason="poll").items():
                        counts[outcome] = counts.get(outcome, 0) + n
                batch.clear()

        try:
            for raw in self.client.cases_since(queue=s.queue or None, since=since,
                                               # Only the first import filters by status: later
                                               # passes must see mirrored cases that were closed.
                                               statuses=None if state.get("watermark") else list(s.import_statuses),
                                               limit=s.page_size):
                try:
                    case = self.parse(raw)
                except InvalidCase as exc:
                    subject = str(raw.get("id") if isinstance(raw, dict) else "?")[:32]
                    self._fail("case", subject, exc, direction=journal.QC_TO_FF, case_id=subject)
                    counts["invalid"] = counts.get("invalid", 0) + 1
                    continue
                key = (case.id, iso(case.updated_at) or "")
                if key in seen:
                    continue  # read twice across pages (the overlap): once is enough
                seen.add(key)
                newest = case.updated_at if newest is None or case.updated_at > newest else newest
                batch.append(case)
                if len(batch) >= BATCH:
                    flush()
            flush()
        except QContactUnavailable as exc:
            flush()
            self._fail("poll", "poll", exc, direction=journal.QC_TO_FF)
            with transaction(self.sessions) as session:
                st = journal.get_state(session, "poll", for_update=True)
                st.update(last_poll_at=iso(started), last_error=str(exc)[:500],
                          next_poll_at=iso(utc_now() + timedelta(seconds=s.outage_probe_seconds)))
                journal.put_state(session, "poll", st)
            raise
        with transaction(self.sessions) as session:
            st = journal.get_state(session, "poll", for_update=True)
            st.update(watermark=qc_time(newest) if newest else st.get("watermark"), last_poll_at=iso(started),
                      last_success_at=iso(utc_now()), last_error=None, last_counts=counts, full=full,
                      next_poll_at=iso(utc_now() + timedelta(seconds=s.poll_seconds)))
            journal.put_state(session, "poll", st)
            journal.resolve_failure(session, "poll", "poll")
            # Replays are refused within the signatures' 5-minute window; a day of receipts is ample.
            session.execute(delete(WebhookReceiptRow).where(WebhookReceiptRow.received_at < utc_now() - timedelta(days=1)))
            if counts.get("created") or counts.get("updated"):
                journal.log(session, "poll", journal.QC_TO_FF, new={"counts": counts, "since": since, "full": full})
        log.info("QContact poll done", extra={"counts": counts, "since": since, "full": full})
        return counts


def request_sync(session: Session, case_id: str, reason: str) -> None:
    """Ask the sync loop to read ``case_id`` (or ``*``: everything) as soon as it can."""
    from sqlalchemy.dialects.postgresql import insert

    session.execute(insert(SyncRequestRow).values(case_id=case_id, reason=reason)
                    .on_conflict_do_nothing(index_elements=["case_id"]))


def pending_exports_query() -> Any:
    """Pending exports due now whose case has no older pending export (order per case)."""
    older = aliased(ExportRow)
    return (select(ExportRow).where(ExportRow.state == "pending", ExportRow.next_attempt_at <= func.now(),
                                    ~exists().where(older.case_id == ExportRow.case_id, older.state == "pending",
                                                    older.id < ExportRow.id))
            .order_by(ExportRow.id).limit(1))


__all__ = ["Syncer", "request_sync", "pending_exports_query", "CaseRow"]
