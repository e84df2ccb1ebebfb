from dataclasses import dataclass

import pytest

from fibreflow_shared.settings import CommonSettings, SettingsError, describe, env, load_settings


@dataclass(frozen=True, kw_only=True)
class Example(CommonSettings):
    port: int = env("EXAMPLE_PORT", 8000, validate=lambda v: 0 < v < 65536, help="a TCP port")
    flag: bool = env("EXAMPLE_FLAG", False)
    origins: list[str] = env("EXAMPLE_ORIGINS", [])
    token: str = env("EXAMPLE_TOKEN", "", secret=True)


def test_reads_and_converts_types() -> None:
    s = load_settings(Example, {"DATABASE_URL": "postgresql://x/y", "EXAMPLE_PORT": "9000",
                                "EXAMPLE_FLAG": "yes", "EXAMPLE_ORIGINS": "https://a, https://b",
                                "EXAMPLE_TOKEN": "s3cret"})
    assert s.port == 9000 and s.flag is True and s.origins == ["https://a", "https://b"]
    assert s.database_url == "postgresql://x/y"
    assert describe(s)["token"] == "***"


def test_names_every_missing_or_bad_variable() -> None:
    with pytest.raises(SettingsError) as info:
        load_settings(Example, {"EXAMPLE_PORT": "eighty", "EXAMPLE_FLAG": "maybe"})
    message = str(info.value)
    assert "DATABASE_URL is required" in message
    assert "EXAMPLE_PORT is invalid" in message
    assert "EXAMPLE_FLAG is invalid" in message


def test_validator_rejects_out_of_range() -> None:
    with pytest.raises(SettingsError, match="EXAMPLE_PORT is invalid: a TCP port"):
        load_settings(Example, {"DATABASE_URL": "postgresql://x/y", "EXAMPLE_PORT": "70000"})


@dataclass(frozen=True, kw_only=True)
class WithSecret(CommonSettings):
    key: str = env("EXAMPLE_KEY", dev_default="dev-only-key", secret=True)


def test_dev_default_is_used_outside_production_and_refused_in_it() -> None:
    base = {"DATABASE_URL": "postgresql://x/y"}
    assert load_settings(WithSecret, base).key == "dev-only-key"
    with pytest.raises(SettingsError, match="EXAMPLE_KEY must be set in production"):
        load_settings(WithSecret, {**base, "FIBREFLOW_ENV": "production"})
    s = load_settings(WithSecret, {**base, "FIBREFLOW_ENV": "production", "EXAMPLE_KEY": "real"})
    assert s.key == "real" and s.environment == "production"
