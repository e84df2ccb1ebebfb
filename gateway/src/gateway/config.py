"""Gateway settings: environment variables read once at start-up and validated."""
from __future__ import annotations

import base64
import dataclasses
import hashlib
from typing import Any, Mapping

from limits import parse as parse_limit

from fibreflow_shared.pii import is_country_code, region_for_country_code
from fibreflow_shared.settings import CommonSettings, SettingsError, env, load_settings

SERVICE = "gateway"
_DEV_SECRET = "fibreflow-dev-only-secret-do-not-use-in-production"
UPSTREAM_NAMES = ("ticket_core", "sla", "billing", "notifications", "qcontact_sync", "wa_bridge", "email_intake")


def _is_rate(value: str) -> bool:
    try:
        parse_limit(value)
    except ValueError:
        return False
    return True


def _is_storage_url(value: str) -> bool:
    return value.split("://", 1)[0] in {"memory", "redis", "rediss", "redis+sentinel", "redis+cluster",
                                        "memcached", "mongodb"}


@dataclasses.dataclass(frozen=True, kw_only=True)
class GatewaySettings(CommonSettings):
    """Everything the gateway reads from the environment (see the README table in the report)."""

    service_name: str = SERVICE
    environment: str = env("FIBREFLOW_ENV", "development",
                           validate=lambda v: v in {"development", "test", "production"},
                           help="one of development, test, production")
    port: int = env("GATEWAY_PORT", 8080, validate=lambda v: 0 < v < 65536, help="TCP port 1-65535")
    bind: str = env("GATEWAY_BIND", "", help="gunicorn bind address; default 127.0.0.1:$GATEWAY_PORT")
    admin_password: str = env("FIBREFLOW_ADMIN_PASSWORD", "", secret=True)
    secret_key: str = env("GATEWAY_SECRET_KEY", "", secret=True,
                          help="encrypts private signing keys at rest; required when FIBREFLOW_ENV=production")
    access_token_ttl_seconds: int = env("ACCESS_TOKEN_TTL_SECONDS", 900, validate=lambda v: 30 <= v <= 86400,
                                        help="30..86400")
    refresh_token_ttl_seconds: int = env("REFRESH_TOKEN_TTL_SECONDS", 14 * 86400, validate=lambda v: v >= 60,
                                         help=">= 60")
    key_cache_seconds: float = env("SIGNING_KEY_CACHE_SECONDS", 30.0, validate=lambda v: 0 <= v <= 600,
                                   help="0..600")

    ticket_core_url: str = env("TICKET_CORE_URL", "")
    sla_url: str = env("SLA_URL", "")
    billing_url: str = env("BILLING_URL", "")
    notifications_url: str = env("NOTIFICATIONS_URL", "")
    qcontact_sync_url: str = env("QCONTACT_SYNC_URL", "")
    wa_bridge_url: str = env("WA_BRIDGE_URL", "")
    email_intake_url: str = env("EMAIL_INTAKE_URL", "")
    upstream_connect_timeout: float = env("UPSTREAM_CONNECT_TIMEOUT", 3.05, validate=lambda v: v > 0, help="> 0")
    upstream_read_timeout: float = env("UPSTREAM_READ_TIMEOUT", 30.0, validate=lambda v: v > 0, help="> 0")
    upstream_pool_size: int = env("UPSTREAM_POOL_SIZE", 32, validate=lambda v: v >= 1, help=">= 1")
    health_timeout: float = env("HEALTH_CHECK_TIMEOUT", 2.0, validate=lambda v: v > 0, help="> 0")

    rate_limit_storage_url: str = env("RATE_LIMIT_STORAGE_URL", "memory://", validate=_is_storage_url,
                                      help="memory:// or redis://host:port/db")
    rate_limit_per_user: str = env("RATE_LIMIT_PER_USER", "600/minute", validate=_is_rate,
                                   help="a limits string such as 600/minute")
    rate_limit_per_ip: str = env("RATE_LIMIT_PER_IP", "1200/minute", validate=_is_rate,
                                 help="a limits string such as 1200/minute")
    trusted_proxy_hops: int = env("TRUSTED_PROXY_HOPS", 0, validate=lambda v: 0 <= v <= 5,
                                  help="0..5 proxies in front of the gateway whose X-Forwarded-For is trusted")
    login_max_failures: int = env("LOGIN_MAX_FAILURES", 5, validate=lambda v: v >= 1, help=">= 1")
    login_max_failures_per_ip: int = env("LOGIN_MAX_FAILURES_PER_IP", 20, validate=lambda v: v >= 1, help=">= 1")
    login_lockout_seconds: int = env("LOGIN_LOCKOUT_SECONDS", 900, validate=lambda v: v >= 1, help=">= 1")
    password_hash_time_cost: int = env("PASSWORD_HASH_TIME_COST", 2, validate=lambda v: v >= 1, help=">= 1")
    password_hash_memory_kib: int = env("PASSWORD_HASH_MEMORY_KIB", 19 * 1024, validate=lambda v: v >= 8,
                                        help=">= 8 (KiB)")
    cors_origins: list = env("CORS_ORIGINS", [])
    user_status_cache_seconds: float = env("USER_STATUS_CACHE_SECONDS", 5.0, validate=lambda v: 0 <= v <= 5,
                                           help="0..5: how long a user's active flag / token cut-off is cached")
    housekeeping_interval_seconds: float = env("GATEWAY_HOUSEKEEPING_SECONDS", 300.0, validate=lambda v: v > 0,
                                               help="> 0: how often the worker deletes stale identity rows")
    default_country_code: str = env("GATEWAY_DEFAULT_COUNTRY_CODE", "27", validate=is_country_code,
                                    help="country calling code for national phone numbers (27 = ZA)")
    bootstrap_on_start: bool = env("GATEWAY_BOOTSTRAP_ON_START", True)

    @property
    def phone_region(self) -> str:
        """Region national phone numbers are read in, from the configured country code ("27" → "ZA")."""
        return region_for_country_code(self.default_country_code)

    def upstream_urls(self) -> dict[str, str]:
        """Base URL per upstream name; an empty string means 'not deployed'."""
        return {name: getattr(self, f"{name}_url").rstrip("/") for name in UPSTREAM_NAMES}

    def fernet_key(self) -> bytes:
        """A Fernet key derived from GATEWAY_SECRET_KEY (SHA-256 → urlsafe base64)."""
        secret = self.secret_key or _DEV_SECRET
        return base64.urlsafe_b64encode(hashlib.sha256(secret.encode()).digest())


def load(environ: Mapping[str, str] | None = None, **overrides: Any) -> GatewaySettings:
    """Load and cross-check the settings; raise SettingsError naming the bad variables."""
    settings = load_settings(GatewaySettings, environ, **overrides)
    if settings.environment == "production" and not settings.secret_key:
        raise SettingsError("Configuration error: GATEWAY_SECRET_KEY is required when FIBREFLOW_ENV=production")
    if settings.secret_key and len(settings.secret_key) < 16:
        raise SettingsError("Configuration error: GATEWAY_SECRET_KEY is invalid: use at least 16 characters")
    return settings
