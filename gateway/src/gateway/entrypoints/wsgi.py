"""gunicorn entry point: the only module that builds the app at import time."""
from fibreflow_shared.web.wsgi import wsgi_app
from gateway.config import load
from gateway.entrypoints.http import create_app

app = wsgi_app(load, create_app)
