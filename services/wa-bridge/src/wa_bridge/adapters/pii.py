"""Message text, names and ticket snapshots are PII: stored encrypted (Fernet, key rotation via
``fibreflow_shared.pii.PiiCipher``), decrypted when read. Chat ids (phone JIDs) stay clear: they
are the addresses WAHA is called with and the keys messages are matched on.

The column types read the cipher the composition root installs (``use_cipher``), so a use case
never handles tokens; a value no configured key opens reads as the mask, it does not fail a page."""
from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Text
from sqlalchemy.types import TypeDecorator

from fibreflow_shared.pii import PiiCipher

_cipher: PiiCipher | None = None


def use_cipher(cipher: PiiCipher) -> None:
    """Install the service's cipher (bootstrap)."""
    global _cipher
    _cipher = cipher


def _active() -> PiiCipher:
    if _cipher is None:
        raise RuntimeError("wa-bridge's PII cipher is not configured (bootstrap installs it)")
    return _cipher


class EncryptedText(TypeDecorator):
    """Text encrypted at rest."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> str | None:
        return None if value is None else _active().encrypt(str(value))

    def process_result_value(self, value: Any, dialect: Any) -> str | None:
        return None if value is None else _active().decrypt_or_mask(value)


class EncryptedJson(TypeDecorator):
    """A JSON document encrypted at rest (our copy of a ticket: client name, phone, address)."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> str | None:
        return None if value is None else _active().encrypt(json.dumps(value, default=str))

    def process_result_value(self, value: Any, dialect: Any) -> Any:
        if value is None:
            return None
        clear = _active().decrypt_or_mask(value)
        try:
            return json.loads(clear or "{}")
        except ValueError:
            return {}
