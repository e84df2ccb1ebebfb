"""A service called directly (not through the gateway) honours the gateway's token cut-offs:
a real gateway over HTTP publishes them in its JWKS document, a service app built by the kit
from JWKS_URL reads them, and refuses old tokens within USER_STATUS_CACHE_SECONDS."""
from __future__ import annotations

import time
from typing import Any, Iterator

import pytest
import requests
from flask import Flask
from flask.views import MethodView
from flask_smorest import Blueprint

from fibreflow_shared.auth import current_principal, require_auth
from fibreflow_shared.envelope import ok
from fibreflow_shared.testing.infra import wait_for
from fibreflow_shared.web import create_base_app
from gw_helpers import PASSWORD, ServedApp, bearer

pytestmark = pytest.mark.integration
WINDOW = 1.0  # USER_STATUS_CACHE_SECONDS of this gateway


@pytest.fixture(scope="module")
def gateway(make_app) -> Iterator[ServedApp]:
    with ServedApp(make_app(user_status_cache_seconds=WINDOW)) as served:
        yield served


@pytest.fixture(scope="module")
def service(gateway: ServedApp) -> Iterator[Flask]:
    """A service app as ``create_service_app`` builds it: its verifier from JWKS_URL only."""
    app, api = create_base_app("svc", title="svc", jwks_url=f"{gateway.url}/.well-known/jwks.json")
    blp = Blueprint("things", __name__, url_prefix="/api/things")

    @blp.route("")
    class Things(MethodView):
        @require_auth()
        def get(self) -> Any:
            return ok({"user": current_principal().user_id})

        @require_auth(["admin"])
        def post(self) -> Any:
            return ok({"created": True}, 201)

    api.register_blueprint(blp)
    client = app.test_client()
    wait_for(lambda: client.get("/readyz").status_code == 200, timeout=10, message="the service has the keys")
    yield app
    app.extensions["fibreflow_verifier"].keys.close()


def _login(gateway: ServedApp, username: str, password: str = PASSWORD) -> str:
    resp = requests.post(f"{gateway.url}/api/auth/login", json={"username": username, "password": password},
                         timeout=10)
    assert resp.status_code == 200, resp.text
    return resp.json()["data"]["access_token"]


def _patch(gateway: ServedApp, admin_token: str, user_id: Any, body: dict) -> None:
    resp = requests.patch(f"{gateway.url}/api/users/{user_id}", json=body, headers=bearer(admin_token), timeout=10)
    assert resp.status_code == 200, resp.text


def _refused_within(call: Any, seconds: float) -> float:
    started = time.monotonic()
    wait_for(lambda: call().status_code == 401, timeout=seconds + 5, interval=0.05,
             message="the service refuses the old token")
    return time.monotonic() - started


def test_disabled_user_is_refused_by_a_service_called_directly(gateway, service, make_user):
    admin = _login(gateway, make_user(["admin"]).username)
    user = make_user(["technician"])
    old = _login(gateway, user.username)
    client = service.test_client()
    assert client.get("/api/things", headers=bearer(old)).status_code == 200  # verified and cached

    _patch(gateway, admin, user.id, {"active": False})
    took = _refused_within(lambda: client.get("/api/things", headers=bearer(old)), WINDOW)
    assert took <= WINDOW + 1.0  # the poll period plus a fetch; loose for a loaded machine
    assert client.get("/api/things", headers=bearer(old)).get_json()["error"]["code"] == "TOKEN_REVOKED"

    _patch(gateway, admin, user.id, {"active": True})
    time.sleep(WINDOW + 0.5)  # the re-enable is published too: the old token stays refused
    assert client.get("/api/things", headers=bearer(old)).status_code == 401
    new = _login(gateway, user.username)
    assert client.get("/api/things", headers=bearer(new)).status_code == 200


def test_demoted_admin_loses_admin_at_a_service_called_directly(gateway, service, make_user):
    admin = _login(gateway, make_user(["admin"]).username)
    target = make_user(["admin"])
    old = _login(gateway, target.username)
    client = service.test_client()
    assert client.post("/api/things", headers=bearer(old)).status_code == 201

    _patch(gateway, admin, target.id, {"roles": ["viewer"]})
    took = _refused_within(lambda: client.post("/api/things", headers=bearer(old)), WINDOW)
    assert took <= WINDOW + 1.0
    new = _login(gateway, target.username)
    assert client.post("/api/things", headers=bearer(new)).status_code == 403
    assert client.get("/api/things", headers=bearer(new)).status_code == 200
