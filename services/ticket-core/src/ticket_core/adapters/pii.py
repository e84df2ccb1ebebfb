"""Client PII at rest: Fernet encryption with key rotation (MultiFernet) and a blind index
(HMAC-SHA256 of the E.164 phone number) so tickets are findable by exact phone."""
from __future__ import annotations

import hashlib
import hmac

import phonenumbers
from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from ticket_core.domain.model import TicketRuleError

DEFAULT_REGION = "ZA"


def normalise_phone(raw: str, region: str = DEFAULT_REGION) -> str:
    """``082 555 1234`` → ``+27825551234``; raise TicketRuleError for a number that cannot exist."""
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException as exc:
        raise TicketRuleError(f"{raw!r} is not a phone number", {"client_phone": ["Not a phone number."]}) from exc
    if not phonenumbers.is_valid_number(number):
        raise TicketRuleError(f"{raw!r} is not a valid phone number", {"client_phone": ["Not a valid number."]})
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


class PiiCipher:
    """Encrypts with the first key, decrypts with any (so keys can be rotated)."""

    def __init__(self, keys: list[str], index_key: str) -> None:
        if not keys:
            raise ValueError("at least one PII key is required")
        self._fernet = MultiFernet([Fernet(k.encode() if isinstance(k, str) else k) for k in keys])
        self._index_key = index_key.encode()

    def encrypt(self, value: str | None) -> str | None:
        return None if value is None else self._fernet.encrypt(value.encode()).decode()

    def decrypt(self, token: str | None) -> str | None:
        if token is None:
            return None
        try:
            return self._fernet.decrypt(token.encode()).decode()
        except InvalidToken:
            # A key was retired before its data was rotated: show that, do not crash the page.
            return "[undecryptable]"

    def rotate(self, token: str | None) -> str | None:
        """Re-encrypt with the current key (no-op for values already under it... MultiFernet re-encrypts)."""
        return None if token is None else self._fernet.rotate(token.encode()).decode()

    def phone_index(self, e164: str) -> str:
        return hmac.new(self._index_key, e164.encode(), hashlib.sha256).hexdigest()

    def name_index(self, name: str) -> str:
        """Exact-name lookup (case and spacing insensitive) without storing the name in clear."""
        canonical = " ".join(name.lower().split())
        return hmac.new(self._index_key, b"name:" + canonical.encode(), hashlib.sha256).hexdigest()
