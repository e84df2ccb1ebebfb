"""The composition root: the only place that builds the engine, sessions and outbox."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from fibreflow_shared.db import engine_for, make_session_factory
from fibreflow_shared.messaging.outbox import Outbox
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
    engine = engine_for(settings)
    outbox = Outbox.for_settings(SERVICE, settings)
    deps = Deps(outbox, ReferenceCache(settings.reference_cache_seconds))
    return Container(settings, engine, make_session_factory(engine), outbox, deps)
