"""fibreflow_shared.audit: the payload of audit.recorded (actor and request id from the context)."""
from __future__ import annotations

import datetime
import decimal

import pytest
from flask import Flask, g

from fibreflow_shared import audit, context
from fibreflow_shared.auth import Principal


def test_payload_takes_actor_and_request_id_from_the_request() -> None:
    app = Flask("t")
    with app.test_request_context("/"):
        g.principal = Principal(user_id="u-1", username="thandi", roles=frozenset({"admin"}))
        with context.ids_scope("req-9", "req-9"):
            data = audit.payload(audit.FEE_SCHEDULE_CHANGED, "fee", 42,
                                 before={"amount": decimal.Decimal("1.50")},
                                 after={"from": datetime.date(2026, 12, 1)})
    assert data == {"action": "fee_schedule.changed", "target": {"type": "fee", "id": "42"},
                    "actor": {"id": "u-1", "name": "thandi"}, "before": {"amount": "1.50"},
                    "after": {"from": "2026-12-01"}, "request_id": "req-9"}


def test_outside_a_request_the_actor_is_given_or_none() -> None:
    assert audit.payload(audit.CONTRACT_CHANGED, "contract", "c1")["actor"] is None
    given = audit.payload(audit.CONTRACT_CHANGED, "contract", "c1", actor={"id": "sys", "name": "sweeper"})
    assert given["actor"] == {"id": "sys", "name": "sweeper"}


def test_unknown_actions_are_refused() -> None:
    with pytest.raises(ValueError):
        audit.payload("user.renamed", "user", "u")
