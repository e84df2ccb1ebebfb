"""Use cases on message templates: an admin's override (checked first), its reset, a preview."""
from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from fibreflow_shared.timeutil import utc_now
from notifications.adapters.orm import TemplateRow
from notifications.domain import sms as sms_rules
from notifications.domain import templates as tpl
from notifications.domain.errors import TemplateNotFound
from notifications.service_layer.deps import Deps
from notifications.service_layer.enqueue import template_for


def _known(key: str) -> tpl.Template:
    default = tpl.DEFAULTS.get(key)
    if default is None:
        raise TemplateNotFound(key)
    return default


def save(session: Session, deps: Deps, key: str, subject: str, body: str, user_id: str) -> None:
    """Store an override of ``key`` after checking it compiles and renders with the sample data
    (a broken template must fail here, not when an event needs it)."""
    _known(key)
    tpl.render(tpl.Template(key, subject, body), tpl.SAMPLE_CONTEXT, **deps.render_limits)
    row = session.get(TemplateRow, key)
    now = utc_now()
    if row is None:
        session.add(TemplateRow(key=key, subject=subject, body=body, updated_by=user_id, updated_at=now))
    else:
        row.subject, row.body, row.updated_by, row.updated_at = subject, body, user_id, now
    session.flush()


def reset(session: Session, key: str) -> None:
    """Drop the override of ``key``: the default applies again (nothing to drop is fine)."""
    _known(key)
    row = session.get(TemplateRow, key)
    if row is not None:
        session.delete(row)
        session.flush()


def preview(session: Session, deps: Deps, key: str, subject: str | None, body: str | None,
            context: dict[str, Any] | None) -> dict[str, Any]:
    """Render the stored template of ``key``, or the unsaved ``subject``/``body``, with the sample
    data merged with ``context``; SMS previews carry encoding, characters and segments."""
    _known(key)
    current = template_for(session, key)
    template = tpl.Template(key, current.subject if subject is None else subject,
                            current.body if body is None else body)
    rendered = tpl.render(template, {**tpl.SAMPLE_CONTEXT, **(context or {})}, **deps.render_limits)
    encoding, units, segments = sms_rules.measure(rendered.body)
    return {"key": key, "channel": template.channel, "subject": rendered.subject, "body": rendered.body,
            "encoding": encoding, "characters": units, "segments": segments}
