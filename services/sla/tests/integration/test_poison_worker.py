"""Issue #11 item 2, as reported: a 5,000-deep JSON array on ``ticket.note_added`` and an
``x-fibreflow-attempts: "one"`` header used to end the whole ``fibreflow-sla worker`` process (its
relay and scanner with it), and the restarted worker died again on the same message. Now both
land in ``sla.dead`` and the same process goes on consuming, relaying and scanning."""
from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path

import pika
import pytest
from sqlalchemy import text

from fibreflow_shared.messaging.dead_letters import ERROR_HEADER, dead_letters
from fibreflow_shared.messaging.topology import connect, declare_topology
from fibreflow_shared.testing.infra import wait_for
from sla.service_layer.consumers import SUBSCRIPTIONS

pytestmark = pytest.mark.integration
CLI = Path(__file__).resolve().parents[4] / ".venv" / "bin" / "fibreflow-sla"


def test_the_worker_process_survives_the_reported_poison(container, clean, events, tmp_path) -> None:
    settings = container.settings
    declare_topology(settings.broker_url, settings.events_exchange, {"sla": SUBSCRIPTIONS},
                     settings.consumer_retry_delay_ms)
    conn = connect(settings.broker_url)
    channel = conn.channel()
    channel.queue_purge("sla.dead")
    env = dict(os.environ, DATABASE_URL=settings.database_url, BROKER_URL=settings.broker_url,
               SLA_CONSUMER_THREADS="3", OUTBOX_POLL_SECONDS="0.2", LOG_LEVEL="WARNING")
    log = (tmp_path / "worker.log").open("wb")
    worker = subprocess.Popen([str(CLI), "worker"], env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        time.sleep(1.0)
        good = events.created(uid="FF-0901")
        with_bad_header = events.created(uid="FF-0902")
        props = pika.BasicProperties(delivery_mode=2)
        channel.basic_publish(settings.events_exchange, "ticket.note_added", b"[" * 5000 + b"]" * 5000, props)
        channel.basic_publish(settings.events_exchange, "ticket.created", json.dumps(with_bad_header).encode(),
                              pika.BasicProperties(delivery_mode=2, headers={"x-fibreflow-attempts": "one"}))
        channel.basic_publish(settings.events_exchange, "ticket.created", json.dumps(good).encode(), props)

        def relayed() -> bool:  # consumed, and its sla.updated published by the same process's relay
            with container.engine.connect() as db:
                return db.execute(text("SELECT count(*) FROM outbox WHERE published_at IS NOT NULL AND "
                                       "payload->'data'->>'ticket_uid' = 'FF-0901'")).scalar_one() > 0

        wait_for(relayed, timeout=30, message="the good event consumed and its sla.updated relayed")
        dead = wait_for(lambda: len(dead_letters(settings.broker_url, "sla", settings.events_exchange)) == 2 and
                        dead_letters(settings.broker_url, "sla", settings.events_exchange), message="both dead")
        reasons = sorted(d["headers"][ERROR_HEADER] for d in dead)
        assert "deep" in reasons[0] and "x-fibreflow-attempts" in reasons[1], reasons
        assert worker.poll() is None, "the worker process is still running"
        with container.engine.connect() as db:
            assert db.execute(text("SELECT count(*) FROM sla_clocks WHERE ticket_uid = 'FF-0902'")).scalar_one() == 0
    finally:
        worker.terminate()
        code = worker.wait(timeout=20)
        log.close()
        conn.close()
    assert code == 0, (tmp_path / "worker.log").read_text()[-3000:]
