"""Reads that answer the gateway's own API: user lists and single users (nothing here writes)."""
from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from typing import Any, Iterable

from sqlalchemy import func, or_, select

from fibreflow_shared.schemas import SortKey
from gateway.adapters.orm import User
from gateway.domain import roles as role_rules
from gateway.domain.errors import UserListDenied, UserNotFound
from gateway.service_layer.deps import Deps

# What a user list can be sorted by (response field names); usernames compare case-insensitively.
_SORT_COLUMNS: dict[str, Any] = {"username": func.lower(User.username), "display_name": func.lower(User.display_name),
                                 "created_at": User.created_at, "updated_at": User.updated_at}
SORT_FIELDS = tuple(_SORT_COLUMNS)


@dataclass(frozen=True)
class UserQuery:
    """What a user list asks for (GET /api/users after validation)."""

    page: int = 1
    limit: int = 50
    roles: list[str] | None = None  # users holding any of these
    active: bool | None = None
    q: str | None = None
    sort: tuple[SortKey, ...] = (("username", False),)


@dataclass(frozen=True)
class UserPage:
    users: list[User]
    total: int
    full: bool  # False: the caller may see the brief fields only


def user_page(deps: Deps, query: UserQuery, caller_roles: Iterable[str]) -> UserPage:
    """The users ``caller_roles`` may list: admins any; team leads (who must filter by role)
    active users only, to see their brief fields. UserListDenied for anyone else."""
    caller_roles = set(caller_roles)
    if not role_rules.may_lookup_users(caller_roles, query.roles):
        raise UserListDenied()
    full = role_rules.may_manage_users(caller_roles)
    users, total = list_users(deps, query if full else replace(query, active=True))
    return UserPage(users, total, full)


def list_users(deps: Deps, query: UserQuery) -> tuple[list[User], int]:
    """A page of users matching the filters, and the total count."""
    conditions = []
    if query.roles:
        conditions.append(User.roles.overlap(list(query.roles)))
    if query.active is not None:
        conditions.append(User.active.is_(query.active))
    if query.q:
        like = "%" + query.q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        conditions.append(or_(User.username.ilike(like), User.display_name.ilike(like), User.email.ilike(like)))
    with deps.sessions() as session:
        total = session.scalar(select(func.count()).select_from(User).where(*conditions)) or 0
        order = [_SORT_COLUMNS[name].desc() if desc else _SORT_COLUMNS[name] for name, desc in query.sort]
        rows = session.scalars(select(User).where(*conditions).order_by(*order, User.id)  # id: a stable page order
                               .offset((query.page - 1) * query.limit).limit(query.limit)).all()
    return list(rows), total


def get_user(deps: Deps, user_id: uuid.UUID) -> User:
    """One user; UserNotFound when there is none with this id."""
    with deps.sessions() as session:
        user = session.get(User, user_id)
    if user is None:
        raise UserNotFound(str(user_id))
    return user


# -- API keys ---------------------------------------------------------------------------------

def api_key_page(deps: Deps, *, page: int, limit: int, include_revoked: bool) -> tuple[list[Any], int]:
    """A page of API keys, newest first (never a hash or secret: the schema shows the prefix)."""
    from gateway.adapters.orm import ApiKey

    conditions = [] if include_revoked else [ApiKey.revoked_at.is_(None)]
    with deps.sessions() as session:
        total = session.scalar(select(func.count()).select_from(ApiKey).where(*conditions)) or 0
        rows = session.scalars(select(ApiKey).where(*conditions).order_by(ApiKey.created_at.desc(), ApiKey.id)
                               .offset((page - 1) * limit).limit(limit)).all()
    return list(rows), total


def get_api_key(deps: Deps, key_id: uuid.UUID) -> Any:
    """One API key; ApiKeyNotFound when there is none."""
    from gateway.adapters.orm import ApiKey
    from gateway.domain.errors import ApiKeyNotFound

    with deps.sessions() as session:
        row = session.get(ApiKey, key_id)
    if row is None:
        raise ApiKeyNotFound(str(key_id))
    return row


# -- the audit trail --------------------------------------------------------------------------

AUDIT_FILTERS = ("service", "actor_id", "target_type", "target_id", "request_id")
EXPORT_BATCH = 1000


def _audit_conditions(filters: dict[str, Any]) -> list[Any]:
    from gateway.adapters.orm import AuditRecord

    conditions: list[Any] = []
    if filters.get("action"):
        conditions.append(AuditRecord.action.in_(list(filters["action"])))
    for name in AUDIT_FILTERS:
        if filters.get(name) is not None:
            conditions.append(getattr(AuditRecord, name) == filters[name])
    if filters.get("occurred_at_from") is not None:
        conditions.append(AuditRecord.occurred_at >= filters["occurred_at_from"])
    if filters.get("occurred_at_to") is not None:
        conditions.append(AuditRecord.occurred_at < filters["occurred_at_to"])
    return conditions


def audit_page(deps: Deps, filters: dict[str, Any], *, page: int, limit: int) -> tuple[list[Any], int]:
    """A page of audit records matching ``filters``, newest first."""
    from gateway.adapters.orm import AuditRecord

    conditions = _audit_conditions(filters)
    with deps.sessions() as session:
        total = session.scalar(select(func.count()).select_from(AuditRecord).where(*conditions)) or 0
        rows = session.scalars(select(AuditRecord).where(*conditions)
                               .order_by(AuditRecord.occurred_at.desc(), AuditRecord.id)
                               .offset((page - 1) * limit).limit(limit)).all()
    return list(rows), total


def audit_rows(deps: Deps, filters: dict[str, Any]) -> Iterable[Any]:
    """Every matching record, newest first, read in batches (a CSV export streams them)."""
    from gateway.adapters.orm import AuditRecord

    conditions = _audit_conditions(filters)
    offset = 0
    while True:
        with deps.sessions() as session:
            batch = session.scalars(select(AuditRecord).where(*conditions)
                                    .order_by(AuditRecord.occurred_at.desc(), AuditRecord.id)
                                    .offset(offset).limit(EXPORT_BATCH)).all()
        yield from batch
        if len(batch) < EXPORT_BATCH:
            return
        offset += EXPORT_BATCH
