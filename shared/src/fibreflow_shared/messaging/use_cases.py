"""One shape for the table of a consumer: ``USE_CASES`` checked against ``SUBSCRIPTIONS``.

Every service's ``service_layer/consumers.py`` declares::

    SUBSCRIPTIONS = ("ticket.created", ...)           # the queue's bindings
    USE_CASES = {"ticket.created": on_ticket_created, ...}  # fn(session, event, deps)
    check_table(USE_CASES, SUBSCRIPTIONS)

    def make_handlers(deps):
        return bind_use_cases(USE_CASES, deps)

so the bindings and the handlers can never disagree, and every use case has one signature.
"""
from __future__ import annotations

from typing import Any, Callable, Mapping, TypeVar

from sqlalchemy.orm import Session

D = TypeVar("D")
Event = dict[str, Any]
UseCase = Callable[[Session, Event, Any], None]
Handler = Callable[[Session, Event], None]


def check_table(use_cases: Mapping[str, UseCase], subscriptions: tuple[str, ...]) -> None:
    """Raise unless the use cases are exactly the subscriptions, in the same order."""
    if tuple(use_cases) != tuple(subscriptions):
        missing = sorted(set(subscriptions) - set(use_cases))
        extra = sorted(set(use_cases) - set(subscriptions))
        raise AssertionError(f"USE_CASES and SUBSCRIPTIONS differ: missing {missing}, unsubscribed {extra}"
                             if missing or extra else "USE_CASES and SUBSCRIPTIONS are in different orders")


def bind_use_cases(use_cases: Mapping[str, UseCase], deps: D) -> dict[str, Handler]:
    """Consumer handlers ``{event type: fn(session, event)}`` with ``deps`` bound."""
    return {etype: (lambda session, event, fn=fn: fn(session, event, deps)) for etype, fn in use_cases.items()}
