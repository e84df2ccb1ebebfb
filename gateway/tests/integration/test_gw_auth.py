"""Login, throttling, refresh rotation, logout, token verification, key rotation (real PostgreSQL)."""
from __future__ import annotations

import base64
import json
import time
import uuid

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from sqlalchemy import select

from gateway.adapters.orm import RefreshToken
from gw_helpers import ADMIN_PASSWORD, PASSWORD, bearer, container_of, login, random_ip

pytestmark = pytest.mark.integration


def test_login_ok_and_me(client, make_user):
    user = make_user(["technician"])
    r = login(client, user.username.upper(), PASSWORD)  # usernames are case-insensitive
    assert r.status_code == 200, r.json
    data = r.json["data"]
    assert data["token_type"] == "Bearer" and data["expires_in"] == 900 and data["refresh_token"]
    header = jwt.get_unverified_header(data["access_token"])
    claims = jwt.decode(data["access_token"], options={"verify_signature": False})
    assert header["alg"] == "RS256" and header["kid"]
    assert claims["sub"] == str(user.id) and claims["roles"] == ["technician"] and claims["typ"] == "access"
    assert {"iss", "aud", "iat", "exp", "jti", "username", "teams"} <= set(claims)
    me = client.get("/api/auth/me", headers=bearer(data["access_token"]))
    assert me.status_code == 200 and me.json["data"]["username"] == user.username
    assert "password_hash" not in me.json["data"]


def test_bootstrap_admin_can_log_in(client):
    assert login(client, "admin", ADMIN_PASSWORD).status_code == 200


def test_wrong_password_and_unknown_user_401(client, make_user):
    user = make_user()
    r = login(client, user.username, "wrong-password!!")
    assert r.status_code == 401 and r.json["error"]["code"] == "INVALID_CREDENTIALS"
    assert login(client, "nobody-" + uuid.uuid4().hex[:6], PASSWORD).status_code == 401


def test_inactive_user_refused(client, make_user):
    user = make_user(active=False)
    r = login(client, user.username, PASSWORD)
    assert r.status_code == 401 and r.json["error"]["code"] == "ACCOUNT_DISABLED"


def test_throttle_per_username(client, make_user):
    user = make_user()
    for _ in range(5):
        # a different IP each time: only the per-username counter can trip
        assert login(client, user.username, "bad-password-x", environ_base={"REMOTE_ADDR": random_ip()}).status_code == 401
    r = login(client, user.username, PASSWORD, environ_base={"REMOTE_ADDR": random_ip()})
    assert r.status_code == 429 and r.json["error"]["code"] == "RATE_LIMITED"
    assert 0 < int(r.headers["Retry-After"]) <= 900


def test_success_resets_user_counter(client, make_user):
    user = make_user()
    for _ in range(4):
        login(client, user.username, "bad-password-x")
    assert login(client, user.username, PASSWORD).status_code == 200
    for _ in range(4):
        assert login(client, user.username, "bad-password-x").status_code == 401
    assert login(client, user.username, PASSWORD).status_code == 200


def test_throttle_per_ip(client, make_user):
    ip = random_ip()
    for i in range(20):
        login(client, f"ghost-{i}-{uuid.uuid4().hex[:4]}", "bad-password-x", environ_base={"REMOTE_ADDR": ip})
    user = make_user()
    r = login(client, user.username, PASSWORD, environ_base={"REMOTE_ADDR": ip})
    assert r.status_code == 429 and int(r.headers["Retry-After"]) > 0
    assert login(client, user.username, PASSWORD, environ_base={"REMOTE_ADDR": random_ip()}).status_code == 200


def _refresh(client, token):
    return client.post("/api/auth/refresh", json={"refresh_token": token})


def test_refresh_rotation_and_reuse_revokes_family(client, make_user):
    user = make_user()
    first = login(client, user.username, PASSWORD).json["data"]
    second = _refresh(client, first["refresh_token"])
    assert second.status_code == 200
    second = second.json["data"]
    assert second["refresh_token"] != first["refresh_token"]
    assert client.get("/api/auth/me", headers=bearer(second["access_token"])).status_code == 200
    third = _refresh(client, second["refresh_token"]).json["data"]
    # Reusing an already-rotated token revokes the family: the newest one dies too.
    reuse = _refresh(client, first["refresh_token"])
    assert reuse.status_code == 401 and reuse.json["error"]["code"] == "INVALID_REFRESH_TOKEN"
    assert _refresh(client, third["refresh_token"]).status_code == 401
    # Only hashes are stored.
    with container_of(client.application).deps.sessions() as s:
        stored = s.scalars(select(RefreshToken.token_hash).where(RefreshToken.user_id == user.id)).all()
    assert len(stored) == 3 and first["refresh_token"] not in stored


def test_other_families_survive_reuse(client, make_user):
    user = make_user()
    a = login(client, user.username, PASSWORD).json["data"]["refresh_token"]
    b = login(client, user.username, PASSWORD).json["data"]["refresh_token"]
    _refresh(client, a)
    assert _refresh(client, a).status_code == 401
    assert _refresh(client, b).status_code == 200


def test_logout_revokes_family(client, make_user):
    user = make_user()
    pair = login(client, user.username, PASSWORD).json["data"]
    rotated = _refresh(client, pair["refresh_token"]).json["data"]
    assert client.post("/api/auth/logout", json={"refresh_token": rotated["refresh_token"]}).status_code == 200
    assert _refresh(client, rotated["refresh_token"]).status_code == 401


def test_refresh_refused_for_disabled_user(client, make_user, token_for):
    user = make_user()
    pair = login(client, user.username, PASSWORD).json["data"]
    from gateway.service_layer.users import update_user
    update_user(container_of(client.application).deps, user.id, {"active": False})
    assert _refresh(client, pair["refresh_token"]).status_code == 401


def test_garbage_refresh_token(client):
    assert _refresh(client, "not-a-token").status_code == 401
    assert client.post("/api/auth/refresh", json={}).status_code == 400


# --- access-token verification ----------------------------------------------------------------

def _signed(app, **overrides):
    kid, key = container_of(app).deps.keys.signing_key()
    now = int(time.time())
    claims = {"sub": str(uuid.uuid4()), "username": "x", "roles": ["admin"], "teams": [], "iss": "fibreflow-gateway",
              "aud": "fibreflow", "iat": now, "exp": now + 300, "jti": "j", "typ": "access"}
    headers = {"kid": overrides.pop("_kid", kid)}
    claims.update(overrides)
    return jwt.encode(claims, overrides.pop("_key", key), algorithm="RS256", headers=headers)


def _b64(data: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


@pytest.mark.parametrize("make_token", [
    lambda app: _signed(app, exp=int(time.time()) - 120, iat=int(time.time()) - 1000),
    lambda app: _signed(app)[:-6] + ("AAAAAA" if not _signed(app).endswith("AAAAAA") else "BBBBBB"),
    lambda app: _signed(app, iss="someone-else"),
    lambda app: _signed(app, aud="other-audience"),
    lambda app: _signed(app, _kid="unknown-kid"),
    lambda app: jwt.encode({"sub": "x", "iss": "fibreflow-gateway", "aud": "fibreflow", "exp": int(time.time()) + 60,
                            "iat": int(time.time())}, rsa.generate_private_key(public_exponent=65537, key_size=2048),
                           algorithm="RS256", headers={"kid": container_of(app).deps.keys.signing_key()[0]}),
    lambda app: _b64({"alg": "none", "typ": "JWT", "kid": container_of(app).deps.keys.signing_key()[0]}) + "."
    + _b64({"sub": "x", "roles": ["admin"], "iss": "fibreflow-gateway", "aud": "fibreflow",
            "exp": int(time.time()) + 60, "iat": int(time.time())}) + ".",
    lambda app: "not.a.jwt",
], ids=["expired", "tampered", "wrong-issuer", "wrong-audience", "unknown-kid", "foreign-key", "alg-none", "garbage"])
def test_bad_tokens_401(client, make_token):
    token = make_token(client.application)
    for path in ("/api/users", "/api/tickets", "/api/auth/me"):
        r = client.get(path, headers=bearer(token))
        assert r.status_code == 401, (path, r.json)
        assert r.json["success"] is False


def test_missing_token_401(client):
    assert client.get("/api/tickets").status_code == 401
    assert client.get("/api/users").status_code == 401
    assert client.get("/api/users", headers={"Authorization": "Basic abc"}).status_code == 401


def test_valid_token_lacking_role_403(client, token_for):
    r = client.post("/api/tickets", json={"title": "x"}, headers=bearer(token_for(roles=["viewer"])))
    assert r.status_code == 403 and r.json["error"]["code"] == "FORBIDDEN"
    assert client.get("/api/users", headers=bearer(token_for(roles=["technician"]))).status_code == 403
    assert client.put("/api/sla/configs/1", json={}, headers=bearer(token_for(roles=["manager"]))).status_code == 403


def test_key_rotation_keeps_old_tokens_valid(client, make_app, make_user):
    app = client.application
    keys = container_of(app).deps.keys
    old_kid = keys.signing_key()[0]
    user = make_user(["viewer"])
    old_token = login(client, user.username, PASSWORD).json["data"]["access_token"]
    from gateway.cli import main
    import os
    os.environ["DATABASE_URL"] = str(container_of(app).deps.engine.url.render_as_string(hide_password=False))
    os.environ["GATEWAY_SECRET_KEY"] = container_of(app).settings.secret_key
    try:
        assert main(["rotate-keys"]) == 0
    finally:
        os.environ.pop("DATABASE_URL")
        os.environ.pop("GATEWAY_SECRET_KEY")
    jwks = client.get("/.well-known/jwks.json").json
    kids = [k["kid"] for k in jwks["keys"]]
    assert old_kid in kids and len(kids) >= 2
    new_kid = keys.signing_key()[0]
    assert new_kid != old_kid and new_kid in kids
    assert client.get("/api/auth/me", headers=bearer(old_token)).status_code == 200
    new_token = login(client, user.username, PASSWORD).json["data"]["access_token"]
    assert jwt.get_unverified_header(new_token)["kid"] == new_kid
    assert client.get("/api/auth/me", headers=bearer(new_token)).status_code == 200
    # A service verifying with the shared TokenVerifier against the JWKS accepts both.
    from fibreflow_shared.auth import JwksKeySource, TokenVerifier
    verifier = TokenVerifier(JwksKeySource(fetch=lambda: jwks), issuer="fibreflow-gateway", audience="fibreflow")
    assert verifier.verify(old_token).user_id == str(user.id)
    assert verifier.verify(new_token).user_id == str(user.id)


@pytest.mark.parametrize("body, ctype", [
    ("{not json", "application/json"),
    (json.dumps({"username": 5, "password": ["x"]}), "application/json"),
    (json.dumps({"username": "admin"}), "application/json"),
    (json.dumps({"username": "admin", "password": "x", "remember": True}), "application/json"),
])
def test_login_bad_input_400(client, body, ctype):
    r = client.post("/api/auth/login", data=body, content_type=ctype)
    assert r.status_code == 400 and r.json["error"]["code"] == "VALIDATION_ERROR"
    assert r.json["error"]["details"]
