"""Use case on a user's notification preferences: channel switches and quiet hours."""
from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from fibreflow_shared.timeutil import utc_now
from notifications.adapters.orm import PreferenceRow
from notifications.service_layer.deps import Deps


def save(session: Session, deps: Deps, user_id: str, changes: dict[str, Any]) -> None:
    """Apply ``changes`` to ``user_id``'s preferences (only the fields given change).

    In-app cannot be switched off (the API documents it as always on)."""
    row = session.get(PreferenceRow, user_id)
    if row is None:
        row = PreferenceRow(user_id=user_id, channels={}, timezone=deps.settings.timezone)
        session.add(row)
    if "channels" in changes:
        row.channels = {**(row.channels or {}),
                        **{k: bool(v) for k, v in changes["channels"].items() if k != "in_app"}}
    if "quiet_hours_start" in changes:
        row.quiet_hours_start = changes["quiet_hours_start"]
    if "quiet_hours_end" in changes:
        row.quiet_hours_end = changes["quiet_hours_end"]
    if changes.get("timezone"):
        row.timezone = changes["timezone"]
    row.updated_at = utc_now()
    session.flush()
