"""Webhook signatures (constant-time, windowed) and the production refusal of development secrets."""
from __future__ import annotations

import pytest

from fibreflow_shared.settings import SettingsError, load_settings
from qcontact_sync.config import Settings
from qcontact_sync.domain.signatures import (WebhookRejected, sign_fibertime, sign_standard, verify_fibertime,
                                             verify_standard)

NOW = 1_800_000_000


def test_standard_signature_accepts_rotation_and_refuses_the_rest() -> None:
    body = b'{"event":"case.updated","case_id":"1"}'
    sig = sign_standard("new", "m1", NOW, body)
    headers = {"webhook-id": "m1", "webhook-timestamp": str(NOW), "webhook-signature": f"v1,bogus {sig}"}
    assert verify_standard(["old", "new"], headers, body, NOW) == "m1"
    for bad in ({**headers, "webhook-signature": "v1,bogus"}, {**headers, "webhook-timestamp": "x"},
                {**headers, "webhook-id": ""}):
        with pytest.raises(WebhookRejected):
            verify_standard(["new"], bad, body, NOW)
    with pytest.raises(WebhookRejected, match="window"):
        verify_standard(["new"], headers, body, NOW + 301)
    with pytest.raises(WebhookRejected):
        verify_standard(["new"], headers, body + b" ", NOW)


def test_fibertime_signature() -> None:
    body = b'{"event":"ticket.created"}'
    header = sign_fibertime("s", NOW, body)
    assert header.startswith(f"t={NOW},v1=")
    assert verify_fibertime(["s"], header, body, NOW) == header.split("v1=")[1]
    for bad in (None, "", f"t={NOW}", "v1=abc", header.replace("v1=", "v1=0"), f"t=x,{header.split(',')[1]}"):
        with pytest.raises(WebhookRejected):
            verify_fibertime(["s"], bad, body, NOW)
    with pytest.raises(WebhookRejected, match="window"):
        verify_fibertime(["s"], header, body, NOW - 301)


def test_production_refuses_development_secrets() -> None:
    env = {"DATABASE_URL": "postgresql://x/y", "FIBREFLOW_ENV": "production"}
    with pytest.raises(SettingsError) as info:
        load_settings(Settings, env)
    for name in ("QCONTACT_PASSWORD", "QCONTACT_WEBHOOK_SECRET", "FIBERTIME_WEBHOOK_SECRET", "QCONTACT_PII_KEYS",
                 "QCONTACT_INDEX_KEY"):
        assert name in str(info.value)


def test_maps_are_validated() -> None:
    env = {"DATABASE_URL": "postgresql://x/y"}
    with pytest.raises(SettingsError, match="QCONTACT_STATUS_MAP"):
        load_settings(Settings, {**env, "QCONTACT_STATUS_MAP": '{"Open": "opened"}'})
    with pytest.raises(SettingsError, match="QCONTACT_AUTH_STYLE"):
        load_settings(Settings, {**env, "QCONTACT_AUTH_STYLE": "basic"})
    ok = load_settings(Settings, {**env, "QCONTACT_STATUS_MAP": '{"Open": "triaged", "Done": "closed"}'})
    assert ok.statuses == {"Open": "triaged", "Done": "closed"}
