"""Access tokens of users disabled (or reset) after issue stop working within seconds."""
from __future__ import annotations

import time
import uuid
from datetime import timedelta

import pytest

from fibreflow_shared.testing.infra import wait_for
from gateway.service_layer import users as user_service
from gw_helpers import PASSWORD, FakeService, bearer, container_of, issue_backdated, login, random_ip

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def upstream():
    with FakeService("ticket-core") as svc:
        yield svc


@pytest.fixture(scope="module")
def replica_a(make_app, upstream):
    return make_app(ticket_core_url=upstream.url)


@pytest.fixture(scope="module")
def replica_b(make_app, upstream):
    """A second gateway replica on the same database: it learns of changes only through its cache TTL."""
    return make_app(ticket_core_url=upstream.url, user_status_cache_seconds=0.5)


def _aged_user(make_user, app, seconds: int = 60):
    """A user created ``seconds`` ago, so a token backdated into that span is legitimately theirs."""
    from sqlalchemy import update

    from gateway.adapters.orm import User

    user = make_user(["technician"])
    with container_of(app).deps.sessions.begin() as session:
        session.execute(update(User).where(User.id == user.id).values(
            password_changed_at=User.password_changed_at - timedelta(seconds=seconds)))
    container_of(app).deps.user_status.invalidate(user.id)
    return user


def _client(app):
    c = app.test_client()
    c.environ_base["REMOTE_ADDR"] = random_ip()
    return c


def test_disable_cuts_off_proxied_calls_on_every_replica(replica_a, replica_b, make_user):
    user = make_user(["technician"])
    token = login(_client(replica_a), user.username, PASSWORD).json["data"]["access_token"]
    a, b = _client(replica_a), _client(replica_b)
    assert a.get("/api/tickets", headers=bearer(token)).status_code == 200
    assert b.get("/api/tickets", headers=bearer(token)).status_code == 200  # now cached by replica B

    user_service.disable_user(container_of(replica_a).deps, user.id)
    r = a.get("/api/tickets", headers=bearer(token))  # the replica that made the change: at once
    assert r.status_code == 401 and r.json["error"]["code"] == "ACCOUNT_DISABLED"
    started = time.monotonic()
    wait_for(lambda: b.get("/api/tickets", headers=bearer(token)).status_code == 401, timeout=5,
             message="replica B refuses the disabled user's token")
    assert time.monotonic() - started < 2  # TTL 0.5 s here (USER_STATUS_CACHE_SECONDS, at most 5 s)
    # the gateway's own endpoints too
    assert a.get("/api/auth/me", headers=bearer(token)).status_code == 401


def test_reenabled_user_needs_a_new_token(replica_a, make_user):
    user = _aged_user(make_user, replica_a)
    deps = container_of(replica_a).deps
    old = issue_backdated(deps, user, int(time.time()) - 10)
    c = _client(replica_a)
    assert c.get("/api/tickets", headers=bearer(old)).status_code == 200
    user_service.disable_user(deps, user.id)
    user_service.update_user(deps, user.id, {"active": True})
    r = c.get("/api/tickets", headers=bearer(old))
    assert r.status_code == 401 and r.json["error"]["code"] == "TOKEN_REVOKED"
    fresh = login(c, user.username, PASSWORD).json["data"]["access_token"]
    assert c.get("/api/tickets", headers=bearer(fresh)).status_code == 200


def test_password_reset_revokes_earlier_tokens(replica_a, make_user):
    user = _aged_user(make_user, replica_a)
    deps = container_of(replica_a).deps
    old = issue_backdated(deps, user, int(time.time()) - 10)
    c = _client(replica_a)
    assert c.get("/api/tickets", headers=bearer(old)).status_code == 200
    user_service.reset_password(deps, user.id, "a-brand-new-password")
    r = c.get("/api/tickets", headers=bearer(old))
    assert r.status_code == 401 and r.json["error"]["code"] == "TOKEN_REVOKED"
    # a token issued right after the reset (same second) works
    fresh = login(c, user.username, "a-brand-new-password").json["data"]["access_token"]
    assert c.get("/api/tickets", headers=bearer(fresh)).status_code == 200


def test_token_from_before_the_password_was_set_refused(replica_a, make_user):
    user = make_user(["technician"])
    old = issue_backdated(container_of(replica_a).deps, user, int(time.time()) - 10)
    r = _client(replica_a).get("/api/tickets", headers=bearer(old))
    assert r.status_code == 401 and r.json["error"]["code"] == "TOKEN_REVOKED"


def test_unknown_subject_refused(replica_a):
    deps = container_of(replica_a).deps
    ghost = deps.issuer.issue(user_id=str(uuid.uuid4()), username="ghost", roles=["admin"], teams=[])
    r = _client(replica_a).get("/api/tickets", headers=bearer(ghost))
    assert r.status_code == 401 and r.json["error"]["code"] == "INVALID_TOKEN"
    bad = deps.issuer.issue(user_id="not-a-uuid", username="ghost", roles=["admin"], teams=[])
    assert _client(replica_a).get("/api/tickets", headers=bearer(bad)).status_code == 401


def test_one_lookup_per_user_per_ttl(make_app, upstream, make_user):
    app = make_app(ticket_core_url=upstream.url, user_status_cache_seconds=5.0)
    cache = container_of(app).deps.user_status
    user = make_user(["viewer"])
    token = bearer(container_of(app).deps.issuer.issue(user_id=str(user.id), username=user.username,
                                                       roles=user.roles, teams=[]))
    c = _client(app)
    before = cache.lookups
    assert all(c.get("/api/tickets", headers=token).status_code == 200 for _ in range(20))
    assert cache.lookups - before == 1
