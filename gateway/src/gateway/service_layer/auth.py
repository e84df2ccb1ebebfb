"""Login, refresh-token rotation, logout."""
from __future__ import annotations

import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from fibreflow_shared.db import transaction
from fibreflow_shared.timeutil import utc_now
from gateway.adapters.orm import LoginFailure, RefreshToken, User
from gateway.adapters.tokens import hash_refresh_token, new_refresh_token
from gateway.domain import throttle
from gateway.domain.errors import AccountDisabled, InvalidCredentials, InvalidRefreshToken, LoginLocked
from gateway.domain.refresh import RefreshDecision, RefreshTokenState, decide
from gateway.service_layer.deps import Deps


@dataclass(frozen=True)
class TokenPair:
    access_token: str
    refresh_token: str
    expires_in: int
    token_type: str = "Bearer"


def _throttle_keys(username: str, client_ip: str | None) -> list[tuple[str, str]]:
    keys = [("user", username.strip().lower()[:128])]
    if client_ip:
        keys.append(("ip", client_ip[:128]))
    return keys


def _limits(deps: Deps, scope: str) -> int:
    s = deps.settings
    return s.login_max_failures if scope == "user" else s.login_max_failures_per_ip


def _check_not_locked(deps: Deps, keys: list[tuple[str, str]], now: datetime) -> None:
    with deps.sessions() as session:
        wait = 0
        for scope, key in keys:
            row = session.get(LoginFailure, (scope, key))
            state = throttle.FailureWindow(row.window_started_at, row.failures, row.locked_until) if row else None
            wait = max(wait, throttle.retry_after(state, now))
    if wait:
        raise LoginLocked(wait)


def _record_failures(deps: Deps, keys: list[tuple[str, str]], now: datetime) -> None:
    s = deps.settings
    with transaction(deps.sessions) as session:
        for scope, key in keys:
            # Row lock per key so concurrent replicas count every failure exactly once.
            session.execute(pg_insert(LoginFailure).values(scope=scope, key=key, window_started_at=now, failures=0)
                            .on_conflict_do_nothing())
            row = session.get(LoginFailure, (scope, key), with_for_update=True, populate_existing=True)
            state = throttle.record_failure(
                throttle.FailureWindow(row.window_started_at, row.failures, row.locked_until), now,
                max_failures=_limits(deps, scope), window_seconds=s.login_lockout_seconds,
                lockout_seconds=s.login_lockout_seconds)
            row.window_started_at, row.failures, row.locked_until = (state.window_started_at, state.failures,
                                                                     state.locked_until)


def find_user_by_username(session: Session, username: str) -> User | None:
    return session.scalars(select(User).where(func.lower(User.username) == username.strip().lower())).first()


def _start_family(deps: Deps, session: Session, user: User, *, family_id: uuid.UUID | None = None,
                  parent_id: uuid.UUID | None = None) -> str:
    token = new_refresh_token()
    session.add(RefreshToken(
        id=uuid.uuid4(), user_id=user.id, family_id=family_id or uuid.uuid4(), parent_id=parent_id,
        token_hash=hash_refresh_token(token), created_at=utc_now(),
        expires_at=utc_now() + timedelta(seconds=deps.settings.refresh_token_ttl_seconds)))
    return token


def _pair(deps: Deps, user: User, refresh_token: str, as_of: float) -> TokenPair:
    """``as_of``: taken before ``user`` was read, so a cut-off committed after the read (a
    disable, a role change) refuses this token — its ``iat`` is no later than its data."""
    access = deps.issuer.issue(user_id=str(user.id), username=user.username, roles=user.roles,
                               teams=[str(t) for t in user.team_ids or []], issued_at=as_of)
    return TokenPair(access, refresh_token, deps.settings.access_token_ttl_seconds)


def login(deps: Deps, username: str, password: str, client_ip: str | None) -> TokenPair:
    """Check the credentials (with lockout) and start a new refresh-token family."""
    now = utc_now()
    keys = _throttle_keys(username, client_ip)
    _check_not_locked(deps, keys, now)
    with deps.sessions() as session:
        user = find_user_by_username(session, username)
    # Verify even for unknown users (dummy hash) so response time does not reveal who exists.
    if not deps.passwords.verify(user.password_hash if user else None, password) or user is None:
        _record_failures(deps, keys, now)
        raise InvalidCredentials()
    if not user.active:
        raise AccountDisabled()
    with transaction(deps.sessions) as session:
        session.execute(delete(LoginFailure).where(LoginFailure.scope == "user", LoginFailure.key == keys[0][1]))
        as_of = time.time()
        fresh = session.get(User, user.id)
        if fresh is None or not fresh.active:  # disabled (or deleted) since the first read
            raise AccountDisabled()
        if deps.passwords.needs_rehash(fresh.password_hash):
            fresh.password_hash = deps.passwords.hash(password)
        refresh_token = _start_family(deps, session, fresh)
    return _pair(deps, fresh, refresh_token, as_of)


def _revoke_family(session: Session, family_id: uuid.UUID, now: datetime) -> None:
    session.execute(update(RefreshToken).where(RefreshToken.family_id == family_id,
                                               RefreshToken.revoked_at.is_(None)).values(revoked_at=now))


def refresh(deps: Deps, token: str) -> TokenPair:
    """Consume a refresh token and issue its successor; a reused token revokes its family."""
    now = utc_now()
    pair: TokenPair | None = None
    with transaction(deps.sessions) as session:
        row = session.scalars(select(RefreshToken).where(RefreshToken.token_hash == hash_refresh_token(token))
                              .with_for_update()).first()
        if row is not None:
            decision = decide(RefreshTokenState(row.expires_at, row.used_at, row.revoked_at), now)
            as_of = time.time()
            user = session.get(User, row.user_id)
            if decision is RefreshDecision.REUSE_DETECTED or (decision is RefreshDecision.ROTATE
                                                              and (user is None or not user.active)):
                _revoke_family(session, row.family_id, now)
            elif decision is RefreshDecision.ROTATE:
                row.used_at = now
                pair = _pair(deps, user, _start_family(deps, session, user, family_id=row.family_id,
                                                       parent_id=row.id), as_of)
    # Raised after commit: the family revocation must persist even though the call fails.
    if pair is None:
        raise InvalidRefreshToken()
    return pair


def logout(deps: Deps, token: str) -> None:
    """Revoke the presented token's whole family (idempotent; unknown tokens are ignored)."""
    with transaction(deps.sessions) as session:
        row = session.scalars(select(RefreshToken).where(RefreshToken.token_hash == hash_refresh_token(token))).first()
        if row is not None:
            _revoke_family(session, row.family_id, utc_now())


def revoke_user_tokens(session: Session, user_id: uuid.UUID) -> None:
    session.execute(update(RefreshToken).where(RefreshToken.user_id == user_id, RefreshToken.revoked_at.is_(None))
                    .values(revoked_at=utc_now()))
