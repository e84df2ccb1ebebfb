"""The one dependency object every use case of wa-bridge receives (``fn(session, ..., deps)``)."""
from __future__ import annotations

from dataclasses import dataclass

from fibreflow_shared.messaging.outbox import Outbox
from wa_bridge.adapters.storage import Storage
from wa_bridge.adapters.waha import WahaClient
from wa_bridge.config import Settings


@dataclass(frozen=True)
class Deps:
    """Settings, the outbox, the WAHA client and the media store."""

    settings: Settings
    outbox: Outbox
    waha: WahaClient
    storage: Storage
