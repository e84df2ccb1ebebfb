from __future__ import annotations

import pytest

from console.config import DEV_TOKEN_KEY, load
from fibreflow_shared.settings import SettingsError

DB = {"DATABASE_URL": "postgresql://x@127.0.0.1/x"}


def test_secure_cookie_names_by_default() -> None:
    s = load(DB)
    assert s.cookie_name == "__Host-ff_console" and not s.insecure_dev_cookies


def test_insecure_dev_mode_drops_the_host_prefix() -> None:
    assert load({**DB, "CONSOLE_INSECURE_DEV_COOKIES": "true"}).cookie_name == "ff_console"


def test_production_refuses_dev_keys_and_insecure_cookies() -> None:
    prod = {**DB, "FIBREFLOW_ENV": "production"}
    with pytest.raises(SettingsError, match="CONSOLE_TOKEN_KEYS"):
        load(prod)
    with pytest.raises(SettingsError, match="CONSOLE_TOKEN_KEYS"):
        load({**prod, "CONSOLE_TOKEN_KEYS": DEV_TOKEN_KEY})
    key = "dGhpcy1pcy1hLXByb2R1Y3Rpb24ta2V5LTMyYnl0ZXM="
    assert load({**prod, "CONSOLE_TOKEN_KEYS": key}).token_keys == [key]
    with pytest.raises(SettingsError, match="INSECURE"):
        load({**prod, "CONSOLE_TOKEN_KEYS": key, "CONSOLE_INSECURE_DEV_COOKIES": "true"})


def test_bad_token_key_is_named() -> None:
    with pytest.raises(SettingsError, match="CONSOLE_TOKEN_KEYS"):
        load({**DB, "CONSOLE_TOKEN_KEYS": "short"})


def test_the_console_documents_no_api() -> None:
    """It answers browsers, not API clients: its /openapi.json has no paths, so the gateway's merged
    /api/docs gains nothing from it and contracts/openapi holds no console document."""
    from console.cli import CLI

    assert CLI.openapi_document()["paths"] == {}


def test_whatsapp_ticks_spell_out_the_delivery_state() -> None:
    from console.entrypoints.integration_pages import ticks

    assert ticks({"ack_name": "READ"}) == ("✓✓", "read")
    assert ticks({"status": "sent"}) == ("✓", "sent")
    assert ticks({"status": "failed"}) == ("!", "failed")
    assert ticks({}) == ("🕓", "pending")
