"""The one way every service answers a CSV export (contracts/README.md, "CSV exports").

``GET <list or report path>/export`` takes the same filters as the JSON answer and streams
``text/csv; charset=utf-8``: a header row of the JSON field names, RFC 4180 quoting with CRLF
line ends, rows written in batches (never the whole result in memory), and
``Content-Disposition: attachment`` with an ASCII ``filename`` and the RFC 6266 ``filename*``.
A cell that a spreadsheet would run as a formula is prefixed with ``'``.
"""
from __future__ import annotations

import csv
import io
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Iterable, Iterator, Mapping, Sequence

from flask import Response, stream_with_context

from fibreflow_shared.web.download import content_disposition  # noqa: F401 - also importable from here

# Spreadsheet formula injection (OWASP CSV injection): these leading characters start a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
BATCH_ROWS = 500


def safe_cell(value: Any) -> Any:
    """A value as a CSV cell: ``None`` → empty, dates ISO-8601, formula starts neutralised."""
    if value is None:
        return ""
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (list, tuple)):
        value = ";".join(str(v) for v in value)
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_rows(columns: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> Iterator[str]:
    """The CSV text of ``rows`` (mappings by column name), a header row first, in batches."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    count = 0
    for row in rows:
        writer.writerow([safe_cell(row.get(c)) for c in columns])
        count += 1
        if count % BATCH_ROWS == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def csv_response(filename: str, columns: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> Response:
    """A streamed CSV download of ``rows``."""
    return Response(stream_with_context(csv_rows(columns, rows)), mimetype="text/csv",
                    content_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": content_disposition(filename)})


CSV_RESPONSE_DOC = {"responses": {"200": {"description": "CSV stream, a header row of the JSON field names",
                                          "content": {"text/csv": {"schema": {"type": "string"}}}}}}
