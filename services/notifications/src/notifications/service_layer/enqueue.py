"""Turn intents into rows of the send queue: one per event × recipient × channel.

Rendering happens here, once, so every retry sends the same text and the log shows exactly
what went out. Duplicated events insert nothing (unique constraint). Preferences switch
channels off and quiet hours hold non-critical email/SMS/WhatsApp until they end.
"""
from __future__ import annotations

import logging
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from fibreflow_shared.pii import InvalidPhone, blind_index, normalise_phone
from fibreflow_shared.timeutil import utc_now
from notifications.adapters.orm import NotificationRow, PreferenceRow, TemplateRow
from notifications.config import Settings
from notifications.domain import templates as tpl
from notifications.domain.delivery import QuietHours
from notifications.domain.model import Directory, Intent, UserInfo
from notifications.service_layer.deps import Deps

log = logging.getLogger(__name__)
QUIET_CHANNELS = ("email", "sms", "whatsapp")


def phone_hash(settings: Settings, e164: str) -> str:
    """Keyed hash of an E.164 number (we keep no client phone numbers in the clear): the shared
    blind index of kind ``phone`` under NOTIFICATIONS_PHONE_INDEX_KEY."""
    return blind_index(settings.phone_index_key, "phone", e164)


def template_for(session: Session, key: str) -> tpl.Template:
    """The admin's override of ``key`` if any, else the default."""
    row = session.get(TemplateRow, key)
    if row is not None:
        return tpl.Template(key, row.subject, row.body)
    return tpl.DEFAULTS[key]


def render_for(session: Session, deps: Deps, key: str, context: dict[str, Any]) -> tpl.Rendered:
    """Render ``key``; an override that fails at send time falls back to the default (logged)."""
    kwargs = deps.render_limits
    template = template_for(session, key)
    try:
        return tpl.render(template, context, **kwargs)
    except tpl.TemplateRenderError:
        if template is tpl.DEFAULTS[key]:
            raise
        log.exception("custom template failed, default used", extra={"template": key})
        return tpl.render(tpl.DEFAULTS[key], context, **kwargs)


class Enqueuer:
    """Writes queue rows inside the caller's transaction."""

    def __init__(self, session: Session, deps: Deps, directory: Directory, now: datetime | None = None) -> None:
        self.session = session
        self.deps = deps
        self.settings = deps.settings
        self.outbox = deps.outbox
        self.directory = directory
        self.now = now or utc_now()

    def add_all(self, trigger_id: str, trigger_type: str, intents: list[Intent]) -> int:
        """Queue every intent of one triggering event; returns how many rows were new."""
        return sum(self.add(trigger_id, trigger_type, intent) for intent in intents)

    def add(self, trigger_id: str, trigger_type: str, intent: Intent) -> int:
        """Queue one intent on each of its channels; returns how many rows were new."""
        created = 0
        if intent.user_id:
            user = self.directory.user(intent.user_id)
            prefs = self.session.get(PreferenceRow, intent.user_id)
            for channel in intent.channels:
                created += self._for_user(trigger_id, trigger_type, intent, channel, user, prefs)
        elif intent.address:
            for channel in intent.channels:
                created += self._insert(trigger_id, trigger_type, intent, channel, intent.address, None, None)
        return created

    def _for_user(self, trigger_id: str, trigger_type: str, intent: Intent, channel: str, user: UserInfo | None,
                  prefs: PreferenceRow | None) -> int:
        name = user.display_name if user else ""
        if channel == "in_app":
            return self._insert(trigger_id, trigger_type, intent, channel, intent.user_id, intent.user_id, name)
        if user is None or not user.active:
            return self._insert(trigger_id, trigger_type, intent, channel, intent.user_id, intent.user_id, name,
                                skip="recipient unknown or inactive")
        address = user.email if channel == "email" else user.phone
        if not address:
            return self._insert(trigger_id, trigger_type, intent, channel, intent.user_id, intent.user_id, name,
                                skip=f"no {'email address' if channel == 'email' else 'phone number'}")
        if prefs is not None and prefs.channels.get(channel) is False and not intent.critical:
            return self._insert(trigger_id, trigger_type, intent, channel, address, intent.user_id, name,
                                skip="channel switched off in preferences")
        hold = None
        if prefs is not None and not intent.critical and prefs.quiet_hours_start and prefs.quiet_hours_end:
            hold = QuietHours(prefs.quiet_hours_start, prefs.quiet_hours_end, _zone(prefs.timezone)).release_at(
                self.now)
        return self._insert(trigger_id, trigger_type, intent, channel, address, intent.user_id, name, hold=hold)

    def _insert(self, trigger_id: str, trigger_type: str, intent: Intent, channel: str, recipient: str,
                user_id: str | None, name: str | None, *, skip: str | None = None,
                hold: datetime | None = None) -> int:
        if channel in ("sms", "whatsapp") and skip is None:
            try:
                recipient = normalise_phone(recipient, self.settings.phone_region)
            except InvalidPhone as exc:
                skip = str(exc)
        key = f"{intent.rule}.{channel}"
        if key not in tpl.DEFAULTS:
            log.warning("no template %s: channel skipped", key)
            return 0
        rendered = render_for(self.session, self.deps, key, {**intent.context, "recipient_name": name or ""})
        in_app = channel == "in_app"
        values: dict[str, Any] = {
            "trigger_event_id": trigger_id, "trigger_event_type": trigger_type, "ticket_id": intent.ticket_id,
            "ticket_uid": intent.ticket_uid, "channel": channel, "recipient": recipient,
            "recipient_user_id": user_id, "template": key, "subject": rendered.subject, "body": rendered.body,
            "critical": intent.critical, "status": "queued", "next_attempt_at": hold or self.now,
        }
        if skip:
            values.update(status="skipped", error=skip, next_attempt_at=None)
        elif in_app:  # storing the row is the delivery
            values.update(status="delivered", provider="in_app", sent_at=self.now, delivered_at=self.now,
                          next_attempt_at=None)
        row_id = self.session.execute(
            insert(NotificationRow).values(**values)
            .on_conflict_do_nothing(constraint="uq_notifications_event_recipient_channel")
            .returning(NotificationRow.id)).scalar()
        if row_id is None:
            return 0  # this event already produced this notification
        if in_app:
            self.outbox.add(self.session, "notification.sent", {
                "notification_id": row_id, "channel": channel, "recipient": recipient,
                "ticket_uid": intent.ticket_uid, "template": key, "trigger_event_id": trigger_id,
                "provider_id": None})
        return 1


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except Exception:  # noqa: BLE001 - a bad stored zone must not block notifications
        return ZoneInfo("UTC")

