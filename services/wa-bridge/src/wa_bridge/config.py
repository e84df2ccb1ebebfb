"""wa-bridge settings, read once from the environment at start-up."""
from __future__ import annotations

from dataclasses import dataclass

from fibreflow_shared.settings import CommonSettings, SettingsError, env, load_settings

SERVICE = "wa-bridge"
DEV_WAHA_API_KEY = "dev-waha-api-key"
DEV_WEBHOOK_HMAC_KEY = "dev-waha-webhook-hmac-key"
DEV_NOTIFY_KEY = "dev-wa-bridge-notify-key"
DEV_PII_KEY = "zVAsWPTMDhk0VcYyLQhGtgh-S-dKXfYrZrp5xiv2Amc="  # urlsafe base64 of 32 bytes
DEV_INDEX_KEY = "dev-only-wa-bridge-index-key"


def _csv(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split(",") if v.strip())


@dataclass(frozen=True, kw_only=True)
class Settings(CommonSettings):
    service_name: str = SERVICE
    bind: str = env("WA_BRIDGE_BIND", "127.0.0.1:8086")
    worker_metrics_port: int = env("WA_BRIDGE_WORKER_METRICS_PORT", 0)
    # 16 MB of media is ~21.4 MB as base64 JSON: the body limit leaves room, the media check is exact.
    max_body_bytes: int = env("MAX_BODY_BYTES", 23_000_000, validate=lambda v: v > 0, help="positive integer")
    pii_keys: list = env("WA_BRIDGE_PII_KEYS", dev_default=[DEV_PII_KEY], secret=True,
                         help="comma list of Fernet keys; the first encrypts, all decrypt (message text, names)")
    index_key: str = env("WA_BRIDGE_INDEX_KEY", dev_default=DEV_INDEX_KEY, secret=True)
    # WAHA
    waha_url: str = env("WA_BRIDGE_WAHA_URL", "http://127.0.0.1:8095", help="base URL of the WAHA server")
    waha_api_key: str = env("WA_BRIDGE_WAHA_API_KEY", dev_default=DEV_WAHA_API_KEY, secret=True)
    waha_timeout_seconds: float = env("WA_BRIDGE_WAHA_TIMEOUT_SECONDS", 10.0)
    session_name: str = env("WA_BRIDGE_SESSION", "default", help="the WAHA session the bridge sends from")
    # Inbound webhook
    public_base_url: str = env("WA_BRIDGE_PUBLIC_BASE_URL", "http://127.0.0.1:8080",
                               help="public URL WAHA posts webhooks to (the gateway)")
    webhook_hmac_key: str = env("WA_BRIDGE_WEBHOOK_HMAC_KEY", dev_default=DEV_WEBHOOK_HMAC_KEY, secret=True,
                                help="key of X-Webhook-Hmac (HMAC-SHA512 over the raw body); empty: off")
    webhook_require_api_key: bool = env("WA_BRIDGE_WEBHOOK_REQUIRE_API_KEY", False,
                                        help="also require X-Api-Key = the WAHA key on webhooks")
    webhook_allowed_ips: str = env("WA_BRIDGE_WEBHOOK_ALLOWED_IPS", "127.0.0.1/32,::1/128",
                                   help="comma-separated CIDRs WAHA may post from (empty: any)")
    trusted_proxies: str = env("WA_BRIDGE_TRUSTED_PROXIES", "127.0.0.1/32,::1/128",
                               help="CIDRs whose X-Forwarded-For names the real client (the gateway)")
    webhook_max_age_seconds: int = env("WA_BRIDGE_WEBHOOK_MAX_AGE_SECONDS", 300,
                                       help="X-Webhook-Timestamp older than this is refused")
    # Internal callers (notifications' WhatsApp channel)
    notify_key: str = env("WA_BRIDGE_NOTIFY_KEY", dev_default=DEV_NOTIFY_KEY, secret=True,
                          help="X-Service-Key services send to POST /api/wa-bridge/notify")
    # Sending
    send_max_attempts: int = env("WA_BRIDGE_SEND_MAX_ATTEMPTS", 3, validate=lambda v: v >= 1, help=">= 1")
    send_backoff_seconds: float = env("WA_BRIDGE_SEND_BACKOFF_SECONDS", 2.0)
    send_poll_seconds: float = env("WA_BRIDGE_SEND_POLL_SECONDS", 0.2, validate=lambda v: v > 0, help="> 0")
    send_batch_size: int = env("WA_BRIDGE_SEND_BATCH_SIZE", 20)
    ack_timeout_seconds: float = env("WA_BRIDGE_ACK_TIMEOUT_SECONDS", 60.0,
                                     help="no SERVER ack within this: poll WAHA, then retry or fail")
    max_media_bytes: int = env("WA_BRIDGE_MAX_MEDIA_BYTES", 16 * 1024 * 1024)
    # Sessions
    health_interval_seconds: float = env("WA_BRIDGE_HEALTH_INTERVAL_SECONDS", 30.0)
    auto_start: bool = env("WA_BRIDGE_AUTO_START", True,
                           help="the health check starts the configured session when WAHA has none")
    reconcile_interval_seconds: float = env("WA_BRIDGE_RECONCILE_INTERVAL_SECONDS", 300.0,
                                            help="a safety net: reconcile every session this often")
    reconcile_limit: int = env("WA_BRIDGE_RECONCILE_LIMIT", 50, help="recent messages read per chat")
    # Media storage (the shape of ticket-core's attachment storage)
    attachments_backend: str = env("WA_BRIDGE_ATTACHMENTS_BACKEND", "local",
                                   validate=lambda v: v in ("local", "s3"), help="local or s3")
    attachments_dir: str = env("WA_BRIDGE_ATTACHMENTS_DIR", "var/wa-media")
    s3_bucket: str = env("WA_BRIDGE_S3_BUCKET", "")
    s3_endpoint_url: str = env("WA_BRIDGE_S3_ENDPOINT_URL", "")
    s3_prefix: str = env("WA_BRIDGE_S3_PREFIX", "wa-media/")
    default_country_code: str = env("WA_BRIDGE_DEFAULT_COUNTRY_CODE", "27")

    @property
    def allowed_networks(self) -> tuple[str, ...]:
        return _csv(self.webhook_allowed_ips)

    @property
    def proxy_networks(self) -> tuple[str, ...]:
        return _csv(self.trusted_proxies)

    @property
    def webhook_url(self) -> str:
        return self.public_base_url.rstrip("/") + "/api/wa-bridge/webhook"


def load(**overrides: object) -> Settings:
    """Settings from the environment (``overrides`` win, for tests)."""
    settings = load_settings(Settings, **overrides)
    if settings.attachments_backend == "s3" and not settings.s3_bucket:
        raise SettingsError("Configuration error: WA_BRIDGE_S3_BUCKET is required with "
                            "WA_BRIDGE_ATTACHMENTS_BACKEND=s3")
    if settings.environment == "production" and not (settings.webhook_hmac_key or settings.webhook_require_api_key):
        raise SettingsError("Configuration error: webhooks need WA_BRIDGE_WEBHOOK_HMAC_KEY or "
                            "WA_BRIDGE_WEBHOOK_REQUIRE_API_KEY in production")
    return settings
