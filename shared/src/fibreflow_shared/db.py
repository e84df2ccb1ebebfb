"""SQLAlchemy 2 engine and sessions per service, database creation and Alembic migrations."""
from __future__ import annotations

import logging
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session, sessionmaker

if TYPE_CHECKING:
    from fibreflow_shared.settings import CommonSettings

log = logging.getLogger(__name__)


def normalise_url(url: str) -> str:
    """Use the psycopg 3 driver for plain ``postgresql://`` URLs."""
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def make_engine(url: str, *, pool_size: int = 5, max_overflow: int = 10, echo: bool = False,
                prepared_statements: bool = True) -> Engine:
    """An engine with a bounded pool that checks connections before use (survives DB restarts).

    ``pool_size`` connections stay open when idle; bursts may open ``max_overflow`` more.
    PostgreSQL's default limit is 100 connections for every process of every service.
    ``prepared_statements=False`` turns off psycopg's automatic server-side prepared statements
    (``prepare_threshold=None``), which PgBouncer in transaction mode cannot follow.
    """
    connect_args: dict[str, object] = {"connect_timeout": 5}
    if not prepared_statements:
        connect_args["prepare_threshold"] = None
    return create_engine(
        normalise_url(url),
        pool_size=pool_size,
        max_overflow=max_overflow,
        pool_pre_ping=True,
        # LIFO: a light, steady load reuses the same few connections and the rest stay idle, so a
        # server-side idle_session_timeout (the dev stack's connection budget) can close them; FIFO
        # would rotate through the whole pool and keep every connection warm.
        pool_use_lifo=True,
        pool_recycle=1800,
        echo=echo,
        connect_args=connect_args,
    )


def engine_for(settings: "CommonSettings") -> Engine:
    """The engine a service's settings describe (its database URL and pool sizes)."""
    return make_engine(settings.database_url, pool_size=settings.db_pool_size, max_overflow=settings.db_max_overflow,
                       prepared_statements=getattr(settings, "db_prepared_statements", True))


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions that keep loaded objects usable after commit."""
    return sessionmaker(bind=engine, expire_on_commit=False)


def make_autocommit_session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions for read-only requests, on the same pool as ``engine``: each statement is its own
    transaction, so a one-statement read is one round trip instead of BEGIN + query + COMMIT.

    Under READ COMMITTED (PostgreSQL's default) every statement of a transaction already sees
    its own snapshot, so reads lose no consistency this way. Not for writes, nor for anything
    that needs ``SET LOCAL`` (it only works inside a transaction block)."""
    return sessionmaker(bind=engine.execution_options(isolation_level="AUTOCOMMIT"), expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work: commit on success, roll back on any exception."""
    session = factory()
    try:
        with session.begin():
            yield session
    finally:
        session.close()


@contextmanager
def reading(factory: sessionmaker[Session]) -> Iterator[Session]:
    """A session from ``make_autocommit_session_factory`` for a read: closed (connection back
    to the pool) at the end, nothing to commit."""
    session = factory()
    try:
        yield session
    finally:
        session.close()


def ensure_database(url: str) -> bool:
    """Create the database named in ``url`` if it does not exist. Returns True if created."""
    target = make_url(normalise_url(url))
    name = target.database
    if not name:
        raise ValueError("database URL names no database")
    admin = create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            exists = conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).scalar()
            if exists:
                return False
            # Identifiers cannot be bound; the name comes from our own config, quoted anyway.
            conn.execute(text(f'CREATE DATABASE "{name.replace(chr(34), "")}"'))
            log.info("created database", extra={"database": name})
            return True
    finally:
        admin.dispose()


def drop_database(url: str) -> None:
    """Drop the database named in ``url`` (tests only), terminating open connections."""
    target = make_url(normalise_url(url))
    admin = create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{target.database}" WITH (FORCE)'))
    finally:
        admin.dispose()


def packaged_migrations(package: str) -> Path:
    """The Alembic folder shipped inside ``package`` (``<package>/migrations``), found through
    importlib.resources so an installed wheel migrates exactly like a checkout."""
    from importlib.resources import files

    folder = files(package) / "migrations"
    path = Path(str(folder))
    if not (path / "env.py").is_file():
        raise FileNotFoundError(f"{package} ships no migrations/env.py (looked in {path})")
    return path


def run_migrations(migrations_dir: str | Path, url: str, revision: str = "head") -> None:
    """Upgrade the service's database with its own Alembic history."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir))
    cfg.set_main_option("sqlalchemy.url", normalise_url(url).replace("%", "%%"))
    cfg.attributes["configure_logger"] = False
    command.upgrade(cfg, revision)


def ping(engine: Engine) -> None:
    """Raise if the database cannot answer a trivial query."""
    with engine.connect() as conn:
        conn.execute(text("SELECT 1"))
