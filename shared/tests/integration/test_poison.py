"""Poison messages (issue #11 item 2): whatever a publisher sends, the worker keeps serving.

Unparseable bodies and bad headers go straight to the dead-letter queue with the reason in
``x-fibreflow-error``; a handler's unexpected exception goes the retry / dead-letter way; the
consumer thread never ends; ``dead-letters replay`` re-drives the dead letters after a fix and
each is applied once."""
from __future__ import annotations

import json
import threading
import uuid
from types import SimpleNamespace
from typing import Any

import pika
import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, func, select

from fibreflow_shared.cli import ServiceCli
from fibreflow_shared.messaging.consumer import ATTEMPTS_HEADER, ERROR_HEADER, EventConsumer, dead_letters
from fibreflow_shared.messaging.envelope import make_event
from fibreflow_shared.testing.infra import wait_for

pytestmark = pytest.mark.integration
EFFECTS = Table("effects", MetaData(), Column("id", Integer, primary_key=True), Column("event_id", String(64)),
                Column("value", String(100)))


def deep(levels: int) -> bytes:
    return b"[" * levels + b"]" * levels


def envelope_bytes(**overrides: Any) -> bytes:
    event = make_event("thing.created", {"value": "x"}, producer="test")
    event.update(overrides)
    return json.dumps(event).encode()


# (name, body, headers): each must end in the dead-letter queue at once.
POISON = [
    ("deep array", deep(5000), None),
    ("deep envelope", envelope_bytes(data={"value": "x", "nested": json.loads(deep(200))}), None),
    ("not json", b"{this is not json", None),
    ("non utf-8", b'{"id": "\xff", "type": "thing.created", "data": {}}', None),
    ("wrong shape", b'[{"id": "x"}]', None),
    ("missing data", b'{"id": "x", "type": "thing.created"}', None),
    ("nul byte", envelope_bytes(data={"value": "a\u0000b"}), None),
    ("attempts header a word", envelope_bytes(), {ATTEMPTS_HEADER: "one"}),
    ("attempts header negative", envelope_bytes(), {ATTEMPTS_HEADER: -4}),
]


def publish(broker_url: str, exchange: str, body: bytes, headers: dict[str, Any] | None = None,
            routing_key: str = "thing.created") -> None:
    conn = pika.BlockingConnection(pika.URLParameters(broker_url))
    conn.channel().basic_publish(exchange, routing_key, body, pika.BasicProperties(delivery_mode=2, headers=headers))
    conn.close()


def effect_count(engine: Any, event_id: str | None = None) -> int:
    query = select(func.count()).select_from(EFFECTS)
    if event_id:
        query = query.where(EFFECTS.c.event_id == event_id)
    with engine.connect() as conn:
        return conn.execute(query).scalar_one()


class Handler:
    """Records an effect; ``broken`` makes it fail the way a buggy handler would."""

    def __init__(self) -> None:
        self.broken = False

    def __call__(self, session: Any, event: dict[str, Any]) -> None:
        if self.broken:
            raise RecursionError("a handler bug that is no ValueError")
        session.execute(EFFECTS.insert().values(event_id=event["id"], value=event["data"]["value"]))


def consumer_for(sessions: Any, broker_url: str, exchange: str, handler: Handler, **kw: Any) -> EventConsumer:
    consumer = EventConsumer(f"svc{uuid.uuid4().hex[:6]}", sessions, broker_url, exchange,
                             {"thing.created": handler}, max_attempts=2, retry_delay_ms=100, **kw)
    consumer.setup()
    consumer.close()  # queues exist before we publish
    return consumer


@pytest.mark.parametrize("batch_size", [1, 10], ids=["single", "batch"])
def test_poison_goes_to_the_dead_letters_and_the_worker_keeps_serving(start, sessions, engine, broker_url,
                                                                      exchange, stop, batch_size) -> None:
    consumer = consumer_for(sessions, broker_url, exchange, Handler(), batch_size=batch_size)
    thread = start(consumer.run_forever, stop)
    for _name, body, headers in POISON:
        publish(broker_url, exchange, body, headers)
    after = make_event("thing.created", {"value": "after the poison"}, producer="test")
    publish(broker_url, exchange, json.dumps(after).encode())
    wait_for(lambda: effect_count(engine, after["id"]) == 1, message="the message after the poison processed")
    dead = wait_for(lambda: len(dead_letters(broker_url, consumer.service, exchange)) == len(POISON) and
                    dead_letters(broker_url, consumer.service, exchange), message="every poison dead-lettered")
    assert thread.is_alive(), "the consumer loop survived every poison message"
    reasons = [d["headers"][ERROR_HEADER] for d in dead]
    assert all(reason.startswith("malformed: ") for reason in reasons), reasons
    assert any("deep" in r for r in reasons) and any(ATTEMPTS_HEADER in r for r in reasons)
    assert effect_count(engine) == 1


def test_a_handler_bug_is_retried_then_dead_lettered_then_replayed_once_after_the_fix(
        start, sessions, engine, broker_url, exchange, stop) -> None:
    handler = Handler()
    handler.broken = True
    consumer = consumer_for(sessions, broker_url, exchange, handler)
    thread = start(consumer.run_forever, stop)
    poisoned = [make_event("thing.created", {"value": f"v{i}"}, producer="test") for i in range(3)]
    for event in poisoned:
        publish(broker_url, exchange, json.dumps(event).encode())
    dead = wait_for(lambda: len(dead_letters(broker_url, consumer.service, exchange)) == 3 and
                    dead_letters(broker_url, consumer.service, exchange), message="dead-lettered after retries")
    assert {d["headers"][ATTEMPTS_HEADER] for d in dead} == {2}
    assert "RecursionError" in dead[0]["headers"][ERROR_HEADER]
    assert thread.is_alive() and effect_count(engine) == 0

    handler.broken = False  # "deploy the fix"
    cli = ServiceCli(service=consumer.service, package="unused",
                     load_settings=lambda: SimpleNamespace(broker_url=broker_url, events_exchange=exchange,
                                                           log_level="WARNING"))
    # One by id first, then the rest with a limit; a second replay finds nothing.
    assert cli.run(["dead-letters", "replay", "--id", poisoned[1]["id"]]) == 0
    wait_for(lambda: effect_count(engine, poisoned[1]["id"]) == 1, message="the replayed one processed")
    assert effect_count(engine) == 1 and len(dead_letters(broker_url, consumer.service, exchange)) == 2
    assert cli.run(["dead-letters", "replay", "--limit", "1"]) == 0
    assert cli.run(["dead-letters", "replay"]) == 0
    wait_for(lambda: effect_count(engine) == 3, message="every replayed event processed")
    assert cli.run(["dead-letters", "replay"]) == 0
    assert cli.run(["dead-letters", "list"]) == 0
    threading.Event().wait(0.5)
    assert all(effect_count(engine, e["id"]) == 1 for e in poisoned), "each applied exactly once"
    assert dead_letters(broker_url, consumer.service, exchange) == []


def test_replaying_the_same_dead_letter_twice_applies_it_once(start, sessions, engine, broker_url, exchange,
                                                              stop) -> None:
    """A dead letter replayed after it was already processed (e.g. replayed from a copy) is a duplicate."""
    from fibreflow_shared.messaging.dead_letters import replay_dead_letters

    handler = Handler()
    consumer = consumer_for(sessions, broker_url, exchange, handler)
    event = make_event("thing.created", {"value": "twice"}, producer="test")
    consumer.process(event)  # applied once already
    conn = pika.BlockingConnection(pika.URLParameters(broker_url))
    channel = conn.channel()
    channel.confirm_delivery()
    for _ in range(2):  # two copies land in the dead letters
        channel.basic_publish(consumer.names.dead_exchange, consumer.service, json.dumps(event).encode(),
                              pika.BasicProperties(delivery_mode=2, headers={ATTEMPTS_HEADER: 5}))
    conn.close()
    start(consumer.run_forever, stop)
    assert replay_dead_letters(broker_url, consumer.service, exchange) == [event["id"], event["id"]]
    wait_for(lambda: dead_letters(broker_url, consumer.service, exchange) == [], message="queue emptied")
    threading.Event().wait(0.5)
    assert effect_count(engine, event["id"]) == 1
