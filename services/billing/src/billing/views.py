"""Read side: lists, the approval queue and reports (aggregated in SQL, paginated)."""
from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import Select, Text, and_, case, cast, func, or_, select
from sqlalchemy.orm import Session

from billing.adapters.orm import ContractRow, GuaranteeRow, TicketBillingRow
from billing.domain.model import BILLING_TYPES, guarantee_expiry
from billing.service_layer import serialise


class BadSort(ValueError):
    """A sort field that is not allowed."""


def _order(query: Select, sort: str | None, columns: dict[str, Any], default: str) -> Select:
    orders = []
    for part in (sort or default).split(","):
        part = part.strip()
        desc = part.startswith("-")
        name = part.lstrip("-+")
        if name not in columns:
            raise BadSort(f"Cannot sort by {name!r}; allowed: {', '.join(sorted(columns))}")
        orders.append(columns[name].desc() if desc else columns[name].asc())
    return query.order_by(*orders)


def _page(session: Session, query: Select, page: int, limit: int) -> tuple[list[Any], int]:
    total = session.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0
    return list(session.scalars(query.offset((page - 1) * limit).limit(limit)).all()), total


def list_contracts(session: Session, f: dict[str, Any], page: int, limit: int, today: date
                   ) -> tuple[list[dict[str, Any]], int]:
    query = select(ContractRow)
    if not f.get("include_archived"):
        query = query.where(ContractRow.deleted_at.is_(None))
    if f.get("client_id"):
        query = query.where(ContractRow.client_id.in_(f["client_id"]))
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
    cols = {"created_at": ContractRow.created_at, "contract_number": ContractRow.contract_number,
            "start_date": ContractRow.start_date, "end_date": ContractRow.end_date, "status": ContractRow.status}
    rows, total = _page(session, _order(query, f.get("sort"), cols, "-created_at").order_by(ContractRow.id),
                        page, limit)
    return [serialise.contract(r, today) for r in rows], total


def contract_ticket_counts(session: Session, contract_id: str) -> dict[str, int]:
    rows = session.execute(select(TicketBillingRow.ticket_status, func.count()).where(
        TicketBillingRow.contract_id == contract_id).group_by(TicketBillingRow.ticket_status)).all()
    counts = {status or "unknown": n for status, n in rows}
    return {"total": sum(counts.values()),
            "open": sum(n for s, n in counts.items() if s not in ("resolved", "closed"))}


def list_guarantees(session: Session, page: int, limit: int) -> tuple[list[dict[str, Any]], int]:
    rows, total = _page(session, select(GuaranteeRow).order_by(GuaranteeRow.project_id), page, limit)
    return [serialise.guarantee(r) for r in rows], total


def guarantee_installations(session: Session, project_id: str, period_days: int, today: date, page: int,
                            limit: int) -> tuple[list[dict[str, Any]], int]:
    """Drops of the project seen on tickets, with their guarantee expiry (latest install first)."""
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


def list_ticket_billing(session: Session, f: dict[str, Any], page: int, limit: int
                        ) -> tuple[list[dict[str, Any]], int]:
    query = select(TicketBillingRow)
    for key, column in (("billing_type", TicketBillingRow.billing_type),
                        ("billing_status", TicketBillingRow.billing_status),
                        ("project_id", TicketBillingRow.project_id)):
        if f.get(key):
            query = query.where(column.in_(f[key]))
    cols = {"created_at": TicketBillingRow.ticket_created_at, "ticket_uid": TicketBillingRow.ticket_uid,
            "estimated_cost": TicketBillingRow.estimated_cost, "invoiced_at": TicketBillingRow.invoiced_at}
    rows, total = _page(session, _order(query, f.get("sort"), cols, "-created_at"), page, limit)
    return [serialise.ticket_billing(r) for r in rows], total


def pending_approvals(session: Session, page: int, limit: int, now: datetime | None = None
                      ) -> tuple[list[dict[str, Any]], int]:
    """Oldest first, with how long each has waited."""
    now = now or datetime.now(timezone.utc)
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


def _period(query: Select, column: Any, f: dict[str, Any]) -> Select:
    if f.get("from"):
        query = query.where(column >= f["from"])
    if f.get("to"):
        query = query.where(column < f["to"])
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
        item = {"key": row.key, "name": row.name}
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
