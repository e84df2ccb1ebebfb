"""notifications settings, read once from the environment at start-up."""
from __future__ import annotations

from dataclasses import dataclass

from fibreflow_shared.pii import is_country_code, region_for_country_code
from fibreflow_shared.settings import CommonSettings, SettingsError, env, load_settings

SERVICE = "notifications"
DEV_TWILIO_ACCOUNT_SID = "AC00000000000000000000000000000000"
DEV_TWILIO_AUTH_TOKEN = "dev-twilio-auth-token"


def _networks_ok(values: list[str]) -> bool:
    import ipaddress

    try:
        return all(ipaddress.ip_network(v, strict=False) for v in values)
    except ValueError:
        return False


def _delays_ok(values: list[str]) -> bool:
    try:
        return bool(values) and all(float(v) >= 0 for v in values)
    except ValueError:
        return False


@dataclass(frozen=True, kw_only=True)
class Settings(CommonSettings):
    service_name: str = SERVICE
    bind: str = env("NOTIFICATIONS_BIND", "127.0.0.1:8084")
    worker_metrics_port: int = env("NOTIFICATIONS_WORKER_METRICS_PORT", 0)
    public_base_url: str = env("NOTIFICATIONS_PUBLIC_BASE_URL", "http://127.0.0.1:8080",
                               help="public URL the SMS provider calls back on (signatures cover it)")
    brand: str = env("NOTIFICATIONS_BRAND", "FibreFlow")
    default_country_code: str = env("NOTIFICATIONS_DEFAULT_COUNTRY_CODE", "27", validate=is_country_code,
                                    help="country calling code for national phone numbers (27 = ZA)")
    timezone: str = env("NOTIFICATIONS_TIMEZONE", "Africa/Johannesburg")
    phone_index_key: str = env("NOTIFICATIONS_PHONE_INDEX_KEY", dev_default="dev-notifications-phone-index-key",
                               secret=True)
    # SMS
    sms_provider: str = env("NOTIFICATIONS_SMS_PROVIDER", "twilio", validate=lambda v: v in ("twilio", "bulksms"),
                            help="twilio or bulksms")
    sms_from: str = env("NOTIFICATIONS_SMS_FROM", "+27600000000")
    sms_max_segments: int = env("NOTIFICATIONS_SMS_MAX_SEGMENTS", 1, validate=lambda v: 1 <= v <= 10, help="1..10")
    sms_issue_max_chars: int = env("NOTIFICATIONS_SMS_ISSUE_MAX_CHARS", 50)
    sms_fold_gsm7: bool = env("NOTIFICATIONS_SMS_FOLD_GSM7", True)
    twilio_base_url: str = env("NOTIFICATIONS_TWILIO_BASE_URL", "http://127.0.0.1:8092")
    twilio_account_sid: str = env("NOTIFICATIONS_TWILIO_ACCOUNT_SID", dev_default=DEV_TWILIO_ACCOUNT_SID)
    twilio_auth_token: str = env("NOTIFICATIONS_TWILIO_AUTH_TOKEN", dev_default=DEV_TWILIO_AUTH_TOKEN, secret=True)
    twilio_messaging_service_sid: str = env("NOTIFICATIONS_TWILIO_MESSAGING_SERVICE_SID", "")
    bulksms_base_url: str = env("NOTIFICATIONS_BULKSMS_BASE_URL", "https://api.bulksms.com/v1")
    bulksms_username: str = env("NOTIFICATIONS_BULKSMS_USERNAME", "")
    bulksms_password: str = env("NOTIFICATIONS_BULKSMS_PASSWORD", "", secret=True)
    # Email
    smtp_host: str = env("NOTIFICATIONS_SMTP_HOST", "127.0.0.1")
    smtp_port: int = env("NOTIFICATIONS_SMTP_PORT", 2525)
    smtp_username: str = env("NOTIFICATIONS_SMTP_USERNAME", "")
    smtp_password: str = env("NOTIFICATIONS_SMTP_PASSWORD", "", secret=True)
    smtp_security: str = env("NOTIFICATIONS_SMTP_SECURITY", "none",
                             validate=lambda v: v in ("none", "starttls", "ssl"), help="none, starttls or ssl")
    smtp_timeout: float = env("NOTIFICATIONS_SMTP_TIMEOUT", 10.0)
    email_from: str = env("NOTIFICATIONS_EMAIL_FROM", "FibreFlow <notifications@fibreflow.local>")
    # WhatsApp through wa-bridge (off while the URL is unset)
    wa_bridge_url: str = env("NOTIFICATIONS_WA_BRIDGE_URL", "")
    wa_bridge_key: str = env("NOTIFICATIONS_WA_BRIDGE_KEY", "", secret=True,
                             help="wa-bridge's WA_BRIDGE_NOTIFY_KEY (X-Service-Key); required with the URL")
    # Rules
    fibertime_email: str = env("NOTIFICATIONS_FIBERTIME_EMAIL", "")
    sla_breach_sms: bool = env("NOTIFICATIONS_SLA_BREACH_SMS", False)
    # The send queue
    send_max_attempts: int = env("NOTIFICATIONS_SEND_MAX_ATTEMPTS", 5, validate=lambda v: v >= 1, help=">= 1")
    send_backoff_seconds: float = env("NOTIFICATIONS_SEND_BACKOFF_SECONDS", 5.0)
    send_backoff_max_seconds: float = env("NOTIFICATIONS_SEND_BACKOFF_MAX_SECONDS", 900.0)
    send_poll_seconds: float = env("NOTIFICATIONS_SEND_POLL_SECONDS", 1.0, validate=lambda v: v > 0, help="> 0")
    send_lease_seconds: float = env("NOTIFICATIONS_SEND_LEASE_SECONDS", 120.0)
    send_batch_size: int = env("NOTIFICATIONS_SEND_BATCH_SIZE", 20)
    send_timeout_seconds: float = env("NOTIFICATIONS_SEND_TIMEOUT_SECONDS", 10.0)
    # Events applied per consumer transaction (a savepoint each): one commit per batch, not per
    # event, so a burst of events is queued (and fanned out to webhooks) at the rate it arrives.
    consumer_batch_size: int = env("NOTIFICATIONS_CONSUMER_BATCH_SIZE", 20, validate=lambda v: 1 <= v <= 64,
                                   help="1..64")
    # Outbound webhooks (notifications.service_layer.outbound_webhooks, webhook_deliverer)
    webhook_secret_keys: list = env("WEBHOOK_SECRET_KEYS", [], secret=True,
                                    help="comma list of Fernet keys encrypting subscription secrets at rest (the "
                                         "first encrypts, all decrypt); default derived from "
                                         "NOTIFICATIONS_PHONE_INDEX_KEY")
    webhook_allowed_networks: list = env("WEBHOOK_ALLOWED_NETWORKS", [], validate=_networks_ok,
                                         help="CIDRs of private/loopback addresses webhooks may call anyway "
                                              "(default none: SSRF protection)")
    webhook_retry_schedule: list = env("WEBHOOK_RETRY_SCHEDULE_SECONDS", ["5", "300", "1800", "7200", "18000",
                                                                          "36000", "36000"],
                                       validate=_delays_ok, help="seconds between tries (default ~27.6 h in all)")
    webhook_disable_after_failures: int = env("WEBHOOK_DISABLE_AFTER_FAILURES", 20, validate=lambda v: v >= 1,
                                              help=">= 1 failed attempts in a row")
    webhook_disable_after_hours: float = env("WEBHOOK_DISABLE_AFTER_HOURS", 24.0, validate=lambda v: v >= 0,
                                             help=">= 0: and failing for at least this long")
    webhook_timeout_seconds: float = env("WEBHOOK_TIMEOUT_SECONDS", 10.0, validate=lambda v: 0 < v <= 60,
                                         help="0..60")
    webhook_concurrency: int = env("WEBHOOK_CONCURRENCY", 32, validate=lambda v: 1 <= v <= 256, help="1..256")
    webhook_batch_size: int = env("WEBHOOK_BATCH_SIZE", 200, validate=lambda v: 1 <= v <= 2000, help="1..2000")
    webhook_poll_seconds: float = env("WEBHOOK_POLL_SECONDS", 0.05, validate=lambda v: v > 0, help="> 0")
    webhook_lease_seconds: float = env("WEBHOOK_LEASE_SECONDS", 120.0, validate=lambda v: v > 0, help="> 0")

    @property
    def webhook_fernet_keys(self) -> tuple[str, ...]:
        """WEBHOOK_SECRET_KEYS, else one key derived from NOTIFICATIONS_PHONE_INDEX_KEY (HMAC with
        its own label: a production deployment, which must set that key, needs no new secret)."""
        if self.webhook_secret_keys:
            return tuple(self.webhook_secret_keys)
        import base64
        import hashlib
        import hmac

        derived = hmac.new(self.phone_index_key.encode(), b"fibreflow webhook secrets v1", hashlib.sha256).digest()
        return (base64.urlsafe_b64encode(derived).decode(),)

    @property
    def phone_region(self) -> str:
        """Region national phone numbers are read in, from the configured country code ("27" → "ZA")."""
        return region_for_country_code(self.default_country_code)


def load(**overrides: object) -> Settings:
    """Settings from the environment (``overrides`` win, for tests)."""
    settings = load_settings(Settings, **overrides)
    if settings.wa_bridge_url and not settings.wa_bridge_key:
        raise SettingsError("Configuration error: NOTIFICATIONS_WA_BRIDGE_KEY is required with "
                            "NOTIFICATIONS_WA_BRIDGE_URL")
    return settings
