"""A streaming XLSX writer: one sheet of rows, sent while it is written.

Writers that assemble the ZIP container at the end (XlsxWriter, openpyxl) cannot send a byte
before the last row is written, and a 300,000-row export then outlasts the gateway's 30 s
read timeout. An XLSX file is a ZIP of a few XML parts; Python's ``zipfile`` writes a ZIP to a
stream that cannot seek (each entry followed by a data descriptor, as the format allows), so
the sheet is deflated and sent in chunks as its rows arrive, in constant memory, with no
temporary file. The sheet uses inline strings (no shared-string table to hold in memory).

Limits (Excel's, and this writer's): 1,048,575 data rows, 32,767 characters per cell, and the
sheet's XML below 2 GiB (so no ZIP64 is needed); a longer export ends with a row saying where it
was cut. Characters XML 1.0 cannot carry (control characters) are written as ``?``.
"""
from __future__ import annotations

import math
import re
import zipfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape, quoteattr

MAX_ROWS = 1_048_575           # Excel's sheet, less the header row
MAX_CELL = 32_767              # Excel's longest cell text
MAX_SHEET_BYTES = 2_000_000_000  # below ZIP64's threshold for one entry
CHUNK = 64 * 1024
BATCH = 200                    # rows encoded and deflated together
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_CONTENT_TYPES = (
    _HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>')
_ROOT_RELS = (_HEAD + f'<Relationships xmlns="{_PKG}"><Relationship Id="rId1" '
              f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
_BOOK_RELS = (_HEAD + f'<Relationships xmlns="{_PKG}">'
              f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
              f'<Relationship Id="rId2" Type="{_REL}/styles" Target="styles.xml"/></Relationships>')
# Style 0 plain, style 1 bold (the header row).
_STYLES = (_HEAD + f'<styleSheet xmlns="{_NS}">'
           '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
           '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
           '<fills count="2"><fill><patternFill patternType="none"/></fill>'
           '<fill><patternFill patternType="gray125"/></fill></fills>'
           '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
           '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
           '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
           '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
           '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>')
_SHEET_START = (_HEAD + f'<worksheet xmlns="{_NS}" xmlns:r="{_REL}"><sheetViews><sheetView workbookViewId="0">'
                '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView>'
                '</sheetViews><sheetData>')
_SHEET_END = "</sheetData></worksheet>"


def sheet_name(name: str) -> str:
    """A valid sheet name: at most 31 characters, none of ``[]:*?/\\``, not quoted."""
    cleaned = "".join("_" if c in "[]:*?/\\" else c for c in name).strip("'") or "report"
    return cleaned[:31]


def _column(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _text(value: str) -> str:
    value = _NOT_XML.sub("?", value[:MAX_CELL])
    return escape(value)


def _cell(ref: str, value: Any, style: str = "") -> str:
    """One ``<c>``: numbers and booleans typed, anything else an inline string (``value`` is
    already guarded by the caller)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return f'<c r="{ref}"{style} t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int) or (isinstance(value, float) and math.isfinite(value)):
        return f'<c r="{ref}"{style}><v>{value!r}</v></c>'
    if isinstance(value, Decimal) and value.is_finite():
        return f'<c r="{ref}"{style}><v>{value}</v></c>'
    return f'<c r="{ref}"{style} t="inlineStr"><is><t xml:space="preserve">{_text(str(value))}</t></is></c>'


class _Sink:
    """A write-only stream (no ``tell``/``seek``): ``zipfile`` then writes data descriptors."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []
        self.size = 0

    def write(self, data: bytes) -> int:
        self.parts.append(bytes(data))
        self.size += len(data)
        return len(data)

    def flush(self) -> None:
        """Nothing is buffered here; what was written is taken with ``take``."""

    def take(self) -> bytes:
        out = b"".join(self.parts)
        self.parts.clear()
        self.size = 0
        return out


def xlsx_stream(columns: Sequence[str], rows: Iterable[Mapping[str, Any]], *, sheet: str = "report",
                cell: Any = lambda value: value, max_rows: int = MAX_ROWS) -> Iterator[bytes]:
    """The XLSX file of ``rows`` (mappings by column name), in chunks of about 64 KiB, sent as the
    rows are read. ``cell`` turns each value into what is written (the formula guard)."""
    refs = [_column(i) for i in range(len(columns))]
    sink = _Sink()
    with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as book:
        book.writestr("[Content_Types].xml", _CONTENT_TYPES)
        book.writestr("_rels/.rels", _ROOT_RELS)
        book.writestr("xl/workbook.xml", _HEAD + f'<workbook xmlns="{_NS}" xmlns:r="{_REL}"><sheets>'
                      f'<sheet name={quoteattr(sheet_name(sheet))} sheetId="1" r:id="rId1"/></sheets></workbook>')
        book.writestr("xl/_rels/workbook.xml.rels", _BOOK_RELS)
        book.writestr("xl/styles.xml", _STYLES)
        with book.open("xl/worksheets/sheet1.xml", "w") as part:
            header = "".join(_cell(f"{ref}1", name, ' s="1"') for ref, name in zip(refs, columns))
            written = part.write((_SHEET_START + f'<row r="1">{header}</row>').encode())
            batch: list[str] = []
            r = 1
            for row in rows:
                r += 1
                if r - 1 > max_rows or written > MAX_SHEET_BYTES:
                    note = f"cut at {r - 2} rows: the CSV export has every row"
                    batch.append(f'<row r="{r}">{_cell(f"A{r}", note)}</row>')
                    close = getattr(rows, "close", None)
                    if close is not None:
                        close()
                    break
                cells = "".join(_cell(f"{ref}{r}", cell(row.get(name))) for ref, name in zip(refs, columns))
                batch.append(f'<row r="{r}">{cells}</row>')
                if len(batch) >= BATCH:
                    written += part.write("".join(batch).encode())
                    batch.clear()
                    if sink.size >= CHUNK:
                        yield sink.take()
            part.write(("".join(batch) + _SHEET_END).encode())
    yield sink.take()
