"""The one dependency object every use case of this service receives (``fn(session, ..., deps)``)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fibreflow_shared.messaging.outbox import Outbox
from fibreflow_shared.pii import PiiCipher
from qcontact_sync.config import Settings
from qcontact_sync.domain.model import Maps


@dataclass(frozen=True)
class Deps:
    """Settings, the outbox, the cipher of stored case payloads and the configured maps."""

    settings: Settings
    outbox: Outbox
    cipher: PiiCipher

    @property
    def maps(self) -> Maps:
        s = self.settings
        return Maps(statuses=s.statuses, reverse_statuses=s.reverse_statuses, priorities=s.priorities,
                    assignees=s.assignees, ticket_type=s.ticket_type)

    @property
    def digest_key(self) -> str:
        return self.settings.index_key

    def seal(self, payload: Any) -> str | None:
        """The case payload as stored: encrypted JSON (it carries contact details)."""
        import json

        return self.cipher.encrypt(json.dumps(payload, default=str, separators=(",", ":")))
