"""Fixed-clock scenarios for every FR-012 trigger and the FR-010.5 pause rules (pure domain)."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from sla.domain.calendar import DEFAULT_HOURS, BusinessCalendar, ClosedDays, WallClock, parse_hours
from sla.domain.clock import Clock

UTC = timezone.utc
WALL = WallClock()
ZA = BusinessCalendar("Africa/Johannesburg", parse_hours(DEFAULT_HOURS), ClosedDays("ZA"))
T0 = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)  # Monday 08:00 SAST


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def kinds(alerts) -> list[str]:
    return [a.event_type for a in alerts]


def test_warning_critical_and_breach_fire_once_each_at_their_thresholds() -> None:
    clock = Clock("resolution", T0, timedelta(minutes=100))
    assert clock.next_event_at(WALL) == at(75)
    assert kinds(clock.due_alerts(WALL, at(74.99))) == []
    assert kinds(clock.due_alerts(WALL, at(75))) == ["sla.warning"]
    assert kinds(clock.due_alerts(WALL, at(80))) == []  # once per cycle
    assert clock.next_event_at(WALL) == at(90)
    assert kinds(clock.due_alerts(WALL, at(90))) == ["sla.critical"]
    assert clock.sla_state(WALL, at(95)) == "critical"
    assert kinds(clock.due_alerts(WALL, at(100))) == ["sla.breached"]
    assert clock.next_event_at(WALL) is None
    assert kinds(clock.due_alerts(WALL, at(500))) == []
    assert clock.sla_state(WALL, at(101)) == "breached"


def test_a_late_scan_sends_every_missed_threshold_in_order() -> None:
    clock = Clock("resolution", T0, timedelta(minutes=100))
    assert kinds(clock.due_alerts(WALL, at(120))) == ["sla.warning", "sla.critical", "sla.breached"]


def test_custom_thresholds() -> None:
    clock = Clock("resolution", T0, timedelta(minutes=100), warning_percent=50, critical_percent=80)
    assert clock.next_event_at(WALL) == at(50)


def test_paused_clock_sends_nothing_and_resumes_with_the_pause_added_back() -> None:
    clock = Clock("resolution", T0, timedelta(minutes=100))
    clock.follow_status("blocked", at(60))
    assert clock.state == "paused" and clock.next_event_at(WALL) is None
    assert clock.due_alerts(WALL, at(200)) == []
    assert clock.sla_state(WALL, at(200)) == "paused"
    assert clock.percent(WALL, at(200)) == 60
    assert clock.follow_status("in_progress", at(90)) == ["resumed"]
    assert clock.due_at(WALL) == at(130)
    assert clock.next_event_at(WALL) == at(105)


def test_stopped_clock_is_met_or_breached_and_reopening_resumes() -> None:
    clock = Clock("resolution", T0, timedelta(minutes=100))
    assert clock.follow_status("resolved", at(80)) == ["stopped"]
    assert clock.sla_state(WALL, at(300)) == "met" and clock.due_alerts(WALL, at(300)) == []
    assert clock.follow_status("in_progress", at(100)) == ["reopened"]
    assert clock.due_at(WALL) == at(120)
    assert clock.follow_status("closed", at(130)) == ["stopped"]
    assert clock.sla_state(WALL, at(130)) == "breached"


def test_blocked_then_closed_stops_without_counting_the_block() -> None:
    clock = Clock("resolution", T0, timedelta(minutes=100))
    clock.follow_status("blocked", at(10))
    assert clock.follow_status("closed", at(500)) == ["resumed", "stopped"]
    assert clock.percent(WALL, at(900)) == 10


def test_priority_raise_alerts_at_once_and_lowering_rearms_as_a_new_cycle() -> None:
    clock = Clock("resolution", T0, timedelta(minutes=240))
    # 80 minutes in, the target drops to 60 minutes: already past every threshold.
    clock.retarget(WALL, timedelta(minutes=60), 75, 90, at(80))
    assert clock.next_event_at(WALL) == at(45)
    assert kinds(clock.due_alerts(WALL, at(80))) == ["sla.warning", "sla.critical", "sla.breached"]
    clock.retarget(WALL, timedelta(minutes=480), 75, 90, at(81))
    assert clock.alert_level == 0 and clock.cycle == 2
    assert clock.next_event_at(WALL) == at(360)
    assert kinds(clock.due_alerts(WALL, at(360))) == ["sla.warning"]


def test_business_hours_alerts_fall_in_working_hours() -> None:
    # Friday 16:00 SAST, 4 business hours: due Monday 11:00; 75 % = Monday 10:00, not the weekend.
    start = datetime(2026, 11, 20, 16, 0, tzinfo=ZoneInfo("Africa/Johannesburg"))
    clock = Clock("resolution", start, timedelta(hours=4))
    assert clock.due_at(ZA) == datetime(2026, 11, 23, 11, 0, tzinfo=ZoneInfo("Africa/Johannesburg"))
    warn = clock.next_event_at(ZA)
    assert warn == datetime(2026, 11, 23, 10, 0, tzinfo=ZoneInfo("Africa/Johannesburg"))
    assert clock.due_alerts(ZA, datetime(2026, 11, 22, 12, 0, tzinfo=UTC)) == []  # Sunday: nothing
    assert clock.percent(ZA, datetime(2026, 11, 22, 12, 0, tzinfo=UTC)) == 25


def test_out_of_order_events_never_run_intervals_backwards() -> None:
    clock = Clock("resolution", T0, timedelta(minutes=100))
    clock.follow_status("blocked", at(50))
    clock.follow_status("in_progress", at(40))  # late event: treated as instant
    assert clock.pauses[0].end == at(50) and clock.due_at(WALL) == at(100)
