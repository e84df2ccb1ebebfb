"""The composition root: the only place that builds the engine, sessions, outbox and channels."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from fibreflow_shared.db import make_engine, make_session_factory
from fibreflow_shared.messaging.outbox import EventSchemas, Outbox
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
    engine = make_engine(settings.database_url, pool_size=settings.db_pool_size,
                         max_overflow=settings.db_max_overflow)
    schemas = EventSchemas(settings.contracts_dir) if settings.validate_event_schemas and settings.contracts_dir else None
    return Container(settings, engine, make_session_factory(engine), Outbox(SERVICE, schemas),
                     channels if channels is not None else build_channels(settings))
