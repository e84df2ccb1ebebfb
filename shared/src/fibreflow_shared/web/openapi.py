"""The last pass over every OpenAPI document a service or the gateway serves.

flask-smorest writes what the decorators say; integrators generating clients need more, and
the same everywhere (contracts/README.md):
- a stable ``operationId`` on every operation (from method and path unless a view names one);
- validation failures documented as they are served: 400 with the error envelope (webargs'
  default says 422, which we never send for bad input);
- 401 and 403 on every authenticated operation, 429 on every operation (the gateway's limits);
- a request and response example on every write operation, built from the schemas' own
  ``example`` metadata and types where a view gives none;
- numeric ``minimum``/``maximum`` as numbers (``Decimal`` ranges came out as strings).
"""
from __future__ import annotations

import copy
import re
from decimal import Decimal
from typing import Any

WRITE_METHODS = ("post", "put", "patch", "delete")
METHODS = ("get", *WRITE_METHODS)
_ERROR_ENVELOPE_REF = "#/components/schemas/ErrorEnvelope"

_STANDARD_RESPONSES: dict[str, dict[str, Any]] = {
    "VALIDATION_ERROR": {
        "description": "Validation failed: `error.details` names each field and what is wrong with it",
        "example": {"success": False, "error": {"code": "VALIDATION_ERROR", "message": "Request validation failed",
                                                 "details": {"title": ["Missing data for required field."]},
                                                 "request_id": "0b8f0f7c6a2e4d0e9c1b2a3d4e5f6a7b"}},
    },
    "UNAUTHORIZED": {
        "description": "No valid bearer token",
        "example": {"success": False, "error": {"code": "UNAUTHORIZED", "message": "Missing bearer token"}},
    },
    "FORBIDDEN": {
        "description": "The token's roles do not allow this operation on this resource",
        "example": {"success": False, "error": {"code": "FORBIDDEN", "message": "Requires one of: admin"}},
    },
    "RATE_LIMITED": {
        "description": "Too many requests; `Retry-After` says how many seconds to wait",
        "headers": {"Retry-After": {"schema": {"type": "integer"}, "description": "seconds to wait"}},
        "example": {"success": False, "error": {"code": "RATE_LIMITED", "message": "Rate limit exceeded"}},
    },
}
# The envelope of ARCHITECTURE.md, for documents not built by the kit's app (which registers it).
_ERROR_ENVELOPE_SCHEMA: dict[str, Any] = {
    "type": "object", "required": ["success", "error"],
    "properties": {"success": {"type": "boolean", "example": False},
                   "error": {"type": "object", "required": ["code", "message"], "properties": {
                       "code": {"type": "string", "example": "VALIDATION_ERROR"}, "message": {"type": "string"},
                       "details": {"description": "Field errors or other structured detail"},
                       "request_id": {"type": "string"}}}},
}
_STATUS_OF = {"VALIDATION_ERROR": "400", "UNAUTHORIZED": "401", "FORBIDDEN": "403", "RATE_LIMITED": "429"}


def operation_id(method: str, path: str) -> str:
    """``GET /api/tickets/{id}/notes`` → ``getTicketsByIdNotes`` (``/api`` dropped; unique per
    method and path, so stable as long as the route is)."""
    words: list[str] = []
    for part in path.strip("/").split("/"):
        if not part or part == "api":
            continue
        param = re.fullmatch(r"\{([^}]+)\}", part)
        name = param.group(1) if param else part
        chunks = [c for c in re.split(r"[^0-9A-Za-z]+", name) if c]
        camel = "".join(c[:1].upper() + c[1:] for c in chunks)
        words.append(("By" + camel) if param else camel)
    return method.lower() + "".join(words)


def _response(name: str) -> dict[str, Any]:
    spec = _STANDARD_RESPONSES[name]
    out: dict[str, Any] = {"description": spec["description"],
                           "content": {"application/json": {"schema": {"$ref": _ERROR_ENVELOPE_REF},
                                                            "example": spec["example"]}}}
    if "headers" in spec:
        out["headers"] = spec["headers"]
    return out


def _resolve(schema: dict[str, Any], components: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = components.get(schema["$ref"].rsplit("/", 1)[-1], {})
    return schema


_FORMAT_EXAMPLES = {"date-time": "2026-12-01T08:30:00+02:00", "date": "2026-12-01", "uuid":
                    "3fa85f64-5717-4562-b3fc-2c963f66afa6", "email": "ops@example.org", "binary": "<file>",
                    "decimal": "1250.00", "uri": "https://example.org/callback"}


def example_for(schema: dict[str, Any], components: dict[str, Any], depth: int = 0,
                name: str = "") -> Any:
    """An example value for a JSON schema: its own example, else one built from its type."""
    if "example" in schema:
        return schema["example"]
    schema = _resolve(schema, components)
    if "example" in schema:
        return schema["example"]
    if depth > 6:
        return None
    if "enum" in schema and schema["enum"]:
        return schema["enum"][0]
    for key in ("allOf", "oneOf", "anyOf"):
        if schema.get(key):
            return example_for(schema[key][0], components, depth + 1, name)
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "string")
    if kind == "object" or "properties" in schema:
        props = schema.get("properties") or {}
        if not props and isinstance(schema.get("additionalProperties"), dict):
            return {"key": example_for(schema["additionalProperties"], components, depth + 1)}
        return {key: example_for(sub, components, depth + 1, key) for key, sub in props.items()
                if not sub.get("readOnly") or depth > 0}
    if kind == "array":
        item = example_for(schema.get("items") or {}, components, depth + 1, name)
        return [] if item is None else [item]
    if kind == "integer":
        return int(schema.get("minimum", 1)) if not isinstance(schema.get("minimum"), str) else 1
    if kind == "number":
        return float(schema.get("minimum", 1.5)) if not isinstance(schema.get("minimum"), str) else 1.5
    if kind == "boolean":
        return True
    fmt = schema.get("format")
    if fmt in _FORMAT_EXAMPLES:
        return _FORMAT_EXAMPLES[fmt]
    if schema.get("minLength") and schema["minLength"] > len(name or "x"):
        return "x" * schema["minLength"]
    return name or "string"


def _numbers(node: Any) -> None:
    if isinstance(node, Decimal):
        return
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(value, Decimal) and key in ("example", "default"):
                node[key] = str(value)
        for key in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
            value = node.get(key)
            if isinstance(value, (str, Decimal)):  # Decimal ranges come out as text or Decimal
                try:
                    number = float(value)
                except ValueError:
                    continue
                node[key] = int(number) if number.is_integer() else number
        for value in node.values():
            _numbers(value)
    elif isinstance(node, list):
        for value in node:
            _numbers(value)


def _comma_lists(operation: dict[str, Any]) -> None:
    """Comma-list query parameters as OpenAPI says them: an array, ``style: form``,
    ``explode: false`` (``status=new,triaged``), so generated clients type each value."""
    for param in operation.get("parameters", []):
        schema = param.get("schema", {})
        spec = schema.pop("x-comma-list", None)
        if spec is None or param.get("in") != "query":
            continue
        array: dict[str, Any] = {"type": "array", "items": spec["items"], "minItems": 1, "maxItems": spec["maxItems"]}
        for key in ("x-sort-fields", "x-filter", "default", "example"):
            if key in schema:
                value = schema[key]
                array[key] = value.split(",") if key in ("default", "example") and isinstance(value, str) else value
        param["schema"] = array
        param["style"], param["explode"] = "form", False


def _add_examples(operation: dict[str, Any], components: dict[str, Any]) -> None:
    body = operation.get("requestBody", {}).get("content", {})
    for media_type, content in body.items():
        if "example" not in content and "examples" not in content and "schema" in content:
            content["example"] = example_for(content["schema"], components)
    for status, response in operation.get("responses", {}).items():
        if not status.startswith("2") or "$ref" in response:
            continue
        for content in response.get("content", {}).values():
            if "example" not in content and "examples" not in content and "schema" in content:
                content["example"] = example_for(content["schema"], components)


def finish_document(document: dict[str, Any]) -> dict[str, Any]:
    """The served document: ``document`` with the conventions above applied (a new dict)."""
    doc = copy.deepcopy(document)
    _numbers(doc)
    components = doc.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    responses = components.setdefault("responses", {})
    schemas.setdefault("ErrorEnvelope", _ERROR_ENVELOPE_SCHEMA)
    responses.pop("UNPROCESSABLE_ENTITY", None)
    for name in _STANDARD_RESPONSES:
        responses[name] = _response(name)
    default_security = doc.get("security", [])
    for path, item in doc.get("paths", {}).items():
        for method in METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            operation.setdefault("operationId", operation_id(method, path))
            _comma_lists(operation)
            answers = operation.setdefault("responses", {})
            unprocessable = answers.get("422")
            if unprocessable is not None and unprocessable.get("$ref", "").endswith("/UNPROCESSABLE_ENTITY"):
                del answers["422"]  # webargs' default; we answer validation failures with 400
            if "400" not in answers and (operation.get("parameters") or operation.get("requestBody")):
                answers["400"] = {"$ref": "#/components/responses/VALIDATION_ERROR"}
            secured = bool(operation.get("security", default_security))
            wanted = ("UNAUTHORIZED", "FORBIDDEN", "RATE_LIMITED") if secured else ("RATE_LIMITED",)
            for name in wanted:
                answers.setdefault(_STATUS_OF[name], {"$ref": f"#/components/responses/{name}"})
            if method in WRITE_METHODS:
                _add_examples(operation, schemas)
            operation["responses"] = dict(sorted(answers.items(), key=lambda kv: (kv[0] == "default", kv[0])))
    return doc
