"""A service's worker process assembled from settings: consumer, outbox relay, periodic loops.

``worker_loops`` is what a service's ``cli.py`` hands to ``ServiceCli(worker=...)``; a service
says only what is its own (its handlers, batch sizes, extra loops)::

    def worker(settings):
        container = bootstrap(settings)
        return worker_loops(SERVICE, container, handlers=make_handlers(container.deps),
                            loops={"sender": Sender(...).run_forever})
"""
from __future__ import annotations

from typing import Any, Mapping

from fibreflow_shared.messaging.consumer import EventConsumer, LockKey
from fibreflow_shared.messaging.relay import OutboxRelay
from fibreflow_shared.messaging.use_cases import Handler
from fibreflow_shared.runner import Loop


def worker_loops(service: str, container: Any, *, handlers: Mapping[str, Handler] | None = None,
                 consumer_threads: int = 1, consumer_batch_size: int = 1, consumer_batch_wait_ms: int = 20,
                 relay_transactional: bool = False, relay_batch_size: int = 200,
                 consumer_lock_key: LockKey | None = None,
                 loops: Mapping[str, Loop] | None = None) -> dict[str, Loop]:
    """The loops of one worker process: ``consumer_threads`` competing consumers on the service's
    queue (when it has handlers), the outbox relay, then the service's own ``loops``.

    ``container`` is the service's ``ServiceContainer``; the consumer and relay read their
    broker, retry and polling settings from ``container.settings``. ``consumer_lock_key`` (event →
    the entity it changes) makes competing batch consumers lock in one order: give it whenever
    ``consumer_threads`` > 1 with batches (see ``EventConsumer``)."""
    settings = container.settings
    out: dict[str, Loop] = {}
    if handlers:
        for n in range(consumer_threads):
            consumer = EventConsumer(service, container.sessions, settings.broker_url, settings.events_exchange,
                                     dict(handlers), max_attempts=settings.consumer_max_attempts,
                                     retry_delay_ms=settings.consumer_retry_delay_ms,
                                     batch_size=consumer_batch_size, batch_wait_ms=consumer_batch_wait_ms,
                                     lock_key=consumer_lock_key)
            out["event-consumer" if consumer_threads == 1 else f"event-consumer-{n + 1}"] = consumer.run_forever
    relay = OutboxRelay(container.engine, settings.broker_url, settings.events_exchange, service,
                        transactional=relay_transactional, batch_size=relay_batch_size,
                        poll_seconds=settings.outbox_poll_seconds, retention_hours=settings.outbox_retention_hours,
                        listen_url=getattr(settings, "database_listen_url", "") or None)
    out["outbox-relay"] = relay.run_forever
    out.update(loops or {})
    return out
