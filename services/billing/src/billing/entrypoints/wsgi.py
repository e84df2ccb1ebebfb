"""gunicorn entry: ``gunicorn billing.entrypoints.wsgi:app`` (built per worker process)."""
from billing.config import load
from billing.entrypoints.http import create_app
from fibreflow_shared.web.wsgi import wsgi_app

app = wsgi_app(load, create_app)
