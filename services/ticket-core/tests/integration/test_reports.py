"""FR-051 reports against real PostgreSQL: known tickets seeded, exact figures asserted for the
ticket summary, technician performance, zone analysis and trend; periods in South African time;
deleted tickets left out; a team lead's figures cover their teams only; technicians
refused; every report exported as CSV, XLSX and PDF."""
from __future__ import annotations

import base64
import csv
import io
import re
import uuid
import zlib
from typing import Any

import pytest
from openpyxl import load_workbook

pytestmark = pytest.mark.integration
TECH_A, TECH_B, TECH_C = (str(uuid.uuid4()) for _ in range(3))
LEAD, TEAM_X = str(uuid.uuid4()), str(uuid.uuid4())
PERIOD = "period_from=2026-11-02&period_to=2026-11-16"
REPORTS = ("summary", "technicians", "zones", "trend")

# uid, source, type, status, zone, assigned_to, team, created_at, resolved_at, closed_at, due_at, breached, deleted
TICKETS = (
    ("FF-0001", "qcontact", "fault", "resolved", "Zone A", TECH_A, None, "2026-11-02 08:00Z", "2026-11-02 12:00Z",
     None, "2026-11-03 08:00Z", False, None),
    ("FF-0002", "email", "fault", "closed", "Zone A", TECH_A, None, "2026-11-03 10:00Z", "2026-11-04 00:00Z",
     "2026-11-05 00:00Z", "2026-11-03 20:00Z", True, None),
    ("FF-0003", "qcontact", "build", "in_progress", "Zone B", TECH_B, None, "2026-11-10 09:00Z", None, None,
     "2026-11-01 00:00Z", False, None),
    # 22:30 UTC on Sunday the 8th is 00:30 on Monday the 9th in Johannesburg: the second week.
    ("FF-0004", "wa_inbound", "fault", "new", "Zone B", None, None, "2026-11-08 22:30Z", None, None, None, False,
     None),
    # Created before the period (23:00 SAST on the 1st), closed inside it (closed_at only).
    ("FF-0005", "adhoc", "fault", "closed", "Zone A", TECH_B, None, "2026-11-01 21:00Z", None, "2026-11-02 03:00Z",
     None, False, None),
    ("FF-0006", "qcontact", "fault", "resolved", "Zone A", TECH_A, None, "2026-11-03 08:00Z", "2026-11-03 09:00Z",
     None, None, False, "2026-11-04 00:00Z"),
    ("FF-0007", "ff_internal", "fault", "resolved", "Zone C", TECH_C, TEAM_X, "2026-11-10 09:00Z", "2026-11-10 11:00Z",
     None, "2026-11-11 09:00Z", False, None),
)


@pytest.fixture()
def seeded(clean: None, sql: Any) -> None:
    for uid, source, type_, status, zone, to, team, created, resolved, closed, due, breached, deleted in TICKETS:
        sql("INSERT INTO tickets (id, ticket_uid, title, description, source, type, priority, status, zone,"
            " assigned_to, assigned_team, created_by, created_at, updated_at, resolved_at, closed_at, due_at,"
            " sla_breached, deleted_at) VALUES (gen_random_uuid(), :uid, 'Seeded', 'for reports', :source, :type,"
            " 'medium', :status, :zone, :to, :team, gen_random_uuid(), :created, :created, :resolved, :closed, :due,"
            " :breached, :deleted)", uid=uid, source=source, type=type_, status=status, zone=zone, to=to, team=team,
            created=created, resolved=resolved, closed=closed, due=due, breached=breached, deleted=deleted)
    for uid, name in ((TECH_A, "Anele"), (TECH_B, "Bongani"), (TECH_C, "Chris")):
        sql("INSERT INTO users (id, username, display_name) VALUES (:id, :u, :n)", id=uid, u=name.lower(), n=name)
    sql("INSERT INTO teams (id, name) VALUES (:id, 'Team X')", id=TEAM_X)
    sql("INSERT INTO team_members (team_id, user_id, is_lead) VALUES (:t, :u, true)", t=TEAM_X, u=LEAD)


def _rows(client: Any, headers: dict[str, str], path: str) -> list[dict[str, Any]]:
    resp = client.get(f"/api/tickets/reports/{path}", headers=headers)
    assert resp.status_code == 200, resp.get_json()
    return resp.get_json()["data"]["rows"]


def test_summary_counts_the_period_by_any_grouping(client: Any, as_role: Any, seeded: None) -> None:
    admin = as_role("admin")
    body = client.get(f"/api/tickets/reports/summary?{PERIOD}", headers=admin).get_json()["data"]
    assert (body["period_from"], body["period_to"], body["timezone"]) == ("2026-11-02", "2026-11-16",
                                                                          "Africa/Johannesburg")
    by_status = {r["key"]: r for r in body["rows"]}
    assert {k: r["tickets"] for k, r in by_status.items()} == {"resolved": 2, "closed": 1, "in_progress": 1, "new": 1}
    assert by_status["resolved"]["average_resolution_hours"] == 3.0 and body["rows"][0]["key"] == "resolved"
    zones = {r["key"]: r for r in _rows(client, admin, f"summary?{PERIOD}&group_by=zone")}
    assert zones["Zone A"] == {"group_by": "zone", "key": "Zone A", "tickets": 2, "open": 0, "resolved": 2,
                               "overdue": 0, "sla_breached": 1, "average_resolution_hours": 9.0}
    assert zones["Zone B"] == {"group_by": "zone", "key": "Zone B", "tickets": 2, "open": 2, "resolved": 0,
                               "overdue": 1, "sla_breached": 0, "average_resolution_hours": None}
    assert zones["Zone C"]["tickets"] == 1
    # Filters are the list's: only faults from qcontact.
    only = _rows(client, admin, f"summary?{PERIOD}&group_by=source&type=fault&source=qcontact")
    assert [(r["key"], r["tickets"]) for r in only] == [("qcontact", 1)]


def test_technician_performance(client: Any, as_role: Any, seeded: None) -> None:
    rows = _rows(client, as_role("manager"), f"technicians?{PERIOD}")
    assert rows == [
        {"assigned_to": TECH_A, "technician": "Anele", "resolved": 2, "average_resolution_hours": 9.0,
         "median_resolution_hours": 9.0, "with_sla": 2, "within_sla": 1, "sla_compliance_percent": 50.0,
         "sla_breached": 1, "open_now": 0},
        {"assigned_to": TECH_B, "technician": "Bongani", "resolved": 1, "average_resolution_hours": 6.0,
         "median_resolution_hours": 6.0, "with_sla": 0, "within_sla": 0, "sla_compliance_percent": None,
         "sla_breached": 0, "open_now": 1},
        {"assigned_to": TECH_C, "technician": "Chris", "resolved": 1, "average_resolution_hours": 2.0,
         "median_resolution_hours": 2.0, "with_sla": 1, "within_sla": 1, "sla_compliance_percent": 100.0,
         "sla_breached": 0, "open_now": 0}]


def test_zone_analysis_over_time(client: Any, as_role: Any, seeded: None) -> None:
    rows = _rows(client, as_role("admin"), f"zones?{PERIOD}&period=week")
    assert rows == [
        {"period_start": "2026-11-02", "zone": "Zone A", "created": 2, "resolved": 3, "sla_breached": 1,
         "average_resolution_hours": 8.0},
        {"period_start": "2026-11-09", "zone": "Zone B", "created": 2, "resolved": 0, "sla_breached": 0,
         "average_resolution_hours": None},
        {"period_start": "2026-11-09", "zone": "Zone C", "created": 1, "resolved": 1, "sla_breached": 0,
         "average_resolution_hours": 2.0}]
    by_month = _rows(client, as_role("admin"), f"zones?{PERIOD}&period=month")
    assert [(r["period_start"], r["zone"], r["created"], r["resolved"]) for r in by_month] == [
        ("2026-11-01", "Zone A", 2, 3), ("2026-11-01", "Zone B", 2, 0), ("2026-11-01", "Zone C", 1, 1)]


def test_trend_by_source_and_type(client: Any, as_role: Any, seeded: None) -> None:
    rows = _rows(client, as_role("admin"), f"trend?{PERIOD}")
    assert [(r["period_start"], r["source"], r["type"], r["tickets"]) for r in rows] == [
        ("2026-11-02", "email", "fault", 1), ("2026-11-02", "qcontact", "fault", 1),
        ("2026-11-09", "ff_internal", "fault", 1), ("2026-11-09", "qcontact", "build", 1),
        ("2026-11-09", "wa_inbound", "fault", 1)]
    days = _rows(client, as_role("admin"), f"trend?{PERIOD}&period=day&source=wa_inbound")
    assert days == [{"period_start": "2026-11-09", "source": "wa_inbound", "type": "fault", "tickets": 1}]


def test_a_team_lead_sees_their_teams_figures_only(client: Any, as_role: Any, seeded: None) -> None:
    lead = as_role("team_lead", LEAD)
    assert [r["assigned_to"] for r in _rows(client, lead, f"technicians?{PERIOD}")] == [TECH_C]
    assert [(r["key"], r["tickets"]) for r in _rows(client, lead, f"summary?{PERIOD}&group_by=zone")] == [
        ("Zone C", 1)]


def test_the_director_reads_every_report_over_all_teams(client: Any, as_role: Any, seeded: None) -> None:
    """A viewer (PRD §4's director) reads the same figures an admin does, not a team's slice."""
    viewer, admin = as_role("viewer"), as_role("admin")
    for name in REPORTS:
        resp = client.get(f"/api/tickets/reports/{name}?{PERIOD}", headers=viewer)
        assert resp.status_code == 200, name
        assert resp.get_json()["data"] == client.get(f"/api/tickets/reports/{name}?{PERIOD}",
                                                     headers=admin).get_json()["data"], name
        assert client.get(f"/api/tickets/reports/{name}/export?{PERIOD}", headers=viewer).status_code == 200


@pytest.mark.parametrize("role", ["technician"])
def test_reports_refuse_technicians(client: Any, as_role: Any, seeded: None, role: str) -> None:
    headers = as_role(role)
    for name in REPORTS:
        for path in (name, f"{name}/export"):
            resp = client.get(f"/api/tickets/reports/{path}", headers=headers)
            assert resp.status_code == 403, path
            assert resp.get_json()["error"]["code"] == "FORBIDDEN"
        assert client.get(f"/api/tickets/reports/{name}").status_code == 401


def test_bad_report_queries_are_400(client: Any, as_role: Any, seeded: None) -> None:
    admin = as_role("admin")
    for query in ("summary?period_from=2026-11-16&period_to=2026-11-02", "summary?group_by=colour",
                  "zones?period=year", "trend?periodfrom=2026-11-01", "technicians/export?format=docx",
                  "trend?period_from=2020-01-01&period_to=2026-01-01"):
        resp = client.get(f"/api/tickets/reports/{query}", headers=admin)
        assert resp.status_code == 400, query
        assert resp.get_json()["error"]["code"] == "VALIDATION_ERROR"


def _pdf_text(pdf: bytes) -> str:
    out = []
    for raw in re.findall(rb"stream\r?\n(.*?)\r?\n?endstream", pdf, re.S):
        data = raw.strip()
        if data.endswith(b"~>"):
            data = zlib.decompress(base64.a85decode(data, adobe=True))
        out.append(data.decode("latin-1"))
    return "\n".join(out)


def test_every_report_exports_as_csv_xlsx_and_pdf(client: Any, as_role: Any, seeded: None) -> None:
    admin = as_role("admin")
    for name in REPORTS:
        rows = _rows(client, admin, f"{name}?{PERIOD}")
        columns = list(rows[0])
        got = client.get(f"/api/tickets/reports/{name}/export?{PERIOD}", headers=admin)
        assert got.status_code == 200 and got.headers["Content-Type"] == "text/csv; charset=utf-8"
        assert f'filename="tickets-{name}-2026-11-02-2026-11-15.csv"' in got.headers["Content-Disposition"]
        parsed = list(csv.DictReader(io.StringIO(got.get_data(as_text=True))))
        assert list(parsed[0]) == columns and len(parsed) == len(rows)
        got = client.get(f"/api/tickets/reports/{name}/export?{PERIOD}&format=xlsx", headers=admin)
        assert got.headers["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")
        sheet = load_workbook(io.BytesIO(got.get_data())).active
        values = list(sheet.iter_rows(values_only=True))
        assert list(values[0]) == columns and len(values) == len(rows) + 1
        got = client.get(f"/api/tickets/reports/{name}/export?{PERIOD}&format=pdf", headers=admin)
        assert got.headers["Content-Type"] == "application/pdf" and got.get_data().startswith(b"%PDF-")
    sheet = load_workbook(io.BytesIO(client.get(f"/api/tickets/reports/technicians/export?{PERIOD}&format=xlsx",
                                                headers=admin).get_data())).active
    assert list(sheet.iter_rows(min_row=2, max_row=2, values_only=True))[0][:4] == (TECH_A, "Anele", 2, 9)
    pdf = _pdf_text(client.get(f"/api/tickets/reports/technicians/export?{PERIOD}&format=pdf", headers=admin)
                    .get_data())
    assert "Anele" in pdf and "Bongani" in pdf and "Technician performance" in pdf


def test_the_ticket_export_has_the_three_formats_and_guards_formulas(client: Any, as_role: Any, clean: None) -> None:
    admin = as_role("admin")
    made = client.post("/api/tickets", json={"title": "=HYPERLINK(\"x\")", "description": "-2+3", "type": "fault"},
                       headers=admin)
    assert made.status_code == 201
    sheet = load_workbook(io.BytesIO(client.get("/api/tickets/export?format=xlsx", headers=admin).get_data())).active
    header, first = list(sheet.iter_rows(max_row=2, values_only=True))
    row = dict(zip(header, first))
    assert row["title"] == "'=HYPERLINK(\"x\")" and row["description"] == "'-2+3"
    pdf = client.get("/api/tickets/export?format=pdf", headers=admin)
    assert pdf.headers["Content-Disposition"].startswith('attachment; filename="tickets.pdf"')
    assert made.get_json()["data"]["ticket_uid"] in _pdf_text(pdf.get_data())
    assert client.get("/api/tickets/export", headers=admin).headers["Content-Type"] == "text/csv; charset=utf-8"
