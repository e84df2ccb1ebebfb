"""gunicorn entry: ``gunicorn qcontact_sync.entrypoints.wsgi:app`` (built per worker process)."""
from fibreflow_shared.web.wsgi import wsgi_app
from qcontact_sync.config import load
from qcontact_sync.entrypoints.http import create_app

app = wsgi_app(load, create_app)
