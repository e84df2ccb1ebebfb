"""Use cases of clients: add, change, re-encrypt after a key rotation; the account lookup of
classification. Name, phone and email are stored encrypted with blind indexes to find them."""
from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from billing.adapters.orm import ClientRow
from billing.adapters.pii import client_phone, name_tokens
from billing.adapters.repository import client_row, flush_unique
from billing.domain.errors import BillingRuleError
from billing.service_layer import serialise
from billing.service_layer.deps import Deps
from fibreflow_shared.pii import InvalidPhone, PiiCipher

DUPLICATE_ACCOUNT = "A client with that account_id already exists"


def _sealed(pii: PiiCipher, value: str | None) -> bytes | None:
    """Fernet token of ``value`` as the bytes the ``*_enc`` (bytea) columns hold; decrypt takes them back."""
    token = pii.encrypt(value)
    return None if token is None else token.encode("ascii")


def _client_fields(pii: PiiCipher, data: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if "name" in data:
        out["name_enc"] = _sealed(pii, data["name"])
        out["name_tokens"] = name_tokens(pii, data["name"])
    if "phone" in data:
        phone = data["phone"]
        if phone:
            try:
                phone = client_phone(phone)
            except InvalidPhone as exc:
                raise BillingRuleError(f"phone: {exc}") from exc
        out["phone_enc"] = _sealed(pii, phone or None)
        out["phone_index"] = pii.phone_index(phone) if phone else None
    if "email" in data:
        out["email_enc"] = _sealed(pii, data["email"] or None)
        out["email_index"] = pii.email_index(data["email"]) if data["email"] else None
    for key in ("account_id", "address", "notes"):
        if key in data:
            out[key] = data[key]
    return out


def create_client(session: Session, deps: Deps, data: dict[str, Any]) -> dict[str, Any]:
    """Add a client; ``account_id`` is unique (409)."""
    row = ClientRow(**_client_fields(deps.pii, data))
    session.add(row)
    flush_unique(session, DUPLICATE_ACCOUNT)
    session.refresh(row)
    return serialise.client(row, deps.pii)


def update_client(session: Session, deps: Deps, client_id: str, data: dict[str, Any]) -> dict[str, Any]:
    """Change some of a client's details (the blind indexes follow)."""
    row = client_row(session, client_id)
    for key, value in _client_fields(deps.pii, data).items():
        setattr(row, key, value)
    row.updated_at = func.now()
    flush_unique(session, DUPLICATE_ACCOUNT)
    session.refresh(row)
    return serialise.client(row, deps.pii)


def rotate_pii(session: Session, pii: PiiCipher, batch: int = 500) -> int:
    """Re-encrypt every client with the current key and rebuild the blind indexes (after key rotation)."""
    done, last = 0, "00000000-0000-0000-0000-000000000000"
    while True:
        rows = session.scalars(select(ClientRow).where(ClientRow.id > last).order_by(ClientRow.id).limit(batch)
                               .with_for_update()).all()
        if not rows:
            return done
        for row in rows:
            name, phone, email = pii.decrypt(row.name_enc), pii.decrypt(row.phone_enc), pii.decrypt(row.email_enc)
            for key, value in _client_fields(pii, {"name": name, "phone": phone, "email": email}).items():
                setattr(row, key, value)
        session.flush()
        done, last = done + len(rows), rows[-1].id


def client_by_account(session: Session, account_id: str | None) -> ClientRow | None:
    """The (not deleted) client a ticket's ``client_account_id`` names, if any."""
    if not account_id:
        return None
    return session.scalars(select(ClientRow).where(ClientRow.account_id == account_id,
                                                   ClientRow.deleted_at.is_(None))).first()
