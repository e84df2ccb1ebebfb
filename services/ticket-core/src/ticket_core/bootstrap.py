"""The composition root: the only place that builds the engine, sessions, outbox, cipher and storage."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from fibreflow_shared.db import engine_for, make_autocommit_session_factory, make_session_factory
from fibreflow_shared.messaging.outbox import Outbox
from fibreflow_shared.pii import PiiCipher
from ticket_core.adapters.storage import LocalStorage, S3Storage, Storage
from ticket_core.config import SERVICE, Settings, phone_index_key, pii_keys
from ticket_core.service_layer.handlers import Deps

MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "migrations"


@dataclass
class Container:
    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    outbox: Outbox
    deps: Deps
    # Read-only requests (GET a ticket, list without search): no BEGIN/COMMIT round trips.
    read_sessions: sessionmaker[Session]


def make_storage(settings: Settings) -> Storage:
    if settings.attachments_backend == "s3":
        return S3Storage(settings.s3_bucket, endpoint_url=settings.s3_endpoint_url or None, prefix=settings.s3_prefix)
    return LocalStorage(settings.attachments_dir)


def bootstrap(settings: Settings, *, storage: Storage | None = None) -> Container:
    """Wire the service's adapters from settings."""
    engine = engine_for(settings)
    outbox = Outbox.for_settings(SERVICE, settings)
    deps = Deps(outbox=outbox, cipher=PiiCipher(pii_keys(settings), phone_index_key(settings)),
                storage=storage or make_storage(settings), auto_assign=settings.auto_assign,
                escalation_team=settings.escalation_team, exact_count_limit=settings.exact_count_limit,
                stats_live_below=settings.stats_live_below, stats_max_age_seconds=settings.stats_max_age_seconds)
    return Container(settings, engine, make_session_factory(engine), outbox, deps,
                     make_autocommit_session_factory(engine))
