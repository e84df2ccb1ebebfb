"""SLA compliance over time (FR-051) with exact figures per week and month, every period of the
range present; the compliance exports in CSV, XLSX and PDF; technicians refused, the director (viewer) served."""
from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from fibreflow_shared.testing.tokens import TestSigner

pytestmark = pytest.mark.integration
QUERY = "period_from=2026-11-09&period_to=2026-12-01&period=week"
PATHS = ("/api/sla/reports/compliance-over-time", "/api/sla/reports/compliance-over-time/export",
         "/api/sla/reports/compliance/export")


@pytest.fixture()
def stopped(consumer, events, fixed_now) -> None:
    consumer.process(events.created(uid="FF-0001"))
    consumer.process(events.status("in_progress", "resolved", "2026-11-23T07:00:00+00:00", uid="FF-0001"))  # met
    consumer.process(events.created(uid="FF-0002", priority="critical"))
    consumer.process(events.status("in_progress", "closed", "2026-11-23T08:00:00+00:00", uid="FF-0002",
                                   priority="critical"))  # breached
    consumer.process(events.created(uid="FF-0003", ticket_type="build"))  # still running: not counted


def test_compliance_over_time_has_every_period(client, signer: TestSigner, stopped) -> None:
    resp = client.get(f"/api/sla/reports/compliance-over-time?{QUERY}", headers=signer.headers(roles=["manager"]))
    assert resp.status_code == 200, resp.get_json()
    data = resp.get_json()["data"]
    assert (data["period_from"], data["period_to"], data["period"], data["clock"]) == (
        "2026-11-09", "2026-12-01", "week", "resolution")
    assert data["rows"] == [
        {"period_start": "2026-11-09", "total": 0, "met": 0, "breached": 0, "compliance_percent": None},
        {"period_start": "2026-11-16", "total": 0, "met": 0, "breached": 0, "compliance_percent": None},
        {"period_start": "2026-11-23", "total": 2, "met": 1, "breached": 1, "compliance_percent": 50.0},
        {"period_start": "2026-11-30", "total": 0, "met": 0, "breached": 0, "compliance_percent": None}]
    months = client.get("/api/sla/reports/compliance-over-time?period_from=2026-10-15&period_to=2026-12-01"
                        "&period=month&priority=critical", headers=signer.headers()).get_json()["data"]["rows"]
    assert months == [
        {"period_start": "2026-10-01", "total": 0, "met": 0, "breached": 0, "compliance_percent": None},
        {"period_start": "2026-11-01", "total": 1, "met": 0, "breached": 1, "compliance_percent": 0.0}]


def test_over_time_exports_in_three_formats(client, signer: TestSigner, stopped) -> None:
    headers = signer.headers(roles=["team_lead"])
    got = client.get(f"/api/sla/reports/compliance-over-time/export?{QUERY}", headers=headers)
    assert got.status_code == 200 and got.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="sla-compliance-over-time-2026-11-09-2026-11-30.csv"' in got.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(got.get_data(as_text=True))))
    assert rows[2] == {"period_start": "2026-11-23", "total": "2", "met": "1", "breached": "1",
                       "compliance_percent": "50.0"}
    xlsx = client.get(f"/api/sla/reports/compliance-over-time/export?{QUERY}&format=xlsx", headers=headers)
    sheet = load_workbook(io.BytesIO(xlsx.get_data())).active
    assert list(sheet.iter_rows(min_row=4, max_row=4, values_only=True))[0] == ("2026-11-23", 2, 1, 1, 50)
    pdf = client.get(f"/api/sla/reports/compliance-over-time/export?{QUERY}&format=pdf", headers=headers)
    assert pdf.headers["Content-Type"] == "application/pdf" and pdf.get_data().startswith(b"%PDF-")
    assert client.get(f"/api/sla/reports/compliance-over-time/export?{QUERY}&format=doc",
                      headers=headers).status_code == 400


def test_the_clock_export_in_xlsx_and_pdf(client, signer: TestSigner, stopped) -> None:
    xlsx = client.get(f"/api/sla/reports/compliance/export?{QUERY}&format=xlsx", headers=signer.headers())
    assert xlsx.status_code == 200
    assert 'filename="sla-compliance-2026-11-09-2026-11-30.xlsx"' in xlsx.headers["Content-Disposition"]
    values = list(load_workbook(io.BytesIO(xlsx.get_data())).active.iter_rows(values_only=True))
    assert values[0][0] == "ticket_uid" and [v[0] for v in values[1:]] == ["FF-0001", "FF-0002"]
    pdf = client.get(f"/api/sla/reports/compliance/export?{QUERY}&format=pdf", headers=signer.headers())
    assert pdf.status_code == 200 and pdf.get_data().startswith(b"%PDF-")


def test_reports_refuse_technicians_and_serve_the_director(client, signer: TestSigner) -> None:
    for path in PATHS:
        resp = client.get(path, headers=signer.headers(roles=["technician"]))
        assert resp.status_code == 403 and resp.get_json()["error"]["code"] == "FORBIDDEN", path
        assert client.get(path, headers=signer.headers(roles=["viewer"])).status_code == 200, path
