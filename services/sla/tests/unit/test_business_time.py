"""Business-time arithmetic: examples and hypothesis properties."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sla.domain.calendar import (DEFAULT_HOURS, BusinessCalendar, CalendarError, ClosedDays, WallClock,
                                 parse_hours)
from sla.domain.clock import Clock

UTC = timezone.utc
ZA = BusinessCalendar("Africa/Johannesburg", parse_hours(DEFAULT_HOURS), ClosedDays("ZA"))
# A zone with daylight saving, and Saturday mornings, to check timezone handling.
LONDON = BusinessCalendar("Europe/London", {**parse_hours(DEFAULT_HOURS), 5: (time(9), time(12, 30))},
                          ClosedDays("GB", "ENG", frozenset({date(2027, 3, 30)})))
NEW_YORK = BusinessCalendar("America/New_York", parse_hours({d: ("07:30", "19:00") for d in range(6)}),
                            ClosedDays("US"))
CALENDARS = st.sampled_from([ZA, LONDON, NEW_YORK])
INSTANTS = st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2028, 12, 31),
                        timezones=st.just(UTC))
DURATIONS = st.timedeltas(min_value=timedelta(seconds=1), max_value=timedelta(hours=400))


def sast(*args: int) -> datetime:
    return datetime(*args, tzinfo=ZoneInfo("Africa/Johannesburg"))


def in_working_hours(cal: BusinessCalendar, instant: datetime) -> bool:
    """Inside an open interval, its closing instant included."""
    local = instant.astimezone(cal.tz)
    interval = cal.day_interval(local.date())
    return interval is not None and interval[0] <= instant <= interval[1]


def test_four_business_hours_from_friday_afternoon_land_on_monday() -> None:
    start = sast(2026, 11, 20, 15, 0)  # Friday 15:00
    assert ZA.add(start, timedelta(hours=4)) == sast(2026, 11, 23, 10, 0)


def test_created_at_night_starts_counting_at_opening() -> None:
    assert ZA.add(sast(2026, 11, 24, 22, 0), timedelta(hours=1)) == sast(2026, 11, 25, 9, 0)


def test_public_holidays_are_skipped() -> None:
    # Thursday 24 Dec 16:00 + 2 h: Christmas (Fri), Day of Goodwill (Sat), Sunday → Monday 28th 09:00.
    assert ZA.add(sast(2026, 12, 24, 16, 0), timedelta(hours=2)) == sast(2026, 12, 28, 9, 0)
    # 16 June (Youth Day, a Tuesday in 2026) counts nothing.
    assert ZA.between(sast(2026, 6, 16, 0, 0), sast(2026, 6, 17, 0, 0)) == timedelta(0)


def test_custom_closed_days_are_skipped() -> None:
    cal = BusinessCalendar("Africa/Johannesburg", parse_hours(DEFAULT_HOURS),
                           ClosedDays("ZA", custom=frozenset({date(2026, 11, 25)})))
    assert cal.add(sast(2026, 11, 24, 16, 0), timedelta(hours=2)) == sast(2026, 11, 26, 9, 0)


def test_a_calendar_without_working_time_is_refused() -> None:
    with pytest.raises(CalendarError):
        BusinessCalendar("UTC", {})
    with pytest.raises(CalendarError):
        BusinessCalendar("UTC", {0: (time(17), time(8))})
    always_closed = BusinessCalendar("UTC", {0: (time(8), time(9))}, lambda d: True)
    with pytest.raises(CalendarError):
        always_closed.add(datetime(2026, 1, 1, tzinfo=UTC), timedelta(hours=1))


def test_dst_day_in_london_counts_real_hours() -> None:
    # Clocks go forward on Sunday 28 March 2027: from then 08:00 local is 07:00 UTC.
    assert LONDON.day_interval(date(2027, 3, 29)) is None  # Easter Monday (England)
    assert LONDON.day_interval(date(2027, 3, 30)) is None  # a custom closed day
    wednesday = LONDON.day_interval(date(2027, 3, 31))
    assert wednesday == (datetime(2027, 3, 31, 7, 0, tzinfo=UTC), datetime(2027, 3, 31, 16, 0, tzinfo=UTC))
    thursday = LONDON.day_interval(date(2027, 3, 25))  # Good Friday is the 26th
    assert thursday == (datetime(2027, 3, 25, 8, 0, tzinfo=UTC), datetime(2027, 3, 25, 17, 0, tzinfo=UTC))


@settings(max_examples=150, deadline=None)
@given(CALENDARS, INSTANTS, DURATIONS)
def test_adding_then_measuring_round_trips(cal: BusinessCalendar, start: datetime, duration: timedelta) -> None:
    end = cal.add(start, duration)
    assert end > start
    assert cal.between(start, end) == duration


@settings(max_examples=150, deadline=None)
@given(CALENDARS, INSTANTS, DURATIONS)
def test_results_land_in_working_hours_of_open_days(cal: BusinessCalendar, start: datetime,
                                                     duration: timedelta) -> None:
    end = cal.add(start, duration)
    local = end.astimezone(cal.tz)
    assert in_working_hours(cal, end)
    assert local.weekday() in cal.hours and not cal.is_closed(local.date())
    opens, closes = cal.hours[local.weekday()]
    assert opens <= local.time().replace(tzinfo=None) <= closes or local.time() == closes


@settings(max_examples=100, deadline=None)
@given(CALENDARS, INSTANTS, DURATIONS, DURATIONS)
def test_adding_is_monotonic_and_additive(cal: BusinessCalendar, start: datetime, a: timedelta,
                                          b: timedelta) -> None:
    assert cal.add(start, min(a, b)) <= cal.add(start, max(a, b))
    assert cal.add(cal.add(start, a), b) == cal.add(start, a + b)


@settings(max_examples=100, deadline=None)
@given(CALENDARS, INSTANTS, st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=20)),
       st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=20)))
def test_measuring_is_additive_and_never_exceeds_wall_time(cal: BusinessCalendar, a: datetime, d1: timedelta,
                                                           d2: timedelta) -> None:
    b, c = a + d1, a + d1 + d2
    assert cal.between(a, c) == cal.between(a, b) + cal.between(b, c)
    assert cal.between(a, c) <= c - a


@settings(max_examples=150, deadline=None)
@given(st.sampled_from([ZA, LONDON, WallClock()]), INSTANTS, st.timedeltas(min_value=timedelta(minutes=1),
                                                                          max_value=timedelta(hours=200)),
       st.lists(st.tuples(st.timedeltas(min_value=timedelta(0), max_value=timedelta(hours=72)),
                          st.timedeltas(min_value=timedelta(0), max_value=timedelta(hours=72))), max_size=4))
def test_pauses_never_shorten_a_deadline(timeline, start: datetime, target: timedelta,
                                         pauses: list[tuple[timedelta, timedelta]]) -> None:
    clock = Clock("resolution", start, target)
    due = clock.due_at(timeline)
    at = start
    for gap, length in pauses:
        at += gap
        clock.follow_status("blocked", at)
        at += length
        clock.follow_status("in_progress", at)
        new_due = clock.due_at(timeline)
        assert new_due >= due
        due = new_due
    # The time still to count never exceeds the target, whatever the pauses.
    assert clock.elapsed(timeline, due) == target
