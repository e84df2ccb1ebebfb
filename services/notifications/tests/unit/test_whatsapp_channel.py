"""The WhatsApp channel sends through wa-bridge's notify endpoint with its service key."""
from __future__ import annotations

import json
from typing import Any

import pytest
import requests

from notifications.adapters.channels import OutgoingMessage, PermanentSendError, TransientSendError, WhatsAppBridge
from notifications.config import load

MSG = OutgoingMessage("7f1c5d2e-0000-4000-8000-000000000009", "whatsapp", "+27821234567", "", "SLA breached")


class FakeSession:
    def __init__(self, status: int | None, body: Any = None) -> None:
        self.status, self.body, self.calls = status, body, []

    def post(self, url: str, **kwargs: Any) -> requests.Response:
        self.calls.append((url, kwargs))
        if self.status is None:
            raise requests.ConnectionError("refused")
        resp = requests.Response()
        resp.status_code = self.status
        resp._content = json.dumps(self.body).encode()
        return resp


def _settings(**over: Any) -> Any:
    return load(database_url="postgresql://unused@127.0.0.1:1/x", **over)


def test_unconfigured_bridge_fails_permanently() -> None:
    with pytest.raises(PermanentSendError):
        WhatsAppBridge(_settings(wa_bridge_url="")).send(MSG)


def test_request_format_idempotency_key_and_error_mapping() -> None:
    settings = _settings(wa_bridge_url="http://wa-bridge:8086/", wa_bridge_key="k1")
    ok = FakeSession(202, {"success": True, "data": {"id": "0b7d6f0e-1111-4222-8333-444455556666"}})
    result = WhatsAppBridge(settings, ok).send(MSG)
    assert (result.provider, result.provider_id) == ("wa_bridge", "0b7d6f0e-1111-4222-8333-444455556666")
    url, kwargs = ok.calls[0]
    assert url == "http://wa-bridge:8086/api/wa-bridge/notify" and kwargs["headers"] == {"X-Service-Key": "k1"}
    assert kwargs["json"] == {"to": "+27821234567", "text": "SLA breached",
                              "client_ref": f"notification:{MSG.id}"}
    for status, error in ((503, TransientSendError), (None, TransientSendError), (429, TransientSendError),
                          (403, PermanentSendError), (422, PermanentSendError)):
        with pytest.raises(error):
            WhatsAppBridge(settings, FakeSession(status, {"success": False})).send(MSG)


def test_a_bridge_url_needs_its_key() -> None:
    from fibreflow_shared.settings import SettingsError

    with pytest.raises(SettingsError):
        _settings(wa_bridge_url="http://wa-bridge:8086")
