from fibreflow_shared.migrations_env import run
from billing.adapters.orm import Base

run(Base.metadata)
