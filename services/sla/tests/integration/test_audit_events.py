"""Every SLA configuration change stages exactly one ``audit.recorded`` event in its transaction."""
from __future__ import annotations

import pytest

from fibreflow_shared.testing.tokens import TestSigner

pytestmark = pytest.mark.integration


def test_config_changes_write_one_record_each_and_refusals_none(client, signer: TestSigner, outbox_events) -> None:
    admin = {**signer.headers(roles=["admin"]), "X-Request-ID": "req-sla-audit"}
    body = {"types": [{"ticket_type": "fault", "base_hours": 6}]}
    assert client.post("/api/sla/configs", json=body, headers=admin).status_code == 200
    refused = {"types": [{"ticket_type": "fault", "warning_threshold_percent": 95}]}
    assert client.post("/api/sla/configs", json=refused, headers=admin).status_code == 422  # rolled back
    assert client.post("/api/sla/configs", json={"overrides": [{"ticket_type": "build", "priority": "critical",
                                                                 "base_hours": 5}]}, headers=admin).status_code == 200
    assert client.delete("/api/sla/configs/overrides/build/critical", headers=admin).status_code == 204
    records = [e["data"] for e in outbox_events("audit.recorded")]
    assert [r["target"]["id"] for r in records] == ["update_configs", "update_configs", "delete_override"]
    assert {r["action"] for r in records} == {"sla_config.changed"}
    first = records[0]
    assert first["request_id"] == "req-sla-audit" and first["actor"] is not None
    fault = {t["ticket_type"]: t for t in first["after"]["targets"]["types"]}["fault"]
    assert fault["base_hours"] == 6
    assert {t["ticket_type"]: t for t in first["before"]["targets"]["types"]}["fault"]["base_hours"] != 6
