"""gunicorn entry: ``gunicorn console.entrypoints.wsgi:app`` (built per worker process)."""
from console.config import load
from console.entrypoints.http import create_app
from fibreflow_shared.web.wsgi import wsgi_app

app = wsgi_app(load, create_app)
