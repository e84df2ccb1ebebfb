import pytest

from fibreflow_shared.settings import SettingsError
from notifications.config import Settings
from fibreflow_shared.settings import load_settings


def test_production_refuses_development_secrets() -> None:
    env = {"DATABASE_URL": "postgresql://x/y", "FIBREFLOW_ENV": "production"}
    with pytest.raises(SettingsError) as info:
        load_settings(Settings, env)
    for name in ("NOTIFICATIONS_PHONE_INDEX_KEY", "NOTIFICATIONS_TWILIO_AUTH_TOKEN", "NOTIFICATIONS_TWILIO_ACCOUNT_SID"):
        assert name in str(info.value)
    ok = load_settings(Settings, {**env, "NOTIFICATIONS_PHONE_INDEX_KEY": "k" * 32,
                                  "NOTIFICATIONS_TWILIO_AUTH_TOKEN": "t", "NOTIFICATIONS_TWILIO_ACCOUNT_SID": "AC1"})
    assert ok.twilio_auth_token == "t"
