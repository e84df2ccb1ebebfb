"""Pure ticket rules: no Flask, no SQLAlchemy."""
