"""Attachment rules (FR-032): allowed types recognised by content, size limits."""
from __future__ import annotations

import io
import zipfile

from ticket_core.domain.errors import AttachmentTooLarge, AttachmentTypeRefused, EmptyAttachment

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_TICKET_BYTES = 50 * 1024 * 1024

MIME = {
    "jpg": "image/jpeg",
    "png": "image/png",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
EXTENSIONS = {"jpg": ("jpg", "jpeg"), "png": ("png",), "pdf": ("pdf",), "docx": ("docx",), "xlsx": ("xlsx",)}


def sniff(head: bytes, data: io.BufferedIOBase | io.BytesIO | None = None) -> str | None:
    """The kind (jpg/png/pdf/docx/xlsx) of a file from its bytes, or None.

    ``head`` is the first bytes; ``data`` a seekable stream of the whole file, needed to look
    inside ZIP containers (DOCX/XLSX are ZIPs with ``[Content_Types].xml`` and word/ or xl/ parts)."""
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04") and data is not None:
        try:
            data.seek(0)
            with zipfile.ZipFile(data) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            return None
        finally:
            data.seek(0)
        if "[Content_Types].xml" not in names:
            return None
        if any(n.startswith("word/") for n in names):
            return "docx"
        if any(n.startswith("xl/") for n in names):
            return "xlsx"
    return None


def check_upload(file_name: str, size: int, kind: str | None, ticket_total: int) -> str:
    """Validate one upload; return its MIME type. The name's extension must agree with the content."""
    if size <= 0:
        raise EmptyAttachment("the file is empty")
    if size > MAX_FILE_BYTES:
        raise AttachmentTooLarge(f"files are limited to {MAX_FILE_BYTES // (1024 * 1024)} MB")
    if ticket_total + size > MAX_TICKET_BYTES:
        raise AttachmentTooLarge(
            f"a ticket's attachments are limited to {MAX_TICKET_BYTES // (1024 * 1024)} MB in total")
    if kind is None:
        raise AttachmentTypeRefused("only JPG, PNG, PDF, DOCX and XLSX files are accepted (checked by content)")
    extension = file_name.rsplit(".", 1)[-1].lower() if "." in file_name else ""
    if extension not in EXTENSIONS[kind]:
        raise AttachmentTypeRefused(f"the file's content is {kind.upper()} but its name says .{extension or '?'}")
    return MIME[kind]
