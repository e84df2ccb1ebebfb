"""Sign in, find the session of a request, keep its access token fresh, sign out.

The browser holds only an opaque cookie; the gateway's token pair lives here, encrypted, in
``console_sessions``. A refresh takes the row's lock, so two requests of one browser that both
find the token about to expire renew it once (the gateway treats a reused refresh token as theft
and revokes the whole family).
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from console.adapters.orm import SessionRow
from console.domain import sessions as rules
from console.domain.errors import GatewayRefused, LoginFailed, NotSignedIn
from console.service_layer.deps import Deps
from fibreflow_shared.db import transaction

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Visitor:
    """The signed-in user of one request, as the pages see them (no tokens in here)."""

    session_id: str
    user_id: str
    username: str
    display_name: str
    roles: frozenset[str]
    csrf_token: str
    # The sealed (encrypted) access token and its expiry, so a request whose token is still good
    # needs no second database round trip; never shown (repr=False, and no template reads it).
    sealed_access: str = field(default="", repr=False)
    access_expires_at: datetime | None = field(default=None, repr=False)

    def has(self, roles: frozenset[str] | set[str]) -> bool:
        return bool(self.roles & set(roles))


def _visitor(row: SessionRow) -> Visitor:
    return Visitor(row.id, row.user_id, row.username, row.display_name, frozenset(row.roles), row.csrf_token,
                   row.access_token, row.access_expires_at)


def sign_in(session: Session, deps: Deps, username: str, password: str,
            client_ip: str | None = None) -> tuple[str, Visitor]:
    """Log in at the gateway and open a session; returns (cookie value, visitor)."""
    try:
        pair = deps.gateway.login(username, password, client_ip)
    except GatewayRefused as exc:
        if exc.status in (400, 401, 403):
            raise LoginFailed(exc.message) from exc
        raise
    me = deps.gateway.call(pair["access_token"], "GET", "/api/auth/me")
    now = deps.clock()
    cookie = rules.new_cookie_value()
    row = SessionRow(id=rules.session_id(cookie), user_id=str(me["id"]), username=me["username"],
                     display_name=me.get("display_name") or me["username"], roles=list(me.get("roles") or []),
                     access_token=deps.cipher.seal(pair["access_token"]),
                     refresh_token=deps.cipher.seal(pair["refresh_token"]),
                     access_expires_at=rules.access_expiry(now, pair.get("expires_in", 0)),
                     csrf_token=rules.new_csrf_token(), created_at=now, last_seen_at=now,
                     expires_at=now + deps.lifetimes.absolute)
    session.add(row)
    # Housekeeping on the way: sessions past their absolute expiry are gone for good.
    session.execute(delete(SessionRow).where(SessionRow.expires_at < now))
    log.info("console sign-in", extra={"user_id": row.user_id})
    return cookie, _visitor(row)


def find(session: Session, deps: Deps, cookie: str | None) -> Visitor | None:
    """The live session of this cookie, or None (and an expired one is deleted)."""
    if not cookie or len(cookie) > 100:
        return None
    row = session.get(SessionRow, rules.session_id(cookie))
    if row is None:
        return None
    now = deps.clock()
    if not rules.is_live(now, row.last_seen_at, row.expires_at, deps.lifetimes):
        session.delete(row)
        return None
    if rules.needs_touch(now, row.last_seen_at):
        row.last_seen_at = now
    return _visitor(row)


def lookup(deps: Deps, sessions: sessionmaker[Session], read_sessions: sessionmaker[Session],
           cookie: str | None) -> Visitor | None:
    """``find`` for a request: one read, and a write only when the session ended or is to be
    touched (at most once a minute), so most requests cost a single SELECT."""
    if not cookie or len(cookie) > 100:
        return None
    with read_sessions() as session:
        row = session.get(SessionRow, rules.session_id(cookie))
        if row is None:
            return None
        now = deps.clock()
        if rules.is_live(now, row.last_seen_at, row.expires_at, deps.lifetimes) and \
                not rules.needs_touch(now, row.last_seen_at):
            return _visitor(row)
    with transaction(sessions) as session:
        return find(session, deps, cookie)


def access_token(deps: Deps, sessions: sessionmaker[Session], visitor: Visitor) -> str:
    """The visitor's access token, renewed first when it is about to expire."""
    if visitor.sealed_access and visitor.access_expires_at is not None and \
            not rules.needs_renewal(deps.clock(), visitor.access_expires_at):
        token = deps.cipher.open(visitor.sealed_access)
        if token is not None:
            return token
    with transaction(sessions) as session:
        row = session.get(SessionRow, visitor.session_id)
        if row is None:
            raise NotSignedIn("Your session has ended; please sign in again")
        now = deps.clock()
        if not rules.needs_renewal(now, row.access_expires_at):
            token = deps.cipher.open(row.access_token)
            if token is not None:
                return token
        # Lock the row and look again: another request of this browser may have just renewed it.
        # populate_existing: the row is already in this session's identity map with the values read
        # before the lock; without it the renewed token of the request we waited for is not seen.
        row = session.execute(select(SessionRow).where(SessionRow.id == visitor.session_id)
                              .with_for_update().execution_options(populate_existing=True)).scalar_one_or_none()
        if row is None:
            raise NotSignedIn("Your session has ended; please sign in again")
        if not rules.needs_renewal(now, row.access_expires_at):
            token = deps.cipher.open(row.access_token)
            if token is not None:
                return token
        refresh = deps.cipher.open(row.refresh_token)
        if refresh is None:
            session.delete(row)
            raise NotSignedIn("Your session can no longer be read; please sign in again")
        try:
            pair = deps.gateway.refresh(refresh)
        except GatewayRefused as exc:
            if exc.status in (400, 401, 403):
                session.delete(row)  # revoked, expired or the user disabled: the session is over
                raise NotSignedIn("Your session has ended; please sign in again") from exc
            raise
        row.access_token = deps.cipher.seal(pair["access_token"])
        row.refresh_token = deps.cipher.seal(pair["refresh_token"])
        row.access_expires_at = rules.access_expiry(now, pair.get("expires_in", 0))
        return pair["access_token"]


def sign_out(session: Session, deps: Deps, visitor: Visitor) -> None:
    """End the session here and revoke its refresh token family at the gateway."""
    row = session.get(SessionRow, visitor.session_id)
    if row is None:
        return
    refresh = deps.cipher.open(row.refresh_token)
    session.delete(row)
    if refresh is not None:
        try:
            deps.gateway.logout(refresh)
        except Exception:  # noqa: BLE001 - the console session is gone either way; the token expires
            log.warning("gateway logout failed; the refresh token expires on its own", exc_info=True)


def sign_out_everywhere(session: Session, user_id: str) -> int:
    """Every console session of one user (after a password reset or disable)."""
    return session.execute(delete(SessionRow).where(SessionRow.user_id == user_id)).rowcount or 0



def delete_session(session_id: str) -> Any:
    """The statement that ends one session (its gateway token was already refused)."""
    return delete(SessionRow).where(SessionRow.id == session_id)
