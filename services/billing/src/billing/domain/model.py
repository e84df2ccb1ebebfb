"""Billing rules in plain Python: classification, costing, fee ranges, contract state.

Nothing here touches Flask, SQLAlchemy or the network; the service layer feeds these
functions with what it loaded and persists what they return.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Iterable

from billing.domain.errors import BillingConflict, BillingRuleError

TICKET_TYPES = ("build", "fault", "infrastructure", "preventative", "adhoc", "billing")
PRIORITIES = ("critical", "high", "medium", "low")
SOURCES = ("qcontact", "wa_inbound", "email", "construction", "ff_internal", "adhoc", "billing")
BILLING_TYPES = ("guarantee", "sla", "billable", "internal")
BILLING_STATUSES = ("not_required", "pending_approval", "approved", "rejected", "invoiced", "failed", "paid")
CONTRACT_TYPES = ("retainer", "per_incident", "mixed")
CONTRACT_STATUSES = ("active", "expired", "terminated")
FEE_SOURCES = ("fixed_fee", "manual", "hourly")
DEFAULT_GUARANTEE_TYPES = ("fault", "build")
# Billing statuses after which a new classification no longer changes the billing decision.
DECIDED = frozenset({"approved", "rejected", "invoiced", "failed", "paid"})
CENTS = Decimal("0.01")
# South Africa keeps SAST (UTC+2) all year: the business day of a timestamp.
SAST = timezone(timedelta(hours=2), "SAST")


def business_day(moment: datetime) -> date:
    """The SAST calendar day of an instant (guarantee days, fee and contract dates are SAST days)."""
    return moment.astimezone(SAST).date()


def money(value: Decimal | int | str | None) -> Decimal | None:
    """Round to cents (ZAR); never via float."""
    if value is None:
        return None
    return Decimal(value).quantize(CENTS, rounding=ROUND_HALF_UP)


def money_str(value: Decimal | None) -> str | None:
    """Cents as the decimal string the API and events carry (``"500.00"``)."""
    return None if value is None else str(money(value))


# -- guarantees ----------------------------------------------------------------------------
@dataclass(frozen=True)
class Guarantee:
    project_id: str
    period_days: int
    ticket_types: tuple[str, ...] = DEFAULT_GUARANTEE_TYPES


def guarantee_expiry(install_date: date, period_days: int) -> date:
    """The last day still covered: installed on D with N days → covered through D + N."""
    return install_date + timedelta(days=period_days)


# -- contracts -----------------------------------------------------------------------------
@dataclass(frozen=True)
class ContractTerms:
    contract_id: str
    client_id: str
    contract_number: str
    status: str
    start_date: date
    end_date: date | None
    sla_response_hours: int | None = None
    sla_resolution_hours: int | None = None
    deleted: bool = False


def effective_contract_status(status: str, end_date: date | None, today: date) -> str:
    """A contract past its end date is expired, whatever the stored status says."""
    if status == "active" and end_date is not None and end_date < today:
        return "expired"
    return status


def contract_covers(terms: ContractTerms, on: date) -> bool:
    """Is the contract in force on ``on`` (active, not archived, within its dates)?"""
    if terms.deleted or effective_contract_status(terms.status, terms.end_date, on) != "active":
        return False
    return terms.start_date <= on and (terms.end_date is None or on <= terms.end_date)


def check_contract_dates(start: date, end: date | None) -> None:
    """Refuse a contract that ends before it starts."""
    if end is not None and end < start:
        raise BillingRuleError("end_date must not be before start_date")


# -- fee schedule --------------------------------------------------------------------------
@dataclass(frozen=True)
class Fee:
    id: str
    ticket_type: str
    priority: str
    fixed_fee: Decimal | None
    hourly_rate: Decimal | None
    effective_from: date
    effective_until: date | None


def ranges_overlap(a_from: date, a_until: date | None, b_from: date, b_until: date | None) -> bool:
    """Inclusive date ranges, ``None`` = open-ended."""
    a_end = a_until or date.max
    b_end = b_until or date.max
    return a_from <= b_end and b_from <= a_end


def check_new_fee(ticket_type: str, priority: str, fixed_fee: Decimal | None, hourly_rate: Decimal | None,
                  effective_from: date, effective_until: date | None, existing: Iterable[Fee]) -> None:
    """Refuse a fee without an amount, with an inverted range, or overlapping another range."""
    if fixed_fee is None and hourly_rate is None:
        raise BillingRuleError("A fee needs a fixed_fee, an hourly_rate or both")
    if effective_until is not None and effective_until < effective_from:
        raise BillingRuleError("effective_until must not be before effective_from")
    for fee in existing:
        if fee.ticket_type == ticket_type and fee.priority == priority and ranges_overlap(
                effective_from, effective_until, fee.effective_from, fee.effective_until):
            raise BillingConflict(
                f"Overlaps the {ticket_type}/{priority} fee effective {fee.effective_from.isoformat()}"
                f"..{fee.effective_until.isoformat() if fee.effective_until else 'open'}")


def fee_on(fees: Iterable[Fee], ticket_type: str, priority: str, on: date) -> Fee | None:
    """The fee of ``ticket_type`` × ``priority`` in force on ``on`` (ranges are inclusive)."""
    for fee in fees:
        if fee.ticket_type == ticket_type and fee.priority == priority and \
                fee.effective_from <= on and (fee.effective_until is None or on <= fee.effective_until):
            return fee
    return None


# -- classification ------------------------------------------------------------------------
@dataclass(frozen=True)
class TicketFacts:
    """What classification looks at, taken from the ticket snapshot."""

    ticket_type: str
    priority: str
    source: str
    created_on: date
    project_id: str | None = None
    drop_number: str | None = None
    install_date: date | None = None
    client_account_id: str | None = None


@dataclass(frozen=True)
class Classification:
    billing_type: str
    reason: str
    billing_status: str
    requires_approval: bool
    guarantee_expires_at: date | None = None
    contract: ContractTerms | None = None
    fee: Fee | None = None
    estimated_cost: Decimal | None = None
    inputs: dict[str, Any] = field(default_factory=dict)


def internal_reason(facts: TicketFacts) -> str | None:
    """Why a ticket is staff-only work with no billing, or None.

    Client billing complaints (type ``billing``) are customer service about the client's own
    account, never chargeable field work; FibreFlow-internal tickets for no client and no drop
    are staff tasks.
    """
    if facts.ticket_type == "billing":
        return "Client billing complaint: customer service, not chargeable work"
    if facts.source == "ff_internal" and not facts.client_account_id and not facts.drop_number:
        return "Staff-only internal work (no client, no drop)"
    return None


def estimate(fee: Fee | None) -> Decimal | None:
    """Estimated cost: the fixed fee; an hourly-only fee has no estimate until hours are known."""
    return money(fee.fixed_fee) if fee is not None and fee.fixed_fee is not None else None


def classify(facts: TicketFacts, guarantee: Guarantee | None, contract: ContractTerms | None,
             fee: Fee | None) -> Classification:
    """FR-BIL-001: guarantee, then SLA contract, then internal, else billable (needs approval).

    ``contract`` is the client's contract (if any); ``fee`` the fee in force on the ticket's
    creation date for its type and priority.
    """
    inputs: dict[str, Any] = {
        "ticket_type": facts.ticket_type, "priority": facts.priority, "source": facts.source,
        "created_on": facts.created_on.isoformat(), "project_id": facts.project_id,
        "drop_number": facts.drop_number,
        "install_date": facts.install_date.isoformat() if facts.install_date else None,
        "client_account_id": facts.client_account_id,
        "guarantee_period_days": guarantee.period_days if guarantee else None,
        "guarantee_ticket_types": list(guarantee.ticket_types) if guarantee else None,
        "contract_id": contract.contract_id if contract else None,
        "fee_schedule_id": fee.id if fee else None,
    }
    if guarantee is not None and facts.install_date is not None:
        expires = guarantee_expiry(facts.install_date, guarantee.period_days)
        covered_type = facts.ticket_type in guarantee.ticket_types
        if covered_type and facts.install_date <= facts.created_on <= expires:
            days = (facts.created_on - facts.install_date).days
            return Classification(
                "guarantee",
                f"Drop {facts.drop_number or '?'} installed {facts.install_date.isoformat()}, day {days} of the "
                f"project's {guarantee.period_days}-day guarantee (expires {expires.isoformat()}); "
                f"type {facts.ticket_type} is covered",
                "not_required", False, guarantee_expires_at=expires, inputs=inputs)
    if contract is not None and contract_covers(contract, facts.created_on):
        return Classification(
            "sla", f"Client has active contract {contract.contract_number}", "not_required", False,
            contract=contract, inputs=inputs)
    internal = internal_reason(facts)
    if internal:
        return Classification("internal", internal, "not_required", False, inputs=inputs)
    why = _not_covered_reason(facts, guarantee, contract)
    return Classification("billable", f"Billable: {why}", "pending_approval", True, fee=fee,
                          estimated_cost=estimate(fee), inputs=inputs)


def _not_covered_reason(facts: TicketFacts, guarantee: Guarantee | None, contract: ContractTerms | None) -> str:
    parts = []
    if guarantee is None:
        parts.append("no guarantee configured for the project" if facts.project_id else "no project")
    elif facts.install_date is None:
        parts.append("install date unknown")
    elif facts.ticket_type not in guarantee.ticket_types:
        parts.append(f"type {facts.ticket_type} not covered by the guarantee")
    else:
        parts.append(f"guarantee expired {guarantee_expiry(facts.install_date, guarantee.period_days).isoformat()}")
    if contract is None:
        parts.append("no client contract" if facts.client_account_id else "no client")
    else:
        parts.append(f"contract {contract.contract_number} not in force")
    return "; ".join(parts)


# -- costing ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Costing:
    fee_source: str | None
    fixed_fee: Decimal | None
    hourly_rate: Decimal | None
    manual_fee_amount: Decimal | None
    hours_worked: Decimal | None


def default_fee_source(fixed_fee: Decimal | None, hourly_rate: Decimal | None) -> str | None:
    """Fixed fee when the schedule has one, else hourly; None without either."""
    if fixed_fee is not None:
        return "fixed_fee"
    if hourly_rate is not None:
        return "hourly"
    return None


def final_cost(c: Costing) -> Decimal:
    """The actual cost of the work (FR-BIL-006); raises when it cannot be computed."""
    source = c.fee_source or default_fee_source(c.fixed_fee, c.hourly_rate)
    if source == "manual":
        if c.manual_fee_amount is None:
            raise BillingRuleError("Manual fee source without a manual_fee_amount")
        return money(c.manual_fee_amount)  # type: ignore[return-value]
    if source == "hourly":
        if c.hourly_rate is None:
            raise BillingRuleError("Hourly billing without an hourly rate in the fee schedule")
        if c.hours_worked is None:
            raise BillingRuleError("Hourly billing needs hours_worked")
        return money(c.hours_worked * c.hourly_rate)  # type: ignore[return-value]
    if source == "fixed_fee":
        if c.fixed_fee is None:
            raise BillingRuleError("No fixed fee in the fee schedule for this ticket")
        return money(c.fixed_fee)  # type: ignore[return-value]
    raise BillingRuleError("No fee schedule entry and no manual amount: cannot cost the ticket")


# -- invoicing retries -------------------------------------------------------------------------
def next_retry_delay(attempts_made: int, delays: tuple[float, ...], max_retries: int) -> float | None:
    """Seconds to wait before the next try after ``attempts_made`` failed tries, or None = give up.

    With 3 retries and delays 5/15/45: try, wait 5, retry, wait 15, retry, wait 45, retry, fail.
    """
    if attempts_made > max_retries:
        return None
    if not delays:
        return 0.0
    return delays[min(attempts_made - 1, len(delays) - 1)]


def may_trigger_invoice(billing_type: str, billing_status: str, ticket_status: str | None) -> None:
    """Refuse to queue an invoice unless the ticket is billable, approved (or failed) and resolved."""
    if billing_type != "billable":
        raise BillingRuleError(f"Only billable tickets are invoiced (this one is {billing_type})")
    if billing_status in ("invoiced", "paid"):
        raise BillingConflict("Ticket is already invoiced")
    if billing_status not in ("approved", "failed"):
        raise BillingRuleError(f"Ticket must be approved before invoicing (billing_status {billing_status})")
    if ticket_status not in ("resolved", "closed"):
        raise BillingRuleError("Only resolved tickets are invoiced")
