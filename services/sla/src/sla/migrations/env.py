from fibreflow_shared.migrations_env import run
from sla.adapters.orm import Base

run(Base.metadata)
