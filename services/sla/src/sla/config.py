"""sla settings, read once from the environment at start-up."""
from __future__ import annotations

from dataclasses import dataclass

from fibreflow_shared.settings import CommonSettings, env, load_settings

SERVICE = "sla"


@dataclass(frozen=True, kw_only=True)
class Settings(CommonSettings):
    service_name: str = SERVICE
    bind: str = env("SLA_BIND", "127.0.0.1:8082")
    worker_metrics_port: int = env("SLA_WORKER_METRICS_PORT", 0)
    scanner_max_wait: float = env("SLA_SCANNER_MAX_WAIT_SECONDS", 1.0, validate=lambda v: 0 < v <= 1,
                                  help="seconds between scanner passes at most, in (0, 1]")
    scanner_batch_size: int = env("SLA_SCANNER_BATCH_SIZE", 500, validate=lambda v: v > 0, help="positive integer")
    consumer_threads: int = env("SLA_CONSUMER_THREADS", 3, validate=lambda v: 1 <= v <= 16, help="1..16")
    # Batch mode of the consumer: one transaction (one commit) per batch, a savepoint per event.
    # At most 64: more subtransactions than that overflow PostgreSQL's per-backend subxid cache.
    consumer_batch_size: int = env("SLA_CONSUMER_BATCH_SIZE", 50, validate=lambda v: 1 <= v <= 64, help="1..64")
    consumer_batch_wait_ms: int = env("SLA_CONSUMER_BATCH_WAIT_MS", 20, validate=lambda v: 0 <= v <= 1000,
                                      help="0..1000")
    relay_batch_size: int = env("SLA_RELAY_BATCH_SIZE", 200, validate=lambda v: v > 0, help="positive integer")
    scanner_enabled: bool = env("SLA_SCANNER_ENABLED", True)
    reference_cache_seconds: float = env("SLA_CONFIG_CACHE_SECONDS", 2.0, validate=lambda v: v >= 0, help=">= 0")


def load(**overrides: object) -> Settings:
    """Settings from the environment (``overrides`` win, for tests)."""
    return load_settings(Settings, **overrides)
