"""notifications settings, read once from the environment at start-up."""
from __future__ import annotations

from dataclasses import dataclass

from fibreflow_shared.pii import is_country_code, region_for_country_code
from fibreflow_shared.settings import CommonSettings, env, load_settings

SERVICE = "notifications"
DEV_TWILIO_ACCOUNT_SID = "AC00000000000000000000000000000000"
DEV_TWILIO_AUTH_TOKEN = "dev-twilio-auth-token"


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
    # WhatsApp through wa-bridge (off until that service exists)
    wa_bridge_url: str = env("NOTIFICATIONS_WA_BRIDGE_URL", "")
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

    @property
    def phone_region(self) -> str:
        """Region national phone numbers are read in, from the configured country code ("27" → "ZA")."""
        return region_for_country_code(self.default_country_code)


def load(**overrides: object) -> Settings:
    """Settings from the environment (``overrides`` win, for tests)."""
    return load_settings(Settings, **overrides)
