"""Access matrix (role × endpoint × own/other ticket), list/search/sort/pagination, stats and
CSV export, attachments (limits and content checks), bad input on every endpoint."""
from __future__ import annotations

import io
import uuid
import zipfile
from typing import Any

import pytest

pytestmark = pytest.mark.integration
FAULT = {"title": "No signal at customer premises", "description": "No internet since 06:00", "type": "fault"}
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 200
PDF = b"%PDF-1.7\n" + b"x" * 200


def docx() -> bytes:
    """A minimal DOCX; fixed member dates, so every call gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, text in (("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>")):
            z.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), text)
    return out.getvalue()


@pytest.fixture()
def world(client, as_role) -> dict[str, Any]:
    """A team (lead + tech), a ticket for the tech ('own'), the team's unclaimed one, and another."""
    admin = as_role("admin")
    ids = {"tech": str(uuid.uuid4()), "lead": str(uuid.uuid4()), "outsider": str(uuid.uuid4())}
    team = client.post("/api/tickets/teams", json={"name": "Field A", "members": [
        {"user_id": ids["tech"]}, {"user_id": ids["lead"], "is_lead": True}]}, headers=admin).get_json()["data"]
    def ticket(**assign: Any) -> str:
        t = client.post("/api/tickets", json=FAULT, headers=admin).get_json()["data"]
        if assign:
            client.post(f"/api/tickets/{t['id']}/assign", json=assign, headers=admin)
        return t["ticket_uid"]
    return {"ids": ids, "team": team["id"], "own": ticket(assigned_to=ids["tech"], assigned_team=team["id"]),
            "team_open": ticket(assigned_team=team["id"]), "other": ticket()}


ROLE_SEES = {  # role → which tickets it can read
    "admin": {"own", "team_open", "other"}, "manager": {"own", "team_open", "other"},
    "viewer": {"own", "team_open", "other"}, "team_lead": {"own", "team_open"}, "technician": {"own", "team_open"},
}
ROLE_WRITES = {"admin": {"own", "team_open", "other"}, "manager": {"own", "team_open", "other"}, "viewer": set(),
               "team_lead": {"own", "team_open"}, "technician": {"own", "team_open"}}


@pytest.mark.parametrize("role", list(ROLE_SEES))
def test_access_matrix(role, client, as_role, world) -> None:
    user = {"technician": world["ids"]["tech"], "team_lead": world["ids"]["lead"]}.get(role)
    h = as_role(role, user)
    listed = {t["ticket_uid"] for t in client.get("/api/tickets", headers=h).get_json()["data"]["tickets"]}
    assert listed == {world[k] for k in ROLE_SEES[role]}
    for which in ("own", "team_open", "other"):
        uid = world[which]
        readable = which in ROLE_SEES[role]
        writable = which in ROLE_WRITES[role]
        expect_write = 200 if writable else (403 if readable else 404)
        for path in ("", "/history", "/activity", "/notes", "/attachments"):
            assert client.get(f"/api/tickets/{uid}{path}", headers=h).status_code == (200 if readable else 404), path
        resp = client.patch(f"/api/tickets/{uid}", json={"category": f"c-{role}"}, headers=h)
        assert resp.status_code == (expect_write if role != "viewer" else 403), (which, resp.get_json())
        resp = client.post(f"/api/tickets/{uid}/notes", json={"content": "hello"}, headers=h)
        assert resp.status_code == (201 if writable else expect_write if role != "viewer" else 403), which
        resp = client.post(f"/api/tickets/{uid}/escalate", json={"reason": "needs attention"}, headers=h)
        assert resp.status_code == (200 if writable else expect_write if role != "viewer" else 403), which
        resp = client.post(f"/api/tickets/{uid}/assign", json={"assigned_to": str(uuid.uuid4()), "reason": "r"},
                           headers=h)
        may_assign = role in ("admin", "manager", "team_lead")
        assert resp.status_code == ((200 if writable else expect_write) if may_assign else 403), which
        assert client.delete(f"/api/tickets/{uid}", headers=h).status_code == (204 if role == "admin" else 403)
    assert client.post("/api/tickets", json=FAULT, headers=h).status_code == (403 if role == "viewer" else 201)
    for path in ("/stats", "/teams", "/export"):
        assert client.get(f"/api/tickets{path}", headers=h).status_code == 200
    assert client.get("/api/tickets/auto-assign-rules", headers=h).status_code == (
        200 if role in ("admin", "manager") else 403)


def test_unauthenticated_everywhere(client) -> None:
    for method, path in (("get", "/api/tickets"), ("get", "/api/tickets/stats"), ("get", "/api/tickets/export"),
                         ("post", "/api/tickets/bulk"), ("get", "/api/tickets/FF-0001/history"),
                         ("post", "/api/tickets/FF-0001/notes"), ("post", "/api/tickets/FF-0001/attachments"),
                         ("get", "/api/tickets/teams"), ("get", "/api/tickets/lookup/drop/DR1")):
        assert getattr(client, method)(path).status_code == 401, path


def test_list_filters_sort_pagination_and_search(client, as_role) -> None:
    admin = as_role("admin")
    client.post("/api/tickets/reference/drops/import", json=[{"drop_number": "DR123456", "address": "9 Oak Avenue"}],
                headers=admin)
    made = []
    for i, (prio, kind) in enumerate([("low", "fault"), ("critical", "build"), ("high", "fault"), ("medium", "adhoc")]):
        body = {**FAULT, "title": f"Ticket {i} splicing", "priority": prio, "type": kind}
        if i == 1:
            body.update(drop_number="DR123456", description="Water in the closure")
        made.append(client.post("/api/tickets", json=body, headers=admin).get_json()["data"])
    page = client.get("/api/tickets?limit=2&page=2&sort=created_at", headers=admin).get_json()["data"]
    assert [t["title"] for t in page["tickets"]] == ["Ticket 2 splicing", "Ticket 3 splicing"]
    assert page["pagination"] == {"page": 2, "limit": 2, "total": 4, "totalPages": 2, "total_is_estimate": False}
    by_prio = client.get("/api/tickets?sort=priority", headers=admin).get_json()["data"]["tickets"]
    assert [t["priority"] for t in by_prio] == ["critical", "high", "medium", "low"]
    got = client.get("/api/tickets?type=fault&priority=high,low&sort=-ticket_uid", headers=admin).get_json()["data"]
    assert [t["priority"] for t in got["tickets"]] == ["high", "low"]
    for q, expected in (("water", [made[1]["id"]]), ("3456", [made[1]["id"]]), ("oak ave", [made[1]["id"]]),
                        (made[2]["ticket_uid"], [made[2]["id"]]), ("splicing", sorted(t["id"] for t in made))):
        found = client.get(f"/api/tickets?q={q}", headers=admin).get_json()["data"]["tickets"]
        assert sorted(t["id"] for t in found) == sorted(expected), q
    assert client.get("/api/tickets?drop_number=2345", headers=admin).get_json()["data"]["pagination"]["total"] == 1
    assert client.get("/api/tickets?assigned_to=none", headers=admin).get_json()["data"]["pagination"]["total"] == 4
    assert client.get("/api/tickets?created_from=2000-01-01T00:00:00Z&created_to=2001-01-01T00:00:00Z",
                      headers=admin).get_json()["data"]["pagination"]["total"] == 0


@pytest.mark.parametrize("query", ["status=open", "limit=201", "limit=0", "page=0", "sort=title", "sort=-",
                                   "assigned_to=bob", "project_id=1", "created_from=yesterday", "overdue=maybe",
                                   "colour=red", "q=", "client_phone=12345", "deleted=all"])
def test_bad_list_queries_are_4xx(client, as_role, query) -> None:
    resp = client.get(f"/api/tickets?{query}", headers=as_role("admin"))
    assert resp.status_code in (400, 422) and resp.get_json()["success"] is False, query


def test_stats_and_streamed_csv_export(client, as_role) -> None:
    admin = as_role("admin")
    for prio in ("high", "low"):
        t = client.post("/api/tickets", json={**FAULT, "priority": prio, "title": "=cmd|' /C calc'!A0"},
                        headers=admin).get_json()["data"]
    client.post(f"/api/tickets/{t['id']}/status", json={"status": "closed"}, headers=admin)
    stats = client.get("/api/tickets/stats", headers=admin).get_json()["data"]
    assert stats["open_by_status"]["new"] == 1 and stats["total_by_status"]["closed"] == 1
    assert stats["by_source"] == {"ff_internal": 2} and "fault" in stats["average_resolution_hours"]["by_type"]
    resp = client.get("/api/tickets/export?priority=high", headers=admin)
    assert resp.status_code == 200 and resp.mimetype == "text/csv" and resp.is_streamed
    lines = resp.get_data(as_text=True).strip().splitlines()
    assert lines[0].startswith("ticket_uid,title,status") and len(lines) == 2
    assert ",'=cmd" in lines[1]  # formula injection neutralised
    assert client.get("/api/tickets/export?status=bogus", headers=admin).status_code == 400


def upload(client: Any, uid: str, headers: dict, name: str, content: bytes) -> Any:
    return client.post(f"/api/tickets/{uid}/attachments", data={"file": (io.BytesIO(content), name)},
                       headers=headers, content_type="multipart/form-data")


def test_attachments_accept_by_content_and_download(client, as_role, outbox) -> None:
    admin = as_role("admin")
    uid = client.post("/api/tickets", json=FAULT, headers=admin).get_json()["data"]["ticket_uid"]
    for name, content in (("router.png", PNG), ("report.pdf", PDF), ("notes.docx", docx())):
        resp = upload(client, uid, admin, name, content)
        assert resp.status_code == 201, resp.get_json()
    att = resp.get_json()["data"]
    listed = client.get(f"/api/tickets/{uid}/attachments", headers=as_role("viewer")).get_json()["data"]["attachments"]
    assert [a["file_name"] for a in listed] == ["router.png", "report.pdf", "notes.docx"]
    got = client.get(att["file_url"], headers=admin)
    assert got.status_code == 200 and got.data == docx() and "notes.docx" in got.headers["Content-Disposition"]
    assert client.get(att["file_url"]).status_code == 401
    assert client.get(att["file_url"], headers=as_role("technician")).status_code == 404


@pytest.mark.parametrize("name, content, status", [
    ("evil.png", b"MZ\x90\x00" + b"\x00" * 100, 415),           # an executable renamed .png
    ("photo.jpg", PDF, 415),                                     # a PDF disguised as .jpg
    ("sheet.xlsx", b"PK\x03\x04" + b"\x00" * 100, 415),         # a ZIP that is not an Office file
    ("big.pdf", b"%PDF-" + b"x" * (10 * 1024 * 1024), 413),      # 10 MB + 5 bytes
    ("empty.pdf", b"", 400),
])
def test_attachment_rejections(client, as_role, sql, name, content, status) -> None:
    admin = as_role("admin")
    uid = client.post("/api/tickets", json=FAULT, headers=admin).get_json()["data"]["ticket_uid"]
    resp = upload(client, uid, admin, name, content)
    assert resp.status_code == status or (status == 400 and resp.status_code in (400, 422)), resp.get_json()
    assert sql("SELECT count(*) FROM ticket_attachments")[0][0] == 0


def test_attachment_total_per_ticket(client, as_role, container, sql) -> None:
    admin = as_role("admin")
    uid = client.post("/api/tickets", json=FAULT, headers=admin).get_json()["data"]["ticket_uid"]
    nine_mb = b"%PDF-" + b"x" * (9 * 1024 * 1024)
    for i in range(5):
        assert upload(client, uid, admin, f"part{i}.pdf", nine_mb).status_code == 201
    resp = upload(client, uid, admin, "last.pdf", nine_mb)
    assert resp.status_code == 413 and "50 MB" in resp.get_json()["error"]["message"]
    assert sql("SELECT count(*) FROM ticket_attachments")[0][0] == 5
    assert upload(client, uid, as_role("viewer"), "x.png", PNG).status_code == 403


@pytest.mark.parametrize("method, path, body", [
    ("post", "/api/tickets/{uid}/status", {"status": "done"}),
    ("post", "/api/tickets/{uid}/status", {}),
    ("post", "/api/tickets/{uid}/assign", {}),
    ("post", "/api/tickets/{uid}/assign", {"assigned_to": "bob"}),
    ("post", "/api/tickets/{uid}/assign", {"assigned_team": str(uuid.uuid4())}),
    ("post", "/api/tickets/{uid}/notes", {"content": "x", "is_internal": "perhaps"}),
    ("post", "/api/tickets/{uid}/notes", {"content": "x", "extra": 1}),
    ("post", "/api/tickets/{uid}/escalate", {"reason": ""}),
    ("patch", "/api/tickets/{uid}", {"latitude": 300}),
    ("patch", "/api/tickets/{uid}", {"client_email": "not-an-email"}),
    ("post", "/api/tickets/bulk", {"ticket_ids": [], "action": "status", "status": "new"}),
    ("post", "/api/tickets/bulk", {"ticket_ids": ["x"], "action": "explode"}),
    ("post", "/api/tickets/teams", {"name": "Team", "members": [{"user_id": "nope"}]}),
    ("post", "/api/tickets/teams", {"name": "Team", "specialty_types": ["cooking"]}),
    ("post", "/api/tickets/auto-assign-rules", {"name": "r", "team_id": str(uuid.uuid4()), "strategy": "team"}),
    ("post", "/api/tickets/auto-assign-rules", {"name": "r", "team_id": str(uuid.uuid4()), "strategy": "luck"}),
    ("post", "/api/tickets", {**FAULT, "drop_number": "DROP-ONE"}),
    ("post", "/api/tickets", {**FAULT, "tags": ["<script>"]}),
    ("post", "/api/tickets", {**FAULT, "status": "closed"}),
    ("post", "/api/tickets", {**FAULT, "issue_type": "other"}),
])
def test_bad_input_on_every_endpoint_is_4xx_without_writes(client, as_role, outbox, sql, method, path, body) -> None:
    admin = as_role("admin")
    uid = client.post("/api/tickets", json=FAULT, headers=admin).get_json()["data"]["ticket_uid"]
    before = (len(outbox()), sql("SELECT count(*) FROM ticket_history")[0][0])
    resp = getattr(client, method)(path.format(uid=uid), json=body, headers=admin)
    assert resp.status_code in (400, 404, 422), (resp.status_code, resp.get_json())
    assert resp.get_json()["success"] is False and resp.get_json()["error"]["code"]
    assert (len(outbox()), sql("SELECT count(*) FROM ticket_history")[0][0]) == before
    assert sql("SELECT count(*) FROM teams")[0][0] == 0 and sql("SELECT count(*) FROM tickets")[0][0] == 1
