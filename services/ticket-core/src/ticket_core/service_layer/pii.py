"""Client PII on tickets (billing complaints): encrypted with the first key of
TICKET_CORE_PII_KEYS, findable through blind indexes, and re-encrypted when keys rotate."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ticket_core.adapters.orm import TicketRow
from ticket_core.adapters.pii import client_phone_e164, name_index
from ticket_core.service_layer.deps import Deps


def client_fields(deps: Deps, values: dict[str, Any]) -> dict[str, Any]:
    """The stored columns for the client fields in ``values``: PII encrypted with its blind
    indexes, the phone normalised to E.164 first (a bad one is a TicketRuleError)."""
    out: dict[str, Any] = {}
    if "client_phone" in values:
        phone = values["client_phone"]
        e164 = client_phone_e164(phone) if phone else None
        out["client_phone_enc"] = deps.cipher.encrypt(e164)
        out["client_phone_index"] = deps.cipher.phone_index(e164) if e164 else None
    if "client_name" in values:
        name = values["client_name"]
        out["client_name_enc"] = deps.cipher.encrypt(name)
        out["client_name_index"] = name_index(deps.cipher, name) if name else None
    if "client_email" in values:
        out["client_email_enc"] = deps.cipher.encrypt(values["client_email"].lower() if values["client_email"] else None)
    if "client_account_id" in values:
        out["client_account_id"] = values["client_account_id"]
    return out


def rotate_pii(session: Session, deps: Deps, batch: int = 500) -> int:
    """Re-encrypt every client field with the current (first) key and rebuild the phone and name
    blind indexes from the decrypted values (so rows stay findable after the index key or the
    index scheme changes); returns rows rewritten. A value no configured key opens raises
    UndecryptablePii (the caller's transaction then rolls back: nothing is half rotated)."""
    count = 0
    last = ""
    while True:
        rows = session.scalars(select(TicketRow).where(
            TicketRow.client_phone_enc.isnot(None) | TicketRow.client_name_enc.isnot(None)
            | TicketRow.client_email_enc.isnot(None), TicketRow.ticket_uid > last)
            .order_by(TicketRow.ticket_uid).limit(batch)).all()
        if not rows:
            return count
        for row in rows:
            c = deps.cipher
            name, phone = c.decrypt(row.client_name_enc), c.decrypt(row.client_phone_enc)
            row.client_name_enc = c.encrypt(name)
            row.client_name_index = name_index(c, name) if name else None
            row.client_phone_enc = c.encrypt(phone)  # stored in E.164 already: indexed as it is
            row.client_phone_index = c.phone_index(phone) if phone else None
            row.client_email_enc = c.rotate(row.client_email_enc) if row.client_email_enc is not None else None
            last = row.ticket_uid
            count += 1
        session.flush()
