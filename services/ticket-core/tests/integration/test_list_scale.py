"""What keeps lists, search and stats cheap at a million tickets, checked for correctness on a
small table: the exact-count limit and its estimate flag, search through the capped BitmapOr
probe (and its fallback above the limit), and the shared stats snapshot."""
from __future__ import annotations

import uuid
from typing import Any

import pytest

pytestmark = pytest.mark.integration
FAULT = {"title": "No signal at customer premises", "description": "No internet since 06:00", "type": "fault"}


def make(client: Any, headers: dict[str, str], n: int, **fields: Any) -> list[dict[str, Any]]:
    return [client.post("/api/tickets", json={**FAULT, **fields, "title": f"{fields.get('title', 'T')} {i}"},
                        headers=headers).get_json()["data"] for i in range(n)]


def listing(client: Any, headers: dict[str, str], query: str) -> dict[str, Any]:
    resp = client.get(f"/api/tickets?{query}", headers=headers)
    assert resp.status_code == 200, resp.get_json()
    return resp.get_json()["data"]


def test_total_is_exact_up_to_the_limit_then_an_estimate_flagged(client, as_role, container, sql) -> None:
    admin = as_role("admin")
    made = make(client, admin, 5, priority="high")
    make(client, admin, 2, priority="low")
    sql("ANALYZE tickets")
    got = listing(client, admin, "priority=high&limit=2")
    assert got["pagination"] == {"page": 1, "limit": 2, "total": 5, "totalPages": 3, "total_is_estimate": False}
    container.deps.exact_count_limit = 3
    got = listing(client, admin, "priority=high&limit=2&sort=-created_at")
    assert got["pagination"]["total_is_estimate"] is True
    assert got["pagination"]["total"] >= 4  # never below what we know: more than the limit
    assert got["pagination"]["totalPages"] == -(-got["pagination"]["total"] // 2)
    assert [t["id"] for t in got["tickets"]] == [made[4]["id"], made[3]["id"]]  # the page itself stays exact
    # Under the limit (or a last page, whose rows are the rest) the total stays exact.
    assert listing(client, admin, "priority=low&limit=2")["pagination"]["total_is_estimate"] is False
    last = listing(client, admin, "priority=high&limit=4&page=2")
    assert last["pagination"]["total"] == 5 and last["pagination"]["total_is_estimate"] is False
    assert listing(client, admin, "priority=critical")["pagination"]["total"] == 0


@pytest.mark.parametrize("limit", [10_000, 2])  # the capped BitmapOr probe, and the fallback above its limit
def test_search_results_filters_sort_and_pages(client, as_role, container, limit) -> None:
    admin = as_role("admin")
    words = make(client, admin, 4, title="Splice closure", priority="medium")
    make(client, admin, 3, title="Pole leaning")
    client.post("/api/tickets/reference/drops/import", json=[{"drop_number": "DR778899", "address": "4 Elm Road"}],
                headers=admin)
    by_drop = client.post("/api/tickets", json={**FAULT, "drop_number": "DR778899", "priority": "critical"},
                          headers=admin).get_json()["data"]
    client.post(f"/api/tickets/{words[1]['id']}/notes", json={"content": "found the elm tree roots in the duct"},
                headers=admin)
    container.deps.exact_count_limit = limit
    newest_first = [t["id"] for t in reversed(words)]
    assert [t["id"] for t in listing(client, admin, "q=splice&sort=-created_at")["tickets"]] == newest_first
    got = listing(client, admin, "q=splice&sort=-created_at&limit=3")
    assert [t["id"] for t in got["tickets"]] == newest_first[:3]
    assert got["pagination"]["total_is_estimate"] is (limit < 4)
    assert got["pagination"]["total"] == 4 if limit > 4 else got["pagination"]["total"] >= 3
    page2 = listing(client, admin, "q=splice&sort=created_at&limit=3&page=2")
    assert [t["id"] for t in page2["tickets"]] == [words[3]["id"]]
    assert page2["pagination"]["total"] == 4  # a last page gives the exact total either way
    # title/description, notes, partial drop number and address, exact UID, with filters and other sorts
    assert {t["id"] for t in listing(client, admin, "q=elm")["tickets"]} == {words[1]["id"], by_drop["id"]}
    assert [t["id"] for t in listing(client, admin, "q=8899")["tickets"]] == [by_drop["id"]]
    assert [t["id"] for t in listing(client, admin, f"q={words[2]['ticket_uid']}")["tickets"]] == [words[2]["id"]]
    assert [t["id"] for t in listing(client, admin, "q=elm&priority=critical")["tickets"]] == [by_drop["id"]]
    assert [t["id"] for t in listing(client, admin, "q=elm&sort=priority")["tickets"]] == [by_drop["id"],
                                                                                        words[1]["id"]]
    beyond = listing(client, admin, "q=splice&limit=2&page=5")
    assert beyond["tickets"] == [] and (beyond["pagination"]["total"] == 4 or limit < 4)
    assert listing(client, admin, "q=zebracrossing")["pagination"]["total"] == 0


def test_search_keeps_the_access_rule(client, as_role, container) -> None:
    admin, tech_id = as_role("admin"), str(uuid.uuid4())
    mine, other = make(client, admin, 2, title="Splice closure")
    client.post(f"/api/tickets/{mine['id']}/assign", json={"assigned_to": tech_id}, headers=admin)
    tech = as_role("technician", tech_id)
    for limit in (10_000, 1):
        container.deps.exact_count_limit = limit
        assert [t["id"] for t in listing(client, tech, "q=splice")["tickets"]] == [mine["id"]]


def test_stats_come_from_a_shared_snapshot_on_big_tables(client, as_role, container, sql) -> None:
    admin = as_role("admin")
    make(client, admin, 2)
    container.deps.stats_live_below = 0  # treat this table as big
    first = client.get("/api/tickets/stats", headers=admin).get_json()["data"]
    assert first["snapshot"] is False and first["open_total"] == 2
    make(client, admin, 1)
    again = client.get("/api/tickets/stats", headers=as_role("viewer")).get_json()["data"]
    assert again["snapshot"] is True and again["open_total"] == 2 and again["generated_at"] == first["generated_at"]
    # technicians' figures cover their own tickets only: never the shared snapshot
    mine = client.get("/api/tickets/stats", headers=as_role("technician")).get_json()["data"]
    assert mine["snapshot"] is False and mine["open_total"] == 0
    sql("UPDATE stats_snapshots SET generated_at = now() - interval '1 hour'")
    fresh = client.get("/api/tickets/stats", headers=admin).get_json()["data"]
    assert fresh["snapshot"] is False and fresh["open_total"] == 3
    container.deps.stats_live_below = 10_000_000
    assert client.get("/api/tickets/stats", headers=admin).get_json()["data"]["snapshot"] is False


def test_worker_keeps_the_snapshot_fresh_so_no_request_pays_for_it(client, as_role, container, sql) -> None:
    import threading

    from fibreflow_shared.db import transaction
    from fibreflow_shared.testing.infra import wait_for
    from ticket_core.service_layer import stats
    from ticket_core.cli import refresh_stats_forever

    admin = as_role("admin")
    make(client, admin, 2)
    container.deps.stats_live_below = 0  # treat this table as big
    with transaction(container.sessions) as session:
        assert stats.refresh_snapshot(session, container.deps) is True   # none yet: computed
    with transaction(container.sessions) as session:
        assert stats.refresh_snapshot(session, container.deps) is False  # fresh: left alone
    make(client, admin, 1)
    # Past half its allowed age (not yet expired): the worker's loop renews it before any request must.
    sql("UPDATE stats_snapshots SET generated_at = now() - make_interval(secs => :age)",
        age=container.deps.stats_max_age_seconds * 0.6)
    stop = threading.Event()
    loop = threading.Thread(target=refresh_stats_forever, args=(container, stop), daemon=True)
    loop.start()
    try:
        wait_for(lambda: sql("SELECT (data->>'open_total')::int FROM stats_snapshots")[0][0] == 3, timeout=10,
                 message="snapshot renewed by the worker")
    finally:
        stop.set()
        loop.join(5)
    data = client.get("/api/tickets/stats", headers=admin).get_json()["data"]
    assert data["snapshot"] is True and data["open_total"] == 3
    container.deps.stats_live_below = 10_000_000  # small tables are never refreshed in the background
    sql("UPDATE stats_snapshots SET generated_at = now() - interval '1 hour'")
    with transaction(container.sessions) as session:
        assert stats.refresh_snapshot(session, container.deps) is False
