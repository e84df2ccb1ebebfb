"""Use cases of client contracts (FR-BIL-003): create, dated term changes kept as history,
archive, the daily application of due changes and expiry, and the terms classification uses."""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from billing import views
from billing.adapters.orm import ContractRow, ContractVersionRow
from billing.adapters.repository import client_row, flush_unique
from billing.domain import model
from billing.domain.errors import BillingRuleError, RecordNotFound
from fibreflow_shared import audit
from fibreflow_shared.messaging.outbox import Outbox

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


def _contract_row(session: Session, contract_id: str) -> ContractRow:
    row = session.scalars(select(ContractRow).where(ContractRow.id == contract_id).with_for_update()).first()
    if row is None or row.deleted_at is not None:
        raise RecordNotFound(contract_id)
    return row


def create_contract(session: Session, data: dict[str, Any], actor: str, today: date, *,
                    outbox: Outbox) -> dict[str, Any]:
    """A new contract of an existing client, with its first version in the history."""
    client_row(session, data["client_id"])
    model.check_contract_dates(data["start_date"], data.get("end_date"))
    row = ContractRow(created_by=actor, **{k: v for k, v in data.items() if k in TERM_FIELDS + (
        "client_id", "contract_number")})
    session.add(row)
    flush_unique(session, f"Contract number {data['contract_number']} already exists")
    session.add(ContractVersionRow(contract_id=row.id, version=1, effective_from=row.start_date,
                                   terms=_terms_json(data), reason="created", changed_by=actor,
                                   applied_at=func.now()))
    session.flush()
    session.refresh(row)
    audit.stage(outbox, session, audit.CONTRACT_CHANGED, "contract", row.id, after=_terms_json(data))
    return views.contract(session, row.id, today, with_history=False)


def update_contract(session: Session, contract_id: str, changes: dict[str, Any], actor: str,
                    today: date, *, outbox: Outbox) -> dict[str, Any]:
    """A change of terms effective from a date: kept as a new version; applied now if due."""
    row = _contract_row(session, contract_id)
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
    audit.stage(outbox, session, audit.CONTRACT_CHANGED, "contract", row.id, before=latest.terms,
                after={**version.terms, "effective_from": effective_from, "reason": reason})
    return views.contract(session, row.id, today)


def _apply_terms(row: ContractRow, version: ContractVersionRow, terms: dict[str, Any]) -> None:
    for key in TERM_FIELDS:
        setattr(row, key, terms.get(key))
    version.applied_at = func.now()


def archive_contract(session: Session, contract_id: str, actor: str, *, outbox: Outbox) -> None:
    """Soft-delete a contract: it no longer gives SLA cover nor shows in lists by default."""
    row = _contract_row(session, contract_id)
    row.deleted_at = func.now()
    row.updated_at = func.now()
    audit.stage(outbox, session, audit.CONTRACT_CHANGED, "contract", row.id, before={"archived": False},
                after={"archived": True})


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
