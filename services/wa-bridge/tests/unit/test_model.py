"""The plain rules: statuses never go backwards, UIDs and drops in text, chat ids, routing, HMAC."""
from __future__ import annotations

import inspect

import pytest

from wa_bridge.domain import model
from wa_bridge.service_layer import consumers
from wa_bridge.service_layer.webhooks import waha_hmac


@pytest.mark.parametrize(("current", "new", "expected"), [
    ("pending", "sent", "sent"), ("sent", "read", "read"), ("read", "sent", None), ("read", "delivered", None),
    ("delivered", "failed", None), ("pending", "failed", "failed"), ("sent", "failed", "failed"),
    ("failed", "read", None), ("received", "read", None), ("read", "read", None)])
def test_status_only_moves_forward(current: str, new: str, expected: str | None) -> None:
    assert model.advance(current, new) == expected


def test_ack_levels() -> None:
    assert [model.status_of_ack(a) for a in (-1, 0, 1, 2, 3, 4)] == ["failed", None, "sent", "delivered", "read",
                                                                      "read"]


def test_uids_and_drops_in_text() -> None:
    assert model.ticket_uids("re ff-0123 and DR1234-01, also FT12345 / EML-0007 BILL-20261122-0001") == [
        "FF-0123", "DR1234-01", "FT12345", "EML-0007", "BILL-20261122-0001"]
    assert model.drop_number("DR1234 fibre cut at pole P-4521") == "DR1234"
    assert model.drop_number("dr-77 down") == "DR77"
    assert model.drop_number("about DR1234-01") is None  # a ticket UID, not a report
    report = model.field_report("DR1234 fibre cut at pole P-4521")
    assert report is not None and report.drop_number == "DR1234" and report.title.startswith("DR1234 fibre")
    assert model.field_report("DR1234-01 still down") is None
    assert model.field_report("hello") is None


def test_chat_ids() -> None:
    assert model.chat_id("+27 82 123 4567") == "27821234567@c.us"
    assert model.chat_id("120363@g.us") == "120363@g.us"
    assert model.phone_of("27821234567@c.us") == "+27821234567"
    assert model.phone_of("1234@lid") is None and model.is_lid("1234@lid")


def test_routing_rule() -> None:
    assert model.route_target("critical", "g@g.us", "t@c.us") == ("t@c.us", "technician")
    assert model.route_target("high", "g@g.us", None) == ("g@g.us", "project_group")
    assert model.route_target("low", "g@g.us", "t@c.us") == ("g@g.us", "project_group")
    assert model.route_target("medium", None, "t@c.us") == ("t@c.us", "technician")
    assert model.route_target("low", None, None) == (None, "technician")


def test_waha_hmac_test_vector() -> None:
    body = b'{"event":"message","session":"default","engine":"WEBJS"}'
    assert waha_hmac("my-secret-key", body) == (
        "208f8a55dde9e05519e898b10b89bf0d0b3b0fdf11fdbf09b6b90476301b98d8097c462b2b17a6ce93b6b47a136cf2e78a33a63f6752c"
        "2c1631777076153fa89")


def test_consumer_table_is_the_one_shape() -> None:
    assert tuple(consumers.USE_CASES) == consumers.SUBSCRIPTIONS
    for event_type, use_case in consumers.USE_CASES.items():
        assert list(inspect.signature(use_case).parameters) == ["session", "event", "deps"], event_type


def test_production_refuses_dev_secrets() -> None:
    from fibreflow_shared.settings import SettingsError
    from wa_bridge.config import load

    with pytest.raises(SettingsError):
        load(environ={"FIBREFLOW_ENV": "production", "DATABASE_URL": "postgresql://x/y"})
