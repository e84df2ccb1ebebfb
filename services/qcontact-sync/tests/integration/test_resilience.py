"""Resilience: the session expiring mid-run, 429 with Retry-After, a write QContact accepts
without applying, and QContact down for a while (failures queued, retried, caught up with
nothing lost or doubled)."""
from __future__ import annotations

import time

import pytest

from qcontact_sync.domain.errors import QContactRejected

pytestmark = pytest.mark.integration


def seed(qc, n: int) -> list[int]:
    ids = qc("post", "/_control/seed", json={"count": n})["ids"]
    return list(range(ids[0], ids[1] + 1))


def run_all(syncer, bridge, limit: int = 50) -> None:
    for _ in range(limit):
        bridge.pump()
        if not syncer.step():
            break
    bridge.pump()


def test_the_session_expiring_mid_run_is_recovered_without_losing_the_call(syncer, bridge, qc, tc_sql) -> None:
    seed(qc, 60)
    # Page 1 is read with the first session; every session dies before page 2 (401 there).
    qc("post", "/_control/faults", json={"mode": "expire_sessions", "count": 1, "path_prefix": "/api/v2/entities"})
    first = syncer.client.logins
    syncer.client.login()  # a session that the fault will kill on the next entity call
    assert syncer.poll(full=True) == {"created": 60}
    bridge.pump()
    assert tc_sql("SELECT count(*) FROM tickets")[0][0] == 60
    assert syncer.client.logins >= first + 2  # renewed after the 401, the page call repeated
    statuses = [r["path"] for r in qc("get", "/_control/requests")["requests"]]
    assert statuses.count("/api/v2/user/login") >= 2


def test_a_session_past_its_lifetime_is_renewed_before_the_call(container, qc) -> None:
    client = container.qcontact()
    client.session_seconds = 60  # renewed a minute early: every call needs a fresh one
    client.me()
    client.me()
    assert client.logins == 2


def test_429_retry_after_is_honoured(container, qc) -> None:
    client = container.qcontact()
    client.max_wait = 5.0
    client.me()
    qc("post", "/_control/faults", json={"mode": "rate_limit", "count": 1, "retry_after": 1,
                                         "path_prefix": "/api/v2/me"})
    started = time.monotonic()
    assert client.me()["email"] == "velocity@fibertimemaintenance.com"
    assert time.monotonic() - started >= 0.95


def test_a_patch_that_does_not_take_is_a_failure_not_a_success(container, qc) -> None:
    client = container.qcontact()
    case_id = qc("post", "/_control/cases", json={"subject": "x"})["id"]
    qc("post", "/_control/faults", json={"mode": "drop_writes", "count": -1,
                                         "path_prefix": f"/api/v2/entities/Case/{case_id}"})
    with pytest.raises(QContactRejected, match="did not take"):
        client.update_case(str(case_id), {"status": "In Progress"})
    qc("post", "/_control/faults", json={"mode": "none"})


def test_qcontact_down_then_back_nothing_lost_or_doubled(syncer, bridge, qc, move, tc_sql, sql, client, admin) -> None:
    ids = seed(qc, 20)
    syncer.poll(full=True)
    bridge.pump()
    qc("post", "/_control/faults", json={"mode": "error", "status": 503, "count": -1})
    # While QContact is down: staff move three tickets (in order), QContact users change two cases.
    move(f"FT{ids[0]}", "in_progress")
    move(f"FT{ids[0]}", "resolved")
    move(f"FT{ids[1]}", "closed")
    qc("patch", f"/_control/cases/{ids[5]}", json={"fields": {"priority": "Urgent"}})
    qc("patch", f"/_control/cases/{ids[6]}", json={"fields": {"status": "Resolved"}})
    bridge.pump()
    with pytest.raises(Exception):
        syncer.poll()
    run_all(syncer, bridge, limit=5)
    health = client.get("/api/qcontact/health", headers=admin).get_json()["data"]
    assert health["status"] == "degraded" and health["open_failures"] >= 1 and health["pending_exports"] == 3
    failures = client.get("/api/qcontact/failures", headers=admin).get_json()["data"]["failures"]
    assert {f["operation"] for f in failures} >= {"poll"}
    assert all(f["retry_count"] == 0 for f in failures)  # an outage uses up no attempts
    # QContact answers again: the loop resumes, exports go in order, the poll catches up.
    qc("post", "/_control/faults", json={"mode": "none"})
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        run_all(syncer, bridge)
        if not sql("SELECT count(*) FROM qcontact_exports WHERE state = 'pending'")[0][0]:
            break
        time.sleep(0.1)
    syncer.poll()
    bridge.pump()
    assert qc("get", f"/_control/cases/{ids[0]}")["status"] == "Resolved"
    assert qc("get", f"/_control/cases/{ids[1]}")["status"] == "Closed"
    patches = [r["path"] for r in qc("get", "/_control/requests")["requests"] if r["method"] == "PATCH"]
    assert patches == [f"/api/v2/entities/Case/{ids[0]}"] * 2 + [f"/api/v2/entities/Case/{ids[1]}"]
    assert sorted(tc_sql("SELECT ticket_uid, status, priority FROM tickets WHERE ticket_uid IN (:a, :b)",
                         a=f"FT{ids[5]}", b=f"FT{ids[6]}")) == sorted([(f"FT{ids[5]}", tc_sql(
                             "SELECT status FROM tickets WHERE ticket_uid = :u", u=f"FT{ids[5]}")[0][0], "critical"),
                             (f"FT{ids[6]}", "resolved", tc_sql(
                                 "SELECT priority FROM tickets WHERE ticket_uid = :u", u=f"FT{ids[6]}")[0][0])])
    assert tc_sql("SELECT count(*) FROM tickets")[0][0] == 20  # nothing doubled
    updates = [e for e in bridge.published("intake.ticket_update_requested")
               if e["data"]["source_reference"] in (str(ids[5]), str(ids[6]))]
    assert len(updates) == 2  # each QContact change published once
    assert not sql("SELECT count(*) FROM qcontact_sync_failures WHERE resolved_at IS NULL")[0][0]


def test_a_failing_export_gives_up_after_three_attempts_and_retries_by_hand(syncer, bridge, qc, move, sql,
                                                                             client, admin) -> None:
    case_id = qc("post", "/_control/cases", json={"subject": "x"})["id"]
    syncer.poll(full=True)
    bridge.pump()
    qc("post", "/_control/faults", json={"mode": "drop_writes", "count": -1,
                                         "path_prefix": f"/api/v2/entities/Case/{case_id}"})
    move(f"FT{case_id}", "in_progress")
    run_all(syncer, bridge)
    assert sql("SELECT state, attempts FROM qcontact_exports") == [("parked", 3)]
    failures = client.get("/api/qcontact/failures?state=gave_up", headers=admin).get_json()["data"]["failures"]
    assert len(failures) == 1 and failures[0]["retry_count"] == 3 and "did not take" in failures[0]["error_message"]
    health = client.get("/api/qcontact/health", headers=admin).get_json()["data"]
    assert health["failures_needing_manual_retry"] == 1 and health["status"] == "degraded"
    qc("post", "/_control/faults", json={"mode": "none"})
    resp = client.post(f"/api/qcontact/failures/{failures[0]['id']}/retry", headers=admin)
    assert resp.status_code == 200
    run_all(syncer, bridge)
    assert qc("get", f"/_control/cases/{case_id}")["status"] == "In Progress"
    assert sql("SELECT state FROM qcontact_exports") == [("done",)]
    again = client.post(f"/api/qcontact/failures/{failures[0]['id']}/retry", headers=admin)
    assert again.status_code == 422
