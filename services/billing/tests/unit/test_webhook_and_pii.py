"""Webhook signatures (forged, stale, rotated keys) and PII encryption / blind indexes."""
from __future__ import annotations

import pytest
from cryptography.fernet import Fernet

from billing.adapters.pii import client_phone, name_tokens, query_tokens
from billing.domain import webhooks
from fibreflow_shared.pii import InvalidPhone, PiiCipher

BODY = b'{"event":"invoice.paid","invoice_id":"INV-2026-001","line_items":[]}'


def headers(secret: str = "s3cret", ts: int = 1_000_000, body: bytes = BODY, wid: str = "msg_1") -> dict:
    return {"webhook-id": wid, "webhook-timestamp": str(ts), "webhook-signature": webhooks.sign(secret, wid, ts, body)}


def test_valid_signature_returns_the_webhook_id() -> None:
    assert webhooks.verify(["s3cret"], headers(), BODY, now=1_000_010) == "msg_1"
    # Rotation: any configured secret, and several offered signatures.
    h = headers("new")
    h["webhook-signature"] = headers("old")["webhook-signature"] + " " + h["webhook-signature"]
    assert webhooks.verify(["old-not-used", "new"], h, BODY, now=1_000_000) == "msg_1"


@pytest.mark.parametrize("mutate", [
    lambda h, b: ({**h, "webhook-signature": headers("wrong")["webhook-signature"]}, b),   # forged
    lambda h, b: (h, b.replace(b"INV-2026-001", b"INV-2026-002")),                         # body changed
    lambda h, b: ({**h, "webhook-id": "msg_2"}, b),                                         # id swapped
    lambda h, b: ({**h, "webhook-timestamp": "1000001"}, b),                                # timestamp moved
    lambda h, b: ({k: v for k, v in h.items() if k != "webhook-signature"}, b),             # unsigned
    lambda h, b: ({**h, "webhook-signature": "v1,"}, b),
    lambda h, b: ({**h, "webhook-timestamp": "soon"}, b),
])
def test_forged_or_altered_webhooks_are_rejected(mutate) -> None:
    h, b = mutate(headers(), BODY)
    with pytest.raises(webhooks.WebhookRejected):
        webhooks.verify(["s3cret"], h, b, now=1_000_000)


def test_stale_or_future_timestamps_are_rejected() -> None:
    with pytest.raises(webhooks.WebhookRejected):
        webhooks.verify(["s3cret"], headers(), BODY, now=1_000_000 + 301)
    with pytest.raises(webhooks.WebhookRejected):
        webhooks.verify(["s3cret"], headers(), BODY, now=1_000_000 - 301)


def test_pii_round_trip_rotation_and_blind_indexes() -> None:
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    before = PiiCipher([old], "k")
    token = before.encrypt("Thandi Nkosi")
    assert "Thandi" not in token
    after = PiiCipher([new, old], "k")
    assert after.decrypt(token) == "Thandi Nkosi"
    assert after.decrypt(after.rotate(token)) == "Thandi Nkosi"
    assert after.decrypt(token.encode()) == "Thandi Nkosi"  # as read back from the bytea column
    tokens = set(name_tokens(after, "Thandi Nkosi"))
    assert set(query_tokens(after, "nko")) <= tokens and set(query_tokens(after, "Th Nk")) <= tokens
    assert set(query_tokens(after, "NKÓ")) <= tokens  # case and accents folded
    assert not set(query_tokens(after, "nkx")) <= tokens
    assert query_tokens(PiiCipher([new], "other"), "nko") != query_tokens(after, "nko")  # keyed
    assert client_phone("082 123 4567") == client_phone("+27821234567") == "+27821234567"
    assert client_phone("12345") == "+2712345"  # billing accepts any possible number, not only assigned ranges
    with pytest.raises(InvalidPhone):
        client_phone("12")


# -- Standard Webhooks secrets in the standard's whsec_ form, checked against the official library --

def test_whsec_secret_verifies_what_the_official_library_signs() -> None:
    """A secret configured exactly as the standard hands it out (``whsec_<base64>``) verifies
    what ``standardwebhooks`` signs, and our signature verifies in the library: same key bytes."""
    import base64
    import datetime
    import time

    import standardwebhooks

    secret = "whsec_" + base64.b64encode(b"0123456789abcdef0123456789abcdef").decode()
    now = int(time.time())
    stamp = datetime.datetime.fromtimestamp(now, tz=datetime.timezone.utc)
    signature = standardwebhooks.Webhook(secret).sign("msg_1", stamp, BODY.decode())
    h = {"webhook-id": "msg_1", "webhook-timestamp": str(now), "webhook-signature": signature}
    assert webhooks.verify([secret], h, BODY, now=now) == "msg_1"
    # The other way round: what billing signs, the official verifier accepts (it raises otherwise).
    ours = {**h, "webhook-signature": webhooks.sign(secret, "msg_1", now, BODY)}
    assert standardwebhooks.Webhook(secret).verify(BODY, ours) == {
        "event": "invoice.paid", "invoice_id": "INV-2026-001", "line_items": []}


def test_whsec_secret_is_the_decoded_key_not_its_text() -> None:
    import base64
    import hashlib
    import hmac

    key = b"k" * 24
    secret = "whsec_" + base64.b64encode(key).decode()
    expected = base64.b64encode(hmac.new(key, b"msg_1.1000000." + BODY, hashlib.sha256).digest()).decode()
    assert webhooks.sign(secret, "msg_1", 1_000_000, BODY) == "v1," + expected
    with pytest.raises(webhooks.WebhookRejected):  # signed with the text of the secret: refused
        webhooks.verify([secret], headers(secret.replace("whsec_", "x")), BODY, now=1_000_000)


def test_a_whsec_secret_that_is_not_base64_is_refused_at_start_up() -> None:
    from billing import config
    from fibreflow_shared.settings import SettingsError, load_settings

    with pytest.raises(SettingsError):
        load_settings(config.Settings, {"INVOICING_WEBHOOK_SECRET": "whsec_not*base64!"})
