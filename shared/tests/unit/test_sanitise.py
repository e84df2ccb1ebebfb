"""The shared input screen: NUL, lone surrogates and too-deep JSON are a 400 naming the field in
every app built on the kit (they were 500s: PostgreSQL, UTF-8 encoding and the JSON parser's
stack broke on them), and every answer says ``X-Content-Type-Options: nosniff``."""
from __future__ import annotations

import json
from typing import Any

import pytest
from flask import request
from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import Schema, fields

from fibreflow_shared import sanitise
from fibreflow_shared.envelope import ok
from fibreflow_shared.web import create_base_app


class NoteSchema(Schema):
    title = fields.String(required=True)
    tags = fields.List(fields.Raw())


class NoteQuery(Schema):
    q = fields.String()


@pytest.fixture()
def client() -> Any:
    app, api = create_base_app("demo", title="demo")
    blp = Blueprint("notes", __name__, url_prefix="/api/notes")
    seen: list[Any] = []

    @blp.route("")
    class Notes(MethodView):
        @blp.arguments(NoteQuery, location="query")
        def get(self, args: dict) -> Any:
            seen.append(args)
            return ok(args)

        @blp.arguments(NoteSchema)
        def post(self, body: dict) -> Any:
            seen.append(body)
            return ok(body, 201)

    @blp.route("/<string:note_id>")
    class Note(MethodView):
        def get(self, note_id: str) -> Any:
            return ok({"id": note_id})

    @blp.route("/form", methods=["POST"])
    def form() -> Any:
        return ok(request.form.to_dict())

    api.register_blueprint(blp)
    test_client = app.test_client()
    test_client.seen = seen  # type: ignore[attr-defined]
    return test_client


def _refused(resp: Any, field: str) -> None:
    assert resp.status_code == 400, resp.get_data(as_text=True)
    error = resp.get_json()["error"]
    assert error["code"] == "VALIDATION_ERROR"
    assert field in error["details"], error


@pytest.mark.parametrize("raw, field", [
    ('{"title": "a\\u0000b"}', "title"),
    ('{"title": "a\\ud800b"}', "title"),
    ('{"title": "ok", "tags": ["x", {"deep": "\\udfff"}]}', "tags.1.deep"),
    ('{"title": "ok", "\\u0000": 1}', "\u0000"),
])
def test_bad_text_in_a_json_body_is_a_400_naming_the_field(client: Any, raw: str, field: str) -> None:
    _refused(client.post("/api/notes", data=raw, content_type="application/json"), field)
    assert client.seen == []  # the view never ran


def test_a_valid_surrogate_pair_is_text(client: Any) -> None:
    resp = client.post("/api/notes", data='{"title": "fire \\ud83d\\udd25"}', content_type="application/json")
    assert resp.status_code == 201 and resp.get_json()["data"]["title"] == "fire \U0001f525"


def test_nul_in_the_query_and_the_path_is_a_400(client: Any) -> None:
    _refused(client.get("/api/notes?q=a%00b"), "q")
    _refused(client.get("/api/notes/FF-%00"), "note_id")
    _refused(client.get("/api/nowhere%00"), "path")  # no route: still refused, not a crash


def test_nul_in_a_form_field_is_a_400(client: Any) -> None:
    _refused(client.post("/api/notes/form", data={"Body": "STATUS\x00"}), "Body")


@pytest.mark.parametrize("depth", [1000, 100_000])
def test_deep_json_is_a_400_not_a_recursion_error(client: Any, depth: int) -> None:
    raw = '{"title": ' + "[" * depth + "]" * depth + "}"
    _refused(client.post("/api/notes", data=raw, content_type="application/json"), "body")


def test_json_as_deep_as_the_limit_still_passes(client: Any) -> None:
    nested: Any = "x"
    for _ in range(sanitise.MAX_JSON_DEPTH - 2):
        nested = [nested]
    resp = client.post("/api/notes", json={"title": "t", "tags": nested})
    assert resp.status_code == 201


def test_brackets_inside_strings_do_not_count() -> None:
    assert not sanitise.json_depth_exceeds(json.dumps({"a": "[" * 5000, "b": '\\"[[[' + "{" * 500}))
    assert sanitise.json_depth_exceeds("[" * 65 + "]" * 65)
    assert not sanitise.json_depth_exceeds("[" * 64 + "]" * 64)


def test_loads_checks_what_it_parses() -> None:
    assert sanitise.loads(b'{"a": ["\\u00e9"]}') == {"a": ["\u00e9"]}
    with pytest.raises(sanitise.UnsafeInput) as caught:
        sanitise.loads(b'{"a": ["ok", "\\u0000"]}')
    assert caught.value.details == {"a.1": ["Must not contain a NUL character (\\u0000)."]}
    with pytest.raises(sanitise.UnsafeInput):
        sanitise.loads(b"[" * 2000 + b"]" * 2000)
    with pytest.raises(ValueError):
        sanitise.loads(b"not json")


def test_every_answer_says_nosniff(client: Any) -> None:
    for resp in (client.get("/api/notes"), client.get("/api/missing"), client.get("/healthz"),
                 client.post("/api/notes", data="{", content_type="application/json")):
        assert resp.headers["X-Content-Type-Options"] == "nosniff"
