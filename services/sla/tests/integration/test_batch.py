"""The worker's batch mode (one transaction per batch, a savepoint per event) leaves exactly
what one transaction per event leaves; and the transactional-batch outbox relay."""
from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import text

from fibreflow_shared.db import transaction
from fibreflow_shared.messaging.consumer import EventConsumer, _Delivery
from fibreflow_shared.messaging.relay import BrokerUnavailable
from fibreflow_shared.messaging.topology import connect, declare_exchanges
from fibreflow_shared.testing.infra import BROKER_PORT, TcpProxy, broker_url as make_broker_url
from fibreflow_shared.messaging.relay import OutboxRelay
from sla.service_layer.consumers import make_handlers

pytestmark = pytest.mark.integration


def story(events: Any) -> list[dict[str, Any]]:
    """Several tickets' lives, interleaved, with a redelivery and a ticket created as blocked."""
    return [
        events.created(uid="FF-0001"),
        events.created(uid="FF-0002", priority="critical"),
        events.status("in_progress", "blocked", "2026-11-23T06:30:00+00:00", uid="FF-0001"),
        events.created(uid="FF-0003", status="blocked", created_at="2026-11-23T05:00:00+00:00"),
        events.updated({"priority": {"from": "critical", "to": "low"}}, "2026-11-23T06:40:00+00:00",
                       uid="FF-0002", priority="low"),
        events.status("blocked", "in_progress", "2026-11-23T07:30:00+00:00", uid="FF-0001"),
        events.note(False, "2026-11-23T07:40:00+00:00", uid="FF-0002", priority="low"),
        events.status("in_progress", "resolved", "2026-11-23T08:00:00+00:00", uid="FF-0001"),
        events.deleted("2026-11-23T08:10:00+00:00", uid="FF-0003", status="blocked",
                       created_at="2026-11-23T05:00:00+00:00"),
    ]


def state(container: Any) -> dict[str, Any]:
    with container.engine.connect() as conn:
        clocks = [tuple(r) for r in conn.execute(text(
            "SELECT ticket_uid, kind, state, due_at, paused_seconds, next_event_at, alert_level, cycle, met, "
            "target_minutes, pauses FROM sla_clocks ORDER BY ticket_uid, kind"))]
        history = [tuple(r) for r in conn.execute(text(
            "SELECT c.ticket_uid, h.action, h.at, h.state, h.sla_state, h.due_at, h.percent_elapsed, h.detail "
            "FROM sla_clock_history h JOIN sla_clocks c ON c.id = h.clock_id ORDER BY h.id"))]
        published = [(p["type"], p["data"]["ticket_uid"], p["data"].get("state"), p["data"].get("due_at"))
                     for p in conn.execute(text("SELECT payload FROM outbox ORDER BY id")).scalars()]
        processed = conn.execute(text("SELECT count(*) FROM processed_events")).scalar_one()
    return {"clocks": clocks, "history": history, "published": published, "processed": processed}


def test_a_batch_leaves_what_one_transaction_per_event_leaves(container, consumer, events, fixed_now) -> None:
    evs = story(events)
    for event in evs:
        assert consumer.process(event) == "processed"
    one_by_one = state(container)
    assert len(one_by_one["published"]) >= 8

    with container.engine.begin() as conn:
        conn.execute(text("TRUNCATE sla_clocks, sla_tickets, sla_clock_history, outbox, processed_events"))
    batch_consumer = EventConsumer("sla", container.sessions, "amqp://unused", "x", make_handlers(container.deps),
                                   batch_size=64)
    deliveries = [_Delivery(None, None, b"", e) for e in evs + [evs[0], evs[5]]]  # two redelivered
    batch_consumer.process_batch(deliveries)
    assert [d.outcome for d in deliveries] == ["processed"] * len(evs) + ["duplicate", "duplicate"]
    assert state(container) == one_by_one


def test_a_failing_event_in_a_batch_leaves_no_trace_and_the_others_apply(container, events, fixed_now) -> None:
    handlers = make_handlers(container.deps)

    def explode_after_writing(session: Any, event: dict[str, Any]) -> None:
        handlers["ticket.created"](session, event)
        if event["data"]["ticket"]["ticket_uid"] == "FF-0666":
            raise RuntimeError("boom after the clock, its history and its sla.updated were written")

    consumer = EventConsumer("sla", container.sessions, "amqp://unused", "x",
                             {**handlers, "ticket.created": explode_after_writing}, batch_size=10)
    deliveries = [_Delivery(None, None, b"", events.created(uid=uid)) for uid in ("FF-0001", "FF-0666", "FF-0002")]
    consumer.process_batch(deliveries)
    assert [d.outcome for d in deliveries] == ["processed", None, "processed"]
    after = state(container)
    assert [c[0] for c in after["clocks"]] == ["FF-0001", "FF-0002"]
    assert [h[0] for h in after["history"]] == ["FF-0001", "FF-0002"]
    assert [p[1] for p in after["published"]] == ["FF-0001", "FF-0002"]
    assert after["processed"] == 2


def _stage(container: Any, n: int) -> None:
    with transaction(container.sessions) as session:
        for i in range(n):
            container.outbox.add(session, "sla.updated", {"n": i})


def _tap(broker_url: str, exchange: str) -> tuple[Any, Any, str]:
    conn = connect(broker_url)
    channel = conn.channel()
    declare_exchanges(channel, exchange)
    queue = channel.queue_declare("", exclusive=True).method.queue
    channel.queue_bind(queue, exchange, routing_key="#")
    return conn, channel, queue


def _drain(channel: Any, queue: str) -> list[dict[str, Any]]:
    out = []
    while True:
        method, props, body = channel.basic_get(queue, auto_ack=True)
        if method is None:
            return out
        message = json.loads(body)
        assert props.delivery_mode == 2 and props.type == "sla.updated" and props.message_id == message["id"]
        assert props.app_id == "sla" and props.correlation_id == message["correlation_id"]
        out.append(message)


def test_batch_commit_relay_publishes_each_row_once_and_keeps_them_through_an_outage(
        container, clean, broker_vhost, broker_url) -> None:
    schemas, container.outbox.schemas = container.outbox.schemas, None  # payloads here are not real sla.updated data
    exchange = "test.sla.relay"
    conn, channel, queue = _tap(broker_url, exchange)
    proxy = TcpProxy("127.0.0.1", BROKER_PORT).start()
    relay = OutboxRelay(container.engine, make_broker_url(broker_vhost, port=proxy.port), exchange, "sla",
                        batch_size=50, transactional=True)
    try:
        _stage(container, 120)
        assert relay.drain() == 120  # three transactional batches
        first = _drain(channel, queue)
        assert sorted(m["data"]["n"] for m in first) == list(range(120))

        _stage(container, 30)
        proxy.stop()
        with pytest.raises(BrokerUnavailable):
            relay.drain()
        with container.engine.connect() as c:
            assert c.execute(text("SELECT count(*) FROM outbox WHERE published_at IS NULL")).scalar_one() == 30
        proxy.restart()
        assert relay.drain() == 30
        assert sorted(m["data"]["n"] for m in _drain(channel, queue)) == list(range(30))
    finally:
        container.outbox.schemas = schemas
        relay.close()
        proxy.stop()
        conn.close()


def test_competing_batches_over_the_same_tickets_in_opposite_orders_do_not_deadlock(container, events,
                                                                                    fixed_now) -> None:
    """Issue #11 item 7: three consumer threads, after a database outage, were handed batches of the
    same tickets in different orders and deadlocked (40P01). Each batch now locks its tickets in
    one sorted order first; every event is applied once."""
    import threading

    from sla.service_layer.consumers import lock_key

    uids = [f"FF-{n:04d}" for n in range(1, 25)]
    created = [events.created(uid=uid) for uid in uids]
    moved = [events.status("new", "in_progress", "2026-11-23T06:30:00+00:00", uid=uid) for uid in uids]
    batches = [created + moved, (created + moved)[::-1], moved[::-1] + created[::2] + created[1::2]]
    consumer = EventConsumer("sla", container.sessions, "amqp://unused", "x", make_handlers(container.deps),
                             batch_size=64, lock_key=lock_key)
    barrier = threading.Barrier(len(batches))
    errors: list[BaseException] = []

    def apply(evs: list[dict[str, Any]]) -> None:
        barrier.wait()
        try:
            consumer.process_batch([_Delivery(None, None, b"", e) for e in evs])
        except BaseException as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(exc)

    threads = [threading.Thread(target=apply, args=(b,)) for b in batches]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == [], [str(e).splitlines()[0] for e in errors]
    with container.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM processed_events")).scalar_one() == 2 * len(uids)
        clocks = conn.execute(text("SELECT ticket_uid, count(*) FROM sla_clocks GROUP BY ticket_uid")).all()
        started = conn.execute(text("SELECT count(*) FROM sla_clock_history WHERE action = 'started'")).scalar_one()
    assert sorted(uid for uid, _n in clocks) == uids
    assert started == sum(n for _uid, n in clocks), "each clock started once"
