"""Read side: the answers of the list, detail and report endpoints (aggregated in SQL, paginated).
Nothing here writes."""
from __future__ import annotations

from datetime import date, datetime
from typing import Any, Sequence

from sqlalchemy import Select, Text, and_, case, cast, func, or_, select
from sqlalchemy.orm import Session

from billing.adapters.orm import ClientRow, ContractRow, ContractVersionRow, FeeRow, GuaranteeRow, TicketBillingRow
from billing.adapters.pii import client_phone, query_tokens
from billing.adapters.repository import client_row, ticket_row
from billing.domain.errors import RecordNotFound
from billing.domain.model import BILLING_TYPES, guarantee_expiry
from billing.service_layer import serialise
from fibreflow_shared.pii import InvalidPhone, PiiCipher
from fibreflow_shared.schemas import SortKey
from fibreflow_shared.timeutil import utc_now

# Sortable response fields → columns (the ``sort`` parameter names response fields).
CONTRACT_SORT = {"created_at": ContractRow.created_at, "contract_number": ContractRow.contract_number,
                 "start_date": ContractRow.start_date, "end_date": ContractRow.end_date,
                 "status": ContractRow.status}
TICKET_SORT = {"ticket_created_at": TicketBillingRow.ticket_created_at, "created_at": TicketBillingRow.created_at,
               "ticket_uid": TicketBillingRow.ticket_uid, "estimated_cost": TicketBillingRow.estimated_cost,
               "invoiced_at": TicketBillingRow.invoiced_at}
# Report rows' fields, in order: the CSV export's columns.
WORK_COLUMNS = ("key", "name", *BILLING_TYPES, "total", "guarantee_share", "billable_amount")
REVENUE_COLUMNS = ("month", "invoiced_count", "invoiced_amount", "paid_count", "paid_amount", "currency")
AGEING_COLUMNS = ("bucket", "count", "estimated_amount", "currency")


def _order(query: Select, sort: Sequence[SortKey], columns: dict[str, Any]) -> Select:
    return query.order_by(*(columns[name].desc() if desc else columns[name].asc() for name, desc in sort))


def _page(session: Session, query: Select, page: int, limit: int) -> tuple[list[Any], int]:
    total = session.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0
    return list(session.scalars(query.offset((page - 1) * limit).limit(limit)).all()), total


# -- clients -----------------------------------------------------------------------------------
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
    rows, total = _page(session, query.order_by(ClientRow.created_at.desc(), ClientRow.id), page, limit)
    return [serialise.client(r, pii) for r in rows], total


def client(session: Session, pii: PiiCipher, client_id: str) -> dict[str, Any]:
    """One client that is not deleted, else 404."""
    return serialise.client(client_row(session, client_id), pii)


# -- contracts ---------------------------------------------------------------------------------
def list_contracts(session: Session, f: dict[str, Any], page: int, limit: int, today: date
                   ) -> tuple[list[dict[str, Any]], int]:
    """Contracts filtered by client, status as of ``today`` (expiry applied), type and number."""
    query = select(ContractRow)
    if not f.get("include_archived"):
        query = query.where(ContractRow.deleted_at.is_(None))
    if f.get("client_id"):
        query = query.where(ContractRow.client_id.in_([str(c) for c in f["client_id"]]))
    if f.get("contract_type"):
        query = query.where(ContractRow.contract_type.in_(f["contract_type"]))
    if f.get("status"):
        wanted = set(f["status"])
        expired_now = and_(ContractRow.status == "active", ContractRow.end_date < today)
        conds = []
        if "active" in wanted:
            conds.append(and_(ContractRow.status == "active", or_(ContractRow.end_date.is_(None),
                                                                   ContractRow.end_date >= today)))
        if "expired" in wanted:
            conds.append(or_(ContractRow.status == "expired", expired_now))
        if "terminated" in wanted:
            conds.append(ContractRow.status == "terminated")
        query = query.where(or_(*conds))
    if f.get("q"):
        query = query.where(ContractRow.contract_number.ilike(f"%{_escape(f['q'])}%", escape="\\"))
    rows, total = _page(session, _order(query, f["sort"], CONTRACT_SORT).order_by(ContractRow.id), page, limit)
    return [serialise.contract(r, today) for r in rows], total


def contract(session: Session, contract_id: str, today: date, *, with_history: bool = True,
             with_tickets: bool = False) -> dict[str, Any]:
    """A contract (archived ones too), with its history of term changes and its ticket counts."""
    row = session.get(ContractRow, contract_id)
    if row is None:
        raise RecordNotFound(contract_id)
    data = serialise.contract(row, today)
    if with_history:
        versions = session.scalars(select(ContractVersionRow).where(ContractVersionRow.contract_id == row.id)
                                   .order_by(ContractVersionRow.version)).all()
        data["history"] = [serialise.contract_version(v) for v in versions]
    if with_tickets:
        data["tickets"] = contract_ticket_counts(session, row.id)
    return data


def contract_ticket_counts(session: Session, contract_id: str) -> dict[str, int]:
    """How many tickets the contract covered, and how many of them are still open."""
    rows = session.execute(select(TicketBillingRow.ticket_status, func.count()).where(
        TicketBillingRow.contract_id == contract_id).group_by(TicketBillingRow.ticket_status)).all()
    counts = {status or "unknown": n for status, n in rows}
    return {"total": sum(counts.values()),
            "open": sum(n for s, n in counts.items() if s not in ("resolved", "closed"))}


# -- guarantees --------------------------------------------------------------------------------
def list_guarantees(session: Session, page: int, limit: int) -> tuple[list[dict[str, Any]], int]:
    """Every project guarantee, by project id."""
    rows, total = _page(session, select(GuaranteeRow).order_by(GuaranteeRow.project_id), page, limit)
    return [serialise.guarantee(r) for r in rows], total


def guarantee(session: Session, project_id: str, install_date: date | None = None) -> dict[str, Any]:
    """A project's guarantee; with ``install_date`` also the expiry it gives that installation."""
    row = session.scalars(select(GuaranteeRow).where(GuaranteeRow.project_id == project_id)).first()
    if row is None:
        raise RecordNotFound(project_id)
    data = serialise.guarantee(row)
    if install_date is not None:
        data["install_date"] = install_date.isoformat()
        data["guarantee_expires_at"] = guarantee_expiry(install_date, row.guarantee_period_days).isoformat()
    return data


def guarantee_installations(session: Session, project_id: str, today: date, page: int,
                            limit: int) -> tuple[list[dict[str, Any]], int]:
    """Drops of the project seen on tickets, with their guarantee expiry (latest install first);
    404 when the project has no guarantee."""
    period_days = guarantee(session, project_id)["guarantee_period_days"]
    query = select(TicketBillingRow.install_dr_number, TicketBillingRow.install_date).where(
        TicketBillingRow.project_id == project_id, TicketBillingRow.install_dr_number.is_not(None),
        TicketBillingRow.install_date.is_not(None)).distinct()
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.execute(query.order_by(TicketBillingRow.install_date.desc(), TicketBillingRow.install_dr_number)
                           .offset((page - 1) * limit).limit(limit)).all()
    out = []
    for drop, installed in rows:
        expires = guarantee_expiry(installed, period_days)
        out.append({"drop_number": drop, "install_date": installed.isoformat(), "guarantee_expires_at":
                    expires.isoformat(), "under_guarantee": installed <= today <= expires,
                    "days_left": max((expires - today).days, 0)})
    return out, total


# -- fee schedule ------------------------------------------------------------------------------
def list_fees(session: Session, f: dict[str, Any], page: int, limit: int) -> tuple[list[dict[str, Any]], int]:
    """The fee schedule with its history (``on``: only the fees in force that day)."""
    query = select(FeeRow)
    if f.get("ticket_type"):
        query = query.where(FeeRow.ticket_type.in_(f["ticket_type"]))
    if f.get("priority"):
        query = query.where(FeeRow.priority.in_(f["priority"]))
    if f.get("on"):
        query = query.where(FeeRow.effective_from <= f["on"], or_(FeeRow.effective_until.is_(None),
                                                                  FeeRow.effective_until >= f["on"]))
    query = query.order_by(FeeRow.ticket_type, FeeRow.priority, FeeRow.effective_from.desc())
    rows, total = _page(session, query, page, limit)
    return [serialise.fee(r) for r in rows], total


# -- ticket billing ----------------------------------------------------------------------------
def ticket_billing(session: Session, ticket: str) -> dict[str, Any]:
    """The billing record of one ticket (UUID or UID)."""
    return serialise.ticket_billing(ticket_row(session, ticket, lock=False))


def list_ticket_billing(session: Session, f: dict[str, Any], page: int, limit: int
                        ) -> tuple[list[dict[str, Any]], int]:
    """Billing records filtered by billing type, billing status and project."""
    query = select(TicketBillingRow)
    for key, column in (("billing_type", TicketBillingRow.billing_type),
                        ("billing_status", TicketBillingRow.billing_status),
                        ("project_id", TicketBillingRow.project_id)):
        if f.get(key):
            query = query.where(column.in_(f[key]))
    rows, total = _page(session, _order(query, f["sort"], TICKET_SORT).order_by(TicketBillingRow.ticket_uid),
                        page, limit)
    return [serialise.ticket_billing(r) for r in rows], total


def pending_approvals(session: Session, page: int, limit: int, now: datetime | None = None
                      ) -> tuple[list[dict[str, Any]], int]:
    """Oldest first, with how long each has waited."""
    now = now or utc_now()
    query = select(TicketBillingRow).where(TicketBillingRow.billing_status == "pending_approval",
                                           TicketBillingRow.ticket_deleted_at.is_(None)) \
        .order_by(TicketBillingRow.approval_requested_at, TicketBillingRow.ticket_uid)
    rows, total = _page(session, query, page, limit)
    out = []
    for r in rows:
        item = serialise.ticket_billing(r)
        waited = (now - r.approval_requested_at).total_seconds() if r.approval_requested_at else 0
        item["waiting_hours"] = round(max(waited, 0) / 3600, 2)
        out.append(item)
    return out, total


# -- reports -----------------------------------------------------------------------------------
def _period(query: Select, column: Any, f: dict[str, Any]) -> Select:
    """``period_from`` inclusive, ``period_to`` exclusive."""
    if f.get("period_from"):
        query = query.where(column >= f["period_from"])
    if f.get("period_to"):
        query = query.where(column < f["period_to"])
    return query


def work_report(session: Session, f: dict[str, Any]) -> list[dict[str, Any]]:
    """Tickets and money per billing type, by project or by contractor (assigned team, else person)."""
    if f.get("group_by", "project") == "contractor":
        key = func.coalesce(cast(TicketBillingRow.assigned_team, Text), cast(TicketBillingRow.assigned_to, Text))
        name: Any = key
    else:
        key = TicketBillingRow.project_id
        name = func.max(TicketBillingRow.project_name)
    columns = [key.label("key"), name.label("name")]
    for billing_type in BILLING_TYPES:
        columns.append(func.count().filter(TicketBillingRow.billing_type == billing_type).label(billing_type))
    columns += [
        func.count().label("total"),
        func.sum(case((TicketBillingRow.billing_type == "billable",
                       func.coalesce(TicketBillingRow.actual_cost, TicketBillingRow.estimated_cost)),
                      else_=None)).label("billable_amount"),
    ]
    query = select(*columns)
    if f.get("billing_type"):
        query = query.where(TicketBillingRow.billing_type.in_(f["billing_type"]))
    if f.get("project_id"):
        query = query.where(TicketBillingRow.project_id.in_(f["project_id"]))
    query = _period(query, TicketBillingRow.ticket_created_at, f).group_by(key).order_by(key.asc().nulls_last())
    out = []
    for row in session.execute(query).all():
        item: dict[str, Any] = {"key": row.key, "name": row.name}
        for billing_type in BILLING_TYPES:
            item[billing_type] = getattr(row, billing_type)
        item["total"] = row.total
        item["guarantee_share"] = round(row.guarantee / row.total, 4) if row.total else 0.0
        item["billable_amount"] = serialise.dec(row.billable_amount) or "0.00"
        out.append(item)
    return out


def revenue_report(session: Session, f: dict[str, Any]) -> list[dict[str, Any]]:
    """Invoiced and paid amounts per calendar month (SAST) of the invoice."""
    month = func.to_char(func.timezone("Africa/Johannesburg", TicketBillingRow.invoiced_at), "YYYY-MM")
    query = select(month.label("month"), func.count().label("invoiced_count"),
                   func.sum(TicketBillingRow.invoice_amount).label("invoiced_amount"),
                   func.count().filter(TicketBillingRow.billing_status == "paid").label("paid_count"),
                   func.sum(TicketBillingRow.paid_amount).label("paid_amount")) \
        .where(TicketBillingRow.invoiced_at.is_not(None))
    query = _period(query, TicketBillingRow.invoiced_at, f).group_by(month).order_by(month)
    return [{"month": r.month, "invoiced_count": r.invoiced_count,
             "invoiced_amount": serialise.dec(r.invoiced_amount) or "0.00", "paid_count": r.paid_count,
             "paid_amount": serialise.dec(r.paid_amount) or "0.00", "currency": "ZAR"}
            for r in session.execute(query).all()]


AGEING_BUCKETS = (("under_24h", 0, 24), ("1_3_days", 24, 72), ("3_7_days", 72, 168), ("over_7_days", 168, None))


def pending_ageing_report(session: Session) -> list[dict[str, Any]]:
    """Billable tickets waiting for approval, counted and summed by how long they have waited."""
    age = func.extract("epoch", func.now() - TicketBillingRow.approval_requested_at) / 3600
    columns = []
    for name, low, high in AGEING_BUCKETS:
        cond = age >= low if high is None else and_(age >= low, age < high)
        columns += [func.count().filter(cond).label(f"{name}_count"),
                    func.sum(case((cond, TicketBillingRow.estimated_cost), else_=None)).label(f"{name}_amount")]
    row = session.execute(select(*columns).where(TicketBillingRow.billing_status == "pending_approval",
                                                 TicketBillingRow.ticket_deleted_at.is_(None))).one()
    return [{"bucket": name, "count": getattr(row, f"{name}_count"),
             "estimated_amount": serialise.dec(getattr(row, f"{name}_amount")) or "0.00", "currency": "ZAR"}
            for name, _, _ in AGEING_BUCKETS]


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
