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
