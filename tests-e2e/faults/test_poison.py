"""Poison messages: whatever any publisher puts on the exchange, each consumer dead-letters what it
cannot take and keeps serving (issue #11 item 2). Published straight onto the stack's exchange, as
a buggy or hostile producer would, on routing keys every consumer is bound to."""
from __future__ import annotations

import json
import uuid
from typing import Any

import pika
import pytest

from faults.conftest import FaultContext
from faults.harness import CONSUMERS, EXCHANGE, dead_letters, poll, publisher, queue_depths, record, run_burst, settle
from fibreflow_shared.messaging.topology import QueueNames

pytestmark = [pytest.mark.e2e, pytest.mark.faults]

# Routing key → the consumers bound to it (their SUBSCRIPTIONS).
ROUTES = {"ticket.note_added": ("sla", "notifications"), "ticket.created": ("sla", "billing", "notifications"),
          "sla.updated": ("ticket-core",)}
DEEP = 5_000


def _envelope(event_type: str, data: Any) -> dict[str, Any]:
    return {"id": str(uuid.uuid4()), "type": event_type, "version": 1, "occurred_at": "2026-12-01T10:00:00Z",
            "producer": "fault-suite", "correlation_id": str(uuid.uuid4()), "causation_id": None, "data": data}


def poisons(key: str) -> list[tuple[str, bytes, dict[str, Any]]]:
    """(name, body, headers) of every kind of poison, for routing key ``key``."""
    text_tree = "[" * DEEP + "]" * DEEP
    wrong_shape = json.dumps(_envelope(key, {"ticket": "not an object", "unexpected": [1, 2]})).encode()
    out = [
        ("not JSON", b"this is not json {", {}),
        ("not UTF-8", b"\xff\xfe\x00garbage", {}),
        ("JSON array 5,000 deep", text_tree.encode(), {}),
        ("envelope with data 5,000 deep", json.dumps(_envelope(key, "__DEEP__")).replace(
            '"__DEEP__"', '{"x": ' + text_tree + "}").encode(), {}),
        ("envelope not an object", b"[1, 2, 3]", {}),
        ("envelope without type", json.dumps({"id": str(uuid.uuid4()), "data": {}}).encode(), {}),
        ("NUL in text", json.dumps(_envelope(key, {"ticket": {"title": "a\u0000b"}})).encode(), {}),
        ('x-fibreflow-attempts: "one"', json.dumps(_envelope(key, {"ticket": "not an object"})).encode(),
         {"x-fibreflow-attempts": "one"}),
        ("x-fibreflow-attempts: -5", json.dumps(_envelope(key, {"ticket": "not an object"})).encode(),
         {"x-fibreflow-attempts": -5}),
    ]
    if key.startswith("ticket."):
        # Handler-level poison: parses, then every attempt fails (the ticket.* use cases need a
        # ticket object). ticket-core's sla.updated use case skips a clock of a ticket it does
        # not know, by design, so the same message there is rightly processed as a no-op.
        out.append(("wrong shape (retried, then dead)", wrong_shape, {}))
    return out


def _dead_bodies(broker: str, retry_ms: int) -> dict[str, list[bytes]]:
    """Every message now in each consumer's dead-letter queue (peeked, then put back)."""
    conn = pika.BlockingConnection(pika.URLParameters(broker))
    out: dict[str, list[bytes]] = {}
    try:
        channel = conn.channel()
        for service in CONSUMERS:
            queue = QueueNames(EXCHANGE, service, retry_ms).dead
            bodies, tags = [], []
            while (got := channel.basic_get(queue, auto_ack=False))[0] is not None:
                tags.append(got[0].delivery_tag)
                bodies.append(got[2])
            for tag in tags:
                channel.basic_nack(tag, requeue=True)
            out[service] = bodies
    finally:
        conn.close()
    return out


def test_poison_messages_are_dead_lettered_while_every_worker_keeps_serving(faults: FaultContext) -> None:
    dead_before = dead_letters(queue_depths(faults.broker, faults.retry_ms))
    expected: dict[str, list[bytes]] = {svc: [] for svc in CONSUMERS}
    with publisher(faults.broker) as channel:
        for key, consumers in ROUTES.items():
            for _name, body, headers in poisons(key):
                channel.basic_publish(EXCHANGE, key, body, pika.BasicProperties(
                    content_type="application/json", delivery_mode=pika.DeliveryMode.Persistent,
                    headers=headers or None, message_id=str(uuid.uuid4())))
                for svc in consumers:
                    expected[svc].append(body)

    # A worker that dies of it is the finding: say so now rather than after the catch-up limit.
    total_expected = sum(len(v) for v in expected.values())
    arrived = poll(lambda: faults.dead_processes() or sum(dead_letters(queue_depths(
        faults.broker, faults.retry_ms)).values()) - sum(dead_before.values()) >= total_expected, timeout=60)
    assert not faults.dead_processes(), f"a poison message killed: {faults.dead_processes()}"
    if not arrived:  # say which poison went missing where, not just that something did
        dead_now = _dead_bodies(faults.broker, faults.retry_ms)
        missing = {svc: [b[:60] for b in bodies if b not in dead_now[svc]] for svc, bodies in expected.items()}
        raise AssertionError(f"poison not dead-lettered within 60 s: {missing}")

    # The workers must survive it and go on serving: a normal burst afterwards gets every effect.
    burst, thread = run_burst(faults.base_url, faults.token, 20, label="after-poison")
    thread.join(timeout=120)
    outcome = settle(burst, faults.sinks, faults.broker, faults.retry_ms, dead_before,
                     f"poison: {total_expected} poison deliveries, then 20 tickets")
    outcome.detail["processes_died"] = faults.dead_processes()
    outcome.detail["dead_expected"] = total_expected
    record(outcome)
    assert not outcome.detail["processes_died"], f"a poison message killed: {outcome.explain()}"
    assert outcome.lost == 0 and outcome.duplicated == 0, outcome.explain()

    dead_now = _dead_bodies(faults.broker, faults.retry_ms)
    missing = {svc: [b[:60] for b in bodies if b not in dead_now[svc]] for svc, bodies in expected.items()}
    assert not any(missing.values()), f"poison not in the dead-letter queue: {missing}"
    assert outcome.dead_letters == total_expected, outcome.explain()
