import pytest

from ticket_core.domain.access import Viewer
from ticket_core.domain.errors import TicketRuleError
from ticket_core.domain.model import NewTicket, check_new_ticket, counter_scope, format_uid, manual_source


def test_uid_format_pads_to_four_digits_and_grows() -> None:
    assert format_uid("FF", 1) == "FF-0001"
    assert format_uid("AH", 123) == "AH-0123"
    assert format_uid("FF", 12345) == "FF-12345"


def test_scopes_per_source() -> None:
    assert counter_scope("ff_internal") == "FF"
    assert counter_scope("adhoc") == "AH"
    with pytest.raises(TicketRuleError):
        counter_scope("qcontact")


def test_integration_sources_cannot_be_created_by_hand() -> None:
    with pytest.raises(TicketRuleError, match="integration"):
        check_new_ticket(NewTicket("Fault", "d", "fault", "high", "qcontact", "u1"))
    with pytest.raises(TicketRuleError, match="drop_number"):
        check_new_ticket(NewTicket("Fault", "d", "build", "high", "construction", "u1"))
    check_new_ticket(NewTicket("Fault", "d", "fault", "high", "adhoc", "u1"))


def test_viewer_roles() -> None:
    assert Viewer("u", frozenset({"technician"})).sees_all is False
    assert Viewer("u", frozenset({"viewer"})).may_create is False
    # Teams have landed: team leads see their teams' tickets, not everything.
    assert Viewer("u", frozenset({"team_lead"})).sees_all is False
    assert Viewer("u", frozenset({"manager"})).sees_all is True


def test_manual_source_follows_the_type_and_only_managers_log_billing_complaints() -> None:
    assert manual_source("billing", None) == "billing" and manual_source("fault", None) == "ff_internal"
    assert manual_source("fault", "adhoc") == "adhoc"
    for role, billing in (("admin", True), ("manager", True), ("team_lead", False), ("technician", False),
                          ("viewer", False)):
        viewer = Viewer("u", frozenset({role}))
        assert viewer.may_create_from("billing") is billing, role
        assert viewer.may_create_from("ff_internal") is (role != "viewer"), role
