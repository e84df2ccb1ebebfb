"""Event-driven clock behaviour on the real database: every FR-010/FR-011 trigger, contract
overrides, history, and the exactly-once alert scanner."""
from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from sqlalchemy import text

from sla.service_layer.scanner import AlertScanner

pytestmark = pytest.mark.integration
UTC = timezone.utc


def clocks(container: Any) -> dict[str, Any]:
    with container.engine.connect() as conn:
        return {r.kind: r for r in conn.execute(text("SELECT * FROM sla_clocks"))}


def test_created_starts_one_clock_however_often_delivered(container, consumer, events, fixed_now,
                                                          outbox_events) -> None:
    event = events.created()
    assert consumer.process(event) == "processed"
    assert consumer.process(event) == "duplicate"
    assert consumer.process({**event, "id": "11111111-1111-4111-8111-111111111111"}) == "processed"
    rows = clocks(container)
    assert list(rows) == ["resolution"]
    clock = rows["resolution"]
    assert clock.target_minutes == 120 and clock.due_at == datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
    assert clock.next_event_at == datetime(2026, 11, 23, 7, 30, tzinfo=UTC)  # 75 %
    [updated] = outbox_events("sla.updated")
    assert updated["data"]["state"] == "on_track" and updated["data"]["ticket_uid"] == "FF-0001"


def test_pause_resume_stop_reopen_follow_the_ticket_status(container, consumer, events, fixed_now,
                                                           outbox_events) -> None:
    consumer.process(events.created())
    consumer.process(events.status("in_progress", "blocked", "2026-11-23T06:30:00+00:00"))
    paused = clocks(container)["resolution"]
    assert paused.state == "paused" and paused.next_event_at is None
    consumer.process(events.status("blocked", "in_progress", "2026-11-23T07:30:00+00:00"))
    resumed = clocks(container)["resolution"]
    assert resumed.due_at == datetime(2026, 11, 23, 9, 0, tzinfo=UTC) and resumed.paused_seconds == 3600
    consumer.process(events.status("in_progress", "resolved", "2026-11-23T08:00:00+00:00"))
    stopped = clocks(container)["resolution"]
    assert stopped.state == "stopped" and stopped.met is True and stopped.next_event_at is None
    consumer.process(events.status("closed", "new", "2026-11-23T09:00:00+00:00"))
    reopened = clocks(container)["resolution"]
    assert reopened.state == "running" and reopened.due_at == datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
    states = [(e["data"]["state"], e["data"]["paused"]) for e in outbox_events("sla.updated")]
    assert states == [("on_track", False), ("paused", True), ("on_track", False), ("met", False),
                      ("on_track", False)]
    with container.engine.connect() as conn:
        actions = conn.execute(text("SELECT action FROM sla_clock_history ORDER BY id")).scalars().all()
    assert actions == ["started", "paused", "resumed", "stopped", "reopened"]


def test_type_or_priority_change_recomputes(container, consumer, events, fixed_now, outbox_events) -> None:
    consumer.process(events.created())
    consumer.process(events.updated({"priority": {"old": "high", "new": "low"}}, "2026-11-23T06:10:00+00:00",
                                    priority="low"))
    clock = clocks(container)["resolution"]
    assert clock.target_minutes == 480 and clock.priority == "low"
    assert clock.due_at == datetime(2026, 11, 23, 14, 0, tzinfo=UTC)
    consumer.process(events.updated({"title": {"old": "a", "new": "b"}}, "2026-11-23T06:20:00+00:00",
                                    priority="low"))
    assert len(outbox_events("sla.updated")) == 2  # a title change is not an SLA change


def test_contract_hours_override_the_type_default_in_either_order(container, consumer, events, fixed_now) -> None:
    consumer.process(events.created())
    consumer.process(events.classified(resolution=8, response=1, occurred_at="2026-11-23T06:01:00Z"))
    rows = clocks(container)
    assert rows["resolution"].target_minutes == 480 and rows["resolution"].target_source == "contract"
    assert rows["response"].target_minutes == 60
    # Classified before created (a different producer's queue position): still applied.
    consumer.process(events.classified(uid="FF-0002", resolution=3))
    consumer.process(events.created(uid="FF-0002"))
    with container.engine.connect() as conn:
        minutes = conn.execute(text("SELECT target_minutes FROM sla_clocks WHERE ticket_uid = 'FF-0002'")).scalar()
    assert minutes == 180


def test_response_clock_stops_at_first_public_reply_or_first_move(container, consumer, events, fixed_now) -> None:
    with container.engine.begin() as conn:
        conn.execute(text("UPDATE sla_type_configs SET response_hours = 2 WHERE ticket_type = 'fault'"))
    consumer.process(events.created())
    assert clocks(container)["response"].target_minutes == 60  # 2 h × high 0.5
    consumer.process(events.note(True, "2026-11-23T06:10:00+00:00"))
    assert clocks(container)["response"].state == "running"  # internal notes do not count
    consumer.process(events.note(False, "2026-11-23T06:20:00+00:00"))
    response = clocks(container)["response"]
    assert response.state == "stopped" and response.met is True
    assert response.stopped_at == datetime(2026, 11, 23, 6, 20, tzinfo=UTC)
    consumer.process(events.created(uid="FF-0003"))
    consumer.process(events.status("new", "triaged", "2026-11-23T07:30:00+00:00", uid="FF-0003"))
    with container.engine.connect() as conn:
        late = conn.execute(text("SELECT met FROM sla_clocks WHERE ticket_uid='FF-0003' AND kind='response'")).scalar()
    assert late is False


def test_business_hours_clock_counts_only_working_time(container, consumer, events, fixed_now) -> None:
    with container.engine.begin() as conn:
        conn.execute(text("UPDATE sla_type_configs SET business_hours_only = true WHERE ticket_type = 'fault'"))
    # Friday 16:00 SAST; 2 business hours → Monday 09:00 SAST (07:00 UTC).
    consumer.process(events.created(created_at="2026-11-20T14:00:00+00:00"))
    clock = clocks(container)["resolution"]
    assert clock.business_hours and clock.due_at == datetime(2026, 11, 23, 7, 0, tzinfo=UTC)
    assert clock.next_event_at == datetime(2026, 11, 23, 6, 30, tzinfo=UTC)  # Monday 08:30, not the weekend


def test_deleted_ticket_cancels_its_clocks(container, consumer, events, fixed_now) -> None:
    consumer.process(events.created())
    consumer.process(events.deleted("2026-11-23T06:30:00+00:00"))
    clock = clocks(container)["resolution"]
    assert clock.state == "cancelled" and clock.next_event_at is None


def test_scanner_alerts_exactly_once_with_two_scanners(container, consumer, events, fixed_now,
                                                       outbox_events) -> None:
    for n in range(60):
        consumer.process(events.created(uid=f"FF-{n + 1:04d}"))
    consumer.process(events.status("new", "blocked", "2026-11-23T06:05:00+00:00", uid="FF-0001"))
    scanners = [AlertScanner(container.sessions, container.deps, batch_size=7) for _ in range(2)]
    moments = [datetime(2026, 11, 23, 7, 31, tzinfo=UTC), datetime(2026, 11, 23, 7, 50, tzinfo=UTC),
               datetime(2026, 11, 23, 8, 1, tzinfo=UTC)]
    for moment in moments:
        fixed_now.at = moment
        barrier = threading.Barrier(2)

        def run(scanner: AlertScanner) -> None:
            barrier.wait()
            while scanner.scan_once(moment):
                pass

        threads = [threading.Thread(target=run, args=(s,)) for s in scanners]
        [t.start() for t in threads]
        [t.join(30) for t in threads]
    # Redelivery of every ticket.created changes nothing either.
    for n in range(60):
        consumer.process({**events.created(uid=f"FF-{n + 1:04d}")})
    for etype in ("sla.warning", "sla.critical", "sla.breached"):
        sent = [e["data"]["ticket_uid"] for e in outbox_events(etype)]
        assert len(sent) == 59 and len(set(sent)) == 59 and "FF-0001" not in sent, etype
    warning = outbox_events("sla.warning")[0]["data"]
    assert warning["threshold_percent"] == 75 and warning["ticket_type"] == "fault"
    assert not AlertScanner(container.sessions, container.deps).scan_once(datetime(2027, 1, 1, tzinfo=UTC))


def test_scanner_reads_only_due_rows_through_the_index(container) -> None:
    with container.engine.connect() as conn:
        conn.execute(text("SET enable_seqscan = off"))
        plan = "\n".join(conn.execute(text(
            "EXPLAIN SELECT * FROM sla_clocks WHERE next_event_at <= now() ORDER BY next_event_at LIMIT 500 "
            "FOR UPDATE SKIP LOCKED")).scalars())
    assert "ix_sla_clocks_next_event_at" in plan


def test_a_stale_status_change_does_not_undo_a_newer_one(container, consumer, events, fixed_now) -> None:
    consumer.process(events.created())
    newer = events.status("blocked", "in_progress", "2026-11-23T07:00:00+00:00")
    older = events.status("in_progress", "blocked", "2026-11-23T06:30:00+00:00")
    consumer.process(newer)
    consumer.process(older)  # arrives late (a retry, or another consumer thread)
    clock = clocks(container)["resolution"]
    assert clock.state == "running" and clock.next_event_at is not None
