"""gunicorn entry: ``gunicorn email_intake.entrypoints.wsgi:app`` (built per worker process)."""
from fibreflow_shared.web.wsgi import wsgi_app

from email_intake.config import load
from email_intake.entrypoints.http import create_app

app = wsgi_app(load, create_app)
