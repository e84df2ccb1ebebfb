"""The composition root: the only place that builds the engine, sessions and outbox."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from fibreflow_shared.db import make_engine, make_session_factory
from fibreflow_shared.messaging.outbox import EventSchemas, Outbox
from sla.config import SERVICE, Settings
from sla.service_layer.clocks import Deps
from sla.service_layer.reference import ReferenceCache

MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "migrations"


@dataclass
class Container:
    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    outbox: Outbox
    deps: Deps


def bootstrap(settings: Settings) -> Container:
    """Wire the service's adapters from settings."""
    engine = make_engine(settings.database_url, pool_size=settings.db_pool_size,
                         max_overflow=settings.db_max_overflow)
    schemas = EventSchemas(settings.contracts_dir) if settings.validate_event_schemas and settings.contracts_dir else None
    outbox = Outbox(SERVICE, schemas)
    deps = Deps(outbox, ReferenceCache(settings.reference_cache_seconds))
    return Container(settings, engine, make_session_factory(engine), outbox, deps)
