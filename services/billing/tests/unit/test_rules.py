"""Pure billing rules: classification, guarantee boundaries, contracts, fee ranges, costing, retries."""
from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from billing.domain import model
from billing.domain.errors import BillingConflict, BillingRuleError
from billing.domain.model import ContractTerms, Costing, Fee, Guarantee, TicketFacts, classify

INSTALLED = date(2026, 9, 1)
GUARANTEE = Guarantee("lawley", 60, ("fault", "build"))
FEE = Fee("fee-1", "fault", "high", Decimal("500.00"), Decimal("150.00"), date(2026, 1, 1), None)


def facts(days_after_install: int = 10, **kw: object) -> TicketFacts:
    base = dict(ticket_type="fault", priority="high", source="wa_inbound",
                created_on=INSTALLED + timedelta(days=days_after_install), project_id="lawley",
                drop_number="DR1234", install_date=INSTALLED, client_account_id=None)
    base.update(kw)
    return TicketFacts(**base)  # type: ignore[arg-type]


def contract(**kw: object) -> ContractTerms:
    base = dict(contract_id="c1", client_id="cl1", contract_number="CON-2026-001", status="active",
                start_date=date(2026, 1, 1), end_date=date(2026, 12, 31), sla_response_hours=2,
                sla_resolution_hours=8)
    base.update(kw)
    return ContractTerms(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize("days, expected", [(0, "guarantee"), (1, "guarantee"), (59, "guarantee"),
                                            (60, "guarantee"), (61, "billable"), (-1, "billable")])
def test_guarantee_period_boundaries(days: int, expected: str) -> None:
    result = classify(facts(days), GUARANTEE, None, FEE)
    assert result.billing_type == expected
    if expected == "guarantee":
        assert result.guarantee_expires_at == date(2026, 10, 31)
        assert result.billing_status == "not_required" and not result.requires_approval
        assert "day %d of the project's 60-day guarantee" % days in result.reason
    else:
        assert result.billing_status == "pending_approval" and result.requires_approval
        assert result.estimated_cost == Decimal("500.00")


def test_guarantee_needs_a_covered_type_and_a_known_install_date() -> None:
    assert classify(facts(5, ticket_type="infrastructure"), GUARANTEE, None, None).billing_type == "billable"
    result = classify(facts(5, install_date=None), GUARANTEE, None, None)
    assert result.billing_type == "billable" and "install date unknown" in result.reason
    assert classify(facts(5), None, None, None).billing_type == "billable"


def test_guarantee_wins_over_a_contract_then_contract_wins_over_billable() -> None:
    assert classify(facts(5), GUARANTEE, contract(), FEE).billing_type == "guarantee"
    result = classify(facts(100, client_account_id="ACC-1"), GUARANTEE, contract(), FEE)
    assert result.billing_type == "sla" and result.contract and result.contract.sla_resolution_hours == 8
    assert result.estimated_cost is None and result.billing_status == "not_required"
    assert result.inputs["contract_id"] == "c1"


@pytest.mark.parametrize("terms, covered", [
    (dict(), True),
    (dict(end_date=date(2026, 12, 9)), True),        # ends the day of the ticket: still in force
    (dict(end_date=date(2026, 12, 8)), False),       # expired the day before
    (dict(status="terminated"), False),
    (dict(status="expired"), False),
    (dict(start_date=date(2026, 12, 10)), False),    # not started yet
    (dict(deleted=True), False),                     # archived
])
def test_contract_in_force(terms: dict, covered: bool) -> None:
    on = INSTALLED + timedelta(days=99)  # 2026-12-09
    result = classify(facts(99, client_account_id="ACC-1"), GUARANTEE, contract(**terms), FEE)
    assert (result.billing_type == "sla") is covered


def test_expired_contract_status_is_computed_from_the_end_date() -> None:
    assert model.effective_contract_status("active", date(2026, 1, 31), date(2026, 2, 1)) == "expired"
    assert model.effective_contract_status("active", date(2026, 1, 31), date(2026, 1, 31)) == "active"
    assert model.effective_contract_status("terminated", None, date(2026, 1, 31)) == "terminated"


def test_internal_work_is_staff_only_without_client_or_drop() -> None:
    internal = classify(facts(200, source="ff_internal", drop_number=None, project_id=None, install_date=None),
                        None, None, FEE)
    assert internal.billing_type == "internal" and internal.billing_status == "not_required"
    # Staff-raised, but for a drop out of guarantee: billable, not internal.
    assert classify(facts(200, source="ff_internal"), GUARANTEE, None, FEE).billing_type == "billable"
    complaint = classify(facts(200, source="billing", ticket_type="billing", client_account_id="ACC-9"), None, None,
                         None)
    assert complaint.billing_type == "internal" and "billing complaint" in complaint.reason
    # ... unless the client's contract covers it (SLA terms then apply).
    assert classify(facts(99, source="billing", ticket_type="billing", client_account_id="ACC-1"), None,
                    contract(), None).billing_type == "sla"


def test_fee_ranges_may_not_overlap() -> None:
    existing = [Fee("a", "fault", "high", Decimal("500"), None, date(2026, 1, 1), date(2026, 6, 30)),
                Fee("b", "fault", "high", Decimal("550"), None, date(2026, 7, 1), None)]
    with pytest.raises(BillingConflict):
        model.check_new_fee("fault", "high", Decimal("1"), None, date(2026, 6, 30), date(2026, 6, 30), existing)
    with pytest.raises(BillingConflict):
        model.check_new_fee("fault", "high", Decimal("1"), None, date(2027, 1, 1), None, existing)
    with pytest.raises(BillingConflict):
        model.check_new_fee("fault", "high", Decimal("1"), None, date(2025, 1, 1), None, existing)
    # Another priority, or a gap before the first range, is fine.
    model.check_new_fee("fault", "low", Decimal("1"), None, date(2026, 1, 1), None, existing)
    model.check_new_fee("fault", "high", Decimal("1"), None, date(2025, 1, 1), date(2025, 12, 31), existing)
    with pytest.raises(BillingRuleError):
        model.check_new_fee("fault", "high", None, None, date(2020, 1, 1), date(2020, 2, 1), [])
    with pytest.raises(BillingRuleError):
        model.check_new_fee("fault", "high", Decimal("1"), None, date(2020, 2, 1), date(2020, 1, 1), [])


def test_fee_in_force_on_a_day() -> None:
    fees = [Fee("a", "fault", "high", Decimal("500"), None, date(2026, 1, 1), date(2026, 6, 30)),
            Fee("b", "fault", "high", Decimal("550"), None, date(2026, 7, 1), None)]
    assert model.fee_on(fees, "fault", "high", date(2026, 6, 30)).id == "a"  # type: ignore[union-attr]
    assert model.fee_on(fees, "fault", "high", date(2026, 7, 1)).id == "b"  # type: ignore[union-attr]
    assert model.fee_on(fees, "fault", "high", date(2025, 12, 31)) is None


@pytest.mark.parametrize("costing, expected", [
    (Costing(None, Decimal("500"), Decimal("150"), None, None), Decimal("500.00")),
    (Costing("hourly", Decimal("500"), Decimal("150"), None, Decimal("3.5")), Decimal("525.00")),
    (Costing("manual", Decimal("500"), None, Decimal("1234.565"), None), Decimal("1234.57")),
    (Costing(None, None, Decimal("120.00"), None, Decimal("0.25")), Decimal("30.00")),
])
def test_final_cost_in_decimal(costing: Costing, expected: Decimal) -> None:
    cost = model.final_cost(costing)
    assert cost == expected and isinstance(cost, Decimal)


@pytest.mark.parametrize("costing", [Costing("manual", Decimal("5"), None, None, None),
                                     Costing("hourly", Decimal("5"), Decimal("1"), None, None),
                                     Costing(None, None, None, None, None)])
def test_final_cost_refuses_what_cannot_be_costed(costing: Costing) -> None:
    with pytest.raises(BillingRuleError):
        model.final_cost(costing)


def test_retry_schedule_5_15_45_then_give_up() -> None:
    delays = (5.0, 15.0, 45.0)
    assert [model.next_retry_delay(n, delays, 3) for n in (1, 2, 3, 4)] == [5.0, 15.0, 45.0, None]
    assert model.next_retry_delay(1, delays, 0) is None
    assert model.next_retry_delay(5, (1.0,), 9) == 1.0


def test_invoice_trigger_rules() -> None:
    model.may_trigger_invoice("billable", "approved", "resolved")
    model.may_trigger_invoice("billable", "failed", "closed")
    with pytest.raises(BillingConflict):
        model.may_trigger_invoice("billable", "invoiced", "resolved")
    with pytest.raises(BillingRuleError):
        model.may_trigger_invoice("billable", "pending_approval", "resolved")
    with pytest.raises(BillingRuleError):
        model.may_trigger_invoice("billable", "approved", "in_progress")
    with pytest.raises(BillingRuleError):
        model.may_trigger_invoice("guarantee", "not_required", "resolved")
