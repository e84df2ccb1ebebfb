"""gunicorn entry: ``gunicorn notifications.entrypoints.wsgi:app`` (built per worker process)."""
from fibreflow_shared.web.wsgi import wsgi_app
from notifications.config import load
from notifications.entrypoints.http import create_app

app = wsgi_app(load, create_app)
