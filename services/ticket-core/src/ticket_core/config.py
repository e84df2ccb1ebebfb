"""ticket-core settings, read once from the environment at start-up."""
from __future__ import annotations

from dataclasses import dataclass

from fibreflow_shared.settings import CommonSettings, SettingsError, env, load_settings

SERVICE = "ticket-core"
# Development-only fallbacks (refused when FIBREFLOW_ENV=production).
DEV_PII_KEY = "ZmlicmVmbG93LWRldi1vbmx5LXBpaS1rZXktMDAwMDA="
DEV_PHONE_INDEX_KEY = "fibreflow-dev-only-phone-index-key"


@dataclass(frozen=True, kw_only=True)
class Settings(CommonSettings):
    service_name: str = SERVICE
    bind: str = env("TICKET_CORE_BIND", "127.0.0.1:8081")
    worker_metrics_port: int = env("TICKET_CORE_WORKER_METRICS_PORT", 0)
    # Events applied per consumer transaction (a savepoint each): an integration's import of
    # thousands of intake events commits once per batch instead of once per ticket.
    consumer_batch_size: int = env("TICKET_CORE_CONSUMER_BATCH_SIZE", 20, validate=lambda v: 1 <= v <= 64,
                                   help="1..64")
    environment: str = env("FIBREFLOW_ENV", "development")
    pii_keys: list = env("TICKET_CORE_PII_KEYS", [], secret=True,
                         help="comma list of Fernet keys, the first encrypts")
    phone_index_key: str = env("TICKET_CORE_PHONE_INDEX_KEY", "", secret=True)
    attachments_backend: str = env("TICKET_CORE_ATTACHMENTS_BACKEND", "local",
                                   validate=lambda v: v in ("local", "s3"), help="local or s3")
    attachments_dir: str = env("TICKET_CORE_ATTACHMENTS_DIR", "var/attachments")
    s3_bucket: str = env("TICKET_CORE_S3_BUCKET", "")
    s3_endpoint_url: str = env("TICKET_CORE_S3_ENDPOINT_URL", "")
    s3_prefix: str = env("TICKET_CORE_S3_PREFIX", "attachments/")
    auto_assign: bool = env("TICKET_CORE_AUTO_ASSIGN", False)
    escalation_team: str = env("TICKET_CORE_ESCALATION_TEAM", "Management",
                               help="name of the team escalations are assigned to (empty: none)")
    exact_count_limit: int = env("TICKET_CORE_EXACT_COUNT_LIMIT", 10_000, validate=lambda v: v >= 1,
                                 help="lists count exactly up to this many matches, then estimate (flagged)")
    stats_live_below: int = env("TICKET_CORE_STATS_LIVE_BELOW", 50_000,
                                help="stats over fewer tickets are computed live; above, from a snapshot")
    stats_max_age_seconds: float = env("TICKET_CORE_STATS_MAX_AGE_SECONDS", 60.0,
                                       help="oldest stats snapshot served to admins/managers/viewers")


def load(**overrides: object) -> Settings:
    """Settings from the environment (``overrides`` win, for tests); secrets enforced in production."""
    settings = load_settings(Settings, **overrides)
    problems = []
    if settings.environment == "production":
        if not settings.pii_keys:
            problems.append("TICKET_CORE_PII_KEYS is required in production")
        if not settings.phone_index_key:
            problems.append("TICKET_CORE_PHONE_INDEX_KEY is required in production")
    if settings.attachments_backend == "s3" and not settings.s3_bucket:
        problems.append("TICKET_CORE_S3_BUCKET is required with TICKET_CORE_ATTACHMENTS_BACKEND=s3")
    if problems:
        raise SettingsError("Configuration error: " + "; ".join(problems))
    return settings


def pii_keys(settings: Settings) -> list[str]:
    return list(settings.pii_keys) or [DEV_PII_KEY]


def phone_index_key(settings: Settings) -> str:
    return settings.phone_index_key or DEV_PHONE_INDEX_KEY
