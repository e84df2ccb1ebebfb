"""gunicorn entry point: the only module that builds the app at import time."""
from gateway.entrypoints.app import create_app

app = create_app()
