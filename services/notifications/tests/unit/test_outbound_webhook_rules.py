"""Outbound webhooks, the pure rules: patterns, the catalogue, signatures (checked with the
official ``standardwebhooks`` library), the retry schedule, SSRF address rules."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import standardwebhooks

from notifications.config import load
from notifications.domain import outbound_webhooks as rules

CONTRACTS = Path(__file__).resolve().parents[4] / "contracts" / "events"


def test_public_events_are_exactly_the_public_part_of_the_catalogue() -> None:
    catalogue = {p.stem for p in CONTRACTS.glob("*.json") if not p.name.startswith("_")}
    assert set(rules.PUBLIC_EVENTS) == set(rules.public_types(catalogue)), \
        "a new event type in contracts/events: add it to PUBLIC_EVENTS or mark it internal"
    assert "audit.recorded" not in rules.PUBLIC_EVENTS and "ticket.created" in rules.PUBLIC_EVENTS


@pytest.mark.parametrize("pattern, event_type, expected", [
    ("ticket.*", "ticket.created", True), ("ticket.*", "ticket.status_changed", True),
    ("ticket.*", "team.updated", False), ("*", "billing.paid", True),
    ("billing.approved", "billing.approved", True), ("billing.approved", "billing.approval_requested", False),
    ("sla.*", "slate.x", False),
])
def test_patterns(pattern: str, event_type: str, expected: bool) -> None:
    assert rules.matches(pattern, event_type) is expected


def test_pattern_syntax() -> None:
    assert all(rules.valid_pattern(p) for p in ("*", "ticket.*", "ticket.created", "billing.invoice_failed"))
    assert not any(rules.valid_pattern(p) for p in ("", "ticket", "Ticket.*", "*.created", "ticket.**x", "a b"))


def test_signature_verifies_with_the_official_library() -> None:
    secret = rules.new_secret()
    assert secret.startswith("whsec_")
    body = json.dumps({"type": "ticket.created", "data": {"x": 1}}).encode()
    import time

    ts = int(time.time())
    headers = {"webhook-id": "msg_1", "webhook-timestamp": str(ts),
               "webhook-signature": rules.signature(secret, "msg_1", ts, body)}
    assert standardwebhooks.Webhook(secret).verify(body, headers) == {"type": "ticket.created", "data": {"x": 1}}
    with pytest.raises(standardwebhooks.WebhookVerificationError):
        standardwebhooks.Webhook(rules.new_secret()).verify(body, headers)
    with pytest.raises(rules.InvalidSecret):
        rules.secret_key("plain-text-secret")
    with pytest.raises(rules.InvalidSecret):
        rules.secret_key("whsec_c2hvcnQ=")  # 5 bytes


def test_default_schedule_retries_for_more_than_a_day() -> None:
    schedule = [float(v) for v in load(database_url="postgresql://x/y").webhook_retry_schedule]
    assert sum(schedule) >= 24 * 3600
    assert schedule == sorted(schedule)  # backoff never shrinks
    assert rules.retry_delay(1, schedule) == 5 and rules.retry_delay(len(schedule) + 1, schedule) is None


@pytest.mark.parametrize("address", ["127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254",
                                     "::1", "fd00::1", "0.0.0.0", "::ffff:127.0.0.1", "100.64.0.1"])
def test_private_and_loopback_addresses_are_refused(address: str) -> None:
    assert rules.refused_address(address, []) is not None


def test_public_addresses_pass_and_configuration_can_allow_a_network() -> None:
    assert rules.refused_address("93.184.216.34", []) is None
    assert rules.refused_address("2606:2800:220:1::1", []) is None
    assert rules.refused_address("127.0.0.1", ["127.0.0.1/32"]) is None
    assert rules.refused_address("127.0.0.2", ["127.0.0.1/32"]) is not None


def test_disable_policy() -> None:
    policy = rules.DisablePolicy(failures=5, hours=24)
    assert not policy.should_disable(100, 2, 500)      # many failures, but a short outage
    assert not policy.should_disable(3, 30, 500)       # long, but few attempts
    assert policy.should_disable(5, 24, None)
    assert policy.should_disable(1, 0, 410)            # Gone: the receiver says stop
