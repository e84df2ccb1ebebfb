"""Signing-key lifecycle: which key signs, which keys are published in the JWKS."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Sequence


@dataclass(frozen=True)
class KeyInfo:
    kid: str
    created_at: datetime
    active: bool
    retired_at: datetime | None


def signing_key(keys: Sequence[KeyInfo]) -> KeyInfo | None:
    """Tokens are signed with the newest active key."""
    active = [k for k in keys if k.active]
    return max(active, key=lambda k: k.created_at) if active else None


def is_published(key: KeyInfo, now: datetime, *, access_ttl: int, grace_seconds: float) -> bool:
    """A retired key stays in the JWKS until every token it may have signed has expired.

    ``grace_seconds`` covers replicas that still sign with a cached key after retirement.
    """
    if key.active or key.retired_at is None:
        return True
    return now < key.retired_at + timedelta(seconds=access_ttl + grace_seconds)
