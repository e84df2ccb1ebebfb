"""Gateway settings: environment variables read once at start-up and validated."""
from __future__ import annotations

import base64
import dataclasses
import hashlib
import hmac
import ipaddress
from typing import Any, Mapping

from limits import parse as parse_limit

from fibreflow_shared.pii import is_country_code, region_for_country_code
from fibreflow_shared.settings import CommonSettings, SettingsError, env, load_settings

SERVICE = "gateway"
_DEV_SECRET = "fibreflow-dev-only-secret-do-not-use-in-production"
UPSTREAM_NAMES = ("ticket_core", "sla", "billing", "notifications", "qcontact_sync", "wa_bridge", "email_intake",
                  "console")


def _is_rate(value: str) -> bool:
    try:
        parse_limit(value)
    except ValueError:
        return False
    return True


_INTERNAL_NETWORKS = ("127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7")


def _are_networks(values: list[str]) -> bool:
    try:
        for value in values:
            ipaddress.ip_network(value, strict=False)
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
    # dev_default "": unset outside production means the published development secret (warned at start-up).
    secret_key: str = env("GATEWAY_SECRET_KEY", dev_default="", secret=True,
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
    # The staff console (every path outside /api and /.well-known; entrypoints/proxy.py).
    console_url: str = env("CONSOLE_URL", "")
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
    # API keys (gateway.domain.api_keys): the pepper of their keyed hash lives only here.
    api_key_pepper: str = env("API_KEY_PEPPER", "", secret=True,
                              help="HMAC key of stored API-key hashes (>= 16 characters; default derived from "
                                   "GATEWAY_SECRET_KEY); changing it invalidates every key")
    api_key_rate_limit: str = env("API_KEY_RATE_LIMIT", "600/minute", validate=_is_rate,
                                  help="default per-key limit (a key may carry its own)")
    api_key_max_days: int = env("API_KEY_MAX_DAYS", 366, validate=lambda v: 1 <= v <= 3660,
                                help="1..3660: the longest expiry a key may be given")

    # The edge (gateway.entrypoints.edge / bodies / server): slow clients, /metrics, docs.
    web_worker: str = env("GATEWAY_WEB_WORKER", "gevent", validate=lambda v: v in {"gevent", "gthread"},
                          help="gevent (a slow client costs a greenlet) or gthread (it costs one of the threads)")
    worker_connections: int = env("GATEWAY_WORKER_CONNECTIONS", 1000, validate=lambda v: v >= 10,
                                  help=">= 10: open connections per gevent worker")
    body_read_timeout_seconds: float = env("BODY_READ_TIMEOUT_SECONDS", 10.0, validate=lambda v: 0 < v <= 600,
                                           help="0..600: seconds a request body may take, plus 1 s per "
                                                "BODY_MIN_BYTES_PER_SECOND received")
    body_min_bytes_per_second: int = env("BODY_MIN_BYTES_PER_SECOND", 16 * 1024, validate=lambda v: v > 0,
                                         help="> 0: the slowest upload rate kept going past the timeout")
    max_bodies_per_ip: int = env("MAX_BODIES_PER_IP", 32, validate=lambda v: v >= 1,
                                 help=">= 1: request bodies one client address may send at once (429 above)")
    metrics_networks: list = env("METRICS_NETWORKS", list(_INTERNAL_NETWORKS), validate=_are_networks,
                                 help="comma list of CIDRs allowed to scrape /metrics (never via a proxy hop)")
    public_api_docs: bool | None = env("PUBLIC_API_DOCS", None,
                                       help="serve /api/docs, /api/docs/ui and /openapi.json to anyone; "
                                            "default true, false when FIBREFLOW_ENV=production")

    @property
    def docs_public(self) -> bool:
        """Whether the API reference is served (PUBLIC_API_DOCS, else: not in production)."""
        return self.public_api_docs if self.public_api_docs is not None else self.environment != "production"

    @property
    def phone_region(self) -> str:
        """Region national phone numbers are read in, from the configured country code ("27" → "ZA")."""
        return region_for_country_code(self.default_country_code)

    def upstream_urls(self) -> dict[str, str]:
        """Base URL per upstream name; an empty string means 'not deployed'."""
        return {name: getattr(self, f"{name}_url").rstrip("/") for name in UPSTREAM_NAMES}

    def api_key_pepper_bytes(self) -> bytes:
        """The pepper of API-key hashes: API_KEY_PEPPER, else derived from GATEWAY_SECRET_KEY (so a
        production deployment, which must set that secret, has a secret pepper without a new one)."""
        if self.api_key_pepper:
            return self.api_key_pepper.encode()
        secret = self.secret_key or _DEV_SECRET
        return hmac.new(secret.encode(), b"fibreflow api-key pepper v1", hashlib.sha256).digest()

    def fernet_key(self) -> bytes:
        """A Fernet key derived from GATEWAY_SECRET_KEY (SHA-256 → urlsafe base64)."""
        secret = self.secret_key or _DEV_SECRET
        return base64.urlsafe_b64encode(hashlib.sha256(secret.encode()).digest())


def load(environ: Mapping[str, str] | None = None, **overrides: Any) -> GatewaySettings:
    """Load and cross-check the settings; raise SettingsError naming the bad variables."""
    settings = load_settings(GatewaySettings, environ, **overrides)
    if settings.environment == "production" and not settings.secret_key:
        raise SettingsError("Configuration error: GATEWAY_SECRET_KEY is required when FIBREFLOW_ENV=production")
    if settings.environment == "production" and settings.secret_key == _DEV_SECRET:
        raise SettingsError("Configuration error: GATEWAY_SECRET_KEY is the published development secret; "
                            "refused in production")
    if settings.api_key_pepper and len(settings.api_key_pepper) < 16:
        raise SettingsError("Configuration error: API_KEY_PEPPER is invalid: use at least 16 characters")
    if settings.secret_key and len(settings.secret_key) < 16:
        raise SettingsError("Configuration error: GATEWAY_SECRET_KEY is invalid: use at least 16 characters")
    return settings
