"""Attachment rules: the same as a ticket's (PRD FR-032): JPG, PNG, PDF, DOCX and XLSX, recognised
by content, at most 10 MB a file and 50 MB an email. Inline images in signatures (tiny, inline,
with a Content-ID) are not evidence and are skipped without a warning."""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_TOTAL_BYTES = 50 * 1024 * 1024
SIGNATURE_IMAGE_BYTES = 16 * 1024
MIME = {"jpg": "image/jpeg", "png": "image/png", "pdf": "application/pdf",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
EXTENSIONS = {"jpg": ("jpg", "jpeg"), "png": ("png",), "pdf": ("pdf",), "docx": ("docx",), "xlsx": ("xlsx",)}


@dataclass(frozen=True)
class AttachmentVerdict:
    accepted: bool
    mime: str | None
    reason: str


def sniff(data: bytes) -> str | None:
    """The kind of a file from its bytes (DOCX/XLSX are ZIPs with word/ or xl/ parts)."""
    if data.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            return None
        if "[Content_Types].xml" in names:
            if any(n.startswith("word/") for n in names):
                return "docx"
            if any(n.startswith("xl/") for n in names):
                return "xlsx"
    return None


def check(filename: str, data: bytes, total_so_far: int, *, inline: bool = False,
          content_id: str | None = None) -> AttachmentVerdict:
    """Whether one attachment is kept, and why not."""
    size = len(data)
    if size == 0:
        return AttachmentVerdict(False, None, "empty file")
    if size > MAX_FILE_BYTES:
        return AttachmentVerdict(False, None, f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    if total_so_far + size > MAX_TOTAL_BYTES:
        return AttachmentVerdict(False, None, f"the email's attachments exceed {MAX_TOTAL_BYTES // (1024 * 1024)} MB")
    kind = sniff(data)
    if kind is None:
        return AttachmentVerdict(False, None, "only JPG, PNG, PDF, DOCX and XLSX are kept (checked by content)")
    if inline and content_id and kind in ("jpg", "png") and size <= SIGNATURE_IMAGE_BYTES:
        return AttachmentVerdict(False, MIME[kind], "inline signature image")
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if extension not in EXTENSIONS[kind]:
        return AttachmentVerdict(False, None, f"content is {kind.upper()} but the name says .{extension or '?'}")
    return AttachmentVerdict(True, MIME[kind], "kept")
