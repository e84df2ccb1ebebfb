"""The alert scanner: publishes sla.warning / sla.critical / sla.breached at threshold crossings.

Each clock stores ``next_event_at``, the instant of its next unsent crossing (NULL when paused,
stopped or fully alerted), under a partial index. A pass claims the due rows with
``FOR UPDATE SKIP LOCKED``, so several scanners share the work and a row is never alerted
twice: the alert, the new ``alert_level`` and the next ``next_event_at`` commit together.
Between passes the scanner sleeps until the earliest pending crossing, at most ``max_wait``.
"""
from __future__ import annotations

import logging
import threading
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from fibreflow_shared.db import transaction
from sla.adapters.orm import ClockRow, TicketRow
from sla.service_layer.clocks import Deps, alert_payload, apply_to_row, record, to_domain

log = logging.getLogger(__name__)


class AlertScanner:
    def __init__(self, sessions: sessionmaker[Session], deps: Deps, *, batch_size: int = 500,
                 max_wait: float = 1.0) -> None:
        self.sessions = sessions
        self.deps = deps
        self.batch_size = batch_size
        self.max_wait = max_wait

    def scan_once(self, now: datetime | None = None) -> int:
        """Alert every clock whose next crossing is due; returns the number of clocks handled."""
        now = now or self.deps.now()
        with transaction(self.sessions) as session:
            rows = session.execute(
                select(ClockRow, TicketRow).outerjoin(TicketRow, TicketRow.ticket_id == ClockRow.ticket_id)
                .where(ClockRow.next_event_at <= now).order_by(ClockRow.next_event_at).limit(self.batch_size)
                .with_for_update(of=ClockRow, skip_locked=True)).all()
            if not rows:
                return 0
            ref = self.deps.reference.get(session)
            for row, ticket in rows:
                clock = to_domain(row)
                timeline = ref.timeline(row.business_hours)
                alerts = clock.due_alerts(timeline, now)
                apply_to_row(row, clock, timeline, now)
                for alert in alerts:
                    self.deps.outbox.add(session, alert.event_type,
                                         alert_payload(row, clock, alert, timeline, now, ticket))
                if alerts:
                    record(session, self.deps, row, clock, timeline, now,
                           "+".join(a.event_type.split(".")[1] for a in alerts), now,
                           {"thresholds": [a.threshold_percent for a in alerts]})
            return len(rows)

    def seconds_to_next(self, now: datetime | None = None) -> float:
        """Seconds until the earliest pending crossing (capped at ``max_wait``)."""
        now = now or self.deps.now()
        with self.sessions() as session:
            earliest = session.scalar(select(func.min(ClockRow.next_event_at)))
        if earliest is None:
            return self.max_wait
        # Never spin: a due row may be locked by another scanner for a moment.
        return min(self.max_wait, max(0.05, (earliest - now).total_seconds()))

    def run_forever(self, stop: threading.Event) -> None:
        """Scan until ``stop`` is set; survives database outages."""
        log.info("alert scanner started", extra={"batch_size": self.batch_size, "max_wait": self.max_wait})
        backoff = 0.5
        while not stop.is_set():
            try:
                if self.scan_once() >= self.batch_size:
                    continue  # a backlog: keep going without sleeping
                backoff = 0.5
                stop.wait(self.seconds_to_next())
            except DBAPIError as exc:
                log.warning("database unavailable, scanner waiting",
                            extra={"error": str(exc).splitlines()[0], "retry_in": backoff})
                stop.wait(backoff)
                backoff = min(backoff * 2, 10.0)
