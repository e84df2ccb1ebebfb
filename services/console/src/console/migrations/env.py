from console.adapters.orm import Base
from fibreflow_shared.migrations_env import run

run(Base.metadata)
