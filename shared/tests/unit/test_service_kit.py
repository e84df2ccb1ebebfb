"""The service kit: one error map, list arguments with renamed names, CSV, the app factory,
the consumer table and the OpenAPI finisher behave as contracts/README.md says."""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Any

import pytest
from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import Schema, ValidationError, fields

from fibreflow_shared.auth import require_auth
from fibreflow_shared.csv_export import content_disposition, csv_response, safe_cell
from fibreflow_shared.envelope import ok
from fibreflow_shared.errors import (ConflictError, NotFoundError, PayloadTooLarge, RuleViolation, http_status_of)
from fibreflow_shared.messaging.use_cases import bind_use_cases, check_table
from fibreflow_shared.roles import ALL_ROLES, MANAGEMENT, ROLES, STAFF, SUPERVISORS, ordered
from fibreflow_shared.schemas import CommaList, PageArgs, SortArg, list_envelope, parse_sort
from fibreflow_shared.settings import CommonSettings
from fibreflow_shared.testing.tokens import TestSigner
from fibreflow_shared.timeutil import iso, parse_time
from fibreflow_shared.web import create_service_app
from fibreflow_shared.web.openapi import finish_document, operation_id
from fibreflow_shared.web.app import openapi_document


class TicketGone(NotFoundError):
    """That ticket does not exist."""


class DuplicateName(ConflictError):
    pass


class ThingArgs(PageArgs):
    RENAMED = {"ticket": "ticket_uid", "team": "assigned_team"}
    ticket_uid = fields.String()
    assigned_team = fields.String()
    status = CommaList(("new", "closed"))
    sort = SortArg(("created_at", "priority"), default="-created_at")


class ThingSchema(Schema):
    ticket_uid = fields.String(metadata={"example": "FF-0042"})
    assigned_team = fields.String()
    status = fields.String()
    created_at = fields.DateTime()
    priority = fields.String()


class ThingCreate(Schema):
    title = fields.String(required=True, metadata={"example": "No signal"})
    count = fields.Integer()


ThingList = list_envelope("ThingList", "things", ThingSchema)


@dataclass
class FakeContainer:
    engine: Any = None


def _blueprint(_container: Any) -> Blueprint:
    blp = Blueprint("things", __name__, url_prefix="/api/things")

    @blp.route("")
    class Things(MethodView):
        @blp.arguments(ThingArgs(), location="query")
        @blp.response(200, ThingList)
        @require_auth()
        def get(self, args: dict[str, Any]) -> Any:
            return ok({"args": {k: v for k, v in args.items()}})

        @blp.arguments(ThingCreate)
        @blp.response(201, ThingList)
        @require_auth(sorted(MANAGEMENT))
        def post(self, body: dict[str, Any]) -> Any:
            if body["title"] == "gone":
                raise TicketGone()
            if body["title"] == "dup":
                raise DuplicateName("A thing with that title exists", details={"title": body["title"]})
            return ok(body, 201)

    @blp.route("/<string:thing_id>")
    class Thing(MethodView):
        @blp.response(204)
        @require_auth(sorted(MANAGEMENT))
        def delete(self, thing_id: str) -> Any:
            return "", 204

    @blp.route("/export")
    class Export(MethodView):
        @require_auth()
        def get(self) -> Any:
            return csv_response("things ü.csv", ["ticket_uid", "title"],
                                ({"ticket_uid": f"FF-{n}", "title": t} for n, t in
                                 enumerate(["=1+1", "\tcmd", "plain", None])))

    return blp


@pytest.fixture(scope="module")
def signer() -> TestSigner:
    return TestSigner()


@pytest.fixture(scope="module")
def app(signer: TestSigner) -> Any:
    settings = CommonSettings(database_url="postgresql://x@127.0.0.1:1/x", max_body_bytes=4096)
    return create_service_app("demo", settings, FakeContainer(), title="demo", blueprints=[_blueprint],
                              verifier=signer.verifier())


@pytest.fixture()
def client(app: Any) -> Any:
    return app.test_client()


def test_domain_errors_answer_with_the_status_of_their_kind(client: Any, signer: TestSigner) -> None:
    headers = signer.headers(roles=["admin"])
    gone = client.post("/api/things", json={"title": "gone"}, headers=headers)
    assert gone.status_code == 404
    assert gone.get_json()["error"]["code"] == "NOT_FOUND"
    assert gone.get_json()["error"]["message"] == "That ticket does not exist."
    dup = client.post("/api/things", json={"title": "dup"}, headers=headers)
    assert dup.status_code == 409 and dup.get_json()["error"]["details"] == {"title": "dup"}
    assert http_status_of(RuleViolation("no")) == (422, "BUSINESS_RULE_VIOLATION")
    assert http_status_of(PayloadTooLarge("big")) == (413, "PAYLOAD_TOO_LARGE")


def test_renamed_filters_still_answer_with_a_deprecation_header(client: Any, signer: TestSigner) -> None:
    new = client.get("/api/things?ticket_uid=FF-1", headers=signer.headers())
    assert new.status_code == 200 and "Deprecation" not in new.headers
    old = client.get("/api/things?ticket=FF-1&team=north", headers=signer.headers())
    assert old.status_code == 200
    assert old.get_json()["data"]["args"]["ticket_uid"] == "FF-1"
    assert old.get_json()["data"]["args"]["assigned_team"] == "north"
    assert old.headers["Deprecation"].startswith("@")
    assert old.headers["Deprecated-Parameters"] == "team=assigned_team, ticket=ticket_uid"
    both = client.get("/api/things?ticket=FF-1&ticket_uid=FF-2", headers=signer.headers())
    assert both.status_code == 400 and "ticket" in both.get_json()["error"]["details"]


def test_unknown_filter_and_bad_sort_are_400(client: Any, signer: TestSigner) -> None:
    assert client.get("/api/things?tickte=FF-1", headers=signer.headers()).status_code == 400
    bad = client.get("/api/things?sort=-title", headers=signer.headers())
    assert bad.status_code == 400 and "sort" in bad.get_json()["error"]["details"]
    good = client.get("/api/things?sort=-priority,created_at&status=new,closed", headers=signer.headers())
    assert good.get_json()["data"]["args"]["sort"] == [["priority", True], ["created_at", False]]
    assert good.get_json()["data"]["args"]["status"] == ["new", "closed"]
    default = client.get("/api/things", headers=signer.headers()).get_json()["data"]["args"]
    assert default["sort"] == [["created_at", True]] and default["page"] == 1 and default["limit"] == 50


def test_parse_sort_rules() -> None:
    assert parse_sort("-a,+b", ("a", "b")) == [("a", True), ("b", False)]
    for bad in ("", "a,a", "c", ",".join("a" * 6)):
        with pytest.raises(ValueError):
            parse_sort(bad, ("a", "b"))


def test_comma_list_limits() -> None:
    field = CommaList(item=fields.Integer())
    assert field.deserialize("1, 2") == [1, 2]
    with pytest.raises(ValidationError):
        field.deserialize(",".join(["1"] * 51))
    with pytest.raises(ValidationError):
        CommaList(("a",)).deserialize("a,b")


def test_csv_is_streamed_escaped_and_named_for_any_client(client: Any, signer: TestSigner) -> None:
    resp = client.get("/api/things/export", headers=signer.headers())
    assert resp.status_code == 200
    assert resp.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert resp.headers["Content-Disposition"] == (
        "attachment; filename=\"things _.csv\"; filename*=UTF-8''things%20%C3%BC.csv")
    body = resp.get_data(as_text=True)
    assert body.startswith("ticket_uid,title\r\n")
    rows = list(csv.reader(io.StringIO(body)))
    assert [r[1] for r in rows[1:]] == ["'=1+1", "'\tcmd", "plain", ""]
    assert safe_cell("-5") == "'-5" and safe_cell("\rx") == "'\rx" and safe_cell(["a", "b"]) == "a;b"
    assert content_disposition('a"b.csv').startswith('attachment; filename="a_b.csv"')


def test_openapi_is_finished_for_client_generators(app: Any) -> None:
    from openapi_spec_validator import validate

    doc = openapi_document(app)
    validate(doc)
    ops = {(p, m): o for p, item in doc["paths"].items() for m, o in item.items() if m != "parameters"}
    get, post = ops[("/api/things", "get")], ops[("/api/things", "post")]
    assert get["operationId"] == "getThings" and post["operationId"] == "postThings"
    assert ops[("/api/things/{thing_id}", "delete")]["operationId"] == "deleteThingsByThingId"
    for operation in ops.values():
        assert "422" not in operation["responses"]
        assert {"401", "403", "429"} <= set(operation["responses"])
    assert get["responses"]["400"] == {"$ref": "#/components/responses/VALIDATION_ERROR"}
    example = post["requestBody"]["content"]["application/json"]["example"]
    assert example == {"title": "No signal", "count": 1}
    assert post["responses"]["201"]["content"]["application/json"]["example"]["success"] is True
    sort = next(p for p in get["parameters"] if p["name"] == "sort")
    assert sort["schema"]["x-sort-fields"] == ["created_at", "priority"]
    assert sort["schema"]["items"]["enum"] == ["created_at", "-created_at", "priority", "-priority"]
    assert sort["schema"]["default"] == ["-created_at"]
    status = next(p for p in get["parameters"] if p["name"] == "status")
    assert (status["style"], status["explode"]) == ("form", False)  # status=new,closed
    assert status["schema"] == {"type": "array", "items": {"type": "string", "enum": ["new", "closed"]},
                                "minItems": 1, "maxItems": 50}
    assert "UNPROCESSABLE_ENTITY" not in doc["components"]["responses"]


def test_finisher_turns_string_bounds_into_numbers_and_keeps_public_ops_public() -> None:
    doc = {"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "security": [{"bearerAuth": []}],
           "paths": {"/api/hooks/x": {"post": {"security": [], "responses": {"200": {"description": "ok"}},
                                                "parameters": [{"in": "query", "name": "n", "schema": {
                                                    "type": "number", "minimum": "0", "maximum": "99.50"}}]}}},
           "components": {"schemas": {}}}
    out = finish_document(doc)
    op = out["paths"]["/api/hooks/x"]["post"]
    assert op["parameters"][0]["schema"]["minimum"] == 0 and op["parameters"][0]["schema"]["maximum"] == 99.5
    assert "401" not in op["responses"] and "429" in op["responses"]
    assert operation_id("patch", "/api/tickets/{ticket-id}/sla-configs") == "patchTicketsByTicketIdSlaConfigs"
    assert doc["paths"]["/api/hooks/x"]["post"]["parameters"][0]["schema"]["minimum"] == "0"  # input untouched


def test_consumer_table_must_match_subscriptions() -> None:
    seen: list[tuple[Any, Any, Any]] = []

    def on_a(session: Any, event: Any, deps: Any) -> None:
        seen.append((session, event, deps))

    check_table({"a": on_a}, ("a",))
    with pytest.raises(AssertionError, match="missing"):
        check_table({"a": on_a}, ("a", "b"))
    with pytest.raises(AssertionError, match="orders"):
        check_table({"a": on_a, "b": on_a}, ("b", "a"))
    bind_use_cases({"a": on_a}, "deps")["a"]("session", {"id": 1})
    assert seen == [("session", {"id": 1}, "deps")]


def test_roles_and_time_helpers() -> None:
    assert set(ROLES) == ALL_ROLES and STAFF > SUPERVISORS > MANAGEMENT
    assert ordered({"viewer", "admin"}) == ["admin", "viewer"]
    at = parse_time("2026-12-01T08:00:00Z")
    assert at is not None and at.utcoffset().total_seconds() == 0  # type: ignore[union-attr]
    assert parse_time("2026-12-01T08:00:00").tzinfo is not None  # naive is taken as UTC
    assert iso(at) == "2026-12-01T08:00:00+00:00" and iso(None) is None and parse_time("") is None


def test_a_renamed_parameter_can_convert_its_old_meaning() -> None:
    from datetime import date, timedelta

    from fibreflow_shared.schemas import QueryArgs

    def day_after(value: str) -> str:
        return (date.fromisoformat(value) + timedelta(days=1)).isoformat()

    class Report(QueryArgs):
        RENAMED = {"to": ("period_to", day_after)}
        period_to = fields.Date()

    assert Report().load({"to": "2026-11-30"}) == {"period_to": date(2026, 12, 1)}
    assert Report().load({"period_to": "2026-11-30"}) == {"period_to": date(2026, 11, 30)}
    with pytest.raises(ValidationError) as bad:
        Report().load({"to": "yesterday"})
    assert "to" in bad.value.messages
    with pytest.raises(ValidationError):
        Report().load({"period_to": "2026-11-30", "extra": "1"})  # unknown names are refused


def test_unauthenticated_and_throttled_kinds() -> None:
    from fibreflow_shared.errors import Throttled, Unauthenticated

    assert http_status_of(Unauthenticated("bad password")) == (401, "UNAUTHORIZED")
    slow = Throttled("Too many attempts", retry_after=30)
    assert http_status_of(slow) == (429, "RATE_LIMITED")
    assert slow.headers == {"Retry-After": "30"} and slow.details == {"retry_after": 30}
    assert Unauthenticated("x").headers == {}


def test_a_principal_screen_runs_once_per_request_before_the_view(signer: TestSigner) -> None:
    from fibreflow_shared.auth import register_principal_screen
    from fibreflow_shared.errors import Unauthorized

    screened: list[str] = []

    def screen(principal: Any) -> None:
        screened.append(principal.user_id)
        if principal.username == "disabled":
            raise Unauthorized("This account is disabled", code="ACCOUNT_DISABLED")

    settings = CommonSettings(database_url="postgresql://x@127.0.0.1:1/x")
    app = create_service_app("demo", settings, FakeContainer(), title="demo", blueprints=[_blueprint],
                             verifier=signer.verifier(), configure=lambda a: register_principal_screen(a, screen))
    client = app.test_client()
    assert client.get("/api/things", headers=signer.headers()).status_code == 200
    assert len(screened) == 1
    refused = client.get("/api/things", headers=signer.headers(username="disabled"))
    assert refused.status_code == 401 and refused.get_json()["error"]["code"] == "ACCOUNT_DISABLED"
