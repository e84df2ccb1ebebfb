"""Every published OpenAPI document follows contracts/README.md: valid for client generators,
stable operationIds, validation errors as served (400), 401/403/429 documented, examples on
writes, 204 on DELETE, one sort syntax, filter names that are response field names, and
every list paginated. The documents are the ones the drift tests prove equal to the code."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Iterator

import pytest
from openapi_spec_validator import validate

CONTRACTS = Path(__file__).resolve().parents[3] / "contracts" / "openapi"
DOCUMENTS = sorted(CONTRACTS.glob("*.json"))
METHODS = ("get", "post", "put", "patch", "delete")
# Query parameters that shape a list rather than filter it on one field.
LIST_MODIFIERS = {"page", "limit", "sort", "q"}
RANGE = re.compile(r"^(?P<field>.+)_(from|to)$")


def _load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text())


def _operations(doc: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in doc["paths"].items():
        for method in METHODS:
            if method in item:
                yield path, method, item[method]


def _resolve(doc: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = doc["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def _list_item(doc: dict[str, Any], operation: dict[str, Any]) -> dict[str, Any] | None:
    """The item schema of a list answer ``data: {<noun>: [...], pagination}``, else None."""
    content = operation["responses"].get("200", {}).get("content", {}).get("application/json")
    if not content:
        return None
    data = _resolve(doc, _resolve(doc, content["schema"]).get("properties", {}).get("data", {}))
    props = data.get("properties", {})
    if "pagination" not in props:
        return None
    arrays = [p for p in props.values() if p.get("type") == "array"]
    return _resolve(doc, arrays[0]["items"]) if len(arrays) == 1 else None


def _answers_an_array(doc: dict[str, Any], operation: dict[str, Any]) -> bool:
    content = operation["responses"].get("200", {}).get("content", {}).get("application/json")
    if not content:
        return False
    data = _resolve(doc, _resolve(doc, content["schema"]).get("properties", {}).get("data", {}))
    if data.get("type") == "array":
        return True
    # {"<noun>": [...]} (maybe with echoes of the query) is a list; a document that merely has
    # an array among its fields (a calendar's working hours) is not.
    props = data.get("properties", {})
    arrays = [name for name, p in props.items() if p.get("type") == "array"]
    return len(arrays) == 1 and len(props) <= 3 and "pagination" not in props


@pytest.fixture(scope="module", params=DOCUMENTS, ids=[p.stem for p in DOCUMENTS])
def doc(request: pytest.FixtureRequest) -> dict[str, Any]:
    return _load(request.param)


def test_every_document_is_there() -> None:
    assert {p.stem for p in DOCUMENTS} >= {"gateway", "ticket-core", "sla", "billing", "notifications",
                                              "email-intake", "wa-bridge", "qcontact-sync"}


def test_document_passes_the_spec_validator(doc: dict[str, Any]) -> None:
    validate(doc)


def test_operation_ids_are_present_and_unique_across_the_product() -> None:
    seen: dict[str, str] = {}
    for path in DOCUMENTS:
        for route, method, operation in _operations(_load(path)):
            op_id = operation.get("operationId")
            assert op_id, f"{path.stem}: {method.upper()} {route} has no operationId"
            assert re.fullmatch(r"[a-z][A-Za-z0-9]*", op_id), op_id
            where = f"{path.stem}: {method.upper()} {route}"
            assert op_id not in seen, f"operationId {op_id} of {where} is also {seen[op_id]}"
            seen[op_id] = where


def test_validation_errors_are_documented_as_served(doc: dict[str, Any]) -> None:
    assert "UNPROCESSABLE_ENTITY" not in doc["components"].get("responses", {})
    for route, method, operation in _operations(doc):
        answers = operation["responses"]
        assert "$ref" not in answers.get("422", {}), f"{method} {route}: webargs' 422 instead of 400"
        if operation.get("parameters") or operation.get("requestBody"):
            assert "400" in answers, f"{method.upper()} {route} takes input but documents no 400"


def test_auth_and_rate_limit_answers_are_documented(doc: dict[str, Any]) -> None:
    for route, method, operation in _operations(doc):
        answers = operation["responses"]
        assert "429" in answers, f"{method.upper()} {route}"
        if operation.get("security", doc.get("security")):
            assert {"401", "403"} <= set(answers), f"{method.upper()} {route}"


def test_delete_answers_204_without_a_body(doc: dict[str, Any]) -> None:
    for route, method, operation in _operations(doc):
        if method != "delete":
            continue
        successes = {s: a for s, a in operation["responses"].items() if s.startswith("2")}
        assert set(successes) == {"204"}, f"DELETE {route} answers {sorted(successes)}"
        assert not successes["204"].get("content"), f"DELETE {route} documents a body"


def test_write_operations_have_request_and_response_examples(doc: dict[str, Any]) -> None:
    for route, method, operation in _operations(doc):
        if method == "get":
            continue
        for media, content in operation.get("requestBody", {}).get("content", {}).items():
            if media == "application/json":
                assert "example" in content or "examples" in content, f"{method.upper()} {route} request"
        for status, answer in operation["responses"].items():
            if status.startswith("2") and "$ref" not in answer:
                for media, content in answer.get("content", {}).items():
                    if media == "application/json":
                        assert "example" in content or "examples" in content, f"{method.upper()} {route} {status}"


def test_sort_is_one_syntax_over_response_fields(doc: dict[str, Any]) -> None:
    for route, method, operation in _operations(doc):
        for param in operation.get("parameters", []):
            if param["name"] != "sort":
                continue
            fields = param["schema"].get("x-sort-fields")
            assert fields, f"{method.upper()} {route}: sort without x-sort-fields (use SortArg)"
            item = _list_item(doc, operation)
            if item is not None:
                unknown = set(fields) - set(item.get("properties", {}))
                assert not unknown, f"{method.upper()} {route} sorts by non-fields {sorted(unknown)}"


def test_list_filters_are_response_field_names(doc: dict[str, Any]) -> None:
    for route, method, operation in _operations(doc):
        if method != "get":
            continue
        item = _list_item(doc, operation)
        if item is None:
            continue
        names = set(item.get("properties", {}))
        for param in operation.get("parameters", []):
            if param["in"] != "query" or param["name"] in LIST_MODIFIERS:
                continue
            name = param["name"]
            ranged = RANGE.match(name)
            field = ranged.group("field") if ranged and ranged.group("field") in names else name
            assert field in names or param["schema"].get("x-filter"), (
                f"GET {route}: filter {name!r} is not a field of the items ({sorted(names)})")


def test_every_list_is_paginated(doc: dict[str, Any]) -> None:
    for route, method, operation in _operations(doc):
        # A path ending in an id names one thing (a ticket's two clocks are part of it).
        # Reports answer every row of an aggregate (contracts/README.md).
        if method == "get" and not route.endswith("}") and "/reports/" not in route \
                and _answers_an_array(doc, operation):
            assert _list_item(doc, operation) is not None or operation.get("x-unpaginated"), (
                f"GET {route} answers a list without the pagination object")


def _unbounded_numbers(doc: dict[str, Any], schema: dict[str, Any], where: str, depth: int = 0) -> Iterator[str]:
    schema = _resolve(doc, schema)
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), None)
    if kind in ("integer", "number") and not schema.get("readOnly") \
            and ("minimum" not in schema or "maximum" not in schema):
        yield where
    if depth > 8:
        return
    for name, sub in (schema.get("properties") or {}).items():
        yield from _unbounded_numbers(doc, sub, f"{where}.{name}", depth + 1)
    if isinstance(schema.get("items"), dict):
        yield from _unbounded_numbers(doc, schema["items"], f"{where}[]", depth + 1)
    for key in ("allOf", "oneOf", "anyOf"):
        for sub in schema.get(key, []):
            yield from _unbounded_numbers(doc, sub, where, depth + 1)


def test_every_number_a_client_sends_is_bounded(doc: dict[str, Any]) -> None:
    """A number without a range reaches the database as an overflow (``page=9223372036854775807``
    was a 500): every integer or number in a parameter or a request body has minimum and maximum."""
    unbounded = []
    for route, method, operation in _operations(doc):
        for param in operation.get("parameters", []):
            unbounded += _unbounded_numbers(doc, param.get("schema", {}),
                                            f"{method.upper()} {route} {param['in']}:{param['name']}")
        for media in (operation.get("requestBody", {}).get("content") or {}).values():
            unbounded += _unbounded_numbers(doc, media.get("schema", {}), f"{method.upper()} {route} body")
    assert unbounded == [], "numbers without a minimum and maximum:\n" + "\n".join(unbounded)
