"""gunicorn entry: ``gunicorn billing.entrypoints.wsgi:app`` (built per worker process)."""
from billing.config import load
from billing.entrypoints.http import create_app
from fibreflow_shared.logging import configure_logging

_settings = load()
configure_logging(_settings.service_name, _settings.log_level)
app = create_app(_settings)
