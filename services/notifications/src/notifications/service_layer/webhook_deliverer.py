"""The webhook delivery loop: works the durable ``webhook_deliveries`` queue.

1. Claim a batch of due rows of active subscriptions (``FOR UPDATE SKIP LOCKED``: several
   workers never take the same row), count the attempt and lease the row. A worker that dies
   mid-send leaves the row due again when the lease ends (at-least-once; the ``webhook-id``
   lets the receiver drop the repeat).
2. Send the batch concurrently (WEBHOOK_CONCURRENCY threads, pooled keep-alive connections),
   no transaction open; each call checks the address it connects to (SSRF).
3. Record the whole batch in one transaction: the attempt log, delivered / retry at the next
   step of the schedule / failed for good, and each subscription's failure streak — a
   subscription failing for long enough is switched off and every admin is told (in-app and email).
"""
from __future__ import annotations

import logging
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta

from prometheus_client import Counter, Histogram
from sqlalchemy import select, text
from sqlalchemy.orm import Session, sessionmaker

from fibreflow_shared.db import transaction
from fibreflow_shared.timeutil import iso, utc_now
from notifications.adapters.directory import SqlDirectory
from notifications.adapters.webhook_delivery import Outcome, WebhookHttp
from notifications.adapters.webhook_tables import WebhookSubscriptionRow
from notifications.domain import outbound_webhooks as rules
from notifications.domain.model import Intent
from notifications.service_layer.deps import Deps
from notifications.service_layer.enqueue import Enqueuer
from notifications.service_layer.outbound_webhooks import reveal

log = logging.getLogger(__name__)
ATTEMPTS = Counter("fibreflow_webhook_attempts_total", "Outbound webhook attempts by outcome", ["outcome"])
DELAY = Histogram("fibreflow_webhook_delivery_delay_seconds", "Event time to successful webhook delivery",
                  buckets=(0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300, 3600, 86400))

_CLAIM = text("""
    UPDATE webhook_deliveries d SET attempts = d.attempts + 1, next_attempt_at = now() + :lease
    FROM (SELECT d2.id FROM webhook_deliveries d2 JOIN webhook_subscriptions s ON s.id = d2.subscription_id
          WHERE d2.status = 'pending' AND d2.next_attempt_at <= now() AND s.active
          ORDER BY d2.next_attempt_at LIMIT :limit FOR UPDATE OF d2 SKIP LOCKED) due
    WHERE d.id = due.id
    RETURNING d.id, d.subscription_id, d.payload, d.attempts, d.event_occurred_at
""")
# The attempt log of a batch; a delivery deleted meanwhile (its subscription removed) is skipped
# rather than failing the whole batch's record.
_LOG = text("""
    INSERT INTO webhook_attempts (delivery_id, attempted_at, status_code, error, duration_ms)
    SELECT v.id, :at, v.code, v.error, v.ms
    FROM unnest(CAST(:ids AS uuid[]), CAST(:codes AS int[]), CAST(:errors AS text[]), CAST(:ms AS int[]))
         AS v(id, code, error, ms)
    WHERE EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.id = v.id)
""")
_DELIVERED = text("""
    UPDATE webhook_deliveries d SET status = 'delivered', delivered_at = :now, next_attempt_at = NULL,
           last_status_code = v.code, last_error = NULL
    FROM unnest(CAST(:ids AS uuid[]), CAST(:attempts AS int[]), CAST(:codes AS int[])) AS v(id, attempts, code)
    WHERE d.id = v.id AND d.attempts = v.attempts AND d.status = 'pending'
""")
_FAILED = text("""
    UPDATE webhook_deliveries d SET last_status_code = v.code, last_error = v.error, next_attempt_at = v.next,
           status = CASE WHEN v.next IS NULL THEN 'failed' ELSE 'pending' END
    FROM unnest(CAST(:ids AS uuid[]), CAST(:attempts AS int[]), CAST(:codes AS int[]), CAST(:errors AS text[]),
                CAST(:next AS timestamptz[])) AS v(id, attempts, code, error, next)
    WHERE d.id = v.id AND d.attempts = v.attempts AND d.status = 'pending'
""")
# A success ends the failure streak; rows already at 0 are not rewritten (no lock, no new version).
_STREAK_ENDED = text("""
    UPDATE webhook_subscriptions SET consecutive_failures = 0, failing_since = NULL
    WHERE id = ANY(CAST(:ids AS uuid[])) AND (consecutive_failures <> 0 OR failing_since IS NOT NULL)
""")


@dataclass(frozen=True)
class Job:
    id: str
    subscription_id: str
    url: str
    secret: str
    payload: str
    attempts: int
    event_occurred_at: datetime


class Deliverer:
    """Claims, sends and records webhook deliveries until stopped."""

    def __init__(self, deps: Deps, sessions: sessionmaker[Session], http: WebhookHttp) -> None:
        self.deps = deps
        self.settings = deps.settings
        self.sessions = sessions
        self.http = http
        self.schedule = [float(v) for v in self.settings.webhook_retry_schedule]
        self.policy = rules.DisablePolicy(self.settings.webhook_disable_after_failures,
                                          self.settings.webhook_disable_after_hours)
        self._pool = ThreadPoolExecutor(max_workers=self.settings.webhook_concurrency,
                                        thread_name_prefix="webhook")

    def claim(self) -> list[Job]:
        """Lease a batch of due deliveries (one attempt counted each)."""
        with transaction(self.sessions) as session:
            rows = session.execute(_CLAIM, {"lease": timedelta(seconds=self.settings.webhook_lease_seconds),
                                            "limit": self.settings.webhook_batch_size}).all()
            if not rows:
                return []
            subs = {s.id: s for s in session.scalars(select(WebhookSubscriptionRow).where(
                WebhookSubscriptionRow.id.in_({str(r.subscription_id) for r in rows})))}
            secrets = {sid: reveal(self.deps, s) for sid, s in subs.items()}
            return [Job(str(r.id), str(r.subscription_id), subs[str(r.subscription_id)].url,
                        secrets[str(r.subscription_id)], r.payload, r.attempts, r.event_occurred_at) for r in rows]

    def send(self, job: Job) -> Outcome:
        """One signed attempt (a new timestamp and signature each time; the same webhook-id)."""
        message_id = f"msg_{job.id}"
        timestamp = int(time.time())
        body = job.payload.encode()
        headers = {"webhook-id": message_id, "webhook-timestamp": str(timestamp),
                   "webhook-signature": rules.signature(job.secret, message_id, timestamp, body)}
        return self.http.post(job.url, body, headers)

    def process_batch(self) -> int:
        """Claim, send and record one batch; returns how many deliveries were attempted."""
        jobs = self.claim()
        if not jobs:
            return 0
        attempted_at = utc_now()
        outcomes = list(self._pool.map(self.send, jobs))
        self.record(list(zip(jobs, outcomes)), attempted_at)
        return len(jobs)

    def record(self, results: list[tuple[Job, Outcome]], attempted_at: datetime) -> None:
        """The outcomes of one batch, in one transaction and a handful of statements: the attempt
        log, the deliveries (set-wise), and the failure streak of the subscriptions that failed."""
        now = utc_now()
        delivered = [(job, o) for job, o in results if rules.succeeded(o.status)]
        failed = [(job, o) for job, o in results if not rules.succeeded(o.status)]
        with transaction(self.sessions) as session:
            session.execute(_LOG, {"ids": [j.id for j, _ in results], "at": attempted_at,
                                   "codes": [o.status for _, o in results],
                                   "errors": [o.error for _, o in results],
                                   "ms": [o.duration_ms for _, o in results]})
            if delivered:
                # Only rows still in the state this worker claimed (not redelivered by hand meanwhile).
                session.execute(_DELIVERED, {"ids": [j.id for j, _ in delivered],
                                             "attempts": [j.attempts for j, _ in delivered],
                                             "codes": [o.status for _, o in delivered], "now": now})
                for job, _o in delivered:
                    DELAY.observe(max((now - job.event_occurred_at).total_seconds(), 0.0))
                ATTEMPTS.labels("delivered").inc(len(delivered))
                session.execute(_STREAK_ENDED, {"ids": sorted({j.subscription_id for j, _ in delivered})})
            if failed:
                rows = []
                for job, o in failed:
                    delay = rules.retry_delay(job.attempts, self.schedule)
                    rows.append((job, o, None if delay is None else now + timedelta(seconds=delay)))
                    ATTEMPTS.labels("failed" if delay is None else "retry").inc()
                session.execute(_FAILED, {"ids": [j.id for j, _, _ in rows], "attempts": [j.attempts for j, _, _ in rows],
                                          "codes": [o.status for _, o, _ in rows],
                                          "errors": [(o.error or "")[:2000] for _, o, _ in rows],
                                          "next": [n for _, _, n in rows]})
                by_sub: dict[str, list[Outcome]] = {}
                for job, outcome in failed:
                    by_sub.setdefault(job.subscription_id, []).append(outcome)
                for sid in sorted(by_sub):  # one lock order for every worker
                    self._record_failures(session, sid, by_sub[sid], now)

    def _record_failures(self, session: Session, sid: str, outcomes: list[Outcome], now: datetime) -> None:
        sub = session.get(WebhookSubscriptionRow, sid, with_for_update=True)
        if sub is None or not sub.active:
            return
        for outcome in outcomes:
            sub.consecutive_failures += 1
            sub.failing_since = sub.failing_since or now
            hours = (now - sub.failing_since).total_seconds() / 3600
            if self.policy.should_disable(sub.consecutive_failures, hours, outcome.status):
                reason = (f"{sub.consecutive_failures} failed attempts in a row over {hours:.1f} h; "
                          f"last: {outcome.error or outcome.status}")
                self._disable(session, sub, reason, now)
                return

    def _disable(self, session: Session, sub: WebhookSubscriptionRow, reason: str, now: datetime) -> None:
        sub.active, sub.disabled_at, sub.disabled_reason, sub.updated_at = False, now, reason[:2000], now
        log.warning("webhook subscription disabled", extra={"subscription_id": sub.id, "reason": reason[:300]})
        admins = SqlDirectory(session).admins()
        context = {"url": sub.url, "subscription_id": sub.id, "reason": reason, "disabled_at": iso(now),
                   "description": sub.description}
        enqueuer = Enqueuer(session, self.deps, SqlDirectory(session), now)
        trigger = str(uuid.uuid4())
        enqueuer.add_all(trigger, "webhook.disabled", [Intent(rule="webhook_disabled", channels=("in_app", "email"),
                                                              context=context, user_id=str(a), critical=True)
                                                       for a in admins])

    def run_forever(self, stop: threading.Event) -> None:
        """Work the queue until ``stop`` is set (a database outage only pauses it)."""
        log.info("webhook deliverer started")
        backoff = 0.5
        try:
            while not stop.is_set():
                try:
                    handled = self.process_batch()
                    backoff = 0.5
                except Exception as exc:  # noqa: BLE001 - database away: wait and retry
                    log.warning("webhook pass failed", extra={"error": str(exc).splitlines()[0] if str(exc) else
                                                              type(exc).__name__, "retry_in": backoff})
                    stop.wait(backoff)
                    backoff = min(backoff * 2, 10.0)
                    continue
                if handled < self.settings.webhook_batch_size:
                    stop.wait(self.settings.webhook_poll_seconds)
        finally:
            self._pool.shutdown(wait=False)
            self.http.close()
