"""Export (Phase 9): a FibreFlow status change reaches the case and is read back; QContact wins
a conflict (logged); our own write coming back is not echoed; public notes become QContact notes."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.integration


def imported(syncer, bridge, qc, **fields) -> int:
    case_id = qc("post", "/_control/cases", json={"subject": "No service", "status": "Open", **fields})["id"]
    syncer.poll(full=True)
    bridge.pump()
    return case_id


def run_all(syncer, bridge) -> None:
    for _ in range(10):
        bridge.pump()
        if not syncer.step():
            break
    bridge.pump()


def test_a_status_change_in_fibreflow_reaches_the_case_and_is_read_back(syncer, bridge, qc, move, sql) -> None:
    case_id = imported(syncer, bridge, qc)
    move(f"FT{case_id}", "in_progress")
    run_all(syncer, bridge)
    case = qc("get", f"/_control/cases/{case_id}")
    assert case["status"] == "In Progress"
    patches = [r for r in qc("get", "/_control/requests")["requests"] if r["method"] == "PATCH"]
    assert len(patches) == 1
    # read back after the PATCH (a GET of the case follows it)
    after = qc("get", "/_control/requests")["requests"]
    idx = max(i for i, r in enumerate(after) if r["method"] == "PATCH")
    assert after[idx + 1]["method"] == "GET" and after[idx + 1]["path"].endswith(f"/Case/{case_id}")
    assert sql("SELECT action, direction, old_value, new_value, success FROM qcontact_sync_log "
               "WHERE action = 'status_sync'") == [("status_sync", "ff_to_qc", {"status": "Open"},
                                                    {"status": "In Progress"}, True)]


def test_our_own_write_coming_back_is_not_echoed(syncer, bridge, qc, move, sql) -> None:
    case_id = imported(syncer, bridge, qc)
    move(f"FT{case_id}", "in_progress")
    run_all(syncer, bridge)
    published = len(bridge.published())
    outbox = sql("SELECT count(*) FROM outbox")[0][0]
    assert syncer.poll() == {"unchanged": 1}
    bridge.pump()
    assert len(bridge.published()) == published and sql("SELECT count(*) FROM outbox")[0][0] == outbox
    # and QContact-originated changes applied in ticket-core are never exported back
    qc("patch", f"/_control/cases/{case_id}", json={"fields": {"status": "Pending"}})
    syncer.poll()
    run_all(syncer, bridge)
    assert sql("SELECT count(*) FROM qcontact_exports")[0][0] == 1  # only the staff change of before
    assert len([r for r in qc("get", "/_control/requests")["requests"] if r["method"] == "PATCH"]) == 1


def test_a_conflicting_change_in_qcontact_wins_and_is_logged(syncer, bridge, qc, move, tc_sql, sql,
                                                             client, admin) -> None:
    case_id = imported(syncer, bridge, qc)
    # Both sides change the status before the next sync: QContact to Pending, FibreFlow to in_progress.
    qc("patch", f"/_control/cases/{case_id}", json={"fields": {"status": "Pending"}})
    move(f"FT{case_id}", "in_progress")
    run_all(syncer, bridge)
    assert qc("get", f"/_control/cases/{case_id}")["status"] == "Pending"  # not overwritten
    assert tc_sql("SELECT status FROM tickets") == [("blocked",)]  # re-imported: QContact wins
    conflicts = sql("SELECT new_value, success FROM qcontact_sync_log WHERE action = 'conflict'")
    assert conflicts == [({"status": {"qcontact": "Pending", "fibreflow": "In Progress", "last_synced": "Open"}},
                          False)]
    assert not [r for r in qc("get", "/_control/requests")["requests"] if r["method"] == "PATCH"]
    health = client.get("/api/qcontact/health", headers=admin).get_json()["data"]
    assert health["conflicts_last_24h"] == 1
    listed = client.get("/api/qcontact/log?action=conflict", headers=admin).get_json()["data"]
    assert listed["pagination"]["total"] == 1 and listed["entries"][0]["ticket_uid"] == f"FT{case_id}"


def test_fields_changed_on_one_side_each_both_survive(syncer, bridge, qc, move, tc_sql) -> None:
    case_id = imported(syncer, bridge, qc, priority="Low")
    qc("patch", f"/_control/cases/{case_id}", json={"fields": {"priority": "Urgent"}})
    move(f"FT{case_id}", "resolved")
    run_all(syncer, bridge)
    case = qc("get", f"/_control/cases/{case_id}")
    assert (case["status"], case["priority"]) == ("Resolved", "Urgent")
    assert tc_sql("SELECT status, priority FROM tickets") == [("resolved", "critical")]


def test_a_public_note_becomes_a_qcontact_note_once(syncer, bridge, qc, tc_container) -> None:
    from fibreflow_shared.db import transaction
    from ticket_core.adapters import repository
    from ticket_core.service_layer.tickets import record_note

    case_id = imported(syncer, bridge, qc)
    with transaction(tc_container.sessions) as session:
        row = repository.find(session, f"FT{case_id}", for_update=True)
        record_note(session, tc_container.deps, row, "Technician on the way", is_internal=False,
                    by="11111111-1111-1111-1111-111111111111", channel="web")
        record_note(session, tc_container.deps, row, "internal only", is_internal=True,
                    by="11111111-1111-1111-1111-111111111111", channel="web")
    run_all(syncer, bridge)
    notes = [e["note"] for e in qc("get", f"/_control/cases/{case_id}")["events"] if e["type"] == "note"]
    assert [n["public_note"] for n in notes] == ["Technician on the way"]
