from __future__ import annotations

import json
import secrets
import threading
from typing import Any, Callable, Iterator

import pika
import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, text
from sqlalchemy.engine import Engine

from fibreflow_shared.db import make_engine, make_session_factory
from fibreflow_shared.messaging.tables import add_messaging_tables
from fibreflow_shared.messaging.topology import declare_exchanges

metadata = MetaData()
add_messaging_tables(metadata)
effects = Table("effects", metadata, Column("id", Integer, primary_key=True, autoincrement=True),
                Column("event_id", String(64)), Column("value", String(100)))


@pytest.fixture(scope="session")
def msg_db_url(make_database: Callable[[str], str]) -> str:
    url = make_database("shared_msg")
    engine = make_engine(url)
    metadata.create_all(engine)
    engine.dispose()
    return url


@pytest.fixture()
def engine(msg_db_url: str) -> Iterator[Engine]:
    engine = make_engine(msg_db_url)
    with engine.begin() as conn:
        conn.execute(text("TRUNCATE outbox, processed_events, effects RESTART IDENTITY"))
    yield engine
    engine.dispose()


@pytest.fixture()
def sessions(engine: Engine) -> Any:
    return make_session_factory(engine)


@pytest.fixture()
def exchange() -> str:
    """A fresh exchange per test so bindings never leak between tests."""
    return f"test.events.{secrets.token_hex(3)}"


class Tap:
    """A raw queue bound to every key of an exchange: what really went over the wire."""

    def __init__(self, broker_url: str, exchange: str) -> None:
        self.conn = pika.BlockingConnection(pika.URLParameters(broker_url))
        self.channel = self.conn.channel()
        declare_exchanges(self.channel, exchange)
        self.queue = self.channel.queue_declare("", exclusive=True).method.queue
        self.channel.queue_bind(self.queue, exchange, routing_key="#")
        self.messages: list[dict[str, Any]] = []

    def drain(self) -> list[dict[str, Any]]:
        while True:
            method, _props, body = self.channel.basic_get(self.queue, auto_ack=True)
            if method is None:
                return self.messages
            self.messages.append(json.loads(body))

    def close(self) -> None:
        self.conn.close()


@pytest.fixture()
def tap(broker_url: str, exchange: str) -> Iterator[Tap]:
    t = Tap(broker_url, exchange)
    yield t
    t.close()


@pytest.fixture()
def stop() -> Iterator[threading.Event]:
    event = threading.Event()
    yield event
    event.set()


@pytest.fixture()
def start(stop: threading.Event) -> Callable[[Callable[[threading.Event], None]], threading.Thread]:
    """Run a loop (relay, consumer) in a thread until the test ends."""

    def run(loop: Callable[[threading.Event], None], stop_event: threading.Event = stop) -> threading.Thread:
        thread = threading.Thread(target=loop, args=(stop_event,), daemon=True)
        thread.start()
        return thread

    return run

