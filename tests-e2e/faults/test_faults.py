"""The fault suite, Jepsen-style: a burst of billing complaints through the gateway while one thing
goes wrong, then an outsider's count of every effect in every service. Each test adds its row to
var/faults-report.md (fault, created, refused, lost, duplicated, dead letters, catch-up seconds).

The faults never touch the real PostgreSQL or RabbitMQ servers (others share them): links are cut
in the fault proxies the stack reaches them through, processes are killed by their own pid.
``FAULT_BURST`` (default 500) sets the burst size of the marked tests.
"""
from __future__ import annotations

import os
import signal
import time
import uuid
from typing import Callable

import pytest

from faults.conftest import FaultContext
from faults.harness import (EXCHANGE, Burst, Outcome, dead_letters, publisher, queue_depths, record, run_burst,
                            settle, wait_progress)

pytestmark = pytest.mark.e2e
BURST = int(os.environ.get("FAULT_BURST", "500"))
BURST_SECONDS = 240.0  # a burst that has not finished by then has stalled


def run_fault(ctx: FaultContext, fault: str, count: int, during: Callable[[Burst], None], *,
              before_settle: Callable[[Burst], None] | None = None) -> Outcome:
    """Burst ``count`` tickets, apply ``during`` while it runs, settle, count, record the row."""
    dead_before = dead_letters(queue_depths(ctx.broker, ctx.retry_ms))
    burst, thread = run_burst(ctx.base_url, ctx.token, count, label=fault.split(":")[0].replace(" ", "-"))
    try:
        during(burst)
    finally:
        thread.join(timeout=BURST_SECONDS)
    assert not thread.is_alive(), f"burst still running after {BURST_SECONDS}s ({burst.sent}/{count} answered)"
    if before_settle is not None:
        before_settle(burst)
    outcome = settle(burst, ctx.sinks, ctx.broker, ctx.retry_ms, dead_before, fault)
    outcome.detail["processes_died"] = ctx.dead_processes()
    record(outcome)
    return outcome


def assert_survived(ctx: FaultContext, outcome: Outcome) -> None:
    outcome.assert_clean()
    assert outcome.created > 0, outcome.explain()
    assert not outcome.detail["processes_died"], f"processes exited: {outcome.explain()}"


def test_smoke_broker_cut_during_small_burst(faults: FaultContext) -> None:
    """The fast subset (make test): 50 tickets, the broker link cut for 3 s in the middle."""
    def during(burst: Burst) -> None:
        wait_progress(burst, 10)
        with faults.proxies.broker.outage(3):
            wait_progress(burst, 30)

    outcome = run_fault(faults, "smoke: broker cut 3 s, 50 tickets", 50, during)
    assert_survived(faults, outcome)
    assert outcome.catch_up_s < 60, outcome.explain()


@pytest.mark.faults
def test_broker_cut_and_restored_mid_burst(faults: FaultContext) -> None:
    """(a) The broker link of every process is cut for 20 s a fifth of the way into the burst."""
    def during(burst: Burst) -> None:
        wait_progress(burst, BURST // 5)
        with faults.proxies.broker.outage(20):
            pass

    assert_survived(faults, run_fault(faults, f"broker cut 20 s, {BURST} tickets", BURST, during))


@pytest.mark.faults
@pytest.mark.parametrize("process", ["sla-worker", "ticket-core-worker", "notifications-worker"])
def test_consumer_killed_mid_batch_and_restarted(faults: FaultContext, process: str) -> None:
    """(b) ``kill -9`` of a worker (consumer, relay and periodic loops) while events pour in, twice,
    and a restart 2 s later each time: what it had unacked is redelivered, what it had published
    but not marked is published again; neither may show."""
    def during(burst: Burst) -> None:
        for fraction in (0.25, 0.6):
            wait_progress(burst, int(BURST * fraction))
            faults.stack.stop_process(process, signal.SIGKILL)
            time.sleep(2)
            faults.stack.start_process(process)

    assert_survived(faults, run_fault(faults, f"kill -9 {process} x2, {BURST} tickets", BURST, during))


@pytest.mark.faults
def test_sla_database_cut_for_15_seconds(faults: FaultContext) -> None:
    """(c) sla's database link (web, worker, relay's LISTEN) is cut for 15 s mid-burst."""
    def during(burst: Burst) -> None:
        wait_progress(burst, BURST // 5)
        with faults.proxies.databases["sla"].outage(15):
            pass

    assert_survived(faults, run_fault(faults, f"sla database cut 15 s, {BURST} tickets", BURST, during))


@pytest.mark.faults
def test_every_event_delivered_twice(faults: FaultContext) -> None:
    """(d) A tap queue on the events exchange records every event of the burst; once the stack has
    caught up, a second publisher re-publishes each one, unchanged, so every consumer gets every
    event twice. Nothing may change: no new effect and no new processed-event record."""
    tap = f"faults.tap.{uuid.uuid4().hex[:8]}"
    with publisher(faults.broker) as channel:
        channel.queue_declare(tap, durable=False, auto_delete=False)
        channel.queue_bind(tap, EXCHANGE, routing_key="#")
    replayed: dict[str, object] = {}

    def replay(burst: Burst) -> None:
        first = settle(burst, faults.sinks, faults.broker, faults.retry_ms, {}, "first delivery")
        assert first.lost == 0 and first.duplicated == 0, first.explain()
        processed = faults.sinks.processed_events()
        with publisher(faults.broker) as channel:
            messages = []
            while (got := channel.basic_get(tap, auto_ack=True))[0] is not None:
                messages.append(got)
            channel.queue_delete(tap)  # unbound first: the copies must not be tapped again
            for method, props, body in messages:
                channel.basic_publish(EXCHANGE, method.routing_key, body, props)
        replayed.update(messages=len(messages), processed_before=processed, burst_s=burst.finished - burst.started)
        burst.finished = time.monotonic()  # catch-up of the copies runs from here

    outcome = run_fault(faults, f"every event twice, {BURST} tickets", BURST, lambda burst: None,
                        before_settle=replay)
    processed_after = faults.sinks.processed_events()
    outcome.detail.update(replayed=replayed["messages"], processed_events_added={
        k: processed_after[k] - v for k, v in replayed["processed_before"].items()})  # type: ignore[union-attr]
    outcome.burst_s = round(float(replayed["burst_s"]), 1)  # type: ignore[arg-type]
    record(outcome)
    assert_survived(faults, outcome)
    # At least ticket.created, sla.updated and billing.classified per ticket went round twice.
    assert replayed["messages"] >= 3 * outcome.created, outcome.explain()
    assert not any(outcome.detail["processed_events_added"].values()), outcome.explain()

