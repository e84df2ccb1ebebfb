from fibreflow_shared.migrations_env import run
from notifications.adapters.orm import Base

run(Base.metadata)
