"""The consumer's table is the one shape: every subscription has exactly one use case fn(session, event, deps)."""
from __future__ import annotations

import inspect

from notifications.service_layer import consumers


def test_use_cases_are_the_subscriptions_in_order() -> None:
    assert tuple(consumers.USE_CASES) == consumers.SUBSCRIPTIONS
    assert len(set(consumers.SUBSCRIPTIONS)) == len(consumers.SUBSCRIPTIONS)


def test_every_use_case_takes_session_event_deps() -> None:
    for event_type, use_case in consumers.USE_CASES.items():
        assert list(inspect.signature(use_case).parameters) == ["session", "event", "deps"], event_type


def test_make_handlers_covers_every_subscription() -> None:
    assert set(consumers.make_handlers(object())) == set(consumers.SUBSCRIPTIONS)  # type: ignore[arg-type]
