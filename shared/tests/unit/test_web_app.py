"""The base app's envelope: validation 400, unknown routes 404, oversized 413, crashes 500."""
from typing import Any

import pytest
from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import Schema, fields

from fibreflow_shared.auth import require_auth
from fibreflow_shared.envelope import ok
from fibreflow_shared.testing.tokens import TestSigner
from fibreflow_shared.web import create_base_app


class ThingSchema(Schema):
    name = fields.String(required=True)
    count = fields.Integer(required=True)


@pytest.fixture(scope="module")
def signer() -> TestSigner:
    return TestSigner()


@pytest.fixture()
def client(signer: TestSigner) -> Any:
    app, api = create_base_app("demo", title="demo", max_body_bytes=1024, verifier=signer.verifier())
    blp = Blueprint("things", __name__, url_prefix="/api/things")

    @blp.route("")
    class Things(MethodView):
        @blp.arguments(ThingSchema)
        @require_auth(["admin", "manager"])
        def post(self, body: dict) -> Any:
            return ok(body, 201)

    @blp.route("/boom")
    class Boom(MethodView):
        def get(self) -> Any:
            raise RuntimeError("kaboom")

    api.register_blueprint(blp)
    return app.test_client()


def test_valid_request(client: Any, signer: TestSigner) -> None:
    resp = client.post("/api/things", json={"name": "a", "count": 1}, headers=signer.headers())
    assert resp.status_code == 201 and resp.get_json() == {"success": True, "data": {"name": "a", "count": 1}}
    assert resp.headers["X-Request-ID"]


@pytest.mark.parametrize("kwargs, field", [
    ({"json": {"name": "a"}}, "count"),
    ({"json": {"name": "a", "count": "many"}}, "count"),
    ({"json": {"name": "a", "count": 1, "extra": True}}, "extra"),
])
def test_validation_errors_are_400_with_field_details(client: Any, signer: TestSigner, kwargs: dict, field: str) -> None:
    resp = client.post("/api/things", headers=signer.headers(), **kwargs)
    body = resp.get_json()
    assert resp.status_code == 400
    assert body["success"] is False and body["error"]["code"] == "VALIDATION_ERROR"
    assert field in body["error"]["details"]


def test_malformed_json_is_400(client: Any, signer: TestSigner) -> None:
    resp = client.post("/api/things", data="{nope", content_type="application/json", headers=signer.headers())
    assert resp.status_code == 400 and resp.get_json()["error"]["code"] == "VALIDATION_ERROR"


def test_oversized_body_is_413(client: Any, signer: TestSigner) -> None:
    resp = client.post("/api/things", data="x" * 5000, content_type="application/json", headers=signer.headers())
    assert resp.status_code == 413 and resp.get_json()["error"]["code"] == "PAYLOAD_TOO_LARGE"


def test_unknown_route_is_json_404(client: Any) -> None:
    resp = client.get("/api/nothing-here")
    assert resp.status_code == 404 and resp.get_json()["error"]["code"] == "NOT_FOUND"


def test_wrong_method_is_405_with_allow(client: Any) -> None:
    resp = client.delete("/api/things")
    assert resp.status_code == 405 and "POST" in resp.headers["Allow"]


def test_crash_is_500_envelope_with_request_id(client: Any) -> None:
    resp = client.get("/api/things/boom", headers={"X-Request-ID": "req-42"})
    body = resp.get_json()
    assert resp.status_code == 500 and body["error"]["code"] == "INTERNAL_ERROR"
    assert body["error"]["request_id"] == "req-42"


def test_auth_required_and_roles(client: Any, signer: TestSigner) -> None:
    assert client.post("/api/things", json={"name": "a", "count": 1}).status_code == 401
    resp = client.post("/api/things", json={"name": "a", "count": 1}, headers=signer.headers(roles=["viewer"]))
    assert resp.status_code == 403 and resp.get_json()["error"]["code"] == "FORBIDDEN"


def test_health_and_metrics(client: Any) -> None:
    assert client.get("/healthz").get_json()["data"]["status"] == "ok"
    assert client.get("/readyz").status_code == 200
    client.get("/api/nothing-here")
    metrics = client.get("/metrics").get_data(as_text=True)
    assert "http_request_duration_seconds_bucket" in metrics


def test_openapi_served(client: Any) -> None:
    spec = client.get("/openapi.json").get_json()
    assert "/api/things" in spec["paths"]
    assert "ErrorEnvelope" in spec["components"]["schemas"]
