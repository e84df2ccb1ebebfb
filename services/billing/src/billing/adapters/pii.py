"""Encryption of client PII at rest (MultiFernet, key rotation) and keyed blind indexes."""
from __future__ import annotations

import hashlib
import hmac
import re
import unicodedata

import phonenumbers
from cryptography.fernet import Fernet, MultiFernet

MAX_PREFIX = 12  # name prefixes indexed per word: enough for auto-suggest, bounded leakage


class InvalidPhone(ValueError):
    """Not a parseable phone number."""


def normalise_phone(raw: str, region: str = "ZA") -> str:
    """E.164 form (``+27821234567``) of a phone number, South Africa by default."""
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException as exc:
        raise InvalidPhone(str(exc)) from exc
    if not phonenumbers.is_possible_number(number):
        raise InvalidPhone("not a possible phone number")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", _fold(text))


class PiiCipher:
    """Encrypts with the first key, decrypts with any (rotation); HMAC-SHA256 blind indexes."""

    def __init__(self, keys: list[str], index_key: str) -> None:
        if not keys:
            raise ValueError("at least one PII key is required")
        self._fernet = MultiFernet([Fernet(k.encode()) for k in keys])
        self._index_key = index_key.encode()

    def encrypt(self, value: str | None) -> bytes | None:
        return None if value is None else self._fernet.encrypt(value.encode())

    def decrypt(self, token: bytes | None) -> str | None:
        return None if token is None else self._fernet.decrypt(bytes(token)).decode()

    def rotate(self, token: bytes) -> bytes:
        return self._fernet.rotate(bytes(token))

    def index(self, kind: str, value: str) -> str:
        return hmac.new(self._index_key, f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()

    def phone_index(self, e164: str) -> str:
        return self.index("phone", e164)

    def email_index(self, email: str) -> str:
        return self.index("email", email.strip().lower())

    def name_tokens(self, name: str) -> list[str]:
        """Keyed hashes of every word prefix (2..MAX_PREFIX chars), truncated to 32 hex chars."""
        tokens = {self.index("name", w[:n])[:32] for w in words(name) for n in range(2, min(len(w), MAX_PREFIX) + 1)}
        return sorted(tokens)

    def query_tokens(self, query: str) -> list[str]:
        """The tokens a search for ``query`` must all match (each word as a prefix)."""
        return sorted({self.index("name", w[:MAX_PREFIX])[:32] for w in words(query) if len(w) >= 2})
