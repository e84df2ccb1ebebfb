"""Billing's report exports: CSV, XLSX and PDF from one writer, and the spreadsheet-formula guard
(issue #17) on names that come from other services' events (a project called "=HYPERLINK(…)")."""
from __future__ import annotations

import base64
import csv
import io
import re
import zlib

import pytest
from openpyxl import load_workbook

from fibreflow_shared.testing.tokens import TestSigner

pytestmark = pytest.mark.integration
EVIL = '=HYPERLINK("http://evil.example/x","click")'
REPORTS = ("work", "guarantee-work", "revenue", "pending-ageing")


@pytest.fixture()
def manager(signer: TestSigner) -> dict[str, str]:
    return signer.headers(roles=["manager"])


@pytest.fixture()
def hostile_names(client, consumer, events, snapshot) -> None:
    consumer.process(events.created(snapshot("AH-0001", project_id="p1", project_name=EVIL)))
    consumer.process(events.created(snapshot("AH-0002", project_id="p2", project_name="@SUM(A1:A9)")))
    consumer.process(events.created(snapshot("AH-0003", project_id="p3", project_name="Lawley")))


def _pdf_text(pdf: bytes) -> str:
    out = []
    for raw in re.findall(rb"stream\r?\n(.*?)\r?\n?endstream", pdf, re.S):
        data = raw.strip()
        if data.endswith(b"~>"):
            data = zlib.decompress(base64.a85decode(data, adobe=True))
        out.append(data.decode("latin-1"))
    return "\n".join(out)


def test_billing_csv_neutralises_formulas(client, manager, hostile_names) -> None:
    resp = client.get("/api/ticketing/billing/reports/work/export", headers=manager)
    assert resp.status_code == 200 and resp.headers["Content-Type"] == "text/csv; charset=utf-8"
    names = {r["key"]: r["name"] for r in csv.DictReader(io.StringIO(resp.get_data(as_text=True)))}
    assert names == {"p1": "'" + EVIL, "p2": "'@SUM(A1:A9)", "p3": "Lawley"}
    # The deprecated format=csv on the JSON path is the same writer, so it is guarded too.
    old = client.get("/api/ticketing/billing/reports/work", query_string={"format": "csv"}, headers=manager)
    assert old.get_data() == resp.get_data()
    # The JSON answer carries the name as it is: only spreadsheets need the guard.
    json_rows = client.get("/api/ticketing/billing/reports/work", headers=manager).get_json()["data"]["rows"]
    assert {r["key"]: r["name"] for r in json_rows}["p1"] == EVIL


def test_billing_xlsx_and_pdf(client, manager, hostile_names) -> None:
    xlsx = client.get("/api/ticketing/billing/reports/work/export", query_string={"format": "xlsx"},
                      headers=manager)
    assert xlsx.status_code == 200 and 'filename="work-by-project.xlsx"' in xlsx.headers["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(xlsx.get_data())).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("key", "name", "guarantee")
    by_key = {r[0]: r for r in rows[1:]}
    assert by_key["p1"][1] == "'" + EVIL and by_key["p2"][1] == "'@SUM(A1:A9)" and by_key["p3"][6] == 1
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    pdf = client.get("/api/ticketing/billing/reports/work/export", query_string={"format": "pdf"}, headers=manager)
    assert pdf.headers["Content-Type"] == "application/pdf" and pdf.get_data().startswith(b"%PDF-")
    assert "Lawley" in _pdf_text(pdf.get_data())


def test_every_billing_report_exports_in_each_format(client, manager, signer: TestSigner) -> None:
    for name in REPORTS:
        for fmt, magic in (("csv", b""), ("xlsx", b"PK\x03\x04"), ("pdf", b"%PDF-")):
            resp = client.get(f"/api/ticketing/billing/reports/{name}/export", query_string={"format": fmt},
                              headers=manager)
            assert resp.status_code == 200, (name, fmt)
            assert resp.get_data().startswith(magic) and f".{fmt}\"" in resp.headers["Content-Disposition"]
        assert client.get(f"/api/ticketing/billing/reports/{name}/export", query_string={"format": "docx"},
                          headers=manager).status_code == 400
        refused = client.get(f"/api/ticketing/billing/reports/{name}/export",
                             headers=signer.headers(roles=["technician"]))
        assert refused.status_code == 403


def test_the_director_reads_billing_reports(client, manager, signer: TestSigner) -> None:
    """A viewer (PRD §4's director) reads every billing report and its export, as a manager does."""
    viewer = signer.headers(roles=["viewer"])
    for name in REPORTS:
        seen = client.get(f"/api/ticketing/billing/reports/{name}", headers=viewer)
        assert seen.status_code == 200, name
        assert seen.get_json()["data"] == client.get(f"/api/ticketing/billing/reports/{name}",
                                                     headers=manager).get_json()["data"], name
        assert client.get(f"/api/ticketing/billing/reports/{name}/export", headers=viewer).status_code == 200
