"""The body of every service's ``migrations/env.py``: online migrations with the URL from config."""
from __future__ import annotations

from alembic import context as alembic_context
from sqlalchemy import MetaData, create_engine, pool


def run(target_metadata: MetaData) -> None:
    """Run migrations for the Alembic context currently executing."""
    config = alembic_context.config
    url = config.get_main_option("sqlalchemy.url")
    if alembic_context.is_offline_mode():
        alembic_context.configure(url=url, target_metadata=target_metadata, literal_binds=True)
        with alembic_context.begin_transaction():
            alembic_context.run_migrations()
        return
    engine = create_engine(url, poolclass=pool.NullPool)  # type: ignore[arg-type]
    with engine.connect() as connection:
        alembic_context.configure(connection=connection, target_metadata=target_metadata,
                                  compare_type=True)
        with alembic_context.begin_transaction():
            alembic_context.run_migrations()
    engine.dispose()
