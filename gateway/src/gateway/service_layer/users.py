"""User administration and the bootstrap admin (the reads are in ``gateway.views``)."""
from __future__ import annotations

import logging
import secrets
import uuid
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from fibreflow_shared import audit, pii
from fibreflow_shared.db import transaction
from fibreflow_shared.roles import ADMIN
from fibreflow_shared.timeutil import utc_now
from gateway.adapters.orm import User
from gateway.domain import events as user_events
from gateway.domain import roles as role_rules
from gateway.domain.errors import DuplicateUsername, InvalidPhone, LastAdmin, UserNotFound, WeakPassword
from gateway.domain.passwords import policy_problems
from gateway.service_layer import audit as audit_trail
from gateway.service_layer.auth import find_user_by_username, revoke_user_tokens
from gateway.service_layer.deps import Deps

log = logging.getLogger(__name__)
UPDATABLE = ("display_name", "email", "phone", "roles", "active", "team_ids")


def _check_password(password: str, username: str | None) -> None:
    problems = policy_problems(password, username)
    if problems:
        raise WeakPassword(problems)


def _phone(deps: Deps, raw: str | None) -> str | None:
    """Phones are stored in E.164 (consumers text them); empty means none."""
    if raw is None or not raw.strip():
        return None
    try:
        return pii.normalise_phone(raw, deps.settings.phone_region)
    except pii.InvalidPhone as exc:
        raise InvalidPhone(str(exc)) from exc


def _stage(deps: Deps, session: Session, event_type: str, user: User) -> None:
    """Write a user.* event into the outbox, in the caller's transaction."""
    deps.outbox.add(session, event_type, {"user": user_events.user_snapshot(user, deps.settings.phone_region)})


def _forget(deps: Deps, user_id: uuid.UUID) -> None:
    if deps.user_status is not None:
        deps.user_status.invalidate(user_id)


def create_user(deps: Deps, *, username: str, password: str, display_name: str, email: str | None,
                phone: str | None = None, roles: list[str], team_ids: list[uuid.UUID] | None = None,
                active: bool = True) -> User:
    _check_password(password, username)
    phone = _phone(deps, phone)
    password_hash = deps.passwords.hash(password)
    now = utc_now()
    user = User(id=uuid.uuid4(), username=username.strip(), display_name=display_name, email=email, phone=phone,
                roles=role_rules.normalise_roles(roles), team_ids=list(team_ids or []), active=active,
                password_hash=password_hash, password_changed_at=now, created_at=now, updated_at=now)
    try:
        with transaction(deps.sessions) as session:
            if find_user_by_username(session, username) is not None:
                raise DuplicateUsername(username)
            session.add(user)
            session.flush()
            _stage(deps, session, user_events.USER_CREATED, user)
            audit_trail.record(session, audit.USER_CREATED, "user", user.id, after=_audited(deps, user))
    except IntegrityError as exc:  # lost a race with a concurrent create of the same name
        raise DuplicateUsername(username) from exc
    return user


def _other_active_admins(session: Session, user_id: uuid.UUID) -> int:
    return session.scalar(select(func.count()).select_from(User).where(
        User.id != user_id, User.active.is_(True), User.roles.any(ADMIN))) or 0


# A change to any of these makes the user's live access tokens lie about them: they are cut off.
CUT_OFF_BY = ("roles", "team_ids")


def update_user(deps: Deps, user_id: uuid.UUID, changes: dict[str, Any]) -> User:
    """Apply a partial update. Deactivation revokes the user's refresh tokens and cuts off their
    access tokens; a change of roles or teams cuts off the access tokens (which carry them), so
    a demoted admin is an admin no longer within USER_STATUS_CACHE_SECONDS (a refresh token
    then yields a token with the new roles). Any real change publishes ``user.updated``."""
    unknown = set(changes) - set(UPDATABLE)
    if unknown:
        raise ValueError(f"not updatable: {sorted(unknown)}")
    if "phone" in changes:
        changes = {**changes, "phone": _phone(deps, changes["phone"])}
    with transaction(deps.sessions) as session:
        user = session.get(User, user_id, with_for_update=True)
        if user is None:
            raise UserNotFound(str(user_id))
        new_roles = role_rules.normalise_roles(changes["roles"]) if "roles" in changes else list(user.roles)
        new_active = changes.get("active", user.active)
        if role_rules.removes_last_admin(was_admin=ADMIN in user.roles, was_active=user.active,
                                         is_admin=ADMIN in new_roles, is_active=new_active,
                                         other_active_admins=_other_active_admins(session, user.id)):
            raise LastAdmin()
        before = {name: _comparable(getattr(user, name)) for name in UPDATABLE}
        was_active = user.active
        for name, value in changes.items():
            setattr(user, name, new_roles if name == "roles" else value)
        if any(_comparable(getattr(user, name)) != before[name] for name in UPDATABLE):
            now = utc_now()
            user.updated_at = now
            disabled = was_active and not user.active
            if disabled or any(set(_comparable(getattr(user, n))) != set(before[n]) for n in CUT_OFF_BY):
                # Access tokens issued before now stop working (at the gateway and, through the
                # published cut-offs, at every service), even after re-enabling. Microseconds.
                user.tokens_valid_after = now
            _stage(deps, session, user_events.USER_UPDATED, user)
            audit_changes(session, before, user, disabled=disabled)
        if user.active is False:
            revoke_user_tokens(session, user.id)
    _forget(deps, user_id)
    return user


def _audited(deps: Deps, user: User) -> dict[str, Any]:
    """The audit trail's view of a user: the public snapshot (never the password hash)."""
    return user_events.user_snapshot(user, deps.settings.phone_region)


def audit_changes(session: Session, before: dict[str, Any], user: User, *, disabled: bool) -> None:
    """Audit records for the audited kinds of change: a disable, a change of roles."""
    if disabled:
        audit_trail.record(session, audit.USER_DISABLED, "user", user.id, before={"active": True},
                           after={"active": False})
    if set(before["roles"]) != set(user.roles):
        audit_trail.record(session, audit.USER_ROLES_CHANGED, "user", user.id, before={"roles": before["roles"]},
                           after={"roles": list(user.roles)})


def _comparable(value: Any) -> Any:
    return list(value) if isinstance(value, (list, tuple)) else value


def disable_user(deps: Deps, user_id: uuid.UUID) -> User:
    return update_user(deps, user_id, {"active": False})


def reset_password(deps: Deps, user_id: uuid.UUID, password: str) -> User:
    """Set a new password and sign the user out everywhere."""
    with deps.sessions() as session:
        existing = session.get(User, user_id)
    if existing is None:
        raise UserNotFound(str(user_id))
    _check_password(password, existing.username)
    password_hash = deps.passwords.hash(password)
    with transaction(deps.sessions) as session:
        user = session.get(User, user_id)
        if user is None:
            raise UserNotFound(str(user_id))
        user.password_hash = password_hash
        # tokens_valid_after too: it is the column the published cut-off list is read from.
        user.password_changed_at = user.updated_at = user.tokens_valid_after = utc_now()
        revoke_user_tokens(session, user.id)
    _forget(deps, user_id)  # tokens issued before the reset stop working (no event: nothing public changed)
    return user


def publish_all_users(deps: Deps, *, batch_size: int = 500) -> int:
    """Stage ``user.updated`` for every user (for consumers that started late). Returns the count.

    Walks the table by primary key in batches, one transaction per batch, so it neither holds
    the whole table in memory nor one long transaction.
    """
    staged = 0
    last_id: uuid.UUID | None = None
    while True:
        with transaction(deps.sessions) as session:
            query = select(User).order_by(User.id).limit(batch_size)
            if last_id is not None:
                query = query.where(User.id > last_id)
            batch = session.scalars(query).all()
            for user in batch:
                _stage(deps, session, user_events.USER_UPDATED, user)
        staged += len(batch)
        if len(batch) < batch_size:
            return staged
        last_id = batch[-1].id


def ensure_admin(deps: Deps, *, announce: Any = print) -> User | None:
    """Create the ``admin`` user when no admin exists. Returns it when created.

    Uses FIBREFLOW_ADMIN_PASSWORD, else generates one and announces it once.
    """
    with deps.sessions() as session:
        if session.scalar(select(User.id).where(User.roles.any(ADMIN)).limit(1)) is not None:
            return None
    password = deps.settings.admin_password
    generated = not password
    if generated:
        password = secrets.token_urlsafe(18)
    try:
        user = create_user(deps, username="admin", password=password, display_name="Administrator",
                           email=None, roles=[ADMIN])
    except WeakPassword as exc:
        raise RuntimeError(f"FIBREFLOW_ADMIN_PASSWORD is unacceptable: {'; '.join(exc.problems)}") from exc
    except DuplicateUsername:
        # Another replica won the race, or a non-admin is called "admin": leave it to a human.
        log.warning("bootstrap admin not created: username 'admin' already exists")
        return None
    if generated:
        bar = "=" * 72
        announce(f"\n{bar}\n FibreFlow bootstrap admin created\n   username: admin\n   password: {password}\n"
                 f" This password is shown only once. Change it after logging in.\n{bar}\n")
    else:
        announce("FibreFlow bootstrap admin 'admin' created with FIBREFLOW_ADMIN_PASSWORD")
    log.info("bootstrap admin created", extra={"generated_password": generated})
    return user
