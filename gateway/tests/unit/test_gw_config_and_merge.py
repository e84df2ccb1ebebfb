"""Settings validation and the OpenAPI merge."""
from __future__ import annotations

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
