"""API keys for machine clients: create/list/revoke/rotate, the exchange at the proxy, scopes,
expiry, per-key limits, last use, and that a key never reaches a log or a service."""
from __future__ import annotations

import logging
import time
import uuid
from datetime import timedelta

import pytest
from sqlalchemy import text

from fibreflow_shared.logging import JsonFormatter
from fibreflow_shared.timeutil import utc_now
from gateway.domain import api_keys as rules
from gw_helpers import FakeService, bearer, container_of, random_ip

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def upstream():
    with FakeService("ticket-core") as svc:
        yield svc


@pytest.fixture(scope="module")
def kapp(make_app, upstream):
    return make_app(ticket_core_url=upstream.url, sla_url=upstream.url, notifications_url=upstream.url,
                    user_status_cache_seconds=0.5, api_key_rate_limit="1000/minute")


@pytest.fixture
def kclient(kapp):
    c = kapp.test_client()
    c.environ_base["REMOTE_ADDR"] = random_ip()
    return c


@pytest.fixture
def admin(kapp, token_for):
    return bearer(token_for(roles=["admin"]))


def create(kclient, admin, **body):
    r = kclient.post("/api/api-keys", json={"name": "erp-sync", "role": "technician", **body}, headers=admin)
    assert r.status_code == 201, r.json
    return r.json["data"]


def test_created_key_is_shown_once_prefixed_and_stored_only_as_keyed_hash(kapp, kclient, admin):
    data = create(kclient, admin, scopes=["tickets:read"])
    key = data["key"]
    assert key.startswith("ffk_") and len(key) >= 40 and data["prefix"] == key[:12]
    assert kclient.get("/api/api-keys", headers=admin).status_code == 200
    listed = kclient.get("/api/api-keys", headers=admin).json["data"]["api_keys"]
    mine = next(k for k in listed if k["id"] == data["id"])
    assert "key" not in mine and mine["scopes"] == ["tickets:read"]
    assert "key" not in kclient.get(f"/api/api-keys/{data['id']}", headers=admin).json["data"]
    c = container_of(kapp)
    with c.engine.connect() as conn:
        row = conn.execute(text("SELECT * FROM api_keys WHERE id = :id"), {"id": data["id"]}).mappings().one()
    assert key not in str(dict(row))
    assert row["key_hash"] == rules.key_hash(c.settings.api_key_pepper_bytes(), key)
    assert row["key_hash"] != rules.key_hash(b"another-pepper-entirely", key)  # keyed: the pepper matters


def test_read_scope_lists_but_cannot_create(kclient, admin, upstream):
    key = create(kclient, admin, scopes=["tickets:read"])["key"]
    upstream.requests.clear()
    r = kclient.get("/api/tickets?status=new", headers=bearer(key))
    assert r.status_code == 200, r.json
    r = kclient.get("/api/tickets", headers={"X-API-Key": key})
    assert r.status_code == 200, r.json
    r = kclient.post("/api/tickets", json={"title": "t"}, headers=bearer(key))
    assert r.status_code == 403 and r.json["error"]["code"] == "INSUFFICIENT_SCOPE"
    assert r.json["error"]["details"]["required_scope"] == "tickets:write"
    assert [q["method"] for q in upstream.requests] == ["GET", "GET"]  # the refused POST never left


def test_services_see_the_internal_token_never_the_key(kapp, kclient, admin, upstream):
    data = create(kclient, admin, scopes=["tickets:read", "tickets:write"])
    upstream.requests.clear()
    assert kclient.post("/api/tickets", json={"title": "t"}, headers={"X-API-Key": data["key"]}).status_code == 200
    headers = upstream.requests[-1]["headers"]
    assert data["key"] not in str(headers) and "X-Api-Key" not in headers
    principal = container_of(kapp).verifier.verify(headers["Authorization"].split(" ", 1)[1])
    assert principal.user_id == data["id"] and principal.roles == frozenset({"technician"})
    assert principal.username == "apikey:erp-sync"


def test_role_still_bounds_a_key(kclient, admin):
    viewer = create(kclient, admin, role="viewer")["key"]  # no scopes: the role decides
    assert kclient.get("/api/tickets", headers=bearer(viewer)).status_code == 200
    assert kclient.post("/api/tickets", json={}, headers=bearer(viewer)).status_code == 403


def test_unknown_expired_and_revoked_keys_get_401(kapp, kclient, admin):
    assert kclient.get("/api/tickets", headers=bearer("ffk_" + "x" * 43)).json["error"]["code"] == "INVALID_API_KEY"
    data = create(kclient, admin)
    c = container_of(kapp)
    with c.engine.begin() as conn:  # expire it behind the gateway's back
        conn.execute(text("UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE id = :id"),
                     {"id": data["id"]})
    c.api_keys.invalidate()
    r = kclient.get("/api/tickets", headers=bearer(data["key"]))
    assert r.status_code == 401 and r.json["error"]["code"] == "API_KEY_EXPIRED"

    live = create(kclient, admin)
    assert kclient.get("/api/tickets", headers=bearer(live["key"])).status_code == 200
    assert kclient.post(f"/api/api-keys/{live['id']}/revoke", headers=admin).json["data"]["revoked_at"]
    r = kclient.get("/api/tickets", headers=bearer(live["key"]))
    assert r.status_code == 401 and r.json["error"]["code"] == "API_KEY_REVOKED"


def test_revoke_on_another_replica_is_effective_within_the_cache_window(kapp, make_app, kclient, admin, upstream):
    other = make_app(ticket_core_url=upstream.url, user_status_cache_seconds=0.5)  # a second replica
    oclient = other.test_client()
    oclient.environ_base["REMOTE_ADDR"] = random_ip()
    data = create(kclient, admin)
    assert oclient.get("/api/tickets", headers=bearer(data["key"])).status_code == 200  # cached there now
    assert kclient.post(f"/api/api-keys/{data['id']}/revoke", headers=admin).status_code == 200
    time.sleep(0.6)
    assert oclient.get("/api/tickets", headers=bearer(data["key"])).status_code == 401


def test_rotation_overlaps_then_the_old_key_expires(kapp, kclient, admin):
    old = create(kclient, admin, scopes=["tickets:read"])
    r = kclient.post(f"/api/api-keys/{old['id']}/rotate", json={"overlap_seconds": 1}, headers=admin)
    assert r.status_code == 201, r.json
    new = r.json["data"]
    assert new["key"] != old["key"] and new["rotated_from"] == old["id"] and new["scopes"] == ["tickets:read"]
    assert kclient.get("/api/tickets", headers=bearer(old["key"])).status_code == 200  # overlap
    assert kclient.get("/api/tickets", headers=bearer(new["key"])).status_code == 200
    time.sleep(1.1)
    container_of(kapp).api_keys.invalidate()
    assert kclient.get("/api/tickets", headers=bearer(old["key"])).json["error"]["code"] == "API_KEY_EXPIRED"
    assert kclient.get("/api/tickets", headers=bearer(new["key"])).status_code == 200
    revoked = create(kclient, admin)
    kclient.post(f"/api/api-keys/{revoked['id']}/revoke", headers=admin)
    r = kclient.post(f"/api/api-keys/{revoked['id']}/rotate", json={}, headers=admin)
    assert r.status_code == 422 and r.json["error"]["code"] == "API_KEY_NOT_USABLE"


def test_per_key_rate_limit(kclient, admin):
    data = create(kclient, admin, rate_limit="3/minute")
    other = create(kclient, admin)
    codes = [kclient.get("/api/tickets", headers=bearer(data["key"])).status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    assert kclient.get("/api/tickets", headers=bearer(other["key"])).status_code == 200  # counted per key


def test_last_used_is_written_but_not_on_every_call(kapp, kclient, admin):
    data = create(kclient, admin)
    assert data["last_used_at"] is None
    for _ in range(5):
        assert kclient.get("/api/tickets", headers=bearer(data["key"])).status_code == 200
    first = kclient.get(f"/api/api-keys/{data['id']}", headers=admin).json["data"]["last_used_at"]
    assert first is not None
    time.sleep(0.6)  # past the cache window: a reload, but within the last-used resolution
    kclient.get("/api/tickets", headers=bearer(data["key"]))
    assert kclient.get(f"/api/api-keys/{data['id']}", headers=admin).json["data"]["last_used_at"] == first


def test_bad_requests_are_400_and_admins_only(kclient, admin, token_for):
    r = kclient.post("/api/api-keys", json={"name": "x y", "role": "boss", "scopes": ["tickets:fly"]}, headers=admin)
    assert r.status_code == 400 and {"name", "role", "scopes"} <= set(r.json["error"]["details"])
    past = (utc_now() - timedelta(days=1)).isoformat()
    r = kclient.post("/api/api-keys", json={"name": "erp", "role": "viewer", "expires_at": past}, headers=admin)
    assert r.status_code == 400 and r.json["error"]["code"] == "INVALID_API_KEY_REQUEST"
    far = (utc_now() + timedelta(days=5000)).isoformat()
    r = kclient.post("/api/api-keys", json={"name": "erp", "role": "viewer", "expires_at": far}, headers=admin)
    assert r.status_code == 400
    manager = bearer(token_for(roles=["manager"]))
    assert kclient.get("/api/api-keys", headers=manager).status_code == 403
    assert kclient.post("/api/api-keys", json={"name": "erp", "role": "admin"}, headers=manager).status_code == 403
    assert kclient.post(f"/api/api-keys/{uuid.uuid4()}/revoke", headers=admin).status_code == 404


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []
        self.setFormatter(JsonFormatter("gateway"))

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))
        self.lines.append(str(record.__dict__))


def test_a_key_never_appears_in_logs(kapp, kclient, admin, upstream):
    capture = _Capture()
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(capture)
    root.setLevel(logging.DEBUG)
    try:
        data = create(kclient, admin, scopes=["tickets:read"])
        key = data["key"]
        kclient.get("/api/tickets", headers=bearer(key))
        kclient.post("/api/tickets", json={"title": "t"}, headers={"X-API-Key": key})       # 403
        kclient.get("/api/tickets", headers=bearer(key[:-1] + ("A" if key[-1] != "A" else "B")))  # 401
        container_of(kapp).api_keys.invalidate()
        kclient.post(f"/api/api-keys/{data['id']}/rotate", json={}, headers=admin)
        kclient.post(f"/api/api-keys/{data['id']}/revoke", headers=admin)
        kclient.get("/api/tickets", headers=bearer(key))                                    # 401 revoked
        kclient.get("/api/users", headers=bearer(key))                                      # not a JWT: 401
    finally:
        root.removeHandler(capture)
        root.setLevel(old_level)
    assert capture.lines, "nothing was logged: the check would prove nothing"
    secret = key[len(rules.PREFIX) + rules.DISPLAY_CHARS:]
    leaked = [line for line in capture.lines if secret in line]
    assert not leaked, leaked[:3]
