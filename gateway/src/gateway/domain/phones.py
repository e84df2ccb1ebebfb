"""Phone numbers of users: stored and published in E.164 (``+27821234567``)."""
from __future__ import annotations

import re

E164 = re.compile(r"^\+[1-9]\d{7,14}$")
_SEPARATORS = re.compile(r"[\s\-().]")


class InvalidPhoneNumber(ValueError):
    pass


def to_e164(raw: str, default_country_code: str = "27") -> str:
    """Normalise a phone number to E.164; a national number (leading 0) gets ``default_country_code``."""
    text = raw.strip()
    plus = text.startswith("+")
    digits = _SEPARATORS.sub("", text[1:] if plus else text)
    if not digits.isdigit():
        raise InvalidPhoneNumber(f"{raw!r} is not a phone number")
    if plus:
        number = digits
    elif digits.startswith("00"):
        number = digits[2:]
    elif digits.startswith("0"):
        number = default_country_code + digits[1:]
    else:
        raise InvalidPhoneNumber(f"{raw!r}: use +<country code><number> or a national number starting with 0")
    candidate = "+" + number
    if not E164.match(candidate):
        raise InvalidPhoneNumber(f"{raw!r} is not a valid international number")
    return candidate


def e164_or_none(raw: str | None, default_country_code: str = "27") -> str | None:
    """For events: a stored number in E.164, or None when it is missing or cannot be made one."""
    if not raw:
        return None
    try:
        return to_e164(raw, default_country_code)
    except InvalidPhoneNumber:
        return None
