"""Uploading attachments (FR-032): checked by size and by content, stored (local disk or S3),
recorded with history and ``ticket.updated``. Listing and downloading are reads (views.py)."""
from __future__ import annotations

import hashlib
import io
import uuid
from typing import IO, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fibreflow_shared.sanitise import check_text
from ticket_core.adapters import repository
from ticket_core.adapters.orm import AttachmentRow
from ticket_core.domain import files
from ticket_core.domain.access import Viewer
from ticket_core.service_layer.changes import record_history, row_for_write, stage_ticket_event, touch
from ticket_core.service_layer.deps import Deps
from ticket_core.service_layer.snapshots import attachment_payload


def add_attachment(session: Session, deps: Deps, viewer: Viewer, ticket_id: str, file_name: str,
                   data: IO[bytes]) -> dict[str, Any]:
    """FR-032: check size and content, store, record; the ticket row lock makes the 50 MB total race-free."""
    check_text(file_name, "file")  # a NUL or lone surrogate in the name: 400, not a database error
    row = row_for_write(session, viewer, ticket_id)
    buffer = data if data.seekable() else io.BytesIO(data.read())
    buffer.seek(0, io.SEEK_END)
    size = buffer.tell()
    buffer.seek(0)
    head = buffer.read(16)
    buffer.seek(0)
    total = session.scalar(select(func.coalesce(func.sum(AttachmentRow.file_size), 0))
                           .where(AttachmentRow.ticket_id == row.id)) or 0
    mime = files.check_upload(file_name, size, files.sniff(head, buffer if size <= files.MAX_FILE_BYTES else None),
                              int(total))
    digest = hashlib.sha256()
    while chunk := buffer.read(1024 * 1024):
        digest.update(chunk)
    buffer.seek(0)
    attachment_id = str(uuid.uuid4())
    key = f"{row.id}/{attachment_id}"
    deps.storage.put(key, buffer, mime)
    try:
        att = AttachmentRow(id=attachment_id, ticket_id=row.id, file_url=key, file_name=file_name[:255], file_type=mime,
                            file_size=size, sha256=digest.hexdigest(), storage=deps.storage.name,
                            created_by=viewer.user_id)
        repository.add(session, att)
        session.refresh(att)
        record_history(session, row, "attachment", None, file_name[:255], viewer.user_id)
        touch(session, row)
        stage_ticket_event(session, deps, "ticket.updated", row,
                           changes={"attachments": {"old": None, "new": file_name[:255]}}, changed_by=viewer.user_id)
    except Exception:
        deps.storage.delete(key)  # the row did not make it: do not leave an orphan file
        raise
    return attachment_payload(att)
