"""Inbound media is copied into our storage at once: WAHA deletes its files after
``WHATSAPP_FILES_LIFETIME`` (180 s). What cannot be fetched is recorded "media not available"."""
from __future__ import annotations

import logging
from datetime import timedelta

from prometheus_client import Counter
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from fibreflow_shared.db import transaction
from fibreflow_shared.timeutil import utc_now
from wa_bridge.adapters.orm import MessageRow
from wa_bridge.adapters.waha import WahaError
from wa_bridge.domain import model
from wa_bridge.service_layer.deps import Deps

log = logging.getLogger(__name__)
MEDIA = Counter("wa_bridge_media_total", "Inbound media fetches by outcome", ["outcome"])
WAHA_FILES_LIFETIME = timedelta(seconds=180)


def fetch_pending(deps: Deps, sessions: sessionmaker[Session], batch: int = 10) -> int:
    """Download the media of up to ``batch`` messages; returns how many were handled."""
    with transaction(sessions) as session:
        rows = session.scalars(select(MessageRow).where(MessageRow.media_status == "pending")
                               .order_by(MessageRow.created_at).limit(batch).with_for_update(skip_locked=True)).all()
        for row in rows:
            fetch_one(session, deps, row)
        return len(rows)


def fetch_one(session: Session, deps: Deps, row: MessageRow) -> None:
    try:
        data, content_type = deps.waha.download(row.media_url or "", deps.settings.max_media_bytes)
    except WahaError as exc:
        expired = utc_now() - row.created_at > WAHA_FILES_LIFETIME
        if exc.transient and not expired:
            row.media_error = f"download failed, will retry: {exc}"[:2000]
            MEDIA.labels("retry").inc()
            return
        row.media_status, row.media_error = "not_available", f"{model.MEDIA_NOT_AVAILABLE}: {exc}"[:2000]
        MEDIA.labels("not_available").inc()
        log.warning("WhatsApp media not available", extra={"message_id": row.id, "error": str(exc)})
        return
    mimetype = row.media_mimetype or (content_type or "application/octet-stream").split(";")[0]
    key = f"in/{row.chat_id}/{row.id}"
    deps.storage.put(key, data, mimetype)
    row.media_status, row.media_key, row.media_size, row.media_mimetype = "stored", key, len(data), mimetype
    row.media_url, row.media_error = None, None
    MEDIA.labels("stored").inc()
