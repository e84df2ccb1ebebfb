"""The idempotent consumer: one effect per event, poison to the DLQ, survives restarts."""
from __future__ import annotations

import json
import threading
import uuid
from typing import Any

import pika
import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, func, select, text

from fibreflow_shared.db import make_engine, make_session_factory
from fibreflow_shared.messaging.consumer import ATTEMPTS_HEADER, EventConsumer, dead_letters
from fibreflow_shared.messaging.envelope import make_event
from fibreflow_shared.testing.infra import BROKER_PORT, TcpProxy, broker_url as make_broker_url, wait_for


pytestmark = pytest.mark.integration
# The table where handlers record their effect (created by conftest's msg_db_url fixture).
EFFECTS = Table("effects", MetaData(), Column("id", Integer, primary_key=True), Column("event_id", String(64)),
                Column("value", String(100)))


def record_effect(session: Any, event: dict[str, Any]) -> None:
    if event["data"].get("poison"):
        raise ValueError("this event can never be handled")
    session.execute(EFFECTS.insert().values(event_id=event["id"], value=event["data"]["value"]))


def publish(broker_url: str, exchange: str, event: dict[str, Any] | bytes, routing_key: str = "thing.created") -> None:
    conn = pika.BlockingConnection(pika.URLParameters(broker_url))
    body = event if isinstance(event, bytes) else json.dumps(event).encode()
    conn.channel().basic_publish(exchange, routing_key, body, pika.BasicProperties(delivery_mode=2))
    conn.close()


def effect_count(engine: Any, event_id: str | None = None) -> int:
    query = select(func.count()).select_from(EFFECTS)
    if event_id:
        query = query.where(EFFECTS.c.event_id == event_id)
    with engine.connect() as conn:
        return conn.execute(query).scalar_one()


def make_consumer(sessions: Any, broker_url: str, exchange: str, service: str | None = None, **kw: Any) -> EventConsumer:
    return EventConsumer(service or f"svc{uuid.uuid4().hex[:6]}", sessions, broker_url, exchange,
                         {"thing.created": record_effect}, max_attempts=kw.pop("max_attempts", 3),
                         retry_delay_ms=kw.pop("retry_delay_ms", 100), **kw)


def test_same_event_twice_has_one_effect(start, sessions, engine, broker_url, exchange, stop) -> None:
    consumer = make_consumer(sessions, broker_url, exchange)
    consumer.setup()
    consumer.close()  # queues exist before we publish
    start(consumer.run_forever, stop)
    event = make_event("thing.created", {"value": "once"}, producer="test")
    publish(broker_url, exchange, event)
    publish(broker_url, exchange, event)
    marker = make_event("thing.created", {"value": "marker"}, producer="test")
    publish(broker_url, exchange, marker)
    wait_for(lambda: effect_count(engine, marker["id"]) == 1, message="marker processed")
    assert effect_count(engine, event["id"]) == 1
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM processed_events WHERE event_id = :i"),
                            {"i": event["id"]}).scalar() == 1


def test_concurrent_duplicate_processing_applies_once(start, sessions, engine) -> None:
    consumer = EventConsumer("svc", sessions, "amqp://unused", "x", {"thing.created": record_effect})
    event = make_event("thing.created", {"value": "race"}, producer="test")
    outcomes: list[str] = []
    threads = [threading.Thread(target=lambda: outcomes.append(consumer.process(event))) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["duplicate"] * 7 + ["processed"]
    assert effect_count(engine, event["id"]) == 1


def test_poison_message_is_dead_lettered_after_n_attempts_while_others_flow(start, 
        sessions, engine, broker_url, exchange, stop) -> None:
    service = f"svc{uuid.uuid4().hex[:6]}"
    consumer = make_consumer(sessions, broker_url, exchange, service, max_attempts=3, retry_delay_ms=300)
    consumer.setup()
    consumer.close()
    start(consumer.run_forever, stop)
    poison = make_event("thing.created", {"value": "bad", "poison": True}, producer="test")
    publish(broker_url, exchange, poison)
    good = [make_event("thing.created", {"value": f"good-{i}"}, producer="test") for i in range(20)]
    for event in good:
        publish(broker_url, exchange, event)
    # The good ones flow while the poison one is still waiting out its retries.
    wait_for(lambda: effect_count(engine) == 20, message="good events processed")
    dead = wait_for(lambda: dead_letters(broker_url, service, exchange), timeout=20, message="dead letter")
    assert len(dead) == 1 and dead[0]["body"]["id"] == poison["id"]
    assert dead[0]["headers"][ATTEMPTS_HEADER] == 3
    assert "never be handled" in dead[0]["headers"]["x-fibreflow-error"]
    assert effect_count(engine, poison["id"]) == 0
    with engine.connect() as conn:  # the failed attempts left nothing behind
        assert conn.execute(text("SELECT count(*) FROM processed_events WHERE event_id = :i"),
                            {"i": poison["id"]}).scalar() == 0


def test_malformed_message_goes_straight_to_dead_letters(start, sessions, engine, broker_url, exchange, stop) -> None:
    service = f"svc{uuid.uuid4().hex[:6]}"
    consumer = make_consumer(sessions, broker_url, exchange, service)
    consumer.setup()
    consumer.close()
    start(consumer.run_forever, stop)
    publish(broker_url, exchange, b"{this is not json")
    after = make_event("thing.created", {"value": "after"}, producer="test")
    publish(broker_url, exchange, after)
    wait_for(lambda: effect_count(engine, after["id"]) == 1, message="later message processed")
    dead = wait_for(lambda: dead_letters(broker_url, service, exchange), message="dead letter")
    assert dead[0]["body"] == "{this is not json"


def test_consumer_reconnects_after_broker_connection_is_cut(start, sessions, engine, broker_vhost, broker_url,
                                                            exchange, stop) -> None:
    proxy = TcpProxy("127.0.0.1", BROKER_PORT).start()
    consumer = make_consumer(sessions, make_broker_url(broker_vhost, port=proxy.port), exchange)
    consumer.setup()
    consumer.close()
    start(consumer.run_forever, stop)
    first = make_event("thing.created", {"value": "first"}, producer="test")
    publish(broker_url, exchange, first)
    wait_for(lambda: effect_count(engine, first["id"]) == 1, message="first processed")
    proxy.stop()  # the broker "restarts": every connection dies
    during = make_event("thing.created", {"value": "during"}, producer="test")
    publish(broker_url, exchange, during)  # durable queue keeps it
    threading.Event().wait(1.0)
    assert effect_count(engine, during["id"]) == 0
    proxy.restart()
    wait_for(lambda: effect_count(engine, during["id"]) == 1, timeout=30, message="processed after reconnect")
    proxy.stop()


def test_database_outage_requeues_without_dead_lettering(start, msg_db_url, engine, broker_url, exchange, stop) -> None:
    from sqlalchemy.engine import make_url

    url = make_url(msg_db_url.replace("postgresql://", "postgresql+psycopg://"))
    proxy = TcpProxy(url.host or "127.0.0.1", url.port or 5432).start()
    cut_engine = make_engine(url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False))
    service = f"svc{uuid.uuid4().hex[:6]}"
    consumer = make_consumer(make_session_factory(cut_engine), broker_url, exchange, service, max_attempts=2)
    consumer.setup()
    consumer.close()
    start(consumer.run_forever, stop)
    proxy.stop()  # the database goes away
    event = make_event("thing.created", {"value": "patient"}, producer="test")
    publish(broker_url, exchange, event)
    threading.Event().wait(3.0)  # several failed tries, more than max_attempts
    assert effect_count(engine, event["id"]) == 0
    assert dead_letters(broker_url, service, exchange) == []
    proxy.restart()
    wait_for(lambda: effect_count(engine, event["id"]) == 1, timeout=30, message="processed after DB is back")
    stop.set()
    proxy.stop()
    cut_engine.dispose()


def test_changing_the_retry_delay_does_not_break_redeclaration(start, sessions, engine, broker_url, exchange,
                                                               stop) -> None:
    """RabbitMQ refuses a queue redeclared with another TTL; the delay lives in the name instead."""
    service = f"svc{uuid.uuid4().hex[:6]}"
    first = make_consumer(sessions, broker_url, exchange, service, retry_delay_ms=100)
    first.setup()
    first.close()
    second = make_consumer(sessions, broker_url, exchange, service, retry_delay_ms=250, max_attempts=2)
    second.setup()  # would raise PRECONDITION_FAILED with a fixed retry-queue name
    second.close()
    start(second.run_forever, stop)
    poison = make_event("thing.created", {"value": "bad", "poison": True}, producer="test")
    publish(broker_url, exchange, poison)
    dead = wait_for(lambda: dead_letters(broker_url, service, exchange), timeout=20, message="dead letter")
    assert dead[0]["body"]["id"] == poison["id"] and dead[0]["headers"][ATTEMPTS_HEADER] == 2
