"""API keys for machine clients: create (the secret shown once), revoke, rotate with overlap.

Each action writes its audit record in the same transaction. The reads are in ``gateway.views``
(``api_key_page``, ``get_api_key``); the per-call check is ``gateway.adapters.api_key_gate``.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from fibreflow_shared import audit
from fibreflow_shared.db import transaction
from fibreflow_shared.timeutil import utc_now
from gateway.adapters.orm import ApiKey
from gateway.domain import api_keys as rules
from gateway.domain.errors import ApiKeyNotFound, ApiKeyNotUsable, InvalidApiKeyRequest
from gateway.service_layer import audit as audit_trail
from gateway.service_layer.deps import Deps

DEFAULT_DAYS = 90
MAX_OVERLAP = timedelta(days=7)


@dataclass(frozen=True)
class IssuedKey:
    """A key as created: the row and, this once, the secret."""

    key: ApiKey
    secret: str


def snapshot(row: ApiKey) -> dict[str, Any]:
    """What the audit trail keeps of a key (never its hash)."""
    return {"name": row.name, "role": row.role, "scopes": list(row.scopes or []), "prefix": row.display_prefix,
            "expires_at": row.expires_at, "revoked_at": row.revoked_at, "rate_limit": row.rate_limit}


def _expiry(deps: Deps, expires_at: datetime | None, now: datetime) -> datetime:
    if expires_at is None:
        return now + timedelta(days=min(DEFAULT_DAYS, deps.settings.api_key_max_days))
    if expires_at <= now:
        raise InvalidApiKeyRequest("expires_at must lie in the future", details={"expires_at": "in the past"})
    if expires_at > now + timedelta(days=deps.settings.api_key_max_days):
        raise InvalidApiKeyRequest(f"expires_at may lie at most {deps.settings.api_key_max_days} days ahead",
                                   details={"expires_at": "too far ahead"})
    return expires_at


def _new_row(deps: Deps, *, name: str, role: str, scopes: list[str], expires_at: datetime,
             rate_limit: str | None, created_by: str | None, rotated_from: uuid.UUID | None = None) -> IssuedKey:
    unknown = sorted(set(scopes) - set(rules.SCOPES))
    if unknown:
        raise InvalidApiKeyRequest(f"Unknown scopes: {', '.join(unknown)}", details={"scopes": unknown,
                                                                                    "known": list(rules.SCOPES)})
    secret = rules.new_key()
    row = ApiKey(id=uuid.uuid4(), name=name.strip(), role=role, scopes=sorted(set(scopes)),
                 key_hash=rules.key_hash(deps.settings.api_key_pepper_bytes(), secret),
                 display_prefix=rules.display_prefix(secret), rate_limit=rate_limit,
                 created_by=uuid.UUID(created_by) if _is_uuid(created_by) else None, created_at=utc_now(),
                 expires_at=expires_at, rotated_from=rotated_from)
    return IssuedKey(row, secret)


def _is_uuid(value: str | None) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return value is not None


def create_key(deps: Deps, *, name: str, role: str, scopes: list[str] | None = None,
               expires_at: datetime | None = None, rate_limit: str | None = None,
               created_by: str | None = None) -> IssuedKey:
    """A new key for service account ``name`` with ``role`` (and optional scopes, expiry, limit)."""
    now = utc_now()
    issued = _new_row(deps, name=name, role=role, scopes=list(scopes or []), expires_at=_expiry(deps, expires_at, now),
                      rate_limit=rate_limit, created_by=created_by)
    with transaction(deps.sessions) as session:
        session.add(issued.key)
        session.flush()
        audit_trail.record(session, audit.API_KEY_CREATED, "api_key", issued.key.id, after=snapshot(issued.key))
    return issued


def revoke_key(deps: Deps, key_id: uuid.UUID) -> ApiKey:
    """Revoke a key (idempotent: a revoked key stays revoked at its first revocation time).

    This replica refuses it at once; the others within USER_STATUS_CACHE_SECONDS."""
    with transaction(deps.sessions) as session:
        row = session.get(ApiKey, key_id, with_for_update=True)
        if row is None:
            raise ApiKeyNotFound(str(key_id))
        if row.revoked_at is None:
            before = snapshot(row)
            row.revoked_at = utc_now()
            audit_trail.record(session, audit.API_KEY_REVOKED, "api_key", row.id, before=before, after=snapshot(row))
    if deps.api_keys is not None:
        deps.api_keys.invalidate(row.key_hash)
    return row


def rotate_key(deps: Deps, key_id: uuid.UUID, *, overlap_seconds: int, expires_at: datetime | None = None,
               created_by: str | None = None) -> IssuedKey:
    """A successor key with the same account, role, scopes and limit; the old key keeps working
    for ``overlap_seconds`` (at most 7 days, never past its own expiry) so clients can switch."""
    now = utc_now()
    overlap = timedelta(seconds=overlap_seconds)
    if overlap < timedelta(0) or overlap > MAX_OVERLAP:
        raise InvalidApiKeyRequest("overlap_seconds must be 0..604800", details={"overlap_seconds": overlap_seconds})
    with transaction(deps.sessions) as session:
        old = session.get(ApiKey, key_id, with_for_update=True)
        if old is None:
            raise ApiKeyNotFound(str(key_id))
        why = rules.KeyRecord(str(old.id), old.name, old.role, tuple(old.scopes), old.expires_at, old.revoked_at,
                              old.rate_limit).refusal(now)
        if why is not None:
            raise ApiKeyNotUsable(str(key_id), why)
        new_expiry = _expiry(deps, expires_at, now) if expires_at is not None else max(
            old.expires_at, now + timedelta(days=1))
        issued = _new_row(deps, name=old.name, role=old.role, scopes=list(old.scopes), expires_at=new_expiry,
                          rate_limit=old.rate_limit, created_by=created_by, rotated_from=old.id)
        before = snapshot(old)
        old.expires_at = min(old.expires_at, now + overlap)
        session.add(issued.key)
        session.flush()
        audit_trail.record(session, audit.API_KEY_ROTATED, "api_key", old.id, before=before,
                           after={**snapshot(old), "successor": str(issued.key.id)})
        audit_trail.record(session, audit.API_KEY_CREATED, "api_key", issued.key.id, after=snapshot(issued.key))
    if deps.api_keys is not None:
        deps.api_keys.invalidate(old.key_hash)
    return issued
