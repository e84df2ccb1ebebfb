"""The worker's loops over the real broker: an event published to the exchange ends as an SMS."""
from __future__ import annotations

import json
import threading

import pika
import pytest

from fibreflow_shared.messaging.topology import connect, declare_exchanges, declare_topology
from fibreflow_shared.testing.infra import wait_for
from notifications.cli import worker
from notifications.service_layer.consumers import SUBSCRIPTIONS

pytestmark = pytest.mark.integration


def test_event_from_the_bus_is_sent_once_and_reported(container, clean, ev, sim_messages, rows) -> None:
    s = container.settings
    # Queues first (as `declare-topology` does at deploy), so nothing published is unroutable.
    declare_topology(s.broker_url, s.events_exchange, {"notifications": SUBSCRIPTIONS}, s.consumer_retry_delay_ms)
    stop = threading.Event()
    loops = worker(container.settings)
    assert set(loops) == {"event-consumer", "outbox-relay", "sender", "webhooks"}  # webhooks: outbound deliveries
    threads = [threading.Thread(target=loop, args=(stop,), daemon=True) for loop in loops.values()]
    for t in threads:
        t.start()
    try:
        event = ev.created(ev.ticket("BILL-20261122-0777"))
        conn = connect(container.settings.broker_url)
        channel = conn.channel()
        declare_exchanges(channel, container.settings.events_exchange)
        for _ in range(2):  # at-least-once delivery: the same event twice
            channel.basic_publish(container.settings.events_exchange, "ticket.created", json.dumps(event).encode(),
                                  pika.BasicProperties(delivery_mode=2, content_type="application/json"))
        conn.close()
        wait_for(lambda: len(sim_messages()) == 1, timeout=15, message="SMS at the simulator")
        # The relay publishes notification.sent from the outbox.
        wait_for(lambda: _published(container), timeout=15, message="notification.sent relayed")
        assert len(sim_messages()) == 1 and len(rows()) == 1
        assert "BILL-20261122-0777" in sim_messages()[0]["body"]
    finally:
        stop.set()
        for t in threads:
            t.join(timeout=10)


def _published(container) -> bool:  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    with container.engine.connect() as conn:
        return bool(conn.execute(text("SELECT count(*) FROM outbox WHERE event_type = 'notification.sent' "
                                      "AND published_at IS NOT NULL")).scalar())
