from fibreflow_shared.migrations_env import run
from wa_bridge.adapters.orm import Base

run(Base.metadata)
