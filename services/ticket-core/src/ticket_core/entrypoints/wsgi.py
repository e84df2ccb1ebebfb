"""gunicorn entry: ``gunicorn ticket_core.entrypoints.wsgi:app`` (built per worker process)."""
from fibreflow_shared.web.wsgi import wsgi_app
from ticket_core.config import load
from ticket_core.entrypoints.http import create_app

app = wsgi_app(load, create_app)
