from fibreflow_shared.migrations_env import run
from qcontact_sync.adapters.orm import Base

run(Base.metadata)
