"""Every audited billing action stages exactly one ``audit.recorded`` event in its transaction:
approve, reject, a fee-schedule change, a contract change (the gateway keeps them)."""
from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

import pytest

from fibreflow_shared.testing.tokens import TestSigner

pytestmark = pytest.mark.integration
MANAGER_ID = str(uuid.uuid4())


@pytest.fixture()
def manager(signer: TestSigner) -> dict[str, str]:
    return {**signer.headers(roles=["manager"], sub=MANAGER_ID), "X-Request-ID": "req-billing-audit"}


def audits(outbox_events, action: str | None = None) -> list[dict[str, Any]]:
    return [e["data"] for e in outbox_events("audit.recorded") if action is None or e["data"]["action"] == action]


def test_approve_and_reject_write_one_record_each(client, manager, consumer, events, snapshot, outbox_events):
    client.post("/api/ticketing/fee-schedule", headers=manager, json={
        "ticket_type": "fault", "priority": "high", "fixed_fee": "500.00", "effective_from": "2026-01-01"})
    for uid in ("AH-0001", "AH-0002"):
        consumer.process(events.created(snapshot(uid)))
    assert client.post("/api/ticketing/billing/approve/AH-0001", json={"approved_cost": "450.00"},
                       headers=manager).status_code == 200
    assert client.post("/api/ticketing/billing/approve/AH-0001", json={}, headers=manager).status_code == 409
    assert client.post("/api/ticketing/billing/reject/AH-0002", json={"reason": "not liable"},
                       headers=manager).status_code == 200
    approved, rejected = audits(outbox_events, "billing.approved"), audits(outbox_events, "billing.rejected")
    assert len(approved) == 1 and len(rejected) == 1  # the refused second approval wrote nothing
    assert approved[0]["target"] == {"type": "ticket", "id": "AH-0001"}
    assert approved[0]["actor"]["id"] == MANAGER_ID and approved[0]["request_id"] == "req-billing-audit"
    assert approved[0]["before"] == {"billing_status": "pending_approval"}
    assert approved[0]["after"]["approved_cost"] == "450.00"
    assert rejected[0]["after"] == {"billing_status": "rejected", "reason": "not liable"}


def test_fee_and_contract_changes_write_one_record_each(client, manager, outbox_events):
    fee = client.post("/api/ticketing/fee-schedule", headers=manager, json={
        "ticket_type": "build", "priority": "low", "fixed_fee": "100.00", "effective_from": "2026-01-01"})
    assert fee.status_code == 201
    fee_id = fee.get_json()["data"]["id"]
    client.patch(f"/api/ticketing/fee-schedule/{fee_id}", json={"description": "winter"}, headers=manager)
    overlapping = client.post("/api/ticketing/fee-schedule", headers=manager, json={
        "ticket_type": "build", "priority": "low", "fixed_fee": "1.00", "effective_from": "2026-02-01"})
    assert overlapping.status_code == 409  # refused: rolled back with its audit record
    fee_records = audits(outbox_events, "fee_schedule.changed")
    assert len(fee_records) == 2 and fee_records[1]["before"]["description"] != "winter"
    assert fee_records[1]["after"]["description"] == "winter"

    owner = client.post("/api/ticketing/clients", json={"name": "Acme Fibre", "account_id": "ACC-AUD-1"},
                        headers=manager)
    assert owner.status_code == 201, owner.get_json()
    today = date.today()
    contract = client.post("/api/ticketing/contracts", headers=manager, json={
        "client_id": owner.get_json()["data"]["id"], "contract_number": "CON-AUD-1", "contract_type": "retainer",
        "start_date": (today - timedelta(days=3)).isoformat(), "monthly_fee": "2500.00"}).get_json()["data"]
    client.patch(f"/api/ticketing/contracts/{contract['id']}", headers=manager,
                 json={"effective_from": today.isoformat(), "monthly_fee": "2600.00", "reason": "uplift"})
    assert client.delete(f"/api/ticketing/contracts/{contract['id']}", headers=manager).status_code == 204
    changed = audits(outbox_events, "contract.changed")
    assert len(changed) == 3 and {c["target"]["id"] for c in changed} == {contract["id"]}
    assert changed[1]["before"]["monthly_fee"] == "2500.00" and changed[1]["after"]["monthly_fee"] == "2600.00"
    assert changed[2]["after"] == {"archived": True}
