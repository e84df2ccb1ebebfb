"""The worker's housekeeping: stale login failures, long-expired refresh tokens, old retired keys."""
from __future__ import annotations

import threading
import uuid
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import delete, select

from gateway.adapters.orm import LoginFailure, RefreshToken, SigningKey
from gateway.service_layer import housekeeping
from gw_helpers import container_of

pytestmark = pytest.mark.integration


def _seed(deps, user, now):
    s = deps.settings
    lockout = timedelta(seconds=s.login_lockout_seconds)
    tag = uuid.uuid4().hex[:8]
    failures = {
        f"old-{tag}": LoginFailure(scope="user", key=f"old-{tag}", window_started_at=now - lockout - timedelta(seconds=5),
                                   failures=2),
        f"recent-{tag}": LoginFailure(scope="user", key=f"recent-{tag}", window_started_at=now - timedelta(seconds=5),
                                      failures=1),
        # window long gone but still locked (a lockout longer than the window): kept until it ends
        f"locked-{tag}": LoginFailure(scope="ip", key=f"locked-{tag}", window_started_at=now - 2 * lockout,
                                      failures=9, locked_until=now + timedelta(seconds=30)),
    }
    family = uuid.uuid4()

    def token(expires_at):
        return RefreshToken(id=uuid.uuid4(), user_id=user.id, family_id=family, token_hash=uuid.uuid4().hex * 2,
                            created_at=expires_at - timedelta(days=14), expires_at=expires_at)

    tokens = {"gone": token(now - timedelta(days=1, minutes=1)), "just_expired": token(now - timedelta(hours=23)),
              "live": token(now + timedelta(days=3))}
    ttl_margin = timedelta(seconds=s.access_token_ttl_seconds + s.key_cache_seconds + 60) + housekeeping.SIGNING_KEY_MARGIN
    active = deps.keys.signing_key()[0]
    with deps.sessions.begin() as session:
        session.add_all(list(failures.values()) + list(tokens.values()))
        template = session.get(SigningKey, active)
        keys = {}
        for name, retired_at, created in (("old", now - ttl_margin - timedelta(minutes=1), now - timedelta(days=30)),
                                          ("recent", now - ttl_margin + timedelta(minutes=5), now - timedelta(days=20))):
            keys[name] = SigningKey(kid=f"hk-{name}-{tag}", private_pem_encrypted=template.private_pem_encrypted,
                                    public_jwk={**template.public_jwk, "kid": f"hk-{name}-{tag}"}, created_at=created,
                                    active=False, retired_at=retired_at)
        session.add_all(keys.values())
    return failures, tokens, keys, active


def test_run_once_deletes_only_what_is_stale(app, make_user):
    deps = container_of(app).deps
    user = make_user(["viewer"])
    now = datetime.now(timezone.utc)
    failures, tokens, keys, active = _seed(deps, user, now)
    result = housekeeping.run_once(deps, now=now)
    assert result["login_failures"] >= 1 and result["refresh_tokens"] >= 1 and result["signing_keys"] >= 1
    with deps.sessions() as session:
        left_failures = set(session.scalars(select(LoginFailure.key).where(LoginFailure.key.in_(failures))))
        left_tokens = set(session.scalars(select(RefreshToken.id).where(
            RefreshToken.id.in_([t.id for t in tokens.values()]))))
        left_keys = set(session.scalars(select(SigningKey.kid)))
    assert left_failures == {k for k in failures if not k.startswith("old-")}
    assert left_tokens == {tokens["just_expired"].id, tokens["live"].id}
    assert keys["old"].kid not in left_keys and keys["recent"].kid in left_keys and active in left_keys
    # idempotent
    assert housekeeping.run_once(deps, now=now)["signing_keys"] == 0
    with deps.sessions.begin() as session:
        session.execute(delete(SigningKey).where(SigningKey.kid == keys["recent"].kid))


def test_loop_runs_until_stopped(app, monkeypatch):
    deps = container_of(app).deps
    passes = []
    monkeypatch.setattr(housekeeping, "run_once", lambda d: passes.append(d) or {})
    stop = threading.Event()
    thread = threading.Thread(target=housekeeping.run_forever, args=(deps, stop))
    thread.start()
    for _ in range(100):
        if passes:
            break
        stop.wait(0.01)
    stop.set()
    thread.join(5)
    assert passes and not thread.is_alive()
