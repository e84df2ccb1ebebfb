"""Approval, costing, the durable invoicing job against the simulator, the paid webhook, reports."""
from __future__ import annotations

import json
import time
import uuid
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import text

from billing.domain import webhooks
from billing.service_layer.invoicing import run_one_job
from fibreflow_shared.testing.infra import wait_for
from fibreflow_shared.testing.tokens import TestSigner

pytestmark = pytest.mark.integration
MANAGER_ID = str(uuid.uuid4())


@pytest.fixture()
def manager(signer: TestSigner) -> dict[str, str]:
    return signer.headers(roles=["manager"], sub=MANAGER_ID)


@pytest.fixture()
def billable(client, manager, consumer, events, snapshot) -> dict[str, Any]:
    """An approved-pending billable fault (fee R500 fixed / R150 per hour)."""
    client.post("/api/ticketing/fee-schedule", headers=manager, json={
        "ticket_type": "fault", "priority": "high", "fixed_fee": "500.00", "hourly_rate": "150.00",
        "effective_from": "2026-01-01"})
    ticket = snapshot("AH-0001", project_id="lawley", project_name="Lawley")
    consumer.process(events.created(ticket))
    return ticket


def state(client: Any, headers: dict, uid: str = "AH-0001") -> dict[str, Any]:
    return client.get(f"/api/ticketing/billing/tickets/{uid}", headers=headers).get_json()["data"]


def drain(container: Any, until: Any, timeout: float = 10.0) -> None:
    """Run the job loop body until ``until()`` holds (retries are due after tiny test delays)."""
    def step() -> bool:
        run_one_job(container)
        return bool(until())
    wait_for(step, timeout=timeout, interval=0.02, message="invoicing job outcome")


def approve_and_resolve(client, manager, consumer, events, ticket) -> None:
    resp = client.post("/api/ticketing/billing/approve/AH-0001", json={"reason": "ok"}, headers=manager)
    assert resp.status_code == 200, resp.get_json()
    consumer.process(events.status(ticket, "resolved"))


def test_approval_gate(client, manager, signer, billable, outbox_events) -> None:
    queue = client.get("/api/ticketing/billing/pending-approval", headers=manager).get_json()["data"]
    assert [t["ticket_uid"] for t in queue["tickets"]] == ["AH-0001"]
    assert queue["tickets"][0]["estimated_cost"] == "500.00" and queue["tickets"][0]["waiting_hours"] >= 0
    lead = signer.headers(roles=["team_lead"])
    assert client.post("/api/ticketing/billing/approve/AH-0001", json={}, headers=lead).status_code == 403
    assert client.post("/api/ticketing/billing/reject/AH-0001", json={}, headers=manager).status_code == 400
    ok = client.post("/api/ticketing/billing/approve/AH-0001", json={"approved_cost": "450.00"}, headers=manager)
    assert ok.status_code == 200 and ok.get_json()["data"]["billing_status"] == "approved"
    again = client.post("/api/ticketing/billing/approve/AH-0001", json={}, headers=manager)
    assert again.status_code == 409
    assert client.post("/api/ticketing/billing/approve/AH-9999", json={}, headers=manager).status_code == 404
    approved = outbox_events("billing.approved")
    assert len(approved) == 1 and approved[0]["data"]["approved_by"] == MANAGER_ID
    assert approved[0]["data"]["approved_cost"] == "450.00"
    assert client.get("/api/ticketing/billing/pending-approval", headers=manager).get_json()["data"]["tickets"] == []


def test_ticket_paths_take_the_uuid_or_the_uid(client, manager, billable) -> None:
    by_uid = client.get("/api/ticketing/billing/tickets/ah-0001", headers=manager).get_json()["data"]
    by_uuid = client.get(f"/api/ticketing/billing/tickets/{billable['id']}", headers=manager).get_json()["data"]
    assert by_uuid == by_uid and by_uuid["ticket_uid"] == "AH-0001"
    assert client.get(f"/api/ticketing/billing/tickets/{uuid.uuid4()}", headers=manager).status_code == 404
    resp = client.post(f"/api/ticketing/billing/approve/{billable['id'].upper()}", json={}, headers=manager)
    assert resp.status_code == 200 and resp.get_json()["data"]["billing_status"] == "approved"
    calc = client.get("/api/ticketing/billing/calculate", query_string={"ticket_uid": billable["id"]},
                      headers=manager)
    assert calc.get_json()["data"]["billing_type"] == "billable"


def test_rejection_publishes_reason(client, manager, billable, outbox_events, consumer, events, container) -> None:
    resp = client.post("/api/ticketing/billing/reject/AH-0001", json={"reason": "Client not liable"}, headers=manager)
    assert resp.status_code == 200 and resp.get_json()["data"]["billing_status"] == "rejected"
    assert outbox_events("billing.rejected")[0]["data"]["reason"] == "Client not liable"
    # ticket-core then closes it; nothing is ever invoiced.
    consumer.process(events.status(billable, "closed", from_status="new"))
    assert run_one_job(container) is False
    assert state(client, manager)["billing_status"] == "rejected"


def test_invoice_fails_twice_then_succeeds_with_one_line_item(client, manager, billable, consumer, events,
                                                              container, simulator, outbox_events) -> None:
    simulator.fail("error", count=2, status=503)
    approve_and_resolve(client, manager, consumer, events, billable)
    assert state(client, manager)["actual_cost"] == "500.00"
    drain(container, lambda: state(client, manager)["billing_status"] == "invoiced")
    items = simulator.line_items("AH-0001")
    assert len(items) == 1 and Decimal(items[0]["total"]) == Decimal("500") and Decimal(items[0]["quantity"]) == 1
    assert [r["outcome"] for r in simulator.requests_for("AH-0001")] == ["error 503", "error 503", "created"]
    row = state(client, manager)
    assert row["invoice_id"] == items[0]["invoice_id"] and row["invoice_amount"] == "500.00"
    invoiced = outbox_events("billing.invoiced")
    assert len(invoiced) == 1 and invoiced[0]["data"]["amount"] == "500.00"
    with container.engine.connect() as conn:
        attempts = conn.execute(text("SELECT outcome FROM invoice_attempts ORDER BY id")).scalars().all()
    assert attempts == ["transient", "transient", "created"]
    assert outbox_events("billing.invoice_failed") == []


def test_invoice_fails_for_good_then_manual_override(client, manager, billable, consumer, events, container,
                                                     simulator, outbox_events) -> None:
    simulator.fail("error", count=10, status=500)
    approve_and_resolve(client, manager, consumer, events, billable)
    drain(container, lambda: state(client, manager)["billing_status"] == "failed")
    assert len(simulator.requests_for("AH-0001")) == 4  # first try + 3 retries
    assert simulator.line_items("AH-0001") == []
    failed = outbox_events("billing.invoice_failed")
    assert len(failed) == 1 and failed[0]["data"]["attempts"] == 4 and "500" in failed[0]["data"]["error"]
    row = state(client, manager)
    assert "failed after 4 attempt(s)" in row["billing_notes"] and row["actual_cost"] == "500.00"
    assert run_one_job(container) is False  # nothing left running; nothing lost: the job row says failed
    with container.engine.connect() as conn:
        assert conn.execute(text("SELECT status, attempts FROM invoice_jobs")).one() == ("failed", 4)
    # Manual override: the manager invoiced by hand and records the invoice id.
    resp = client.post("/api/ticketing/billing/invoice/AH-0001/manual", headers=manager,
                       json={"invoice_id": "INV-MANUAL-7", "reason": "Invoicing API down, invoiced by hand"})
    assert resp.status_code == 200 and resp.get_json()["data"]["billing_status"] == "invoiced"
    assert outbox_events("billing.invoiced")[0]["data"]["invoice_id"] == "INV-MANUAL-7"
    assert client.post("/api/ticketing/billing/invoice/AH-0001", headers=manager).status_code == 409


def test_retrigger_after_failure_by_hand(client, manager, billable, consumer, events, container, simulator) -> None:
    simulator.fail("error", count=4, status=502)
    approve_and_resolve(client, manager, consumer, events, billable)
    drain(container, lambda: state(client, manager)["billing_status"] == "failed")
    resp = client.post("/api/ticketing/billing/invoice/AH-0001", headers=manager)
    assert resp.status_code == 202 and resp.get_json()["data"]["job_status"] == "pending"
    drain(container, lambda: state(client, manager)["billing_status"] == "invoiced")
    assert len(simulator.line_items("AH-0001")) == 1


def test_duplicate_status_changed_delivery_still_one_invoice(client, manager, billable, consumer, events,
                                                             container, simulator, outbox_events) -> None:
    client.post("/api/ticketing/billing/approve/AH-0001", json={}, headers=manager)
    resolved = events.status(billable, "resolved")
    assert consumer.process(resolved) == "processed"
    assert consumer.process(resolved) == "duplicate"
    # The producer re-publishing the same change under a new event id must not bill twice either.
    assert consumer.process({**resolved, "id": str(uuid.uuid4())}) == "processed"
    drain(container, lambda: state(client, manager)["billing_status"] == "invoiced")
    # Reopen and resolve again: still one line item.
    consumer.process(events.status(billable, "new", from_status="closed", updated_at="2026-11-23T08:00:00+00:00"))
    consumer.process(events.status(billable, "resolved", updated_at="2026-11-23T09:00:00+00:00"))
    while run_one_job(container):
        pass
    assert len(simulator.line_items("AH-0001")) == 1
    assert len(simulator.requests_for("AH-0001")) == 1
    assert len(outbox_events("billing.invoiced")) == 1


def test_lost_answer_is_settled_by_duplicate_line_item(client, manager, billable, consumer, events, container,
                                                       simulator) -> None:
    # The simulator creates the item but answers too late; the retry gets DUPLICATE_LINE_ITEM = success.
    simulator.fail("timeout", count=1, delay_seconds=1.5, after_create=True)
    approve_and_resolve(client, manager, consumer, events, billable)
    drain(container, lambda: state(client, manager)["billing_status"] == "invoiced")
    items = simulator.line_items("AH-0001")
    assert len(items) == 1
    assert [r["outcome"] for r in simulator.requests_for("AH-0001")] == ["timeout after create", "duplicate"]
    assert state(client, manager)["invoice_id"] == items[0]["invoice_id"]


def test_hourly_and_manual_costing_is_audited(client, manager, billable, consumer, events, container,
                                              simulator) -> None:
    bad = client.patch("/api/ticketing/billing/tickets/AH-0001/cost", headers=manager,
                       json={"fee_source": "manual", "manual_fee_amount": "800.00"})
    assert bad.status_code == 422  # a manual amount needs a reason
    assert client.patch("/api/ticketing/billing/tickets/AH-0001/cost", headers=manager,
                        json={"fee_source": "hourly"}).status_code == 422  # no hours yet
    hourly = client.patch("/api/ticketing/billing/tickets/AH-0001/cost", headers=manager,
                          json={"fee_source": "hourly", "hours_worked": "3.50"})
    assert hourly.status_code == 200 and hourly.get_json()["data"]["calculated_cost"] == "525.00"
    approve_and_resolve(client, manager, consumer, events, billable)
    drain(container, lambda: state(client, manager)["billing_status"] == "invoiced")
    item = simulator.line_items("AH-0001")[0]
    assert [Decimal(item[k]) for k in ("quantity", "unit_price", "total")] == [Decimal("3.5"), 150, 525]
    assert item["metadata"]["fee_source"] == "hourly"
    with container.engine.connect() as conn:
        audit = conn.execute(text("SELECT action, actor FROM billing_audit ORDER BY id")).all()
    assert [a.action for a in audit] == ["cost_changed", "approved"] and audit[0].actor == MANAGER_ID
    late = client.patch("/api/ticketing/billing/tickets/AH-0001/cost", headers=manager,
                        json={"fee_source": "manual", "manual_fee_amount": "1.00", "reason": "x"})
    assert late.status_code == 409


def test_approval_after_resolution_invoices(client, manager, billable, consumer, events, container,
                                            simulator) -> None:
    consumer.process(events.status(billable, "resolved"))
    assert run_one_job(container) is False
    assert client.post("/api/ticketing/billing/invoice/AH-0001", headers=manager).status_code == 422
    client.post("/api/ticketing/billing/approve/AH-0001", json={}, headers=manager)
    drain(container, lambda: state(client, manager)["billing_status"] == "invoiced")


def _signed(body: dict, secret: str = "test-webhook-secret", ts: int | None = None,
            wid: str | None = None) -> tuple[bytes, dict[str, str]]:
    raw = json.dumps(body).encode()
    ts = int(time.time()) if ts is None else ts
    wid = wid or f"msg_{uuid.uuid4().hex}"
    return raw, {"Content-Type": "application/json", "webhook-id": wid, "webhook-timestamp": str(ts),
                 "webhook-signature": webhooks.sign(secret, wid, ts, raw)}


def test_paid_webhook_verified_and_replays_rejected(client, manager, billable, consumer, events, container,
                                                    simulator, outbox_events) -> None:
    approve_and_resolve(client, manager, consumer, events, billable)
    drain(container, lambda: state(client, manager)["billing_status"] == "invoiced")
    invoice_id = state(client, manager)["invoice_id"]
    body = {"event": "invoice.paid", "invoice_id": invoice_id, "total_paid": 500.00,
            "line_items": [{"line_item_id": "LI-1", "ticket_uid": "AH-0001", "amount_paid": 500.00,
                            "paid_at": "2026-12-25T10:00:00Z"}]}
    url = "/api/ticketing/webhooks/invoice-status"
    forged_raw, forged = _signed(body, secret="guessed")
    assert client.post(url, data=forged_raw, headers=forged).status_code == 401
    stale_raw, stale = _signed(body, ts=int(time.time()) - 3600)
    assert client.post(url, data=stale_raw, headers=stale).status_code == 401
    unsigned = client.post(url, json=body, headers={"X-API-Key": "test-invoicing-key"})
    assert unsigned.status_code == 401 and unsigned.get_json()["error"]["code"] == "INVALID_SIGNATURE"
    tampered_raw, tampered = _signed(body)
    assert client.post(url, data=tampered_raw.replace(b"500.0", b"5.0"), headers=tampered).status_code == 401
    assert state(client, manager)["billing_status"] == "invoiced"

    raw, headers = _signed(body)
    ok = client.post(url, data=raw, headers=headers)
    assert ok.status_code == 200 and ok.get_json()["data"]["tickets_updated"] == ["AH-0001"]
    replay = client.post(url, data=raw, headers=headers)
    assert replay.status_code == 409 and replay.get_json()["error"]["code"] == "WEBHOOK_REPLAYED"
    row = state(client, manager)
    assert row["billing_status"] == "paid" and row["paid_amount"] == "500.00"
    paid = outbox_events("billing.paid")
    assert len(paid) == 1 and paid[0]["data"]["invoice_id"] == invoice_id
    # Signed but for another invoice: verified, nothing updated.
    raw2, headers2 = _signed({**body, "invoice_id": "INV-OTHER"})
    assert client.post(url, data=raw2, headers=headers2).get_json()["data"]["tickets_updated"] == []
    bad_raw, bad_headers = _signed({"event": "invoice.paid"})
    assert client.post(url, data=bad_raw, headers=bad_headers).status_code == 400


def test_simulator_pays_through_a_signed_webhook(client, manager, billable, consumer, events, container,
                                                 simulator) -> None:
    approve_and_resolve(client, manager, consumer, events, billable)
    drain(container, lambda: state(client, manager)["billing_status"] == "invoiced")
    invoice_id = state(client, manager)["invoice_id"]
    payload = simulator.control(f"invoices/{invoice_id}/pay")["payload"]
    raw = json.dumps(payload).encode()
    ts, wid = int(time.time()), "msg_sim_1"
    headers = {"Content-Type": "application/json", "webhook-id": wid, "webhook-timestamp": str(ts),
               "webhook-signature": webhooks.sign("test-webhook-secret", wid, ts, raw)}
    resp = client.post("/api/ticketing/webhooks/invoice-status", data=raw, headers=headers)
    assert resp.get_json()["data"]["tickets_updated"] == ["AH-0001"]


def test_reports_json_and_csv(client, manager, billable, consumer, events, container, snapshot) -> None:
    consumer.process(events.created(snapshot("FF-0001", source="ff_internal", project_id=None)))
    consumer.process(events.created(snapshot("AH-0002", project_id="lawley", project_name="Lawley",
                                             assigned_team=str(uuid.uuid4()))))
    approve_and_resolve(client, manager, consumer, events, billable)
    drain(container, lambda: state(client, manager)["billing_status"] == "invoiced")
    work = client.get("/api/ticketing/billing/reports/work", headers=manager).get_json()["data"]["rows"]
    lawley = next(r for r in work if r["key"] == "lawley")
    assert (lawley["billable"], lawley["guarantee"], lawley["total"], lawley["billable_amount"]) == (2, 0, 2, "1000.00")
    by_contractor = client.get("/api/ticketing/billing/reports/work", query_string={"group_by": "contractor"},
                               headers=manager).get_json()["data"]["rows"]
    assert sum(r["total"] for r in by_contractor) == 3
    revenue = client.get("/api/ticketing/billing/reports/revenue", headers=manager).get_json()["data"]["rows"]
    assert len(revenue) == 1 and revenue[0]["invoiced_amount"] == "500.00"
    csv_resp = client.get("/api/ticketing/billing/reports/pending-ageing/export", headers=manager)
    assert csv_resp.mimetype == "text/csv" and "Deprecation" not in csv_resp.headers
    assert 'filename="pending-approval-ageing.csv"' in csv_resp.headers["Content-Disposition"]
    lines = csv_resp.get_data(as_text=True).strip().splitlines()
    assert lines[0] == "bucket,count,estimated_amount,currency" and lines[1].startswith("under_24h,1,500.00")
    # The old way (format=csv on the JSON path) still answers the same CSV for a release, flagged.
    old = client.get("/api/ticketing/billing/reports/pending-ageing", query_string={"format": "csv"},
                     headers=manager)
    assert old.mimetype == "text/csv" and old.get_data() == csv_resp.get_data()
    assert old.headers["Deprecation"].startswith("@")
    assert old.headers["Deprecated-Parameters"] == "format=csv=/api/ticketing/billing/reports/pending-ageing/export"
    guarantee = client.get("/api/ticketing/billing/reports/guarantee-work", headers=manager).get_json()
    assert guarantee["data"]["rows"] == []
    empty = client.get("/api/ticketing/billing/reports/guarantee-work/export", headers=manager)
    assert empty.get_data(as_text=True) == ("key,name,guarantee,sla,billable,internal,total,guarantee_share,"
                                            "billable_amount\r\n")  # the header row even without rows
    work_csv = client.get("/api/ticketing/billing/reports/work/export", query_string={"group_by": "contractor"},
                          headers=manager)
    assert 'filename="work-by-contractor.csv"' in work_csv.headers["Content-Disposition"]
    assert len(work_csv.get_data(as_text=True).strip().splitlines()) == len(by_contractor) + 1
    assert client.get("/api/ticketing/billing/reports/work/export", query_string={"format": "json"},
                      headers=manager).status_code == 400  # the export takes the filters and a file format


def test_report_periods_and_their_old_names(client, manager, billable, consumer, events, container) -> None:
    approve_and_resolve(client, manager, consumer, events, billable)
    drain(container, lambda: state(client, manager)["billing_status"] == "invoiced")

    def rows(path: str, **q: str) -> tuple[list[dict], Any]:
        resp = client.get(f"/api/ticketing/billing/reports/{path}", query_string=q, headers=manager)
        assert resp.status_code == 200, resp.get_json()
        return resp.get_json()["data"]["rows"], resp

    # The ticket was created 2026-11-22 (UTC): period_from inclusive, period_to exclusive.
    assert rows("work", period_from="2026-11-22", period_to="2026-11-23")[0][0]["total"] == 1
    assert rows("work", period_from="2026-11-23")[0] == []
    assert rows("work", period_to="2026-11-22")[0] == []
    new, new_resp = rows("work", period_from="2026-11-01", period_to="2026-12-01")
    old, old_resp = rows("work", **{"from": "2026-11-01", "to": "2026-12-01"})
    assert old == new and "Deprecation" not in new_resp.headers
    assert old_resp.headers["Deprecation"].startswith("@")
    assert old_resp.headers["Deprecated-Parameters"] == "from=period_from, to=period_to"
    invoiced_month = state(client, manager)["invoiced_at"][:7]
    revenue, resp = rows("revenue", **{"from": f"{invoiced_month}-01"})
    assert [r["month"] for r in revenue] == [invoiced_month] and "Deprecation" in resp.headers
    csv_old = client.get("/api/ticketing/billing/reports/revenue/export", headers=manager,
                         query_string={"to": f"{invoiced_month}-01"})
    assert csv_old.get_data(as_text=True).strip().splitlines()[1:] == [] and "Deprecation" in csv_old.headers
    both = client.get("/api/ticketing/billing/reports/work", headers=manager,
                      query_string={"from": "2026-11-01", "period_from": "2026-11-01"})
    assert both.status_code == 400  # an old and a new name of one parameter together are refused


def test_two_invoicing_workers_never_bill_a_ticket_twice(client, manager, consumer, events, snapshot, container,
                                                         simulator) -> None:
    client.post("/api/ticketing/fee-schedule", headers=manager, json={
        "ticket_type": "fault", "priority": "high", "fixed_fee": "500.00", "effective_from": "2026-01-01"})
    uids = [f"AH-{n:04d}" for n in range(1, 13)]
    for uid in uids:
        ticket = snapshot(uid)
        consumer.process(events.created(ticket))
        client.post(f"/api/ticketing/billing/approve/{uid}", json={}, headers=manager)
        consumer.process(events.status(ticket, "resolved"))
    simulator.fail("error", count=3)  # a few retries in the mix

    def worker() -> None:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            with container.engine.connect() as conn:
                left = conn.execute(text("SELECT count(*) FROM invoice_jobs WHERE status = 'pending'")).scalar()
            if not left:
                return
            if not run_one_job(container):
                time.sleep(0.02)

    import threading
    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    items = simulator.line_items()
    assert sorted(i["ticket_uid"] for i in items) == uids
    received = [r for uid in uids for r in simulator.requests_for(uid)]
    assert len(received) == len(uids) + 3  # one call per ticket plus the three injected failures
    with container.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM ticket_billing WHERE billing_status = 'invoiced'")).scalar() == 12


def test_deleted_ticket_leaves_the_queue_and_restored_comes_back(client, manager, billable, consumer) -> None:
    from fibreflow_shared.messaging.envelope import make_event

    deleted = make_event("ticket.deleted", {"ticket": billable, "deleted_by": MANAGER_ID}, producer="ticket-core")
    assert consumer.process(deleted) == "processed"
    queue = client.get("/api/ticketing/billing/pending-approval", headers=manager).get_json()["data"]
    assert queue["tickets"] == []
    assert client.post("/api/ticketing/billing/approve/AH-0001", json={}, headers=manager).status_code == 422
    restored = make_event("ticket.restored", {"ticket": billable, "restored_by": MANAGER_ID}, producer="ticket-core")
    consumer.process(restored)
    queue = client.get("/api/ticketing/billing/pending-approval", headers=manager).get_json()["data"]
    assert [t["ticket_uid"] for t in queue["tickets"]] == ["AH-0001"]
