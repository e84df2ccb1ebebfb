"""Personal data, the one way every service handles it.

* Phone numbers: :func:`normalise_phone` turns what people type (``082 123 4567``,
  ``+27 82 123 4567``, ``0027821234567``, ``(082) 123-4567``) into E.164 (``+27821234567``)
  with Google's libphonenumber metadata. ``strict=True`` (the default) accepts only numbers
  that are assigned in the numbering plan; ``strict=False`` accepts any number of a possible
  length for its country.
* Encryption at rest: :class:`PiiCipher` (Fernet, several keys so they can be rotated) whose
  tokens are text, and keyed blind indexes (HMAC-SHA256) so encrypted values can still be
  found by exact match.
* :func:`blind_index` is the same keyed hash for services that index without encrypting.

Index values are ``HMAC-SHA256(key, f"{kind}:{value}")`` in hex: the ``kind`` keeps a phone
number and a name that happen to be equal strings from colliding.
"""
from __future__ import annotations

import hashlib
import hmac
from functools import lru_cache
from typing import Sequence

import phonenumbers
from cryptography.fernet import Fernet, InvalidToken, MultiFernet

__all__ = [
    "DEFAULT_REGION", "MASK", "InvalidPhone", "PiiCipher", "UndecryptablePii", "blind_index", "e164_or_none",
    "is_country_code", "normalise_phone", "region_for_country_code",
]

DEFAULT_REGION = "ZA"
MASK = "[undecryptable]"
Token = str | bytes | memoryview


# -- phone numbers ----------------------------------------------------------------------------
class InvalidPhone(ValueError):
    """Not a phone number, or (strict) not one that can exist."""


def normalise_phone(raw: str, region: str = DEFAULT_REGION, *, strict: bool = True) -> str:
    """E.164 form of ``raw``; a national number is read as one of ``region`` (ISO 3166 code).

    Accepts ``+27…``, ``0…`` (trunk prefix), ``0027…`` (international prefix) and separators
    (spaces, dashes, dots, brackets). ``strict`` checks the number is valid (an assigned range),
    otherwise only that its length is possible. Raises :class:`InvalidPhone`, whose message
    quotes ``raw``.
    """
    if not isinstance(raw, str) or not raw.strip():
        raise InvalidPhone(f"{raw!r} is not a phone number")
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException as exc:
        raise InvalidPhone(f"{raw!r} is not a phone number") from exc
    ok = phonenumbers.is_valid_number(number) if strict else phonenumbers.is_possible_number(number)
    if not ok:
        raise InvalidPhone(f"{raw!r} is not a valid phone number")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def e164_or_none(raw: str | None, region: str = DEFAULT_REGION, *, strict: bool = True) -> str | None:
    """:func:`normalise_phone`, or None when ``raw`` is empty or not a usable number (e.g. for events)."""
    if not raw:
        return None
    try:
        return normalise_phone(raw, region, strict=strict)
    except InvalidPhone:
        return None


@lru_cache(maxsize=64)
def region_for_country_code(country_code: str | int) -> str:
    """The main region of a calling code: ``"27"`` → ``"ZA"``, ``"1"`` → ``"US"``, ``"+44"`` → ``"GB"``.

    For services configured with a country code rather than a region. Raises ValueError for a
    code that is not assigned.
    """
    text = str(country_code).strip().lstrip("+")
    if not text.isdigit() or text.startswith("0"):
        raise ValueError(f"{country_code!r} is not a country calling code")
    region = phonenumbers.region_code_for_country_code(int(text))
    if region == phonenumbers.UNKNOWN_REGION:
        raise ValueError(f"{country_code!r} is not an assigned country calling code")
    return region


def is_country_code(country_code: str | int) -> bool:
    """Whether :func:`region_for_country_code` knows ``country_code`` (for settings validation)."""
    try:
        region_for_country_code(country_code)
    except ValueError:
        return False
    return True


# -- blind indexes and encryption -------------------------------------------------------------
def blind_index(key: str, kind: str, value: str) -> str:
    """Keyed hash of ``value`` for exact-match lookups: hex HMAC-SHA256 of ``f"{kind}:{value}"``.

    Callers normalise ``value`` first (E.164 for phones); the same key, kind and value always
    give the same index, a different key gives an unrelated one.
    """
    if not key:
        raise ValueError("a blind-index key is required")
    return hmac.new(key.encode(), f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()


class UndecryptablePii(ValueError):
    """A token none of the configured keys opens (a key retired before its data was rotated)."""


def _token_bytes(token: Token) -> bytes:
    if isinstance(token, str):
        return token.encode("ascii")
    return bytes(token)


class PiiCipher:
    """Fernet encryption with key rotation, and blind indexes under a separate key.

    ``keys`` are Fernet keys (urlsafe base64 of 32 bytes): the first encrypts, any decrypts, so
    a new key is put first, data re-encrypted with :meth:`rotate`, then the old key removed.
    Tokens are text (ASCII); :meth:`decrypt` also takes the bytes a binary column returns.
    """

    def __init__(self, keys: Sequence[str], index_key: str) -> None:
        if isinstance(keys, (str, bytes)):
            raise TypeError("keys must be a sequence of Fernet keys, not one string")
        if not keys:
            raise ValueError("at least one PII key is required")
        if not index_key:
            raise ValueError("a blind-index key is required")
        self._fernet = MultiFernet([Fernet(k) for k in keys])
        self._index_key = index_key

    def encrypt(self, value: str | None) -> str | None:
        """Fernet token (text) of ``value`` under the current key; None stays None."""
        return None if value is None else self._fernet.encrypt(value.encode()).decode("ascii")

    def decrypt(self, token: Token | None) -> str | None:
        """The clear text of ``token``; None stays None. Raises :class:`UndecryptablePii`."""
        if token is None:
            return None
        try:
            return self._fernet.decrypt(_token_bytes(token)).decode()
        except InvalidToken as exc:
            raise UndecryptablePii("no configured key decrypts this value") from exc

    def decrypt_or_mask(self, token: Token | None, mask: str = MASK) -> str | None:
        """Like :meth:`decrypt`, but ``mask`` for a value no key opens (show that, do not fail a page)."""
        try:
            return self.decrypt(token)
        except UndecryptablePii:
            return mask

    def rotate(self, token: Token) -> str:
        """``token`` re-encrypted under the current key. Raises :class:`UndecryptablePii`."""
        try:
            return self._fernet.rotate(_token_bytes(token)).decode("ascii")
        except InvalidToken as exc:
            raise UndecryptablePii("no configured key decrypts this value") from exc

    def index(self, kind: str, value: str) -> str:
        """Blind index of an already normalised ``value`` (see :func:`blind_index`)."""
        return blind_index(self._index_key, kind, value)

    def phone_index(self, e164: str) -> str:
        """Blind index of an E.164 phone number."""
        return self.index("phone", e164)

    def email_index(self, email: str) -> str:
        """Blind index of an e-mail address, case and surrounding spaces ignored."""
        return self.index("email", email.strip().lower())
