"""Pure notification rules: no Flask, no SQLAlchemy."""
