"""Settings validation and the OpenAPI merge."""
from __future__ import annotations

import json

import pytest

from fibreflow_shared.settings import SettingsError
from gateway import config
from gateway.domain.routes import owner_of
from gateway.entrypoints.openapi_merge import merge


def test_settings_defaults_and_errors() -> None:
    s = config.load({"DATABASE_URL": "postgresql://x/y"})
    assert s.port == 8080 and s.access_token_ttl_seconds == 900 and s.refresh_token_ttl_seconds == 14 * 86400
    assert s.max_body_bytes == 1_048_576 and s.cors_origins == [] and s.upstream_urls()["sla"] == ""
    with pytest.raises(SettingsError) as err:
        config.load({"GATEWAY_PORT": "http", "RATE_LIMIT_PER_IP": "many"})
    assert "DATABASE_URL" in str(err.value) and "GATEWAY_PORT" in str(err.value) and "RATE_LIMIT_PER_IP" in str(err.value)
    with pytest.raises(SettingsError, match="GATEWAY_SECRET_KEY"):
        config.load({"DATABASE_URL": "postgresql://x/y", "FIBREFLOW_ENV": "production"})
    prod = config.load({"DATABASE_URL": "postgresql://x/y", "FIBREFLOW_ENV": "production",
                        "GATEWAY_SECRET_KEY": "s" * 32, "CORS_ORIGINS": "http://a, http://b"})
    assert prod.cors_origins == ["http://a", "http://b"] and len(prod.fernet_key()) == 44


def test_merge_renames_clashing_components_and_keeps_owned_paths() -> None:
    base = {"openapi": "3.0.3", "paths": {"/api/users": {}}, "components": {"schemas": {"Error": {"type": "object"}}}}
    tickets = {"paths": {"/api/tickets": {"get": {"responses": {"200": {"$ref": "#/components/schemas/Error"}}}},
                         "/api/sla/x": {"get": {}}},
               "components": {"schemas": {"Error": {"type": "string"}, "Ticket": {"type": "object"}}}}
    doc = merge(base, {"ticket_core": tickets}, owner_of=owner_of, missing=["sla"])
    assert set(doc["paths"]) == {"/api/users", "/api/tickets"}  # /api/sla/x belongs to sla
    assert doc["components"]["schemas"]["Error"] == {"type": "object"}
    assert doc["components"]["schemas"]["TicketCoreError"] == {"type": "string"}
    ref = doc["paths"]["/api/tickets"]["get"]["responses"]["200"]["$ref"]
    assert ref == "#/components/schemas/TicketCoreError"
    assert doc["x-fibreflow-services"] == {"merged": ["ticket_core"], "missing": ["sla"]}


def _operation_ids(doc: dict) -> list[str]:
    return [op.get("operationId") for item in doc["paths"].values() for method, op in item.items()
            if method in ("get", "post", "put", "patch", "delete")]


def test_merged_document_of_every_published_contract_is_valid(contracts_dir) -> None:
    """What /api/docs serves when every service is up: valid OpenAPI, one operationId per operation."""
    from openapi_spec_validator import validate

    from gateway.entrypoints.http import openapi_document

    services = {path.stem.replace("-", "_"): json.loads(path.read_text())
                for path in sorted((contracts_dir / "openapi").glob("*.json")) if path.stem != "gateway"}
    assert {"ticket_core", "sla", "billing", "notifications"} <= set(services)
    doc = merge(openapi_document(), services, owner_of=owner_of, missing=[])
    validate(doc)
    ids = _operation_ids(doc)
    assert None not in ids and len(ids) == len(set(ids))
    assert "/api/auth/login" in doc["paths"] and "/api/docs/ui" in doc["paths"]
    for service, spec in services.items():  # every path a service owns made it in
        assert {p for p in spec["paths"] if owner_of(p) == service} <= set(doc["paths"]), service
    assert doc["x-fibreflow-services"] == {"merged": sorted(services), "missing": []}


def test_merge_settles_clashing_operation_ids() -> None:
    """A view may name its own operationId; two services naming the same one must not both keep it."""
    from openapi_spec_validator import validate

    from gateway.entrypoints.http import openapi_document

    def spec(paths: dict[str, str | None]) -> dict:
        return {"openapi": "3.0.3", "info": {"title": "x", "version": "1"},
                "paths": {path: {"get": {"responses": {"200": {"description": "ok"}},
                                         **({"operationId": op_id} if op_id else {})},
                                 **({"parameters": [{"name": "id", "in": "path", "required": True,
                                                     "schema": {"type": "string"}}]} if "{id}" in path else {})}
                          for path, op_id in paths.items()}}

    services = {"billing": spec({"/api/ticketing/reports": None}),                # none given
                "sla": spec({"/api/sla/clocks": "getUsers"}),                     # the gateway's own name
                "ticket_core": spec({"/api/tickets": "getSlaClocks",              # taken by the rename above
                                     "/api/tickets/{id}": "listTickets"})}
    doc = merge(openapi_document(), services, owner_of=owner_of, missing=[])
    validate(doc)
    ids = {path: item["get"]["operationId"] for path, item in doc["paths"].items() if "get" in item}
    assert ids["/api/users"] == "getUsers"                      # the gateway's own keep their names
    assert ids["/api/ticketing/reports"] == "getTicketingReports"  # built from method and path
    assert ids["/api/sla/clocks"] == "getSlaClocks" and ids["/api/tickets"] == "getTickets"
    assert ids["/api/tickets/{id}"] == "listTickets"            # no clash: kept
    assert len(_operation_ids(doc)) == len(set(_operation_ids(doc)))
