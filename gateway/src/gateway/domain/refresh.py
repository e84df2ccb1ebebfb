"""Refresh-token family rules (rotation with reuse detection).

Every login starts a family. Each refresh consumes the presented token and issues its child
in the same family. A token presented a second time means it was copied: the whole family
is revoked so both the thief and the victim must log in again.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime


class RefreshDecision(enum.Enum):
    ROTATE = "rotate"
    REUSE_DETECTED = "reuse_detected"  # revoke the family, then refuse
    REVOKED = "revoked"
    EXPIRED = "expired"


@dataclass(frozen=True)
class RefreshTokenState:
    expires_at: datetime
    used_at: datetime | None
    revoked_at: datetime | None


def decide(token: RefreshTokenState, now: datetime) -> RefreshDecision:
    """What to do with a presented refresh token."""
    if token.revoked_at is not None:
        return RefreshDecision.REVOKED
    if token.used_at is not None:
        return RefreshDecision.REUSE_DETECTED
    if token.expires_at <= now:
        return RefreshDecision.EXPIRED
    return RefreshDecision.ROTATE
