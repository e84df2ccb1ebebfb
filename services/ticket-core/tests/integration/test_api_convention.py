"""The API convention (contracts/README.md) as ticket-core serves it: filter names are response
field names and the old names still answer with a Deprecation header, one sort syntax, every
list paginated, DELETE answers 204, the CSV export the one way."""
from __future__ import annotations

import uuid
from typing import Any

import pytest

pytestmark = pytest.mark.integration
FAULT = {"title": "No signal at customer premises", "description": "No internet since 06:00", "type": "fault"}


def uids(resp: Any) -> list[str]:
    assert resp.status_code == 200, resp.get_json()
    return [t["ticket_uid"] for t in resp.get_json()["data"]["tickets"]]


@pytest.mark.parametrize("old, new, renamed", [
    ("tag=storm", "tags=storm", "tag=tags"),
    ("breached=false", "sla_breached=false", "breached=sla_breached"),
    ("created_from=2000-01-01T00:00:00Z", "created_at_from=2000-01-01T00:00:00Z", "created_from=created_at_from"),
    ("created_to=2100-01-01T00:00:00Z", "created_at_to=2100-01-01T00:00:00Z", "created_to=created_at_to"),
    ("updated_from=2000-01-01T00:00:00Z&updated_to=2100-01-01T00:00:00Z",
     "updated_at_from=2000-01-01T00:00:00Z&updated_at_to=2100-01-01T00:00:00Z",
     "updated_from=updated_at_from, updated_to=updated_at_to"),
    ("due_to=2000-01-01T00:00:00Z", "due_at_to=2000-01-01T00:00:00Z", "due_to=due_at_to"),
])
def test_old_filter_names_answer_the_same_with_a_deprecation_header(client, as_role, old, new, renamed) -> None:
    admin = as_role("admin")
    tagged = client.post("/api/tickets", json={**FAULT, "tags": ["storm"]}, headers=admin).get_json()["data"]
    client.post("/api/tickets", json=FAULT, headers=admin)
    for path in ("/api/tickets", "/api/tickets/export"):
        current = client.get(f"{path}?{new}", headers=admin)
        assert current.status_code == 200 and "Deprecation" not in current.headers
        legacy = client.get(f"{path}?{old}", headers=admin)
        assert legacy.status_code == 200 and legacy.headers["Deprecation"] == "@1796083200"
        assert legacy.headers["Deprecated-Parameters"] == renamed
        assert legacy.get_data() == current.get_data()
    if old.startswith("tag="):
        assert uids(client.get(f"/api/tickets?{old}", headers=admin)) == [tagged["ticket_uid"]]


def test_old_and_new_name_together_is_400(client, as_role) -> None:
    resp = client.get("/api/tickets?tag=a&tags=b", headers=as_role("admin"))
    assert resp.status_code == 400 and "tag" in resp.get_json()["error"]["details"]


def test_date_ranges_are_from_inclusive_to_exclusive(client, as_role, sql) -> None:
    admin = as_role("admin")
    made = client.post("/api/tickets", json=FAULT, headers=admin).get_json()["data"]
    sql("UPDATE tickets SET created_at = '2026-11-01T00:00:00Z'")
    assert uids(client.get("/api/tickets?created_at_from=2026-11-01T00:00:00Z&created_at_to=2026-12-01T00:00:00Z",
                           headers=admin)) == [made["ticket_uid"]]
    assert uids(client.get("/api/tickets?created_at_to=2026-11-01T00:00:00Z", headers=admin)) == []


def test_sort_is_the_one_syntax(client, as_role) -> None:
    admin = as_role("admin")
    for prio in ("low", "critical", "low"):
        client.post("/api/tickets", json={**FAULT, "priority": prio}, headers=admin)
    got = client.get("/api/tickets?sort=priority,-ticket_uid", headers=admin).get_json()["data"]["tickets"]
    assert [(t["priority"], t["ticket_uid"]) for t in got] == [("critical", "FF-0002"), ("low", "FF-0003"),
                                                               ("low", "FF-0001")]
    for bad in ("sort=title", "sort=priority,priority", "sort=a,b,c,d,e,f"):
        assert client.get(f"/api/tickets?{bad}", headers=admin).status_code == 400, bad


def test_every_list_is_paginated(client, as_role) -> None:
    admin = as_role("admin")
    members = [{"user_id": str(uuid.uuid4())}]
    for name in ("Alpha crew", "Bravo crew", "Charlie crew"):
        team = client.post("/api/tickets/teams", json={"name": name, "members": members},
                           headers=admin).get_json()["data"]
        client.post("/api/tickets/auto-assign-rules", json={"name": f"rule {name}", "team_id": team["id"],
                                                            "strategy": "team"}, headers=admin)
    t = client.post("/api/tickets", json=FAULT, headers=admin).get_json()["data"]
    for i in range(3):
        client.post(f"/api/tickets/{t['id']}/notes", json={"content": f"note {i}"}, headers=admin)
    client.post(f"/api/tickets/{t['id']}/status", json={"status": "triaged"}, headers=admin)
    whole = client.get(f"/api/tickets/{t['id']}/activity?limit=200", headers=admin).get_json()["data"]
    assert [i["kind"] for i in whole["activity"]] == ["created", "note", "note", "note", "status_change"]
    assert whole["pagination"] == {"page": 1, "limit": 200, "total": 5, "totalPages": 1}
    pages = [client.get(f"/api/tickets/{t['id']}/activity?limit=2&page={p}", headers=admin).get_json()["data"]
             for p in (1, 2, 3)]
    assert [i for p in pages for i in p["activity"]] == whole["activity"]
    assert pages[2]["pagination"] == {"page": 3, "limit": 2, "total": 5, "totalPages": 3}
    teams = client.get("/api/tickets/teams?limit=2&page=2", headers=admin).get_json()["data"]
    assert [x["name"] for x in teams["teams"]] == ["Charlie crew"] and teams["pagination"]["total"] == 3
    rules = client.get("/api/tickets/auto-assign-rules?limit=2", headers=admin).get_json()["data"]
    assert len(rules["rules"]) == 2 and rules["pagination"]["totalPages"] == 2
    files = client.get(f"/api/tickets/{t['id']}/attachments", headers=admin).get_json()["data"]
    assert files == {"attachments": [], "pagination": {"page": 1, "limit": 50, "total": 0, "totalPages": 0}}
    assert client.get("/api/tickets/teams?limit=201", headers=admin).status_code == 400
    assert client.get("/api/tickets/teams?colour=red", headers=admin).status_code == 400


def test_delete_answers_204_without_a_body(client, as_role) -> None:
    admin = as_role("admin")
    t = client.post("/api/tickets", json=FAULT, headers=admin).get_json()["data"]
    resp = client.delete(f"/api/tickets/{t['ticket_uid']}", headers=admin)  # a UID names the ticket as well
    assert resp.status_code == 204 and resp.data == b""
    assert client.delete(f"/api/tickets/{t['ticket_uid']}", headers=admin).status_code == 404


def test_csv_export_is_the_one_way(client, as_role) -> None:
    admin = as_role("admin")
    client.post("/api/tickets", json={**FAULT, "title": "\tTabbed title", "tags": ["b", "a"]}, headers=admin)
    resp = client.get("/api/tickets/export?sort=-created_at", headers=admin)
    assert resp.status_code == 200 and resp.content_type == "text/csv; charset=utf-8"
    assert resp.headers["Content-Disposition"] == \
        "attachment; filename=\"tickets.csv\"; filename*=UTF-8''tickets.csv"
    body = resp.get_data(as_text=True)
    header, row = body.split("\r\n")[:2]
    assert header.split(",")[:3] == ["ticket_uid", "title", "status"] and header.endswith(",tags,description")
    assert row.startswith("FF-0001,'\tTabbed title,new,") and ",a;b," in row
    assert client.get("/api/tickets/export?client_phone=12345", headers=admin).status_code == 422
