"""The SLA clock of one ticket (FR-010.5, FR-011, FR-012), as pure state transitions.

A clock runs from ``started_at`` for ``target`` of time on its timeline (wall-clock or
business hours). Pauses (ticket ``blocked``) and stops (``resolved``/``closed``) are kept as
intervals; their length on the timeline is added back to the deadline when the clock
resumes, so a pause never shortens a deadline. Alerts fire once per threshold per cycle:
``alert_level`` remembers the highest one sent, and a recompute that drops the elapsed
percentage below a sent threshold starts a new cycle that re-arms it.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from sla.domain.calendar import ZERO, Timeline

RESOLUTION, RESPONSE = "resolution", "response"
RUNNING, PAUSED, STOPPED, CANCELLED = "running", "paused", "stopped", "cancelled"
BLOCKED, RESOLVED_STOP = "blocked", "stopped"
# alert_level → event type; level 3 is the breach (100 %).
ALERTS = {1: "sla.warning", 2: "sla.critical", 3: "sla.breached"}
ACTIVE_STATUSES = frozenset({"new", "triaged", "assigned", "in_progress"})
STOP_STATUSES = frozenset({"resolved", "closed"})


@dataclass(frozen=True)
class Pause:
    """An interval the clock did not count: ``reason`` is ``blocked`` or ``stopped``."""

    start: datetime
    end: datetime | None
    reason: str

    def as_dict(self) -> dict[str, str | None]:
        return {"start": self.start.isoformat(), "end": self.end.isoformat() if self.end else None,
                "reason": self.reason}


@dataclass(frozen=True)
class Alert:
    """A threshold crossing to publish."""

    level: int
    event_type: str
    threshold_percent: int


@dataclass
class Clock:
    kind: str
    started_at: datetime
    target: timedelta
    warning_percent: int = 75
    critical_percent: int = 90
    pauses: list[Pause] = field(default_factory=list)
    alert_level: int = 0
    cycle: int = 1
    cancelled: bool = False

    # -- derived ------------------------------------------------------------------------
    @property
    def open_pause(self) -> Pause | None:
        return self.pauses[-1] if self.pauses and self.pauses[-1].end is None else None

    @property
    def state(self) -> str:
        if self.cancelled:
            return CANCELLED
        pause = self.open_pause
        if pause is None:
            return RUNNING
        return PAUSED if pause.reason == BLOCKED else STOPPED

    @property
    def stopped_at(self) -> datetime | None:
        pause = self.open_pause
        return pause.start if pause is not None and pause.reason == RESOLVED_STOP else None

    @property
    def last_change_at(self) -> datetime:
        if not self.pauses:
            return self.started_at
        last = self.pauses[-1]
        return last.end or last.start

    def paused_time(self, timeline: Timeline) -> timedelta:
        """Counted length of the closed pauses (what the deadline has been pushed back by)."""
        return sum((timeline.between(p.start, p.end) for p in self.pauses if p.end is not None), ZERO)

    def thresholds(self) -> dict[int, int]:
        return {1: self.warning_percent, 2: self.critical_percent, 3: 100}

    def due_at(self, timeline: Timeline) -> datetime:
        return timeline.add(self.started_at, self.target + self.paused_time(timeline))

    def crossing_at(self, timeline: Timeline, percent: int) -> datetime:
        """When (running without further pauses) the clock reaches ``percent`` of its target."""
        share = self.target * percent / 100
        return timeline.add(self.started_at, share + self.paused_time(timeline))

    def elapsed(self, timeline: Timeline, now: datetime) -> timedelta:
        pause = self.open_pause
        end = pause.start if pause is not None else now
        if end <= self.started_at:
            return ZERO
        return max(timeline.between(self.started_at, end) - self.paused_time(timeline), ZERO)

    def percent(self, timeline: Timeline, now: datetime) -> float:
        if self.target <= ZERO:
            return 100.0
        return 100 * (self.elapsed(timeline, now) / self.target)

    def remaining(self, timeline: Timeline, now: datetime) -> timedelta:
        """Counted time left (negative once breached); frozen while paused or stopped."""
        return self.target - self.elapsed(timeline, now)

    def next_event_at(self, timeline: Timeline) -> datetime | None:
        """When the scanner must next look at this clock: the next unsent threshold crossing."""
        if self.state != RUNNING or self.alert_level >= 3:
            return None
        return self.crossing_at(timeline, self.thresholds()[self.alert_level + 1])

    def sla_state(self, timeline: Timeline, now: datetime, *, live: bool = False) -> str:
        """on_track, warning, critical, breached, paused or met (the catalogue's ``sla_state``).

        By default a running clock reports the alerts already sent (what the events said);
        ``live`` reports the percentage right now.
        """
        state = self.state
        if state == PAUSED:
            return "paused"
        if state in (STOPPED, CANCELLED):
            return "breached" if self.breached(timeline, now) else "met"
        level = self.alert_level
        if live:
            pct = self.percent(timeline, now)
            level = max((lvl for lvl, t in self.thresholds().items() if pct >= t), default=0)
        return {0: "on_track", 1: "warning", 2: "critical", 3: "breached"}[level]

    def breached(self, timeline: Timeline, now: datetime) -> bool:
        return self.alert_level >= 3 or self.elapsed(timeline, now) > self.target

    # -- transitions --------------------------------------------------------------------
    def _at(self, at: datetime) -> datetime:
        # Events can arrive late or out of order: never let an interval run backwards.
        return max(at, self.last_change_at)

    def pause(self, at: datetime, reason: str = BLOCKED) -> bool:
        if self.state != RUNNING:
            return False
        self.pauses.append(Pause(self._at(at), None, reason))
        return True

    def resume(self, at: datetime) -> bool:
        pause = self.open_pause
        if pause is None or self.cancelled:
            return False
        self.pauses[-1] = replace(pause, end=self._at(at))
        return True

    def stop(self, at: datetime) -> bool:
        if self.state == STOPPED or self.cancelled:
            return False
        if self.state == PAUSED:
            self.resume(at)
        return self.pause(at, RESOLVED_STOP)

    def follow_status(self, to_status: str, at: datetime) -> list[str]:
        """Move the clock to the mode a ticket status implies. Returns the actions taken."""
        if self.cancelled:
            return []
        want = RUNNING if to_status in ACTIVE_STATUSES else PAUSED if to_status == BLOCKED else STOPPED
        actions: list[str] = []
        if self.state == want:
            return actions
        before = self.state
        if before != RUNNING:
            self.resume(at)
            actions.append("reopened" if before == STOPPED else "resumed")
        if want == PAUSED and self.pause(at):
            actions.append("paused")
        elif want == STOPPED and self.stop(at):
            actions.append("stopped")
        return actions

    def cancel(self) -> bool:
        if self.cancelled:
            return False
        self.cancelled = True
        return True

    def retarget(self, timeline: Timeline, target: timedelta, warning: int, critical: int,
                 now: datetime) -> bool:
        """New target or thresholds (type/priority/contract change). Re-arms alerts whose
        threshold is no longer reached, as a new cycle. Returns True when anything changed."""
        if (target, warning, critical) == (self.target, self.warning_percent, self.critical_percent):
            return False
        self.target, self.warning_percent, self.critical_percent = target, warning, critical
        pct = self.percent(timeline, now)
        reached = max((lvl for lvl, t in self.thresholds().items() if pct >= t), default=0)
        if reached < self.alert_level:
            self.alert_level = reached
            self.cycle += 1
        return True

    def due_alerts(self, timeline: Timeline, now: datetime) -> list[Alert]:
        """Thresholds crossed by ``now`` and not yet alerted in this cycle, lowest first.

        Marks them sent. Nothing for paused, stopped or cancelled clocks."""
        if self.state != RUNNING:
            return []
        alerts = []
        for level, threshold in self.thresholds().items():
            if level <= self.alert_level:
                continue
            if self.crossing_at(timeline, threshold) > now:
                break
            alerts.append(Alert(level, ALERTS[level], threshold))
            self.alert_level = level
        return alerts
