from fibreflow_shared.migrations_env import run
from ticket_core.adapters.orm import Base

run(Base.metadata)
