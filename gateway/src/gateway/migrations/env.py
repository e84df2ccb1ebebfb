"""Alembic environment of the gateway database."""
from fibreflow_shared.migrations_env import run

from gateway.adapters.orm import Base

run(Base.metadata)
