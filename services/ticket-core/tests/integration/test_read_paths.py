"""The cheap read paths (issue #3's per-request CPU): a GET is one statement (ticket + tags) on an
autocommit connection, plain lists run without BEGIN/COMMIT while a search keeps its transaction
(it needs SET LOCAL), no read selects the tsvectors, the EXPLAIN estimate with bound parameters
matches the one with literal values, and what create returns is what GET and the event show."""
from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Iterator

import pytest
from sqlalchemy import event, literal_column, select, text

from ticket_core import views
from ticket_core.adapters.orm import TicketRow
from ticket_core.domain.access import Viewer

pytestmark = pytest.mark.integration
FAULT = {"title": "No signal at customer premises", "description": "No internet since 06:00", "type": "fault"}
VECTORS = ("search_vector", "notes_vector")


@contextmanager
def statements(engine: Any) -> Iterator[list[tuple[str, bool]]]:
    """(SQL, sent on an autocommit connection?) of every statement the engine sends meanwhile."""
    seen: list[tuple[str, bool]] = []

    def record(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        seen.append((statement, conn.connection.driver_connection.autocommit))

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


def select_list(statement: str) -> str:
    """What a SELECT returns (the text before its first FROM), lower case."""
    return " ".join(statement.split()).lower().split(" from ", 1)[0]


def test_get_is_one_autocommit_statement_with_the_tags(client, as_role, container, sql) -> None:
    admin = as_role("admin")
    made = client.post("/api/tickets", json={**FAULT, "tags": ["b", "A", "a"]}, headers=admin).get_json()["data"]
    in_db_order = sql("SELECT array_agg(name ORDER BY name) FROM tags")[0][0]
    assert made["tags"] == in_db_order and sorted(made["tags"], key=str.lower) == ["A", "a", "b"]
    for key in (made["ticket_uid"], made["id"], made["ticket_uid"].lower()):
        with statements(container.engine) as seen:
            resp = client.get(f"/api/tickets/{key}", headers=admin)
        assert resp.status_code == 200 and resp.get_json()["data"] == made
        assert len(seen) == 1, seen  # ticket and tags together, no BEGIN/COMMIT around it
        statement, autocommit = seen[0]
        assert autocommit and "array(" in statement.lower()
        assert not any(v in select_list(statement) for v in VECTORS)
    # the per-shape statement keeps the access rule: a technician sees only what is assigned to them
    tech = as_role("technician")
    assert client.get(f"/api/tickets/{made['ticket_uid']}", headers=tech).status_code == 404


def test_create_returns_what_get_and_the_event_show(client, as_role, outbox) -> None:
    admin = as_role("admin")
    body = {**FAULT, "tags": ["zeta", "Alpha"], "latitude": -26.123456789012, "longitude": 28.1,
            "type": "billing", "client_phone": "082 555 1234", "client_name": "Nomsa", "client_email": "N@Example.com",
            "issue_type": "other"}
    made = client.post("/api/tickets", json=body, headers=admin).get_json()["data"]
    assert made["latitude"] == -26.12345679  # as the numeric(10, 8) column stores it
    assert made["client_phone"] == "+27825551234" and made["client_email"] == "n@example.com"
    assert client.get(f"/api/tickets/{made['id']}", headers=admin).get_json()["data"] == made
    assert outbox("ticket.created")[-1]["data"]["ticket"] == made


def test_plain_lists_run_without_a_transaction_and_searches_with_one(client, as_role, container) -> None:
    admin = as_role("admin")
    for i in range(3):
        client.post("/api/tickets", json={**FAULT, "title": f"Splice closure {i}"}, headers=admin)
    client.post("/api/tickets", json={**FAULT, "title": "Pole leaning"}, headers=admin)
    with statements(container.engine) as seen:
        got = client.get("/api/tickets?status=new&limit=2", headers=admin).get_json()["data"]
    assert len(got["tickets"]) == 2 and got["pagination"]["total"] == 4
    assert seen and all(autocommit for _, autocommit in seen)
    for cap in (10_000, 1):  # the capped probe, and its fallback to the ordinary query above the cap
        container.deps.exact_count_limit = cap
        with statements(container.engine) as seen:
            got = client.get("/api/tickets?q=splice&limit=2", headers=admin).get_json()["data"]
        assert [t["title"] for t in got["tickets"]] == ["Splice closure 2", "Splice closure 1"]
        assert not any(autocommit for _, autocommit in seen)  # SET LOCAL needs the transaction
        setting = [s for s, _ in seen if "set local" in s.lower()]
        assert setting[0].lower().startswith("set local enable_indexscan = off")
        if cap == 1:  # the ordinary query walks the sort index: index scans are back on before it
            assert "enable_indexscan = on" in setting[-1].lower()


def test_reads_never_select_the_vectors(client, as_role, container) -> None:
    admin = as_role("admin")
    made = client.post("/api/tickets", json={**FAULT, "title": "Splice closure"}, headers=admin).get_json()["data"]
    client.post(f"/api/tickets/{made['id']}/notes", json={"content": "zebracrossing"}, headers=admin)
    with statements(container.engine) as seen:
        for path in ("", "?q=splice", "?q=zebracrossing", f"/{made['ticket_uid']}", "/export", "/stats",
                     f"/{made['id']}/activity"):
            assert client.get(f"/api/tickets{path}", headers=admin).status_code == 200, path
        client.patch(f"/api/tickets/{made['id']}", json={"category": "x"}, headers=admin)  # ORM load for write
    selects = [s for s, _ in seen if s.lstrip().lower().startswith(("select", "with"))]
    assert selects
    for statement in selects:
        assert not any(v in select_list(statement) for v in VECTORS + ("reporter",)), statement


@pytest.mark.parametrize("filters", [
    {"status": ["new", "triaged"], "priority": ["high", "critical"]}, {"q": "splice"}, {"q": "zebracrossing"},
    {"zone": ["Zone A"]}, {"assigned_to": ["none"]}, {"drop_number": "DR12"}])
def test_estimate_with_bound_parameters_matches_the_literal_one(client, as_role, container, filters) -> None:
    admin = as_role("admin")
    for i in range(6):
        client.post("/api/tickets", json={**FAULT, "title": f"Splice {i}", "priority": ("high", "low")[i % 2]},
                    headers=admin)
    viewer = Viewer("00000000-0000-0000-0000-000000000001", frozenset({"admin"}))
    with container.sessions() as session:
        session.execute(text("ANALYZE tickets"))
        where = views.conditions(container.deps, viewer, {"deleted": "false", **filters})
        query = select(literal_column("1")).select_from(TicketRow).where(*where)
        literal = query.compile(dialect=session.get_bind().dialect, compile_kwargs={"literal_binds": True})
        expected = session.execute(text(f"EXPLAIN (FORMAT JSON) {literal}")).scalar_one()[0]["Plan"]["Plan Rows"]
        for _ in range(7):  # past psycopg's prepare threshold (5): a prepared EXPLAIN still plans per value
            assert views._estimate(session, where) == expected


def test_a_page_and_its_capped_total_are_one_statement(client, as_role, container, sql) -> None:
    admin = as_role("admin")
    for i in range(5):
        client.post("/api/tickets", json={**FAULT, "title": f"T {i}"}, headers=admin)
    sql("ANALYZE tickets")

    def listed(query: str) -> tuple[dict[str, Any], int]:
        with statements(container.engine) as seen:
            data = client.get(f"/api/tickets?{query}", headers=admin).get_json()["data"]
        return data["pagination"], len(seen)

    assert listed("limit=2") == ({"page": 1, "limit": 2, "total": 5, "totalPages": 3, "total_is_estimate": False},
                                 1)
    assert listed("limit=2&page=3")[0]["total"] == 5  # a last page counts itself
    assert listed("limit=2&page=9") == ({"page": 9, "limit": 2, "total": 5, "totalPages": 3,
                                         "total_is_estimate": False}, 2)  # empty: the count runs on its own
    container.deps.exact_count_limit = 3
    page, sent = listed("limit=2")
    assert page["total_is_estimate"] is True and page["total"] >= 4 and sent == 2  # + the EXPLAIN estimate
