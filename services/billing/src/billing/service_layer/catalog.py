"""Use cases for reference data: clients, contracts, guarantees and the fee schedule."""
from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from billing.adapters.orm import ClientRow, ContractRow, ContractVersionRow, FeeRow, GuaranteeRow
from billing.adapters.pii import name_tokens, query_tokens
from billing.domain import model
from billing.domain.model import BillingRuleError, ConflictError, Fee
from billing.service_layer import serialise
from fibreflow_shared.pii import InvalidPhone, PiiCipher, normalise_phone


class NotFoundError(LookupError):
    """No such record."""


# -- clients --------------------------------------------------------------------------------
def _sealed(pii: PiiCipher, value: str | None) -> bytes | None:
    """Fernet token of ``value`` as the bytes the ``*_enc`` (bytea) columns hold; decrypt takes them back."""
    token = pii.encrypt(value)
    return None if token is None else token.encode("ascii")


def client_phone(raw: str) -> str:
    """E.164; billing keeps accepting any number of a possible length (not only assigned ranges)."""
    return normalise_phone(raw, strict=False)


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


def create_client(session: Session, pii: PiiCipher, data: dict[str, Any]) -> dict[str, Any]:
    row = ClientRow(**_client_fields(pii, data))
    session.add(row)
    _flush_unique(session, "A client with that account_id already exists")
    session.refresh(row)
    return serialise.client(row, pii)


def update_client(session: Session, pii: PiiCipher, client_id: str, data: dict[str, Any]) -> dict[str, Any]:
    row = _get_client(session, client_id)
    for key, value in _client_fields(pii, data).items():
        setattr(row, key, value)
    row.updated_at = func.now()
    _flush_unique(session, "A client with that account_id already exists")
    session.refresh(row)
    return serialise.client(row, pii)


def get_client(session: Session, pii: PiiCipher, client_id: str) -> dict[str, Any]:
    return serialise.client(_get_client(session, client_id), pii)


def _get_client(session: Session, client_id: str) -> ClientRow:
    row = session.get(ClientRow, client_id)
    if row is None or row.deleted_at is not None:
        raise NotFoundError(client_id)
    return row


def search_clients(session: Session, pii: PiiCipher, q: str | None, page: int, limit: int
                   ) -> tuple[list[dict[str, Any]], int]:
    """Auto-suggest: exact phone or email, account id prefix, or every word as a name prefix."""
    query = select(ClientRow).where(ClientRow.deleted_at.is_(None))
    if q:
        q = q.strip()
        conditions = [ClientRow.account_id.startswith(q, autoescape=True)]
        tokens = query_tokens(pii, q)
        if tokens:
            conditions.append(ClientRow.name_tokens.contains(tokens))
        if "@" in q:
            conditions.append(ClientRow.email_index == pii.email_index(q))
        if sum(c.isdigit() for c in q) >= 6:
            try:
                conditions.append(ClientRow.phone_index == pii.phone_index(client_phone(q)))
            except InvalidPhone:
                pass
        query = query.where(or_(*conditions))
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.scalars(query.order_by(ClientRow.created_at.desc(), ClientRow.id)
                           .offset((page - 1) * limit).limit(limit)).all()
    return [serialise.client(r, pii) for r in rows], total


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
    if not account_id:
        return None
    return session.scalars(select(ClientRow).where(ClientRow.account_id == account_id,
                                                   ClientRow.deleted_at.is_(None))).first()


# -- contracts ------------------------------------------------------------------------------
TERM_FIELDS = ("contract_type", "start_date", "end_date", "monthly_fee", "sla_response_hours",
               "sla_resolution_hours", "status", "notes")


def _terms_json(values: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for key in TERM_FIELDS:
        value = values.get(key)
        if isinstance(value, date):
            value = value.isoformat()
        elif isinstance(value, Decimal):
            value = str(value)
        out[key] = value
    return out


def _terms_from_json(terms: dict[str, Any]) -> dict[str, Any]:
    out = dict(terms)
    for key in ("start_date", "end_date"):
        if out.get(key):
            out[key] = date.fromisoformat(out[key])
    if out.get("monthly_fee") is not None:
        out["monthly_fee"] = Decimal(out["monthly_fee"])
    return out


def create_contract(session: Session, data: dict[str, Any], actor: str, today: date) -> dict[str, Any]:
    _get_client(session, data["client_id"])
    model.check_contract_dates(data["start_date"], data.get("end_date"))
    row = ContractRow(created_by=actor, **{k: v for k, v in data.items() if k in TERM_FIELDS + (
        "client_id", "contract_number")})
    session.add(row)
    _flush_unique(session, f"Contract number {data['contract_number']} already exists")
    session.add(ContractVersionRow(contract_id=row.id, version=1, effective_from=row.start_date,
                                   terms=_terms_json(data), reason="created", changed_by=actor,
                                   applied_at=func.now()))
    session.flush()
    session.refresh(row)
    return serialise.contract(row, today)


def get_contract(session: Session, contract_id: str, today: date) -> dict[str, Any]:
    row = _get_contract(session, contract_id, include_deleted=True)
    versions = session.scalars(select(ContractVersionRow).where(ContractVersionRow.contract_id == row.id)
                               .order_by(ContractVersionRow.version)).all()
    data = serialise.contract(row, today)
    data["history"] = [serialise.contract_version(v) for v in versions]
    return data


def _get_contract(session: Session, contract_id: str, *, include_deleted: bool = False,
                  lock: bool = False) -> ContractRow:
    query = select(ContractRow).where(ContractRow.id == contract_id)
    if lock:
        query = query.with_for_update()
    row = session.scalars(query).first()
    if row is None or (row.deleted_at is not None and not include_deleted):
        raise NotFoundError(contract_id)
    return row


def update_contract(session: Session, contract_id: str, changes: dict[str, Any], actor: str,
                    today: date) -> dict[str, Any]:
    """A change of terms effective from a date: kept as a new version; applied now if due."""
    row = _get_contract(session, contract_id, lock=True)
    effective_from: date = changes.pop("effective_from")
    reason = changes.pop("reason", None)
    latest = session.scalars(select(ContractVersionRow).where(ContractVersionRow.contract_id == row.id)
                             .order_by(ContractVersionRow.version.desc()).limit(1)).one()
    terms = _terms_from_json(latest.terms)
    terms.update(changes)
    model.check_contract_dates(terms["start_date"], terms.get("end_date"))
    if effective_from < latest.effective_from:
        raise BillingRuleError(f"effective_from must not precede the latest change "
                               f"({latest.effective_from.isoformat()})")
    row.version += 1
    version = ContractVersionRow(contract_id=row.id, version=row.version, effective_from=effective_from,
                                 terms=_terms_json(terms), reason=reason, changed_by=actor)
    session.add(version)
    if effective_from <= today:
        _apply_terms(row, version, terms)
    row.updated_at = func.now()
    session.flush()
    return get_contract(session, row.id, today)


def _apply_terms(row: ContractRow, version: ContractVersionRow, terms: dict[str, Any]) -> None:
    for key in TERM_FIELDS:
        setattr(row, key, terms.get(key))
    version.applied_at = func.now()


def archive_contract(session: Session, contract_id: str, actor: str) -> None:
    row = _get_contract(session, contract_id, lock=True)
    row.deleted_at = func.now()
    row.updated_at = func.now()


def apply_due_contract_changes(session: Session, today: date) -> int:
    """Apply future-dated changes whose day has come, and expire contracts past their end date."""
    due = session.scalars(select(ContractVersionRow).where(ContractVersionRow.applied_at.is_(None),
                                                           ContractVersionRow.effective_from <= today)
                          .order_by(ContractVersionRow.contract_id, ContractVersionRow.version)
                          .with_for_update(skip_locked=True)).all()
    for version in due:
        row = session.get(ContractRow, version.contract_id)
        if row is not None:
            _apply_terms(row, version, _terms_from_json(version.terms))
    expired = session.execute(update(ContractRow).where(ContractRow.status == "active",
                                                        ContractRow.end_date < today)
                              .values(status="expired", updated_at=func.now()))
    return len(due) + (expired.rowcount or 0)


def contract_terms_on(session: Session, client_id: str, on: date) -> model.ContractTerms | None:
    """The client's contract in force on ``on`` (terms of the version effective that day); else the most
    recent one, so the classification can say why it does not apply; None without contracts."""
    fallback = None
    contracts = session.scalars(select(ContractRow).where(ContractRow.client_id == client_id,
                                                          ContractRow.deleted_at.is_(None))
                                .order_by(ContractRow.start_date.desc())).all()
    for row in contracts:
        version = session.scalars(select(ContractVersionRow).where(
            ContractVersionRow.contract_id == row.id, ContractVersionRow.effective_from <= on)
            .order_by(ContractVersionRow.effective_from.desc(), ContractVersionRow.version.desc()).limit(1)).first()
        terms = _terms_from_json(version.terms) if version is not None else {
            k: getattr(row, k) for k in TERM_FIELDS}
        # A termination recorded on the row applies regardless of dated versions.
        status = "terminated" if row.status == "terminated" else terms["status"]
        candidate = model.ContractTerms(
            contract_id=row.id, client_id=row.client_id, contract_number=row.contract_number, status=status,
            start_date=terms["start_date"], end_date=terms.get("end_date"),
            sla_response_hours=terms.get("sla_response_hours"),
            sla_resolution_hours=terms.get("sla_resolution_hours"))
        if model.contract_covers(candidate, on):
            return candidate
        fallback = fallback or candidate
    return fallback


# -- guarantees -----------------------------------------------------------------------------
def upsert_guarantee(session: Session, data: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    row = session.scalars(select(GuaranteeRow).where(GuaranteeRow.project_id == data["project_id"])
                          .with_for_update()).first()
    created = row is None
    if row is None:
        row = GuaranteeRow(project_id=data["project_id"])
        session.add(row)
    row.project_name = data.get("project_name", row.project_name)
    row.guarantee_period_days = data["guarantee_period_days"]
    row.applies_to_ticket_types = list(data.get("applies_to_ticket_types") or model.DEFAULT_GUARANTEE_TYPES)
    row.notes = data.get("notes", row.notes)
    row.updated_at = func.now()
    session.flush()
    session.refresh(row)
    return serialise.guarantee(row), created


def get_guarantee(session: Session, project_id: str) -> dict[str, Any]:
    row = session.scalars(select(GuaranteeRow).where(GuaranteeRow.project_id == project_id)).first()
    if row is None:
        raise NotFoundError(project_id)
    return serialise.guarantee(row)


def guarantee_for(session: Session, project_id: str | None) -> model.Guarantee | None:
    if not project_id:
        return None
    row = session.scalars(select(GuaranteeRow).where(GuaranteeRow.project_id == project_id)).first()
    if row is None:
        return None
    return model.Guarantee(row.project_id, row.guarantee_period_days, tuple(row.applies_to_ticket_types))


# -- fee schedule ----------------------------------------------------------------------------
def _fee(row: FeeRow) -> Fee:
    return Fee(row.id, row.ticket_type, row.priority, row.fixed_fee, row.hourly_rate, row.effective_from,
               row.effective_until)


def create_fee(session: Session, data: dict[str, Any], actor: str) -> dict[str, Any]:
    """Add a fee version; ``supersede`` closes the open-ended range the new one starts inside."""
    # Serialise writers of one type × priority so two concurrent inserts cannot both pass the check.
    session.execute(select(func.pg_advisory_xact_lock(func.hashtext(f"fee:{data['ticket_type']}:{data['priority']}"))))
    existing = session.scalars(select(FeeRow).where(FeeRow.ticket_type == data["ticket_type"],
                                                    FeeRow.priority == data["priority"])).all()
    if data.get("supersede"):
        for row in existing:
            if row.effective_until is None and row.effective_from < data["effective_from"]:
                row.effective_until = data["effective_from"] - timedelta(days=1)
        session.flush()
    model.check_new_fee(data["ticket_type"], data["priority"], data.get("fixed_fee"), data.get("hourly_rate"),
                        data["effective_from"], data.get("effective_until"), [_fee(r) for r in existing])
    row = FeeRow(created_by=actor, **{k: v for k, v in data.items() if k != "supersede"})
    session.add(row)
    _flush_unique(session, "Overlaps an existing fee range")
    session.refresh(row)
    return serialise.fee(row)


def update_fee(session: Session, fee_id: str, data: dict[str, Any]) -> dict[str, Any]:
    """Only the end of a range and the description change; amounts are history and never edited."""
    row = session.get(FeeRow, fee_id, with_for_update=True)
    if row is None:
        raise NotFoundError(fee_id)
    if "effective_until" in data:
        others = session.scalars(select(FeeRow).where(FeeRow.ticket_type == row.ticket_type,
                                                      FeeRow.priority == row.priority, FeeRow.id != row.id)).all()
        model.check_new_fee(row.ticket_type, row.priority, row.fixed_fee, row.hourly_rate, row.effective_from,
                            data["effective_until"], [_fee(r) for r in others])
        row.effective_until = data["effective_until"]
    if "description" in data:
        row.description = data["description"]
    _flush_unique(session, "Overlaps an existing fee range")
    return serialise.fee(row)


def fee_on(session: Session, ticket_type: str, priority: str, on: date) -> Fee | None:
    row = session.scalars(select(FeeRow).where(
        FeeRow.ticket_type == ticket_type, FeeRow.priority == priority, FeeRow.effective_from <= on,
        or_(FeeRow.effective_until.is_(None), FeeRow.effective_until >= on))
        .order_by(FeeRow.effective_from.desc()).limit(1)).first()
    return _fee(row) if row is not None else None


def list_fees(session: Session, filters: dict[str, Any], page: int, limit: int) -> tuple[list[dict[str, Any]], int]:
    query = select(FeeRow)
    if filters.get("ticket_type"):
        query = query.where(FeeRow.ticket_type.in_(filters["ticket_type"]))
    if filters.get("priority"):
        query = query.where(FeeRow.priority.in_(filters["priority"]))
    if filters.get("on"):
        on = filters["on"]
        query = query.where(FeeRow.effective_from <= on, or_(FeeRow.effective_until.is_(None),
                                                             FeeRow.effective_until >= on))
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.scalars(query.order_by(FeeRow.ticket_type, FeeRow.priority, FeeRow.effective_from.desc())
                           .offset((page - 1) * limit).limit(limit)).all()
    return [serialise.fee(r) for r in rows], total


def _flush_unique(session: Session, message: str) -> None:
    try:
        with session.begin_nested():
            session.flush()
    except IntegrityError as exc:
        raise ConflictError(message) from exc
