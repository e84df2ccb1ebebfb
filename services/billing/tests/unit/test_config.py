"""billing's development keys are refused in production, whether left unset or set to the published value."""
from __future__ import annotations

import pytest

from billing.config import DEV_WEBHOOK_SECRET, Settings
from fibreflow_shared.settings import SettingsError, dev_defaults_in_use, load_settings

BASE = {"FIBREFLOW_ENV": "production", "DATABASE_URL": "postgresql://x@127.0.0.1/x"}
OWN = {"BILLING_PII_KEYS": "b3duLWtleS1vd24ta2V5LW93bi1rZXktb3duLWtleS0=", "BILLING_INDEX_KEY": "own-index",
       "INVOICING_API_KEY": "own-api-key", "INVOICING_WEBHOOK_SECRET": "own-webhook-secret"}


def test_production_refuses_unset_development_keys() -> None:
    with pytest.raises(SettingsError) as refused:
        load_settings(Settings, BASE)
    for name in OWN:
        assert name in str(refused.value)


def test_production_refuses_the_published_webhook_secret_set_explicitly() -> None:
    with pytest.raises(SettingsError, match="INVOICING_WEBHOOK_SECRET"):
        load_settings(Settings, {**BASE, **OWN, "INVOICING_WEBHOOK_SECRET": DEV_WEBHOOK_SECRET})
    assert load_settings(Settings, {**BASE, **OWN}).invoicing_webhook_secrets == ["own-webhook-secret"]


def test_development_names_the_keys_still_on_their_published_values() -> None:
    settings = load_settings(Settings, {"DATABASE_URL": "postgresql://x@127.0.0.1/x"})
    assert set(dev_defaults_in_use(settings)) == set(OWN)
