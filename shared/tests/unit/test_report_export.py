"""The export writers every service uses: CSV, XLSX (opened again with openpyxl) and PDF, each
with the formula guard, and the one response helper that picks among them."""
from __future__ import annotations

import base64
import io
import re
import zlib
from decimal import Decimal
from typing import Any

import pytest
from flask import Flask
from marshmallow import ValidationError
from openpyxl import load_workbook

from fibreflow_shared.report_export import (ExportFormat, export_response, pdf_bytes, with_format, xlsx_chunks)
from fibreflow_shared.schemas import QueryArgs

XLSX_MEDIA = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
COLUMNS = ("zone", "tickets", "avg_hours", "breached", "note")
ROWS = [{"zone": "Zone A", "tickets": 12, "avg_hours": Decimal("3.50"), "breached": False, "note": "=HYPERLINK(1)"},
        {"zone": "Zone B", "tickets": 0, "avg_hours": None, "breached": True, "note": "+27 82 000 0000"},
        {"zone": "@SUM", "tickets": 3, "avg_hours": 1.25, "breached": False, "note": "\tcmd"},
        {"zone": "Zone \u00e9", "tickets": 1, "avg_hours": 0, "breached": False, "note": "-1"}]


def _pdf_text(pdf: bytes) -> str:
    """Every content stream of ``pdf``, inflated, as Latin-1 text (the standard fonts' strings)."""
    out = []
    for raw in re.findall(rb"stream\r?\n(.*?)\r?\n?endstream", pdf, re.S):
        data = raw.strip()
        if data.endswith(b"~>"):  # ReportLab's /ASCII85Decode /FlateDecode
            data = zlib.decompress(base64.a85decode(data, adobe=True))
        out.append(data.decode("latin-1"))
    return "\n".join(out)


def test_xlsx_opens_in_openpyxl_with_typed_cells_and_guarded_text() -> None:
    book = load_workbook(io.BytesIO(b"".join(xlsx_chunks(COLUMNS, iter(ROWS), sheet="zones: [Nov]"))))
    sheet = book.active
    assert sheet.title == "zones_ _Nov_"
    values = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert values[0] == list(COLUMNS)
    assert values[1] == ["Zone A", 12, 3.5, False, "'=HYPERLINK(1)"]
    assert values[2] == ["Zone B", 0, None, True, "'+27 82 000 0000"]
    assert values[3] == ["'@SUM", 3, 1.25, False, "'\tcmd"]
    assert values[4] == ["Zone \u00e9", 1, 0, False, "'-1"]
    # No cell is a formula, whatever its text.
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_xlsx_streams_many_rows_from_a_generator() -> None:
    produced = 0

    def rows() -> Any:
        nonlocal produced
        for i in range(20_000):
            produced += 1
            yield {"zone": f"Z{i}", "tickets": i}

    chunks = list(xlsx_chunks(("zone", "tickets"), rows()))
    assert produced == 20_000 and len(chunks) > 1
    sheet = load_workbook(io.BytesIO(b"".join(chunks)), read_only=True).active
    last = list(sheet.iter_rows(min_row=20_001, max_row=20_001, values_only=True))[0]
    assert last == ("Z19999", 19999)


def test_pdf_starts_with_the_magic_and_shows_each_row_guarded() -> None:
    pdf = pdf_bytes(COLUMNS, ROWS, title="Zone analysis")
    assert pdf.startswith(b"%PDF-")
    text = _pdf_text(pdf)
    for expected in ("Zone analysis", "Zone A", "Zone B", "'=HYPERLINK\\(1\\)", "'@SUM", "3.50", "true", "Zone \\351"):  # é, octal in the string
        assert expected in text, expected


def test_pdf_is_bounded_and_says_so() -> None:
    pdf = pdf_bytes(("n",), ({"n": i} for i in range(30)), max_rows=25)
    text = _pdf_text(pdf)
    assert "(24)" in text and "(25)" not in text
    assert "Cut at 25 rows" in text


def test_pdf_of_no_rows_says_so() -> None:
    assert "No rows." in _pdf_text(pdf_bytes(COLUMNS, []))


class _Filters(QueryArgs):
    pass


def test_format_parameter_defaults_to_csv_and_refuses_others() -> None:
    schema = with_format(_Filters)()
    assert with_format(_Filters).__name__ == "_FiltersExportSchema"
    assert schema.load({}) == {"format": "csv"}
    assert schema.load({"format": "xlsx"}) == {"format": "xlsx"}
    with pytest.raises(ValidationError):
        schema.load({"format": "docx"})
    assert "format" in ExportFormat().fields


@pytest.mark.parametrize("fmt,media,magic", [("csv", "text/csv; charset=utf-8", b"zone,tickets"),
                                             ("xlsx", XLSX_MEDIA, b"PK\x03\x04"),
                                             ("pdf", "application/pdf", b"%PDF-")])
def test_export_response_names_the_file_and_media_type(fmt: str, media: str, magic: bytes) -> None:
    app = Flask("t")
    with app.test_request_context():
        resp = export_response(fmt, "zones-2026-11.csv", COLUMNS, iter(ROWS))
        body = resp.get_data()
    assert resp.headers["Content-Type"] == media
    assert resp.headers["Content-Disposition"] == (
        f"attachment; filename=\"zones-2026-11.{fmt}\"; filename*=UTF-8''zones-2026-11.{fmt}")
    assert body.startswith(magic)
    with pytest.raises(ValueError):
        export_response("docx", "x", COLUMNS, [])


def test_exports_are_counted_by_format_with_their_rows() -> None:
    from prometheus_client import REGISTRY

    def value(name: str, fmt: str) -> float:
        return REGISTRY.get_sample_value(name, {"service": "counted", "format": fmt}) or 0.0

    app = Flask("counted")
    before = value("report_exports_total", "xlsx"), value("report_export_rows_total", "xlsx")
    with app.test_request_context():
        export_response("xlsx", "z", COLUMNS, iter(ROWS)).get_data()
    assert value("report_exports_total", "xlsx") == before[0] + 1
    assert value("report_export_rows_total", "xlsx") == before[1] + len(ROWS)


def test_xlsx_sends_its_first_bytes_before_the_last_row_is_read() -> None:
    produced = 0

    def rows() -> Any:
        nonlocal produced
        for i in range(60_000):
            produced += 1
            yield {"zone": f"Zone {i} with some text to compress less well {i * 7919 % 104729}", "tickets": i}

    chunks = xlsx_chunks(("zone", "tickets"), rows())
    first = next(chunks)
    assert first.startswith(b"PK\x03\x04") and produced < 60_000  # streamed, not assembled at the end
    rest = b"".join(chunks)
    assert produced == 60_000
    sheet = load_workbook(io.BytesIO(first + rest), read_only=True).active
    assert next(sheet.iter_rows(min_row=60_001, max_row=60_001, values_only=True))[1] == 59_999


def test_xlsx_cut_at_its_bound_says_so_and_closes_the_rows() -> None:
    from fibreflow_shared.xlsx_stream import xlsx_stream

    closed = []

    def rows() -> Any:
        try:
            for i in range(100):
                yield {"n": i, "text": "bad\x00char & <tag>"}
        finally:
            closed.append(True)

    data = b"".join(xlsx_stream(("n", "text"), rows(), max_rows=5))
    values = list(load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True))
    assert values[0] == ("n", "text") and values[5] == (4, "bad?char & <tag>")
    assert values[6][0] == "cut at 5 rows: the CSV export has every row" and len(values) == 7
    assert closed == [True]
