"""billing settings, read once from the environment at start-up."""
from __future__ import annotations

from dataclasses import dataclass

from fibreflow_shared.settings import CommonSettings, env, load_settings

SERVICE = "billing"
# Development-only keys: refused when FIBREFLOW_ENV=production.
DEV_PII_KEY = "ZGV2LW9ubHktYmlsbGluZy1waWkta2V5LTMyYnl0ZXM="  # urlsafe base64 of 32 bytes
DEV_INDEX_KEY = "dev-only-billing-index-key"
DEV_WEBHOOK_SECRET = "dev-invoicing-webhook-secret"
DEV_API_KEY = "dev-invoicing-api-key"


def _delays_ok(value: list[str]) -> bool:
    try:
        return all(float(v) >= 0 for v in value)
    except ValueError:
        return False


def _webhook_secrets_ok(value: list[str]) -> bool:
    """Every ``whsec_`` secret must decode (Standard Webhooks' base64 form)."""
    from billing.domain.webhooks import secret_key

    try:
        return all(secret_key(v) for v in value)
    except ValueError:
        return False


@dataclass(frozen=True, kw_only=True)
class Settings(CommonSettings):
    service_name: str = SERVICE
    environment: str = env("FIBREFLOW_ENV", "development")
    bind: str = env("BILLING_BIND", "127.0.0.1:8083")
    worker_metrics_port: int = env("BILLING_WORKER_METRICS_PORT", 0)
    pii_keys: list = env("BILLING_PII_KEYS", dev_default=[DEV_PII_KEY], secret=True,
                         help="comma list of Fernet keys; the first encrypts, all decrypt")
    index_key: str = env("BILLING_INDEX_KEY", dev_default=DEV_INDEX_KEY, secret=True,
                         help="HMAC key of the blind indexes (client phone, name prefixes)")
    invoicing_api_url: str = env("INVOICING_API_URL", "http://127.0.0.1:8091/api")
    invoicing_api_key: str = env("INVOICING_API_KEY", dev_default=DEV_API_KEY, secret=True)
    invoicing_webhook_secrets: list = env("INVOICING_WEBHOOK_SECRET", dev_default=[DEV_WEBHOOK_SECRET], secret=True,
                                          validate=_webhook_secrets_ok,
                                          help="comma list (whsec_<base64> or plain text); any matching "
                                               "signature is accepted (rotation)")
    invoicing_webhook_tolerance_seconds: int = env("INVOICING_WEBHOOK_TOLERANCE_SECONDS", 300,
                                                   validate=lambda v: v > 0, help="> 0")
    invoicing_retry_max_attempts: int = env("INVOICING_RETRY_MAX_ATTEMPTS", 3, validate=lambda v: v >= 0,
                                            help="retries after the first try, >= 0")
    invoicing_retry_delays: list = env("INVOICING_RETRY_DELAYS_SECONDS", ["5", "15", "45"], validate=_delays_ok,
                                       help="comma list of seconds between tries")
    invoicing_timeout_seconds: float = env("INVOICING_TIMEOUT_SECONDS", 10.0, validate=lambda v: v > 0, help="> 0")
    invoicing_poll_seconds: float = env("INVOICING_POLL_SECONDS", 0.5, validate=lambda v: v > 0, help="> 0")
    contract_sweep_seconds: float = env("BILLING_CONTRACT_SWEEP_SECONDS", 300.0, validate=lambda v: v > 0,
                                        help="> 0")

    @property
    def retry_delays(self) -> tuple[float, ...]:
        return tuple(float(v) for v in self.invoicing_retry_delays)


def load(**overrides: object) -> Settings:
    """Settings from the environment (``overrides`` win, for tests)."""
    # The development keys are dev_default: production refuses them, elsewhere the CLI warns.
    return load_settings(Settings, **overrides)
