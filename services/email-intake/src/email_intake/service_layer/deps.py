"""The one dependency object every use case of this service receives."""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from fibreflow_shared.messaging.outbox import Outbox
from fibreflow_shared.pii import PiiCipher

from email_intake.config import Settings
from email_intake.domain.decision import Policy
from email_intake.domain.spam import SpamPolicy


@dataclass(frozen=True)
class Deps:
    settings: Settings
    outbox: Outbox

    @cached_property
    def cipher(self) -> PiiCipher:
        return PiiCipher(self.settings.pii_keys, self.settings.index_key)

    @cached_property
    def policy(self) -> Policy:
        s = self.settings
        return Policy(own_domains=tuple(d.lower() for d in s.own_domains),
                      ticket_addresses=tuple(a.lower() for a in s.ticket_addresses),
                      staff_domains=tuple(d.lower() for d in s.staff_domains),
                      spam=SpamPolicy(allow=tuple(s.allow_list), block=tuple(s.block_list),
                                      threshold=s.spam_threshold, authserv_ids=tuple(a.lower() for a in s.authserv_ids)),
                      rate_limit=s.rate_limit)

    def sender_key(self, address: str) -> str:
        """The blind index of an address (participants and the rate limit use it)."""
        return self.cipher.email_index(address)

    def seal(self, value: Any) -> str:
        return self.cipher.encrypt(json.dumps(value, default=str)) or ""

    def unseal(self, token: str | None) -> Any:
        return json.loads(self.cipher.decrypt(token) or "null") if token else None

    def seal_bytes(self, raw: bytes) -> str:
        # latin-1 maps each byte to one character, so any byte string survives the round trip.
        return self.cipher.encrypt(raw.decode("latin-1")) or ""

    def unseal_bytes(self, token: str) -> bytes:
        return (self.cipher.decrypt(token) or "").encode("latin-1")
