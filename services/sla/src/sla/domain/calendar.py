"""Business-time arithmetic (FR-010.3, FR-011): pure functions over a working-hours calendar.

A *timeline* measures durations between instants and adds durations to instants. Two kinds:
``WallClock`` (every second counts) and ``BusinessCalendar`` (only working hours on open days
count, in the calendar's timezone). All arithmetic is in ``timedelta`` (integer microseconds),
so adding then measuring round-trips exactly. Instants must be timezone-aware.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from typing import Callable, Iterator, Mapping, Protocol
from zoneinfo import ZoneInfo

from sla.domain.errors import CalendarError

ZERO = timedelta(0)
# A calendar with any working time finds some within a few years; past this it has none.
MAX_SCAN_DAYS = 3 * 366


class Timeline(Protocol):
    business_hours: bool

    def add(self, start: datetime, duration: timedelta) -> datetime: ...

    def between(self, start: datetime, end: datetime) -> timedelta: ...


class WallClock:
    """Every second counts."""

    business_hours = False

    def add(self, start: datetime, duration: timedelta) -> datetime:
        return start + max(duration, ZERO)

    def between(self, start: datetime, end: datetime) -> timedelta:
        return max(end - start, ZERO)


def _aware(instant: datetime) -> datetime:
    if instant.tzinfo is None:
        raise ValueError("instants must be timezone-aware")
    return instant


@dataclass(frozen=True)
class BusinessCalendar:
    """Working hours per weekday (0 = Monday) in ``timezone``; ``is_closed(date)`` marks public
    holidays and custom closed days."""

    timezone: str
    hours: Mapping[int, tuple[time, time]]
    is_closed: Callable[[date], bool] = field(default=lambda d: False, compare=False)
    business_hours: bool = field(default=True, init=False)

    def __post_init__(self) -> None:
        if not self.hours:
            raise CalendarError("a business calendar needs at least one working day")
        for weekday, (opens, closes) in self.hours.items():
            if not 0 <= weekday <= 6:
                raise CalendarError(f"weekday {weekday} is not 0..6")
            if opens >= closes:
                raise CalendarError(f"weekday {weekday}: opening {opens} is not before closing {closes}")

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    # -- intervals ------------------------------------------------------------------------
    def day_interval(self, day: date) -> tuple[datetime, datetime] | None:
        """The working interval of one local date, in UTC, or None when the day is closed."""
        hours = self.hours.get(day.weekday())
        if hours is None or self.is_closed(day):
            return None
        tz = self.tz
        start = datetime.combine(day, hours[0], tzinfo=tz).astimezone(timezone.utc)
        end = datetime.combine(day, hours[1], tzinfo=tz).astimezone(timezone.utc)
        # A DST jump can swallow a very short working window entirely.
        return (start, end) if start < end else None

    def intervals_from(self, instant: datetime) -> Iterator[tuple[datetime, datetime]]:
        """Working intervals that end after ``instant``, in order, the first clipped to start at it."""
        instant = _aware(instant)
        day = instant.astimezone(self.tz).date() - timedelta(days=1)
        empty_days = 0
        while True:
            interval = self.day_interval(day)
            day += timedelta(days=1)
            if interval is None or interval[1] <= instant:
                empty_days += 1
                if empty_days > MAX_SCAN_DAYS:
                    raise CalendarError("the calendar has no working time in the next three years")
                continue
            empty_days = 0
            yield max(interval[0], instant), interval[1]

    def is_open(self, instant: datetime) -> bool:
        """True inside working hours (opening time included, closing time excluded)."""
        interval = self.day_interval(_aware(instant).astimezone(self.tz).date())
        return interval is not None and interval[0] <= instant < interval[1]

    # -- arithmetic -----------------------------------------------------------------------
    def add(self, start: datetime, duration: timedelta) -> datetime:
        """The instant at which ``duration`` of working time after ``start`` has passed.

        A positive duration always ends inside a working interval (its closing instant
        included); a zero duration returns ``start`` unchanged.
        """
        if duration <= ZERO:
            return _aware(start)
        remaining = duration
        for opens, closes in self.intervals_from(start):
            span = closes - opens
            if remaining <= span:
                return opens + remaining
            remaining -= span
        raise AssertionError("unreachable")  # pragma: no cover - intervals_from never ends

    def between(self, start: datetime, end: datetime) -> timedelta:
        """Working time in [start, end] (zero when end is not after start)."""
        _aware(start), _aware(end)
        if end <= start:
            return ZERO
        total = ZERO
        for opens, closes in self.intervals_from(start):
            if opens >= end:
                break
            total += min(closes, end) - opens
        return total


def parse_hours(spec: Mapping[int, tuple[str, str]]) -> dict[int, tuple[time, time]]:
    """{weekday: ("08:00", "17:00")} → {weekday: (time, time)}."""
    return {int(day): (time.fromisoformat(opens), time.fromisoformat(closes)) for day, (opens, closes) in spec.items()}


DEFAULT_TIMEZONE = "Africa/Johannesburg"
DEFAULT_COUNTRY = "ZA"
DEFAULT_HOURS = {day: ("08:00", "17:00") for day in range(5)}
# Weekday names of the API, Monday first (index = ``date.weekday()``).
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@dataclass(frozen=True)
class ClosedDays:
    """Public holidays of a country (from the ``holidays`` package) plus custom closed dates."""

    country: str | None = DEFAULT_COUNTRY
    subdivision: str | None = None
    custom: frozenset[date] = frozenset()

    def __call__(self, day: date) -> bool:
        return day in self.custom or (self.country is not None
                                      and day in public_holidays(self.country, self.subdivision, day.year))


def public_holidays(country: str, subdivision: str | None, year: int) -> dict[date, str]:
    """Public holidays of one year (cached: the package is slow to build a year)."""
    return dict(_public_holidays(country.upper(), subdivision, year))


def _holidays_year(country: str, subdivision: str | None, year: int) -> tuple[tuple[date, str], ...]:
    import holidays

    return tuple(sorted(holidays.country_holidays(country, subdiv=subdivision, years=year).items()))


def _public_holidays(country: str, subdivision: str | None, year: int) -> tuple[tuple[date, str], ...]:
    key = (country, subdivision, year)
    cached = _HOLIDAY_CACHE.get(key)
    if cached is None:
        cached = _HOLIDAY_CACHE[key] = _holidays_year(country, subdivision, year)
    return cached


_HOLIDAY_CACHE: dict[tuple[str, str | None, int], tuple[tuple[date, str], ...]] = {}


def is_valid_country(country: str, subdivision: str | None = None) -> bool:
    """True when the ``holidays`` package knows the country (and subdivision)."""
    import holidays

    try:
        holidays.country_holidays(country.upper(), subdiv=subdivision, years=2026)
    except (NotImplementedError, KeyError, ValueError):
        return False
    return True
