"""Batch mode of the consumer: one transaction per batch, a savepoint per event.

The same guarantees as one event per transaction: one effect per event id, a poison event
dead-lettered after N attempts while its batch-mates commit, a database outage requeues."""
from __future__ import annotations

import json
import threading
import time
import uuid
from typing import Any

import pika
import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, event as sa_event, func, select, text

from fibreflow_shared.db import make_engine, make_session_factory
from fibreflow_shared.messaging.consumer import ATTEMPTS_HEADER, EventConsumer, _Delivery, dead_letters
from fibreflow_shared.messaging.envelope import make_event
from fibreflow_shared.testing.infra import TcpProxy, wait_for

pytestmark = pytest.mark.integration
EFFECTS = Table("effects", MetaData(), Column("id", Integer, primary_key=True), Column("event_id", String(64)),
                Column("value", String(100)))


def record_effect(session: Any, event: dict[str, Any]) -> None:
    session.execute(EFFECTS.insert().values(event_id=event["id"], value=event["data"]["value"]))
    if event["data"].get("poison"):  # fails AFTER writing: the savepoint must undo the write
        raise ValueError("this event can never be handled")


def publish_all(broker_url: str, exchange: str, events: list[dict[str, Any]]) -> None:
    conn = pika.BlockingConnection(pika.URLParameters(broker_url))
    channel = conn.channel()
    for event in events:
        channel.basic_publish(exchange, event["type"], json.dumps(event).encode(),
                              pika.BasicProperties(delivery_mode=2))
    conn.close()


def effect_count(engine: Any, event_id: str | None = None) -> int:
    query = select(func.count()).select_from(EFFECTS)
    if event_id:
        query = query.where(EFFECTS.c.event_id == event_id)
    with engine.connect() as conn:
        return conn.execute(query).scalar_one()


def processed_count(engine: Any, event_id: str) -> int:
    with engine.connect() as conn:
        return conn.execute(text("SELECT count(*) FROM processed_events WHERE event_id = :i"),
                            {"i": event_id}).scalar_one()


def batch_consumer(sessions: Any, broker_url: str, exchange: str, service: str | None = None,
                   **kw: Any) -> EventConsumer:
    consumer = EventConsumer(service or f"svc{uuid.uuid4().hex[:6]}", sessions, broker_url, exchange,
                             {"thing.created": record_effect}, max_attempts=kw.pop("max_attempts", 3),
                             retry_delay_ms=kw.pop("retry_delay_ms", 100), batch_size=kw.pop("batch_size", 10),
                             batch_wait_ms=kw.pop("batch_wait_ms", 50), **kw)
    consumer.setup()
    consumer.close()  # queues exist before we publish
    return consumer


def thing(value: str, **extra: Any) -> dict[str, Any]:
    return make_event("thing.created", {"value": value, **extra}, producer="test")


def count_commits(engine: Any) -> list[int]:
    """A one-element list counting COMMITs on ``engine`` (a mutable cell the listener updates)."""
    commits = [0]
    sa_event.listen(engine, "commit", lambda _conn: commits.__setitem__(0, commits[0] + 1))
    return commits


def test_process_batch_rolls_back_only_the_failing_event(sessions, engine) -> None:
    consumer = EventConsumer("svc", sessions, "amqp://unused", "x", {"thing.created": record_effect}, batch_size=5)
    good, poison, dup = thing("a"), thing("bad", poison=True), thing("b")
    other = make_event("other.thing", {"value": "x"}, producer="test")
    batch = [_Delivery(None, None, b"", e) for e in (good, poison, dup, dup, other)]
    consumer.process_batch(batch)
    assert [d.outcome for d in batch] == ["processed", None, "processed", "duplicate", "ignored"]
    assert isinstance(batch[1].error, ValueError)
    assert effect_count(engine, good["id"]) == 1 and effect_count(engine, dup["id"]) == 1
    assert effect_count(engine, poison["id"]) == 0 and processed_count(engine, poison["id"]) == 0


def test_duplicates_within_and_across_batches_have_one_effect(start, sessions, engine, broker_url, exchange,
                                                              stop) -> None:
    consumer = batch_consumer(sessions, broker_url, exchange, batch_size=10, batch_wait_ms=200)
    commits = count_commits(engine)
    events = [thing(f"v{i}") for i in range(15)]
    # Every event twice inside the first burst, then all of them again as a later burst.
    publish_all(broker_url, exchange, [e for e in events for _ in range(2)])
    start(consumer.run_forever, stop)
    wait_for(lambda: effect_count(engine) == 15, message="first burst processed")
    publish_all(broker_url, exchange, events)
    marker = thing("marker")
    publish_all(broker_url, exchange, [marker])
    wait_for(lambda: effect_count(engine, marker["id"]) == 1, message="marker processed")
    assert effect_count(engine) == 16
    assert all(effect_count(engine, e["id"]) == 1 and processed_count(engine, e["id"]) == 1 for e in events)
    # 46 deliveries in batches of at most 10 (plus a few partial ones): far fewer commits than events.
    assert 5 <= commits[0] < 46


def test_poison_event_is_dead_lettered_while_its_batch_mates_commit(start, sessions, engine, broker_url,
                                                                    exchange, stop) -> None:
    service = f"svc{uuid.uuid4().hex[:6]}"
    consumer = batch_consumer(sessions, broker_url, exchange, service, max_attempts=3, retry_delay_ms=200,
                              batch_size=10, batch_wait_ms=200)
    good = [thing(f"good-{i}") for i in range(19)]
    poison = thing("bad", poison=True)
    publish_all(broker_url, exchange, good[:9] + [poison] + good[9:])  # the poison sits mid-batch
    start(consumer.run_forever, stop)
    wait_for(lambda: effect_count(engine) == 19, message="the poison's batch-mates committed")
    dead = wait_for(lambda: dead_letters(broker_url, service, exchange), timeout=20, message="dead letter")
    assert len(dead) == 1 and dead[0]["body"]["id"] == poison["id"]
    assert dead[0]["headers"][ATTEMPTS_HEADER] == 3
    assert "never be handled" in dead[0]["headers"]["x-fibreflow-error"]
    assert effect_count(engine, poison["id"]) == 0 and processed_count(engine, poison["id"]) == 0
    assert all(effect_count(engine, e["id"]) == 1 for e in good)


def test_malformed_message_in_a_batch_goes_straight_to_dead_letters(start, sessions, engine, broker_url,
                                                                   exchange, stop) -> None:
    service = f"svc{uuid.uuid4().hex[:6]}"
    consumer = batch_consumer(sessions, broker_url, exchange, service)
    conn = pika.BlockingConnection(pika.URLParameters(broker_url))
    conn.channel().basic_publish(exchange, "thing.created", b"{not json", pika.BasicProperties(delivery_mode=2))
    conn.close()
    after = thing("after")
    publish_all(broker_url, exchange, [after])
    start(consumer.run_forever, stop)
    wait_for(lambda: effect_count(engine, after["id"]) == 1, message="later message processed")
    dead = wait_for(lambda: dead_letters(broker_url, service, exchange), message="dead letter")
    assert dead[0]["body"] == "{not json"


def test_database_outage_requeues_the_batch_without_dead_lettering(start, msg_db_url, engine, broker_url,
                                                                  exchange, stop) -> None:
    from sqlalchemy.engine import make_url

    url = make_url(msg_db_url.replace("postgresql://", "postgresql+psycopg://"))
    proxy = TcpProxy(url.host or "127.0.0.1", url.port or 5432).start()
    cut_engine = make_engine(url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False))
    service = f"svc{uuid.uuid4().hex[:6]}"
    consumer = batch_consumer(make_session_factory(cut_engine), broker_url, exchange, service, max_attempts=2)
    start(consumer.run_forever, stop)
    proxy.stop()  # the database goes away
    events = [thing(f"patient-{i}") for i in range(5)]
    publish_all(broker_url, exchange, events)
    threading.Event().wait(3.0)  # several failed tries, more than max_attempts
    assert effect_count(engine) == 0
    assert dead_letters(broker_url, service, exchange) == []
    proxy.restart()
    wait_for(lambda: effect_count(engine) == 5, timeout=30, message="processed after DB is back")
    assert all(effect_count(engine, e["id"]) == 1 for e in events)
    stop.set()
    proxy.stop()
    cut_engine.dispose()


def test_two_batch_consumers_share_a_queue_and_apply_each_event_once(start, sessions, engine, broker_url,
                                                                      exchange, stop) -> None:
    """Throughput sanity: a thousand events through two competing batch consumers, each
    applied once, in far fewer commits than events (no timing asserted)."""
    service = f"svc{uuid.uuid4().hex[:6]}"
    consumers = [batch_consumer(sessions, broker_url, exchange, service, batch_size=50, batch_wait_ms=20)
                 for _ in range(2)]
    commits = count_commits(engine)
    events = [thing(f"n{i}") for i in range(1000)]
    publish_all(broker_url, exchange, events + events[:100])  # and a hundred redeliveries
    t0 = time.monotonic()
    for consumer in consumers:
        start(consumer.run_forever, stop)
    wait_for(lambda: effect_count(engine) >= 1000, timeout=60, message="1000 events")
    elapsed = time.monotonic() - t0
    threading.Event().wait(0.3)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(DISTINCT event_id), count(*) FROM effects")).one() == (1000, 1000)
    assert commits[0] < 1100 / 5, f"{commits[0]} commits for 1100 deliveries"
    print(f"1100 deliveries in {elapsed:.2f} s, {commits[0]} commits")  # seen with -s
