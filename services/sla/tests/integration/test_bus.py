"""On the real broker: ticket.created published → the worker's consumer, relay and scanner →
sla.updated and sla.warning published on the exchange."""
from __future__ import annotations

import json
import threading
from datetime import datetime, timedelta, timezone

import pika
import pytest

from fibreflow_shared.messaging.envelope import make_event
from fibreflow_shared.messaging.topology import connect, declare_exchanges, declare_topology
from fibreflow_shared.testing.infra import wait_for
from sla.cli import worker
from sla.config import load
from sla.service_layer.consumers import SUBSCRIPTIONS

pytestmark = pytest.mark.integration


def test_ticket_created_on_the_bus_yields_sla_updated_and_alerts(container, clean, events) -> None:
    settings = load(database_url=container.settings.database_url, broker_url=container.settings.broker_url,
                    validate_event_schemas=True, contracts_dir=container.settings.contracts_dir,
                    outbox_poll_seconds=0.2, scanner_max_wait=0.2)
    # The consumer's queue must exist before the publish, or the broker drops the event.
    declare_topology(settings.broker_url, settings.events_exchange, {"sla": SUBSCRIPTIONS},
                     settings.consumer_retry_delay_ms)
    conn = connect(settings.broker_url)
    channel = conn.channel()
    declare_exchanges(channel, settings.events_exchange)
    queue = channel.queue_declare("", exclusive=True).method.queue
    for key in ("sla.updated", "sla.warning"):
        channel.queue_bind(queue, settings.events_exchange, routing_key=key)
    stop = threading.Event()
    threads = [threading.Thread(target=loop, args=(stop,), daemon=True) for loop in worker(settings).values()]
    [t.start() for t in threads]
    try:
        # Created 50 minutes ago with a 60-minute target: already past 75 %, so the scanner warns at once.
        created = (datetime.now(timezone.utc) - timedelta(minutes=50)).isoformat()
        event = events.created(uid="FF-0777", priority="critical", created_at=created)
        publisher = connect(settings.broker_url)
        publisher.channel().basic_publish(settings.events_exchange, "ticket.created", json.dumps(event).encode(),
                                          pika.BasicProperties(content_type="application/json", delivery_mode=2))
        publisher.close()
        seen: dict[str, dict] = {}

        def received() -> bool:
            method, _props, body = channel.basic_get(queue, auto_ack=True)
            if method is not None:
                msg = json.loads(body)
                seen.setdefault(msg["type"], msg)
            return {"sla.updated", "sla.warning"} <= set(seen)

        wait_for(received, timeout=20, message="sla.updated and sla.warning on the exchange")
        assert seen["sla.updated"]["data"]["ticket_uid"] == "FF-0777"
        assert seen["sla.updated"]["causation_id"] == event["id"]
        assert seen["sla.warning"]["data"]["threshold_percent"] == 75
    finally:
        stop.set()
        [t.join(10) for t in threads]
        conn.close()
