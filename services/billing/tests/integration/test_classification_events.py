"""ticket.* events → classification, approval requests, re-classification, idempotency."""
from __future__ import annotations

from typing import Any

import pytest

from fibreflow_shared.testing.tokens import TestSigner

pytestmark = pytest.mark.integration


@pytest.fixture()
def admin(signer: TestSigner) -> dict[str, str]:
    return signer.headers(roles=["admin"])


@pytest.fixture()
def setup(client, admin) -> dict[str, Any]:
    """A 60-day guarantee on project lawley, a fee, a client with a contract."""
    client.post("/api/ticketing/guarantees", headers=admin, json={
        "project_id": "lawley", "project_name": "Lawley", "guarantee_period_days": 60})
    client.post("/api/ticketing/fee-schedule", headers=admin, json={
        "ticket_type": "fault", "priority": "high", "fixed_fee": "500.00", "hourly_rate": "150.00",
        "effective_from": "2026-01-01"})
    owner = client.post("/api/ticketing/clients", headers=admin, json={
        "name": "Acme ISP", "account_id": "ACC-1"}).get_json()["data"]
    contract = client.post("/api/ticketing/contracts", headers=admin, json={
        "client_id": owner["id"], "contract_number": "CON-1", "contract_type": "mixed", "start_date": "2026-01-01",
        "end_date": "2026-11-30", "sla_response_hours": 2, "sla_resolution_hours": 6}).get_json()["data"]
    return {"client": owner, "contract": contract}


def billing(client: Any, admin: dict, uid: str) -> dict[str, Any]:
    resp = client.get(f"/api/ticketing/billing/tickets/{uid}", headers=admin)
    assert resp.status_code == 200, resp.get_json()
    return resp.get_json()["data"]


@pytest.mark.parametrize("install_date, created_at, expected", [
    ("2026-09-23", "2026-11-22T08:00:00+00:00", "guarantee"),   # day 60 of 60
    ("2026-09-22", "2026-11-22T08:00:00+00:00", "billable"),    # day 61
    ("2026-09-22", "2026-11-21T21:59:59+00:00", "guarantee"),   # 23:59:59 SAST on day 60
    ("2026-09-22", "2026-11-21T22:00:00+00:00", "billable"),    # 00:00 SAST on day 61
])
def test_guarantee_boundary_days_from_events(client, admin, setup, consumer, events, snapshot, outbox_events,
                                             install_date, created_at, expected) -> None:
    ticket = snapshot("DR1234-01", source="wa_inbound", project_id="lawley", drop_number="DR1234",
                      install_date=install_date, created_at=created_at, updated_at=created_at)
    assert consumer.process(events.created(ticket)) == "processed"
    row = billing(client, admin, "DR1234-01")
    assert row["billing_type"] == expected
    classified = outbox_events("billing.classified")
    assert len(classified) == 1 and classified[0]["data"]["billing_type"] == expected
    if expected == "guarantee":
        assert row["billing_status"] == "not_required" and row["guarantee_expires_at"] == "2026-11-21" \
            if install_date == "2026-09-22" else row["guarantee_expires_at"] == "2026-11-22"
        assert outbox_events("billing.approval_requested") == []
    else:
        assert row["billing_status"] == "pending_approval" and row["estimated_cost"] == "500.00"
        assert classified[0]["data"]["estimated_cost"] == "500.00"
        assert outbox_events("billing.approval_requested")[0]["data"]["ticket_uid"] == "DR1234-01"


def test_guarantee_installations_list_expiry(client, admin, setup, consumer, events, snapshot) -> None:
    for uid, drop, installed in (("DR1-01", "DR1", "2026-01-01"), ("DR2-01", "DR2", "2026-11-01"),
                                 ("DR2-02", "DR2", "2026-11-01")):
        consumer.process(events.created(snapshot(uid, source="wa_inbound", project_id="lawley", drop_number=drop,
                                                 install_date=installed)))
    resp = client.get("/api/ticketing/guarantees/lawley/installations", headers=admin).get_json()["data"]
    assert [(i["drop_number"], i["guarantee_expires_at"]) for i in resp["installations"]] == [
        ("DR2", "2026-12-31"), ("DR1", "2026-03-02")]
    assert resp["pagination"]["total"] == 2 and resp["installations"][1]["under_guarantee"] is False
    assert client.get("/api/ticketing/guarantees/nope/installations", headers=admin).status_code == 404


def test_contract_gives_sla_with_overrides_and_expired_contract_does_not(client, admin, setup, consumer, events,
                                                                          snapshot, outbox_events) -> None:
    in_force = snapshot("AH-0001", client_account_id="ACC-1", created_at="2026-11-22T08:00:00+00:00")
    in_force["created_at"] = "2026-11-30T08:00:00+00:00"  # last day of the contract
    consumer.process(events.created(in_force))
    row = billing(client, admin, "AH-0001")
    assert row["billing_type"] == "sla" and row["contract_id"] == setup["contract"]["id"]
    event = outbox_events("billing.classified")[0]["data"]
    assert event["sla_response_hours"] == 2 and event["sla_resolution_hours"] == 6
    assert event["client_id"] == setup["client"]["id"] and event["requires_approval"] is False
    expired = snapshot("AH-0002", client_account_id="ACC-1", created_at="2026-12-01T08:00:00+00:00")
    consumer.process(events.created(expired))
    row = billing(client, admin, "AH-0002")
    assert row["billing_type"] == "billable" and "contract CON-1 not in force" in row["classification_reason"]


def test_internal_and_unknown_client(client, admin, setup, consumer, events, snapshot) -> None:
    consumer.process(events.created(snapshot("FF-0001", source="ff_internal")))
    assert billing(client, admin, "FF-0001")["billing_type"] == "internal"
    consumer.process(events.created(snapshot("AH-0003", client_account_id="ACC-UNKNOWN")))
    row = billing(client, admin, "AH-0003")
    assert row["billing_type"] == "billable" and row["classification_inputs"]["client_account_id"] == "ACC-UNKNOWN"


def test_type_change_reclassifies_once_and_duplicates_have_no_effect(client, admin, setup, consumer, events,
                                                                      snapshot, outbox_events) -> None:
    ticket = snapshot("DR1234-02", source="wa_inbound", type="infrastructure", project_id="lawley",
                      drop_number="DR1234", install_date="2026-11-01")
    created = events.created(ticket)
    assert consumer.process(created) == "processed"
    assert consumer.process(created) == "duplicate"
    assert billing(client, admin, "DR1234-02")["billing_type"] == "billable"
    changed = {**ticket, "type": "fault", "updated_at": "2026-11-22T09:00:00+00:00"}
    update = events.updated(changed, {"type": {"old": "infrastructure", "new": "fault"}})
    assert consumer.process(update) == "processed"
    assert consumer.process(update) == "duplicate"
    row = billing(client, admin, "DR1234-02")
    assert row["billing_type"] == "guarantee" and row["billing_status"] == "not_required"
    assert [e["data"]["billing_type"] for e in outbox_events("billing.classified")] == ["billable", "guarantee"]
    # A title change does not re-classify or publish; an older snapshot arriving late is ignored.
    consumer.process(events.updated({**changed, "title": "x", "updated_at": "2026-11-22T10:00:00+00:00"},
                                    {"title": {"old": "a", "new": "x"}}))
    consumer.process(events.updated({**ticket, "updated_at": "2026-11-22T08:30:00+00:00"},
                                    {"type": {"old": "fault", "new": "infrastructure"}}))
    assert billing(client, admin, "DR1234-02")["billing_type"] == "guarantee"
    assert len(outbox_events("billing.classified")) == 2
    pending = client.get("/api/ticketing/billing/pending-approval", headers=admin).get_json()["data"]
    assert pending["tickets"] == [] and pending["pagination"]["total"] == 0


def test_calculate_preview(client, admin, setup, consumer, events, snapshot) -> None:
    def calc(**q: Any) -> dict:
        resp = client.get("/api/ticketing/billing/calculate", query_string=q, headers=admin)
        assert resp.status_code == 200, resp.get_json()
        return resp.get_json()["data"]

    assert calc(ticket_type="fault", priority="high", project_id="lawley", install_date="2026-11-01",
                date="2026-12-31")["billing_type"] == "guarantee"
    result = calc(ticket_type="fault", priority="high", project_id="lawley", install_date="2026-11-01",
                  date="2027-01-01")
    assert result["billing_type"] == "billable" and result["estimated_cost"] == "500.00"
    sla = calc(ticket_type="fault", client_account_id="ACC-1", date="2026-06-01")
    assert sla["billing_type"] == "sla" and sla["contract_number"] == "CON-1" and sla["sla_resolution_hours"] == 6
    consumer.process(events.created(snapshot("AH-0009")))
    assert calc(ticket_uid="ah-0009")["billing_type"] == "billable"
    assert client.get("/api/ticketing/billing/calculate", headers=admin).status_code == 400
    assert client.get("/api/ticketing/billing/calculate", query_string={"ticket_uid": "AH-7777"},
                      headers=admin).status_code == 404


def test_billing_ticket_list_filters_and_sort(client, admin, setup, consumer, events, snapshot) -> None:
    for uid, created in (("AH-0011", "2026-11-20T08:00:00+00:00"), ("AH-0010", "2026-11-21T08:00:00+00:00"),
                         ("FF-0012", "2026-11-19T08:00:00+00:00")):
        source = "ff_internal" if uid.startswith("FF") else "adhoc"
        consumer.process(events.created(snapshot(uid, source=source, created_at=created, updated_at=created)))

    def uids(**q: str) -> list[str]:
        resp = client.get("/api/ticketing/billing/tickets", query_string=q, headers=admin)
        assert resp.status_code == 200, resp.get_json()
        return [t["ticket_uid"] for t in resp.get_json()["data"]["tickets"]]

    assert uids() == ["AH-0010", "AH-0011", "FF-0012"]  # default: newest ticket first
    assert uids(sort="ticket_uid") == ["AH-0010", "AH-0011", "FF-0012"]
    assert uids(sort="-ticket_uid") == ["FF-0012", "AH-0011", "AH-0010"]
    assert uids(billing_type="internal") == ["FF-0012"]
    assert uids(billing_status="pending_approval", sort="ticket_created_at") == ["AH-0011", "AH-0010"]
    assert client.get("/api/ticketing/billing/tickets", query_string={"sort": "title"},
                      headers=admin).status_code == 400
