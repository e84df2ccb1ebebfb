"""Pure SLA rules: no Flask, no SQLAlchemy."""
