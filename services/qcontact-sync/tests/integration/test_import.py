"""Import (Phase 3) against the simulator and a real ticket-core: UIDs and mapped fields, an
idempotent re-run, incremental polls, the watermark boundary, both auth styles."""
from __future__ import annotations

import dataclasses

import pytest

from qcontact_sync.service_layer.syncer import Syncer

pytestmark = pytest.mark.integration


def seed(qc, n: int) -> list[int]:
    ids = qc("post", "/_control/seed", json={"count": n})["ids"]
    return list(range(ids[0], ids[1] + 1))


def test_first_import_gives_one_ticket_per_case_with_mapped_fields(syncer, bridge, qc, tc_sql, sql) -> None:
    ids = seed(qc, 60)  # 3 pages of 25
    qc("post", "/_control/cases", json={"subject": "Closed long ago", "status": "Closed"})  # not imported
    qc("post", "/_control/cases", json={"subject": "Other queue", "queue": "Sales"})  # not ours
    counts = syncer.poll(full=True)
    bridge.pump()
    assert counts == {"created": 60}
    tickets = {uid: rest for uid, *rest in tc_sql(
        "SELECT ticket_uid, source, source_reference, status, priority, drop_number, title, type FROM tickets")}
    assert set(tickets) == {f"FT{i}" for i in ids}
    case = qc("get", f"/_control/cases/{ids[5]}")
    source, ref, status, priority, drop, title, kind = tickets[f"FT{ids[5]}"]
    assert (source, ref, title, kind) == ("qcontact", str(ids[5]), case["subject"], "fault")
    assert status == {"Open": "new", "In Progress": "in_progress", "Pending": "blocked"}[case["status"]]
    assert priority == {"Low": "low", "Medium": "medium", "High": "high", "Urgent": "critical"}[case["priority"]]
    assert drop == case["fields"]["c__dr_number"]
    assert sql("SELECT count(*) FROM qcontact_cases")[0][0] == 60
    # the mirror keeps no contact detail in plain text
    payloads = " ".join(r[0] for r in sql("SELECT payload_enc FROM qcontact_cases"))
    assert case["fields"]["telephone"] not in payloads and "Main Road" not in payloads


def test_running_the_import_again_changes_nothing_and_publishes_nothing(syncer, bridge, qc, sql) -> None:
    seed(qc, 30)
    syncer.poll(full=True)
    bridge.pump()
    before = sql("SELECT case_id, qc_updated_at, payload_enc, synced FROM qcontact_cases ORDER BY case_id")
    outbox_before = sql("SELECT count(*) FROM outbox")[0][0]
    assert syncer.poll(full=True) == {"unchanged": 30}
    assert syncer.poll() == {"unchanged": 30}  # incremental: the overlap re-reads, changes nothing
    assert sql("SELECT count(*) FROM outbox")[0][0] == outbox_before
    assert sql("SELECT case_id, qc_updated_at, payload_enc, synced FROM qcontact_cases ORDER BY case_id") == before


def test_a_change_in_qcontact_appears_after_the_next_poll(syncer, bridge, qc, tc_sql) -> None:
    ids = seed(qc, 10)
    syncer.poll(full=True)
    bridge.pump()
    qc("patch", f"/_control/cases/{ids[3]}", json={"fields": {"status": "Resolved", "priority": "Low",
                                                               "subject": "Splice box replaced"}})
    counts = syncer.poll()
    bridge.pump()
    assert counts.get("updated") == 1
    assert tc_sql("SELECT status, priority, title FROM tickets WHERE ticket_uid = :u", u=f"FT{ids[3]}") == [
        ("resolved", "low", "Splice box replaced")]
    update = bridge.published("intake.ticket_update_requested")[-1]["data"]
    assert set(update["fields"]) == {"status", "priority", "title"} and update["origin"] == "qcontact"


def test_a_change_at_exactly_the_watermark_is_not_skipped(syncer, bridge, qc, sql, tc_sql, container) -> None:
    qc("post", "/_control/clock", json={"frozen_at": "2026-12-02T03:00:00.000Z"})
    first = qc("post", "/_control/cases", json={"subject": "First"})["id"]
    syncer.poll(full=True)
    bridge.pump()
    with container.sessions() as session:
        from qcontact_sync.service_layer.journal import get_state
        assert get_state(session, "poll")["watermark"] == "2026-12-02T03:00:00.000Z"
    # Same millisecond as the watermark: a new case and a change to the first one.
    second = qc("post", "/_control/cases", json={"subject": "Second, same instant"})["id"]
    qc("patch", f"/_control/cases/{first}", json={"fields": {"priority": "High"}})
    # No overlap at all: only ">=" keeps these two from being lost.
    narrow = Syncer(dataclasses.replace(container.deps, settings=dataclasses.replace(container.settings,
                                                                                     overlap_seconds=0.0)),
                    container.sessions, container.qcontact())
    counts = narrow.poll()
    bridge.pump()
    qc("post", "/_control/clock", json={"frozen_at": None})
    assert counts == {"created": 1, "updated": 1}
    assert sorted(tc_sql("SELECT ticket_uid, priority FROM tickets")) == [(f"FT{first}", "high"), (f"FT{second}", "medium")]


@pytest.mark.parametrize("auth_style, list_style", [("token", "query"), ("cookie", "query"), ("token", "filter")])
def test_both_auth_styles_and_list_forms_import_the_same(container, bridge, qc, tc_sql, auth_style, list_style) -> None:
    ids = seed(qc, 12)
    settings = dataclasses.replace(container.settings, auth_style=auth_style, list_style=list_style, page_size=5)
    syncer = Syncer(dataclasses.replace(container.deps, settings=settings), container.sessions,
                    dataclasses.replace(container, settings=settings).qcontact())
    assert syncer.poll(full=True) == {"created": 12}
    bridge.pump()
    assert sorted(r[0] for r in tc_sql("SELECT ticket_uid FROM tickets")) == sorted(f"FT{i}" for i in ids)
    logins = [r for r in qc("get", "/_control/requests")["requests"] if "login" in r["path"] or "sign_in" in r["path"]]
    assert logins[-1]["path"] == ("/api/v2/auth/sign_in" if auth_style == "token" else "/api/v2/user/login")


def test_manual_resync_of_one_case_imports_it_whatever_its_status(syncer, bridge, qc, tc_sql, client, admin) -> None:
    closed = qc("post", "/_control/cases", json={"subject": "Closed case", "status": "Closed"})["id"]
    resp = client.post("/api/qcontact/sync", json={"case_id": str(closed)}, headers=admin)
    assert resp.status_code == 202 and resp.get_json()["data"]["scope"] == "case"
    assert syncer.step()
    bridge.pump()
    assert tc_sql("SELECT ticket_uid, status FROM tickets") == [(f"FT{closed}", "closed")]
    assert client.post("/api/qcontact/sync", json={"case_id": "abc"}, headers=admin).status_code == 400
