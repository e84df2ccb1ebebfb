"""The composition root: the only place that builds the engine, sessions, outbox and channels."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from fibreflow_shared.db import engine_for, make_session_factory
from fibreflow_shared.messaging.outbox import Outbox
from notifications.adapters.channels import Channel, build_channels
from notifications.config import SERVICE, Settings

MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "migrations"


@dataclass
class Container:
    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    outbox: Outbox
    channels: dict[str, Channel] = field(default_factory=dict)


def bootstrap(settings: Settings, channels: dict[str, Channel] | None = None) -> Container:
    """Wire the service's adapters from settings (tests may pass their own channels)."""
    engine = engine_for(settings)
    return Container(settings, engine, make_session_factory(engine), Outbox.for_settings(SERVICE, settings),
                     channels if channels is not None else build_channels(settings))
