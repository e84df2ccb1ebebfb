"""gunicorn entry: ``gunicorn wa_bridge.entrypoints.wsgi:app`` (built per worker process)."""
from fibreflow_shared.web.wsgi import wsgi_app
from wa_bridge.config import load
from wa_bridge.entrypoints.http import create_app

app = wsgi_app(load, create_app)
