"""intake.* → tickets (idempotent), updates (integration wins by its updated-at), comments;
sla.* and billing.* read models; user directory; UIDs of every format under concurrency;
and one trip over the real RabbitMQ."""
from __future__ import annotations

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pika
import pytest

from fibreflow_shared.messaging.consumer import EventConsumer
from fibreflow_shared.messaging.envelope import make_event
from fibreflow_shared.messaging.topology import declare_exchanges, declare_topology
from fibreflow_shared.testing.infra import wait_for
from ticket_core.service_layer.consumers import SUBSCRIPTIONS, make_handlers

pytestmark = pytest.mark.integration


def requested(source: str = "qcontact", ref: str = "12345", **extra: Any) -> dict[str, Any]:
    data = {"source": source, "source_reference": ref, "title": "Fibre cut", "description": "Cable cut by digger",
            "type": "fault", "priority": "high", "external_uid": ref if source == "qcontact" else None,
            "external_updated_at": "2026-11-22T08:00:00+00:00"}
    data.update(extra)
    return {k: v for k, v in data.items() if v is not None}


def test_same_request_twice_gives_one_ticket(consumer, event, sql, outbox) -> None:
    first = event("intake.ticket_requested", requested())
    assert consumer.process(first) == "processed"
    assert consumer.process(first) == "duplicate"
    # the producer replays the same request under a new event id: still one ticket
    assert consumer.process(event("intake.ticket_requested", requested())) == "processed"
    assert sql("SELECT ticket_uid, source, created_by::text FROM tickets") == [
        ("FT12345", "qcontact", "00000000-0000-0000-0000-000000000000")]
    created = outbox("ticket.created")
    assert len(created) == 1 and created[0]["data"]["origin"] == "qcontact"


@pytest.mark.parametrize("source, extra, pattern", [
    ("email", {}, "EML-"), ("wa_inbound", {"drop_number": "DR555"}, "DR555-"),
    ("billing", {"type": "billing", "issue_type": "other", "client_name": "A B", "client_phone": "0825551234"},
     "BILL-")])
def test_intake_uids_per_source(consumer, event, sql, source, extra, pattern) -> None:
    consumer.process(event("intake.ticket_requested", requested(source, "ref-1", **extra)))
    (uid,) = sql("SELECT ticket_uid FROM tickets")[0]
    assert uid.startswith(pattern)


def test_bad_intake_request_fails_without_a_ticket(consumer, event, sql) -> None:
    with pytest.raises(Exception):
        consumer.process(event("intake.ticket_requested", requested("wa_inbound", "no-drop")))
    assert sql("SELECT count(*) FROM tickets")[0][0] == 0 and sql("SELECT count(*) FROM processed_events")[0][0] == 0


def test_update_requested_integration_wins_by_its_own_clock(consumer, event, sql, outbox) -> None:
    consumer.process(event("intake.ticket_requested", requested()))
    newer = {"source": "qcontact", "source_reference": "12345", "external_updated_at": "2026-11-22T09:00:00+00:00",
             "fields": {"priority": "critical", "status": "in_progress", "title": "Fibre cut on Main Rd",
                        "colour": "ignored"}}
    consumer.process(event("intake.ticket_update_requested", newer))
    older = {**newer, "external_updated_at": "2026-11-22T08:30:00+00:00", "fields": {"priority": "low"}}
    consumer.process(event("intake.ticket_update_requested", older))
    assert sql("SELECT priority, status, title FROM tickets") == [("critical", "in_progress", "Fibre cut on Main Rd")]
    updated = outbox("ticket.updated")
    assert len(updated) == 1 and updated[0]["data"]["origin"] == "qcontact"
    assert outbox("ticket.status_changed")[0]["data"]["origin"] == "qcontact"
    with pytest.raises(LookupError):
        consumer.process(event("intake.ticket_update_requested", {**newer, "source_reference": "nope"}))


def test_comment_received_becomes_a_public_note_once(consumer, event, sql, outbox) -> None:
    consumer.process(event("intake.ticket_requested", requested()))
    comment = {"source": "qcontact", "source_reference": "12345", "content": "Technician on site?",
               "author": "Fibertime NOC", "channel": "qcontact", "external_id": "c-1",
               "received_at": "2026-11-22T09:00:00+00:00"}
    consumer.process(event("intake.comment_received", comment))
    consumer.process(event("intake.comment_received", comment))  # new event id, same comment
    consumer.process(event("intake.comment_received", {**comment, "source_reference": None, "ticket_uid": "FT12345",
                                                       "external_id": "c-2", "content": "Second"}))
    notes = sql("SELECT content, is_internal, channel, author_name FROM ticket_notes ORDER BY created_at")
    assert notes == [("Technician on site?", False, "qcontact", "Fibertime NOC"), ("Second", False, "qcontact",
                                                                                  "Fibertime NOC")]
    assert [e["data"]["origin"] for e in outbox("ticket.note_added")] == ["qcontact", "qcontact"]


def test_sla_read_model_newest_wins_and_filters(client, as_role, consumer, event) -> None:
    admin = as_role("admin")
    t = client.post("/api/tickets", json={"title": "Slow line", "description": "d", "type": "fault"},
                    headers=admin).get_json()["data"]
    base = {"ticket_id": t["id"], "ticket_uid": t["ticket_uid"], "clock": "resolution", "started_at": t["created_at"],
            "due_at": "2026-11-22T12:00:00+00:00", "paused": False, "paused_seconds": 0, "percent_elapsed": 80,
            "breached": False, "target_minutes": 240, "business_hours": False}
    consumer.process(event("sla.updated", {**base, "state": "warning"}, occurred_at="2026-11-22T10:00:00Z"))
    consumer.process(event("sla.updated", {**base, "state": "on_track"}, occurred_at="2026-11-22T09:00:00Z"))
    consumer.process(event("sla.updated", {**base, "clock": "response", "state": "breached"}))
    got = client.get(f"/api/tickets/{t['id']}", headers=admin).get_json()["data"]
    assert got["sla_state"] == "warning" and got["due_at"].startswith("2026-11-22T12:00")
    consumer.process(event("sla.breached", {"ticket_id": t["id"], "ticket_uid": t["ticket_uid"], "clock": "resolution",
                                            "threshold_percent": 100, "due_at": base["due_at"], "percent_elapsed": 101,
                                            "ticket_type": "fault", "priority": "medium"},
                           occurred_at="2026-11-22T12:01:00Z"))
    assert client.get("/api/tickets?sla_state=breached&breached=true&overdue=true",
                      headers=admin).get_json()["data"]["pagination"]["total"] == 1
    assert client.get("/api/tickets?sla_state=on_track", headers=admin).get_json()["data"]["pagination"]["total"] == 0


def test_billing_statuses_follow_events(client, as_role, consumer, event) -> None:
    admin = as_role("admin")
    t = client.post("/api/tickets", json={"title": "Pole down", "description": "d", "type": "infrastructure"},
                    headers=admin).get_json()["data"]
    ids = {"ticket_id": t["id"], "ticket_uid": t["ticket_uid"]}
    consumer.process(event("billing.classified", {**ids, "billing_type": "billable", "reason": "r",
                                                  "requires_approval": False, "billing_status": "approved",
                                                  "currency": "ZAR"}))
    consumer.process(event("billing.invoiced", {**ids, "invoice_id": "INV-1", "amount": "1250.00", "currency": "ZAR"}))
    got = client.get("/api/tickets?billing_type=billable&billing_status=invoiced", headers=admin).get_json()["data"]
    assert got["pagination"]["total"] == 1


def test_user_directory_upserts_and_renames(consumer, event, sql) -> None:
    uid = str(uuid.uuid4())
    user = {"id": uid, "username": "thabo", "display_name": "T", "email": "t@x.co", "roles": ["technician"],
            "active": True}
    consumer.process(event("user.created", {"user": user}))
    consumer.process(event("user.updated", {"user": {**user, "username": "thabo.m", "active": False}}))
    assert sql("SELECT username, active FROM users") == [("thabo.m", False)]


@pytest.mark.parametrize("kind", ["FF", "AH", "BILL", "DR", "EML", "FT"])
def test_hundred_parallel_creates_give_hundred_distinct_uids(kind, client, as_role, consumer, event, sql) -> None:
    admin = as_role("admin")
    barrier = threading.Barrier(10)
    body = {"title": "Parallel", "description": "d", "type": "fault"}
    if kind == "AH":
        body["source"] = "adhoc"
    if kind == "BILL":
        body.update(type="billing", issue_type="other", client_name="C", client_phone="0825551234")
    if kind == "DR":
        body.update(source="construction", drop_number="DR4242")

    def create(i: int) -> None:
        if i < 10:
            barrier.wait()
        if kind in ("EML", "FT"):
            source = "email" if kind == "EML" else "qcontact"
            consumer.process(event("intake.ticket_requested", requested(source, str(1000 + i))))
        else:
            resp = client.post("/api/tickets", json=body, headers=admin)
            assert resp.status_code == 201, resp.get_json()

    with ThreadPoolExecutor(max_workers=10) as pool:
        list(pool.map(create, range(100)))
    uids = [r[0] for r in sql("SELECT ticket_uid FROM tickets")]
    assert len(uids) == len(set(uids)) == 100
    prefix = {"FF": "FF-", "AH": "AH-", "BILL": "BILL-", "DR": "DR4242-", "EML": "EML-", "FT": "FT"}[kind]
    assert all(u.startswith(prefix) for u in uids)


def test_worker_consumes_from_rabbitmq(container, broker_url, clean, sql) -> None:
    """A real trip: publish intake.ticket_requested on the exchange, the worker's consumer makes the ticket."""
    consumer = EventConsumer("ticket-core", container.sessions, broker_url, container.settings.events_exchange,
                             make_handlers(container.deps), retry_delay_ms=200)
    declare_topology(broker_url, container.settings.events_exchange, {"ticket-core": SUBSCRIPTIONS}, 200)
    stop = threading.Event()
    thread = threading.Thread(target=consumer.run_forever, args=(stop,), daemon=True)
    thread.start()
    try:
        conn = pika.BlockingConnection(pika.URLParameters(broker_url))
        channel = conn.channel()
        declare_exchanges(channel, container.settings.events_exchange)
        body = make_event("intake.ticket_requested", requested("email", "msg-1"), producer="email-intake")
        import json
        for _ in range(2):  # at-least-once delivery: a duplicate must not make a second ticket
            channel.basic_publish(container.settings.events_exchange, "intake.ticket_requested", json.dumps(body))
        conn.close()
        wait_for(lambda: sql("SELECT count(*) FROM processed_events")[0][0] == 1, timeout=15, message="processed")
        wait_for(lambda: sql("SELECT count(*) FROM tickets")[0][0] == 1, timeout=5, message="ticket")
    finally:
        stop.set()
        thread.join(timeout=10)
    assert set(SUBSCRIPTIONS) == set(make_handlers(container.deps))


def test_ticket_requested_starts_in_the_integrations_status(consumer, event, sql, outbox) -> None:
    """A QContact case already "In Progress" there starts as in_progress here (force, with history)."""
    consumer.process(event("intake.ticket_requested", requested(ref="777", status="in_progress")))
    consumer.process(event("intake.ticket_requested", requested(ref="778", status="new")))
    assert sorted(sql("SELECT ticket_uid, status FROM tickets")) == [("FT777", "in_progress"), ("FT778", "new")]
    changed = outbox("ticket.status_changed")
    assert [(e["data"]["to_status"], e["data"]["origin"]) for e in changed] == [("in_progress", "qcontact")]


def test_update_with_the_same_timestamp_as_the_last_one_is_applied(consumer, event, sql) -> None:
    """Two QContact changes within one timestamp (its precision): both reach the ticket, in order."""
    consumer.process(event("intake.ticket_requested", requested()))
    same = {"source": "qcontact", "source_reference": "12345", "external_updated_at": "2026-11-22T08:00:00+00:00",
            "fields": {"priority": "low"}}
    consumer.process(event("intake.ticket_update_requested", same))
    assert sql("SELECT priority FROM tickets") == [("low",)]
