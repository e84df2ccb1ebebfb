"""The composition root: the only place that builds the engine, sessions, outbox and clients."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from billing.adapters.invoicing import InvoicingClient
from billing.config import SERVICE, Settings
from fibreflow_shared.db import engine_for, make_session_factory
from fibreflow_shared.messaging.outbox import Outbox
from fibreflow_shared.pii import PiiCipher

MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "migrations"


@dataclass
class Container:
    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    outbox: Outbox
    pii: PiiCipher
    invoicing: InvoicingClient


def bootstrap(settings: Settings, *, invoicing: InvoicingClient | None = None) -> Container:
    """Wire the service's adapters from settings."""
    engine = engine_for(settings)
    client = invoicing or InvoicingClient(settings.invoicing_api_url, settings.invoicing_api_key,
                                          timeout=settings.invoicing_timeout_seconds)
    return Container(settings, engine, make_session_factory(engine), Outbox.for_settings(SERVICE, settings),
                     PiiCipher(settings.pii_keys, settings.index_key), client)
