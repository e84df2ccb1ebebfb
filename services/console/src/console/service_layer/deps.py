"""What the console's use cases need: the gateway client, the token cipher, the clock, settings."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Callable

from console.adapters.gateway import Gateway
from console.adapters.tokens import TokenCipher
from console.config import Settings
from console.domain.sessions import Lifetimes
from fibreflow_shared.timeutil import utc_now


@dataclass
class Deps:
    settings: Settings
    gateway: Gateway
    cipher: TokenCipher
    clock: Callable[[], datetime] = field(default=utc_now)

    @property
    def lifetimes(self) -> Lifetimes:
        from datetime import timedelta

        return Lifetimes(idle=timedelta(minutes=self.settings.session_idle_minutes),
                         absolute=timedelta(hours=self.settings.session_max_hours))
