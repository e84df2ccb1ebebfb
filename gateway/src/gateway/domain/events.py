"""The gateway's events (``user.created``, ``user.updated``): payloads as contracts/events describe."""
from __future__ import annotations

from typing import Any, Iterable

from fibreflow_shared.pii import DEFAULT_REGION, e164_or_none

USER_CREATED = "user.created"
USER_UPDATED = "user.updated"
# Fields whose change is news for consumers (user.updated). team_ids is owned by ticket-core's teams.
PUBLISHED_FIELDS = ("username", "display_name", "email", "phone", "roles", "active")


def user_snapshot(user: Any, region: str = DEFAULT_REGION) -> dict[str, Any]:
    """``data.user`` of user.* events: never the password hash or other secrets.

    ``phone`` is E.164, or null for a stored number that cannot be made one (national numbers
    are read in ``region``)."""
    return {
        "id": str(user.id),
        "username": user.username,
        "display_name": user.display_name,
        "email": user.email,
        "phone": e164_or_none(user.phone, region),
        "roles": list(user.roles or []),
        "active": bool(user.active),
    }


def changed(before: dict[str, Any], after: dict[str, Any], fields: Iterable[str] = PUBLISHED_FIELDS) -> list[str]:
    """Names of the published fields that differ between two snapshots."""
    return [name for name in fields if before.get(name) != after.get(name)]
