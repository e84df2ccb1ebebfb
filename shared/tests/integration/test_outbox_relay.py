"""The outbox keeps every event through a broker outage and publishes each exactly once."""
from __future__ import annotations

import threading
import urllib.parse

import pytest
from sqlalchemy import text

from fibreflow_shared.db import transaction
from fibreflow_shared.messaging.outbox import EventSchemaError, EventSchemas, Outbox
from fibreflow_shared.messaging.relay import OutboxRelay
from fibreflow_shared.testing.infra import BROKER_PORT, TcpProxy, broker_url as make_broker_url, wait_for


pytestmark = pytest.mark.integration


def _add(sessions, outbox: Outbox, n: int, tag: str) -> list[str]:
    """Each event staged beside a state change, one transaction per event."""
    ids = []
    for i in range(n):
        with transaction(sessions) as session:
            session.execute(text("INSERT INTO effects (value) VALUES (:v)"), {"v": f"{tag}-{i}"})
            ids.append(outbox.add(session, "thing.created", {"n": i, "tag": tag})["id"])
    return ids


def test_rolled_back_transaction_leaves_no_event(start, sessions, engine) -> None:
    outbox = Outbox("test")
    with pytest.raises(RuntimeError):
        with transaction(sessions) as session:
            outbox.add(session, "thing.created", {"n": 1})
            raise RuntimeError("business failure after staging the event")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM outbox")).scalar() == 0


@pytest.mark.parametrize("transactional", [False, True], ids=["confirms", "transactions"])
def test_events_survive_broker_outage_and_all_arrive_once(start, sessions, engine, broker_vhost, exchange, tap, stop,
                                                          transactional: bool) -> None:
    proxy = TcpProxy("127.0.0.1", BROKER_PORT).start()
    relay = OutboxRelay(engine, make_broker_url(broker_vhost, port=proxy.port), exchange, "test",
                        poll_seconds=0.2, max_backoff=0.5, transactional=transactional)
    outbox = Outbox("test")
    start(relay.run_forever, stop)
    before = _add(sessions, outbox, 10, "before")
    wait_for(lambda: len(tap.drain()) == 10, message="first 10 events")

    proxy.stop()  # broker unreachable: connections cut, new ones refused
    during = _add(sessions, outbox, 40, "during")  # creating still succeeds
    threading.Event().wait(1.5)
    assert len(tap.drain()) == 10, "nothing can be published while the broker is away"
    backlog, _age = relay.update_gauges()
    assert backlog == 40

    proxy.restart()
    after = _add(sessions, outbox, 10, "after")
    wait_for(lambda: len(tap.drain()) >= 60, timeout=30, message="all 60 events after recovery")
    threading.Event().wait(0.5)
    received = [m["id"] for m in tap.drain()]
    assert sorted(received) == sorted(before + during + after), "count in = count out, no duplicates"
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM outbox WHERE published_at IS NULL")).scalar() == 0
    proxy.stop()


@pytest.mark.parametrize("transactional", [False, True], ids=["confirms", "transactions"])
def test_two_relays_never_publish_a_row_twice(start, sessions, engine, broker_url, exchange, tap, stop,
                                              transactional: bool) -> None:
    outbox = Outbox("test")
    ids = _add(sessions, outbox, 300, "pair")
    relays = [OutboxRelay(engine, broker_url, exchange, "test", batch_size=20, poll_seconds=0.2,
                          transactional=transactional) for _ in range(2)]
    for relay in relays:
        start(relay.run_forever, stop)
    wait_for(lambda: len(tap.drain()) >= 300, timeout=30, message="300 events")
    threading.Event().wait(0.5)
    received = [m["id"] for m in tap.drain()]
    assert len(received) == 300 and sorted(received) == sorted(ids)


def test_published_messages_are_persistent_and_typed(start, sessions, engine, broker_url, exchange, tap) -> None:
    outbox = Outbox("test")
    (event_id,) = _add(sessions, outbox, 1, "props")
    relay = OutboxRelay(engine, broker_url, exchange, "test")
    assert relay.drain() == 1
    method, props, _body = tap.channel.basic_get(tap.queue, auto_ack=True)
    assert method.routing_key == "thing.created"
    assert props.delivery_mode == 2 and props.message_id == event_id and props.type == "thing.created"
    relay.close()


def test_schema_validation_refuses_bad_events(start, sessions, tmp_path) -> None:
    (tmp_path / "thing.created.json").write_text(
        '{"type": "object", "required": ["data"], "properties": {"data": {"type": "object", '
        '"required": ["n"], "properties": {"n": {"type": "integer"}}}}}')
    outbox = Outbox("test", EventSchemas(tmp_path))
    with transaction(sessions) as session:
        outbox.add(session, "thing.created", {"n": 1})
        with pytest.raises(EventSchemaError, match="n"):
            outbox.add(session, "thing.created", {"n": "one"})
        with pytest.raises(EventSchemaError, match="no JSON Schema"):
            outbox.add(session, "thing.unknown", {})
