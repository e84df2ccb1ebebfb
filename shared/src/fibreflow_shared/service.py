"""The parts every service's composition root (``<pkg>/bootstrap.py``) starts from.

A service's ``Container`` subclasses ``ServiceContainer`` and adds its own adapters and use-case
dependencies; ``ServiceContainer.parts`` builds the shared ones from settings, so no service
wires an engine, sessions or an outbox by hand::

    @dataclass(kw_only=True)
    class Container(ServiceContainer):
        deps: Deps

    def bootstrap(settings):
        parts = ServiceContainer.parts(SERVICE, settings)
        return Container(**parts, deps=Deps(parts["outbox"]))
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from fibreflow_shared.db import engine_for, make_autocommit_session_factory, make_session_factory
from fibreflow_shared.messaging.outbox import Outbox


@dataclass(kw_only=True)
class ServiceContainer:
    """Settings, the database engine, transactional and read-only sessions, and the outbox."""

    settings: Any
    engine: Engine
    sessions: sessionmaker[Session]
    # Read-only requests: autocommit, no BEGIN/COMMIT round trips (fibreflow_shared.db.reading).
    read_sessions: sessionmaker[Session]
    outbox: Outbox

    @staticmethod
    def parts(service: str, settings: Any) -> dict[str, Any]:
        """The shared fields, built from ``settings`` (the engine connects lazily)."""
        engine = engine_for(settings)
        return {"settings": settings, "engine": engine, "sessions": make_session_factory(engine),
                "read_sessions": make_autocommit_session_factory(engine),
                "outbox": Outbox.for_settings(service, settings)}

    def close(self) -> None:
        """Return every pooled connection (tests, one-shot commands)."""
        self.engine.dispose()
