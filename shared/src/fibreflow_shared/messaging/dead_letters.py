"""A service's dead-letter queue: look at it, and re-drive its messages after a fix.

``replay_dead_letters`` moves dead letters back onto the service's own work queue (through the
default exchange, so no other service sees them again), with the retry count and error reset,
each republished with a publisher confirm before its dead copy is acked: a crash mid-replay
can duplicate a message, never lose one, and the consumer's ``processed_events`` makes a
duplicate harmless. Dead letters that are not chosen (``event_id``, ``limit``) stay, in order.
"""
from __future__ import annotations

import json
from typing import Any

import pika

from fibreflow_shared.messaging.envelope import ATTEMPTS_HEADER
from fibreflow_shared.messaging.topology import QueueNames, connect

ERROR_HEADER = "x-fibreflow-error"
REPLAYED_HEADER = "x-fibreflow-replayed"
# Headers describing the previous life of a dead letter; a replay starts it afresh.
_RESET_HEADERS = (ATTEMPTS_HEADER, ERROR_HEADER, "x-death", "x-first-death-exchange", "x-first-death-queue",
                  "x-first-death-reason", "x-last-death-exchange", "x-last-death-queue", "x-last-death-reason")


def _readable(body: bytes) -> Any:
    """The body as JSON when it is JSON, else as text: never raises (poison is what lands here)."""
    try:
        return json.loads(body)
    except (ValueError, RecursionError):  # RecursionError: the 5,000-deep array kind
        return body.decode("utf-8", "replace")


def _event_id(props: Any, body: bytes) -> str | None:
    if props.message_id:
        return str(props.message_id)
    payload = _readable(body)
    return payload.get("id") if isinstance(payload, dict) and isinstance(payload.get("id"), str) else None


def dead_letters(broker_url: str, service: str, exchange: str, limit: int = 100) -> list[dict[str, Any]]:
    """Peek at a service's dead-letter queue (requeues what it reads): ops and tests."""
    conn = connect(broker_url)
    out: list[dict[str, Any]] = []
    try:
        channel = conn.channel()
        names = QueueNames(exchange, service)
        tags = []
        for _ in range(limit):
            method, props, body = channel.basic_get(names.dead, auto_ack=False)
            if method is None:
                break
            tags.append(method.delivery_tag)
            out.append({"id": _event_id(props, body), "body": _readable(body), "headers": dict(props.headers or {})})
        if tags:
            channel.basic_nack(tags[-1], multiple=True, requeue=True)
    finally:
        conn.close()
    return out


def replay_dead_letters(broker_url: str, service: str, exchange: str, *, limit: int | None = None,
                        event_id: str | None = None) -> list[str | None]:
    """Re-drive dead letters to ``service``'s work queue; returns the ids replayed, in order.

    ``event_id`` picks the dead letters of that event (message id or envelope id); ``limit``
    replays at most that many. Each pass reads the queue once, so a replayed message that dies
    again is not replayed twice in one call."""
    conn = connect(broker_url)
    replayed: list[str | None] = []
    try:
        channel = conn.channel()
        channel.confirm_delivery()
        names = QueueNames(exchange, service)
        depth = channel.queue_declare(names.dead, passive=True).method.message_count
        kept: list[int] = []
        for _ in range(depth):
            if limit is not None and len(replayed) >= limit:
                break
            method, props, body = channel.basic_get(names.dead, auto_ack=False)
            if method is None:
                break
            eid = _event_id(props, body)
            if event_id is not None and eid != event_id:
                kept.append(method.delivery_tag)
                continue
            headers = {k: v for k, v in dict(props.headers or {}).items() if k not in _RESET_HEADERS}
            previous = headers.get(REPLAYED_HEADER)
            headers[REPLAYED_HEADER] = previous + 1 if isinstance(previous, int) and not isinstance(previous, bool) else 1
            channel.basic_publish("", names.work, body, pika.BasicProperties(
                content_type=props.content_type or "application/json", delivery_mode=pika.DeliveryMode.Persistent,
                message_id=props.message_id, type=props.type, correlation_id=props.correlation_id,
                app_id=props.app_id, timestamp=props.timestamp, headers=headers))
            channel.basic_ack(method.delivery_tag)  # only once the broker confirmed the copy
            replayed.append(eid)
        for tag in kept:  # back where they were, for the next look
            channel.basic_nack(tag, requeue=True)
    finally:
        conn.close()
    return replayed
