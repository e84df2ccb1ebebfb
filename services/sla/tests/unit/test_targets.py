from datetime import datetime, timedelta, timezone

import pytest

from sla.domain.targets import UnknownTarget, due_at, resolution_minutes


@pytest.mark.parametrize("ticket_type, priority, minutes", [
    ("fault", "medium", 240), ("fault", "critical", 60), ("build", "low", 96 * 60),
    ("preventative", "high", 84 * 60), ("billing", "medium", 24 * 60), ("infrastructure", "critical", 6 * 60),
])
def test_prd_default_targets(ticket_type: str, priority: str, minutes: int) -> None:
    assert resolution_minutes(ticket_type, priority) == minutes


def test_unknown_type_is_refused() -> None:
    with pytest.raises(UnknownTarget):
        resolution_minutes("mystery", "high")


def test_due_at_adds_target() -> None:
    start = datetime(2026, 11, 20, 8, 0, tzinfo=timezone.utc)
    assert due_at(start, 240) == start + timedelta(hours=4)
