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


def load(**overrides: object) -> Settings:
    """Settings from the environment (``overrides`` win, for tests)."""
    return load_settings(Settings, **overrides)
