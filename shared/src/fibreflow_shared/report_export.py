"""Report and list exports in CSV, XLSX and PDF: one implementation for every service.

``GET <list or report path>/export?format=csv|xlsx|pdf`` (default ``csv``) takes the same filters
as the JSON answer (contracts/README.md, "Exports"). Every format has a header row of the JSON
field names, then one row per item, and every format neutralises cells a spreadsheet would run
as a formula (``fibreflow_shared.csv_export.safe_cell``).

- CSV streams in batches (``csv_export``).
- XLSX is streamed as it is written (``fibreflow_shared.xlsx_stream``: the ZIP container
  written to a stream that cannot seek), so the first bytes leave after the first rows, memory
  stays flat whatever the row count, and a long export never waits out the gateway's read
  timeout; up to Excel's 1,048,575 data rows.
- PDF is laid out by ReportLab (BSD licence; fpdf2 would do too, but is LGPL). A PDF is built
  whole before its first byte can be sent, so it is bounded: at most ``PDF_MAX_ROWS`` rows; a
  longer report ends with a line saying it was cut and that CSV or XLSX carry every row.
  Text uses the PDF standard font (Latin-1): other characters show as ``?``.
"""
from __future__ import annotations

import functools
import io
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Iterable, Iterator, Mapping, Sequence

from flask import Response, current_app, stream_with_context
from marshmallow import Schema, fields, validate
from prometheus_client import Counter

from fibreflow_shared.csv_export import csv_rows, safe_cell
from fibreflow_shared.web.download import content_disposition
from fibreflow_shared.xlsx_stream import xlsx_stream

FORMATS = ("csv", "xlsx", "pdf")
MEDIA_TYPES = {"csv": "text/csv; charset=utf-8",
               "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
               "pdf": "application/pdf"}
PDF_MAX_ROWS = 5_000
PDF_MAX_CELL = 300         # characters considered per PDF cell before it is cut to its column
CHUNK = 64 * 1024

EXPORTS = Counter("report_exports_total", "Exports (reports and lists) answered, by format", ["service", "format"])
EXPORT_ROWS = Counter("report_export_rows_total", "Rows written into exports, by format", ["service", "format"])


class ExportFormat(Schema):
    """The ``format`` of an export; mixed into each export's query schema."""

    format = fields.String(load_default="csv", validate=validate.OneOf(FORMATS), metadata={
        "x-filter": "the file format of the export, not a filter",
        "description": "csv (default, streamed), xlsx (streamed) or pdf (at most 5,000 rows)"})


@functools.cache
def with_format(filters: type) -> type:
    """``filters`` (a query schema class) plus ``format``, under a name of its own (one class per
    ``filters``, however often asked: OpenAPI names schemas by class)."""
    return type(f"{filters.__name__.removesuffix('Schema')}ExportSchema", (filters, ExportFormat), {})


def _stem(filename: str) -> str:
    return filename[:-4] if filename.lower().endswith(".csv") else filename


def export_response(fmt: str, filename: str, columns: Sequence[str], rows: Iterable[Mapping[str, Any]], *,
                    title: str | None = None, pdf_columns: Sequence[str] | None = None) -> Response:
    """A download of ``rows`` (mappings by column name) as ``fmt``; ``filename`` without extension
    (a trailing ``.csv`` is dropped). ``rows`` is read lazily, while the response streams.
    ``pdf_columns`` narrows a wide export to what fits a printed page (CSV and XLSX keep all)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}")
    stem = _stem(filename)
    service = current_app.name
    EXPORTS.labels(service, fmt).inc()
    rows = _counted(rows, service, fmt)
    if fmt == "csv":
        body: Iterator[Any] = csv_rows(columns, rows)
    elif fmt == "xlsx":
        body = xlsx_chunks(columns, rows, sheet=title or stem)
    else:
        body = _lazy_pdf(pdf_columns or columns, rows, title or stem)
    return Response(stream_with_context(body), content_type=MEDIA_TYPES[fmt],
                    headers={"Content-Disposition": content_disposition(f"{stem}.{fmt}"),
                             "X-Content-Type-Options": "nosniff"})


def _counted(rows: Iterable[Mapping[str, Any]], service: str, fmt: str) -> Iterator[Mapping[str, Any]]:
    """``rows`` as they are read, counted into ``report_export_rows_total`` (also when cut)."""
    n = 0
    try:
        for row in rows:
            n += 1
            yield row
    finally:
        EXPORT_ROWS.labels(service, fmt).inc(n)
        _close(rows)


def _lazy_pdf(columns: Sequence[str], rows: Iterable[Mapping[str, Any]], title: str) -> Iterator[bytes]:
    # Built when the response is sent, like the other formats (a stream's session opens then).
    yield pdf_bytes(columns, rows, title=title)


def _close(rows: Iterable[Any]) -> None:
    """End a generator read only in part (a cut export), so its database cursor closes now."""
    close = getattr(rows, "close", None)
    if close is not None:
        close()


# -- XLSX -----------------------------------------------------------------------------------
def _xlsx_value(value: Any) -> Any:
    # Numbers and booleans stay typed; text is guarded as in CSV. An inline string is never a
    # formula in Excel; the guard is for the sheet saved again as CSV or pasted elsewhere.
    if value is None or isinstance(value, (bool, int, float, Decimal)):
        return value
    return str(safe_cell(value))


def xlsx_chunks(columns: Sequence[str], rows: Iterable[Mapping[str, Any]], *, sheet: str = "report") -> Iterator[bytes]:
    """The XLSX file of ``rows``, streamed as it is written (``fibreflow_shared.xlsx_stream``)."""
    return xlsx_stream(columns, rows, sheet=sheet, cell=_xlsx_value)


# -- PDF ------------------------------------------------------------------------------------
def _pdf_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        text = str(value).lower()
    elif isinstance(value, (datetime, date)):
        text = value.isoformat()
    else:
        text = str(safe_cell(value))
    text = " ".join(text[:PDF_MAX_CELL].split())  # one line per cell: newlines and tabs as spaces
    # The standard fonts encode Latin-1 only; say plainly where a character could not be shown.
    return text.encode("latin-1", "replace").decode("latin-1")


def _fit(text: str, width: float, font: str, size: float) -> str:
    """``text`` cut (with "...") to fit ``width`` points."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if stringWidth(text, font, size) <= width:
        return text
    # Start from an estimate (an average glyph is about half the font size), then shorten.
    text = text[:max(1, int(width / (size * 0.45)))]
    while text and stringWidth(text + "...", font, size) > width:
        text = text[:-1]
    return text + "..." if text else ""


def pdf_bytes(columns: Sequence[str], rows: Iterable[Mapping[str, Any]], *, title: str = "report",
              max_rows: int = PDF_MAX_ROWS) -> bytes:
    """A landscape A4 PDF: the title, then a table of at most ``max_rows`` rows, one line each
    (cut to the column's width), the header repeated on every page, pages numbered. Drawn
    directly on ReportLab's canvas: laying out 65,000 flowing table cells took 17 s."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    page_w, page_h = landscape(A4)
    margin = 10 * mm
    size = 8 if len(columns) <= 8 else 6.5 if len(columns) <= 14 else 5
    line = size * 1.6
    width = (page_w - 2 * margin) / max(1, len(columns))
    pdf = Canvas(out, pagesize=(page_w, page_h), pageCompression=1)
    pdf.setTitle(title)
    pdf.setAuthor("FibreFlow")
    header = [_fit(_pdf_text(c), width - 4, "Helvetica-Bold", size) for c in columns]
    page = 0
    y = 0.0

    def new_page() -> float:
        nonlocal page
        if page:
            pdf.showPage()
        page += 1
        top = page_h - margin
        if page == 1:
            pdf.setFont("Helvetica-Bold", 12)
            pdf.drawString(margin, top - 12, _pdf_text(title))
            top -= 22
        pdf.setFont("Helvetica", 6)
        pdf.drawRightString(page_w - margin, margin / 2, f"{_pdf_text(title)} - page {page}")
        pdf.setFillGray(0.91)
        pdf.rect(margin, top - line, page_w - 2 * margin, line, stroke=0, fill=1)
        pdf.setFillGray(0)
        pdf.setFont("Helvetica-Bold", size)
        for i, name in enumerate(header):
            pdf.drawString(margin + i * width + 2, top - line + size * 0.45, name)
        pdf.setFont("Helvetica", size)
        pdf.setStrokeGray(0.75)
        pdf.setLineWidth(0.25)
        return top - line

    def note(text: str, bold: bool = False) -> None:
        nonlocal y
        if y - line < margin:
            y = new_page()
        pdf.setFont("Helvetica-Bold" if bold else "Helvetica", size)
        pdf.drawString(margin + 2, y - line + size * 0.45, text)
        y -= line

    y = new_page()
    shown = 0
    for row in rows:
        if shown >= max_rows:
            note(f"Cut at {max_rows} rows: the CSV and XLSX exports carry every row.", bold=True)
            _close(rows)
            break
        if y - line < margin:
            y = new_page()
        base = y - line + size * 0.45
        for i, c in enumerate(columns):
            text = _pdf_text(row.get(c))
            if text:
                pdf.drawString(margin + i * width + 2, base, _fit(text, width - 4, "Helvetica", size))
        pdf.line(margin, y - line, page_w - margin, y - line)
        y -= line
        shown += 1
    if not shown:
        note("No rows.")
    pdf.save()
    return out.getvalue()


def export_doc(what: str = "the report's rows") -> dict[str, Any]:
    """The OpenAPI ``responses`` of an export route (pass as ``@blp.doc(**export_doc())``)."""
    text = {"type": "string"}
    binary = {"type": "string", "format": "binary"}
    return {"responses": {"200": {
        "description": f"{what}: a header row of the JSON field names, then one row per item; "
                       "format=csv (default, streamed), xlsx (streamed) or pdf (at most 5,000 rows)",
        "content": {"text/csv": {"schema": text}, MEDIA_TYPES["xlsx"]: {"schema": binary},
                    "application/pdf": {"schema": binary}}}}}
