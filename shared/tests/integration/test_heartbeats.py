"""Idle publishers and consumers keep their broker connection alive with AMQP heartbeats
(issue #11 item 7): the first publish after a long idle succeeds, nothing lost or doubled."""
from __future__ import annotations

import logging
import threading
import uuid

import pytest
from sqlalchemy import text

from fibreflow_shared.db import transaction
from fibreflow_shared.messaging.consumer import EventConsumer
from fibreflow_shared.messaging.outbox import Outbox
from fibreflow_shared.messaging.relay import OutboxRelay
from fibreflow_shared.testing.infra import wait_for

pytestmark = pytest.mark.integration
HEARTBEAT = 1  # seconds; the broker drops a connection silent for ~2 heartbeats
IDLE = 5.0


def add_event(sessions: object, outbox: Outbox, tag: str) -> str:
    with transaction(sessions) as session:
        return outbox.add(session, "thing.created", {"tag": tag})["id"]


@pytest.mark.parametrize("transactional", [False, True], ids=["confirms", "transactions"])
def test_first_relay_publish_after_an_idle_spell_succeeds(start, sessions, engine, broker_url, exchange, tap, stop,
                                                          caplog, transactional: bool) -> None:
    relay = OutboxRelay(engine, f"{broker_url}?heartbeat={HEARTBEAT}", exchange, "test", poll_seconds=0.2,
                        max_backoff=0.5, transactional=transactional)
    outbox = Outbox("test")
    start(relay.run_forever, stop)
    first = add_event(sessions, outbox, "before")
    wait_for(lambda: len(tap.drain()) == 1, message="first event")
    threading.Event().wait(IDLE)  # idle far longer than the heartbeat timeout
    with caplog.at_level(logging.INFO, logger="fibreflow_shared.messaging.relay"):
        second = add_event(sessions, outbox, "after idle")
        wait_for(lambda: len(tap.drain()) == 2, timeout=10, message="the event after the idle spell")
    threading.Event().wait(0.3)
    assert [m["id"] for m in tap.drain()] == [first, second], "nothing lost, nothing doubled"
    with engine.connect() as conn:
        attempts, error = conn.execute(text("SELECT attempts, last_error FROM outbox WHERE payload->>'id' = :i"),
                                       {"i": second}).one()
    assert (attempts, error) == (1, None), "published at the first attempt, no broken pipe"
    assert not [r for r in caplog.records if "unavailable" in r.getMessage() or "connected" in r.getMessage()], \
        "no reconnect was needed"


def test_an_idle_consumer_keeps_its_connection(start, sessions, engine, broker_url, exchange, stop, caplog) -> None:
    import json

    import pika

    from fibreflow_shared.messaging.envelope import make_event

    seen: list[str] = []
    consumer = EventConsumer(f"svc{uuid.uuid4().hex[:6]}", sessions, f"{broker_url}?heartbeat={HEARTBEAT}",
                             exchange, {"thing.created": lambda _s, e: seen.append(e["id"])})
    with caplog.at_level(logging.WARNING, logger="fibreflow_shared.messaging.consumer"):
        start(consumer.run_forever, stop)
        wait_for(lambda: consumer._channel is not None, message="consumer connected")
        threading.Event().wait(IDLE)
        event = make_event("thing.created", {}, producer="test")
        conn = pika.BlockingConnection(pika.URLParameters(broker_url))
        conn.channel().basic_publish(exchange, "thing.created", json.dumps(event).encode())
        conn.close()
        wait_for(lambda: seen == [event["id"]], message="event consumed after idle")
    assert not [r for r in caplog.records if "connection lost" in r.getMessage()]
