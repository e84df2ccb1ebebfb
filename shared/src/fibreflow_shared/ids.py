"""Ids in paths: wherever a path names a ticket it accepts its UUID or its UID (contracts/README.md)."""
from __future__ import annotations

import re
import uuid


def is_uuid(value: object) -> bool:
    """True for a canonical or hyphen-less UUID string (or a UUID), False for a UID such as ``FF-0042``."""
    if isinstance(value, uuid.UUID):
        return True
    if not isinstance(value, str) or len(value) not in (32, 36):
        return False
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def normalise_uid(value: str) -> str:
    """A ticket UID as stored: trimmed and upper-case (``ff-0042`` → ``FF-0042``)."""
    return value.strip().upper()


# A ticket's UID as ticket-core issues them (FF-0042, FT12345, BILL-20261122-0001); any case.
TICKET_UID_PATTERN = re.compile(r"^[A-Za-z][A-Za-z0-9-]{0,39}$")
