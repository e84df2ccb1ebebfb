"""Poison generated from each service's OpenAPI document: a NUL in every path parameter, every
string query parameter and every string field of every JSON body, a lone surrogate in every such
body field, and JSON nested 1,000 deep in every JSON body. Each one is a 400 VALIDATION_ERROR
naming the field, in every service, before any view or database sees it (issue #11 item 5).

schemathesis finds NULs only by chance and never sends a lone surrogate (Hypothesis text has
none); this walks every field on purpose, deterministically.
"""
from __future__ import annotations

import json
from typing import Any, Callable, Iterator
from urllib.parse import quote

import pytest

SERVICES = ("ticket-core", "sla", "billing", "notifications")
METHODS = ("get", "post", "put", "patch", "delete")


def _resolve(doc: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = doc["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def _is_text(schema: dict[str, Any]) -> bool:
    kind = schema.get("type")
    return kind == "string" or (isinstance(kind, list) and "string" in kind) or "x-comma-list" in schema


def _probes(doc: dict[str, Any]) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    """(label, field, method, request kwargs) for every poisoned request of one document."""
    for route, item in doc["paths"].items():
        for method in METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            params = operation.get("parameters", []) + item.get("parameters", [])
            path_names = [p["name"] for p in params if p["in"] == "path"]
            clean = {name: "x1" for name in path_names}

            def url(values: dict[str, str], query: str = "") -> str:
                out = route
                for name, value in values.items():
                    out = out.replace("{" + name + "}", value)
                return out + query

            label = f"{method.upper()} {route}"
            for name in path_names:
                yield label, name, method, {"path": url({**clean, name: "x%00"})}
            for param in params:
                if param["in"] == "query" and _is_text(_resolve(doc, param.get("schema", {}))):
                    yield label, param["name"], method, {"path": url(clean, f"?{param['name']}={quote('a')}%00")}
            media = (operation.get("requestBody", {}).get("content") or {}).get("application/json")
            if not media:
                continue
            example = media.get("example")
            schema = _resolve(doc, media.get("schema", {}))
            if not isinstance(example, dict):
                example = {}
            for field, sub in (schema.get("properties") or {}).items():
                if _is_text(_resolve(doc, sub)) and not sub.get("readOnly"):
                    for bad in ("a\u0000b", "a\ud800b"):
                        raw = json.dumps({**example, field: bad})  # ensure_ascii: sent as \u escapes
                        yield label, field, method, {"path": url(clean), "data": raw,
                                                     "content_type": "application/json"}
            deep = '{"x": ' + "[" * 1000 + "]" * 1000 + "}"
            yield label, "body", method, {"path": url(clean), "data": deep, "content_type": "application/json"}


@pytest.mark.parametrize("service", SERVICES)
def test_every_field_refuses_nul_surrogates_and_deep_json(service: str, service_apps: dict[str, Any],
                                                          tokens: Callable[..., dict[str, str]]) -> None:
    app = service_apps[service].app
    client = app.test_client()
    doc = client.get("/openapi.json").get_json()
    admin = tokens("admin")
    sent, wrong = 0, []
    for label, field, method, kwargs in _probes(doc):
        path = kwargs.pop("path")
        resp = client.open(path, method=method.upper(), headers=admin, **kwargs)
        sent += 1
        body = resp.get_json(silent=True) or {}
        details = (body.get("error") or {}).get("details") or {}
        # A typed path segment (<uuid:...>) that no route matches is named as the whole "path".
        named = field in details or (kwargs.get("data") is None and "?" not in path and "path" in details)
        if resp.status_code != 400 or not named:
            wrong.append(f"{label} [{field}]: {resp.status_code} {resp.get_data(as_text=True)[:200]}")
    print(f"poison inputs {service}: {sent} requests, {len(wrong)} not refused")
    assert sent > 20
    assert wrong == [], f"{len(wrong)} of {sent} poisoned requests not a 400 naming the field:\n" + "\n".join(wrong)
