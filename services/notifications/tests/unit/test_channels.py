"""Provider adapters map answers to sent / transient / permanent; the SMS provider is config."""
from __future__ import annotations

from typing import Any

import pytest
import requests

from notifications.adapters.channels import (BulkSms, OutgoingMessage, PermanentSendError, TransientSendError,
                                             TwilioSms, build_channels)
from notifications.config import load

SETTINGS = load(database_url="postgresql://unused@127.0.0.1:1/x")
MSG = OutgoingMessage("7f1c5d2e-0000-4000-8000-000000000001", "sms", "+27821234567", "", "hello")


class FakeSession:
    def __init__(self, status: int | None, body: Any = None) -> None:
        self.status, self.body, self.calls = status, body, []

    def post(self, url: str, **kwargs: Any) -> requests.Response:
        self.calls.append((url, kwargs))
        if self.status is None:
            raise requests.ConnectionError("refused")
        resp = requests.Response()
        resp.status_code = self.status
        resp._content = __import__("json").dumps(self.body).encode()
        return resp


def test_sms_provider_is_chosen_by_configuration() -> None:
    assert isinstance(build_channels(SETTINGS)["sms"], TwilioSms)
    bulk = load(database_url="postgresql://unused@127.0.0.1:1/x", sms_provider="bulksms")
    assert isinstance(build_channels(bulk)["sms"], BulkSms)


def test_twilio_request_format_and_error_mapping() -> None:
    ok = FakeSession(201, {"sid": "SMabc", "status": "queued"})
    assert TwilioSms(SETTINGS, ok).send(MSG).provider_id == "SMabc"
    url, kwargs = ok.calls[0]
    assert url.endswith(f"/2010-04-01/Accounts/{SETTINGS.twilio_account_sid}/Messages.json")
    assert kwargs["auth"] == (SETTINGS.twilio_account_sid, SETTINGS.twilio_auth_token)
    assert kwargs["data"]["StatusCallback"].endswith("/api/notifications/webhooks/sms/status")
    assert kwargs["data"]["To"] == "+27821234567" and kwargs["data"]["From"] == SETTINGS.sms_from
    for status, error in ((503, TransientSendError), (429, TransientSendError), (None, TransientSendError),
                          (400, PermanentSendError), (401, PermanentSendError)):
        with pytest.raises(error):
            TwilioSms(SETTINGS, FakeSession(status, {"code": 21211, "message": "bad"})).send(MSG)


def test_bulksms_request_format_and_error_mapping() -> None:
    ok = FakeSession(201, [{"id": "4211", "status": {"type": "ACCEPTED"}}])
    assert BulkSms(SETTINGS, ok).send(MSG).provider_id == "4211"
    assert ok.calls[0][1]["json"]["to"] == "+27821234567" and ok.calls[0][0].endswith("/messages")
    with pytest.raises(PermanentSendError):
        BulkSms(SETTINGS, FakeSession(201, [{"id": "1", "status": {"type": "FAILED"}}])).send(MSG)
    with pytest.raises(TransientSendError):
        BulkSms(SETTINGS, FakeSession(502, {})).send(MSG)
