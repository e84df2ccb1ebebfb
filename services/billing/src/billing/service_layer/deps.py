"""The one dependency object of billing's use cases (consumers, HTTP use cases, webhooks)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Callable

from billing.domain.model import business_day
from fibreflow_shared.messaging.outbox import Outbox
from fibreflow_shared.pii import PiiCipher
from fibreflow_shared.timeutil import utc_now


def business_today() -> date:
    """Today's SAST business day."""
    return business_day(utc_now())


@dataclass(frozen=True)
class Deps:
    """What the use cases need besides their session: the outbox (events in the same transaction),
    the client-PII cipher and the business-day clock (replaceable in tests)."""

    outbox: Outbox
    pii: PiiCipher
    today: Callable[[], date] = field(default=business_today)
