"""The worker process's three loops over the real broker: ticket.* in → billing.* out → invoice sent."""
from __future__ import annotations

import json
import threading
from typing import Any, Iterator

import pika
import pytest

from billing.cli import worker
from billing.service_layer.consumers import SUBSCRIPTIONS
from fibreflow_shared.messaging.topology import connect, declare_topology
from fibreflow_shared.testing.infra import wait_for

pytestmark = pytest.mark.integration


@pytest.fixture()
def running_worker(container: Any, clean: None) -> Iterator[None]:
    settings = container.settings
    declare_topology(settings.broker_url, settings.events_exchange, {"billing": SUBSCRIPTIONS},
                     settings.consumer_retry_delay_ms)
    stop = threading.Event()
    threads = [threading.Thread(target=loop, args=(stop,), daemon=True)
               for loop in worker(settings).values()]
    for thread in threads:
        thread.start()
    yield
    stop.set()
    for thread in threads:
        thread.join(timeout=10)


@pytest.fixture()
def bus(container: Any) -> Iterator[Any]:
    """Publish like ticket-core does, and read what billing publishes."""
    conn = connect(container.settings.broker_url)
    channel = conn.channel()
    channel.confirm_delivery()
    queue = channel.queue_declare(queue="", exclusive=True).method.queue
    channel.queue_bind(queue=queue, exchange=container.settings.events_exchange, routing_key="billing.#")

    class Bus:
        def publish(self, event: dict[str, Any]) -> None:
            channel.basic_publish(container.settings.events_exchange, event["type"], json.dumps(event).encode(),
                                  pika.BasicProperties(content_type="application/json", delivery_mode=2,
                                                       message_id=event["id"], type=event["type"]))

        def received(self) -> list[dict[str, Any]]:
            out = []
            while True:
                method, _, body = channel.basic_get(queue, auto_ack=True)
                if method is None:
                    return out
                out.append(json.loads(body))

    yield Bus()
    conn.close()


def test_billable_ticket_over_the_bus_to_an_invoice(running_worker, bus, client, signer, events, snapshot,
                                                    simulator) -> None:
    manager = signer.headers(roles=["manager"])
    client.post("/api/ticketing/fee-schedule", headers=manager, json={
        "ticket_type": "fault", "priority": "high", "fixed_fee": "500.00", "effective_from": "2026-01-01"})
    ticket = snapshot("AH-0042")
    bus.publish(events.created(ticket))
    seen: list[dict[str, Any]] = []

    def got(event_type: str) -> dict[str, Any] | None:
        seen.extend(bus.received())
        return next((e for e in seen if e["type"] == event_type and e["data"]["ticket_uid"] == "AH-0042"), None)

    classified = wait_for(lambda: got("billing.classified"), timeout=20, message="billing.classified on the bus")
    assert classified["data"]["billing_type"] == "billable" and classified["producer"] == "billing"
    assert wait_for(lambda: got("billing.approval_requested"), timeout=10, message="approval requested")
    assert client.post("/api/ticketing/billing/approve/AH-0042", json={}, headers=manager).status_code == 200
    assert wait_for(lambda: got("billing.approved"), timeout=10, message="billing.approved")
    simulator.fail("error", count=1)
    resolved = events.status(ticket, "resolved")
    bus.publish(resolved)
    bus.publish(resolved)  # at-least-once delivery: a duplicate
    invoiced = wait_for(lambda: got("billing.invoiced"), timeout=20, message="billing.invoiced")
    assert invoiced["data"]["amount"] == "500.00"
    assert len(simulator.line_items("AH-0042")) == 1
