"""gunicorn entry: ``gunicorn sla.entrypoints.wsgi:app`` (built per worker process)."""
from fibreflow_shared.web.wsgi import wsgi_app
from sla.config import load
from sla.entrypoints.http import create_app

app = wsgi_app(load, create_app)
