"""gunicorn entry: ``gunicorn notifications.entrypoints.wsgi:app`` (built per worker process)."""
from fibreflow_shared.logging import configure_logging
from notifications.config import load
from notifications.entrypoints.http import create_app

_settings = load()
configure_logging(_settings.service_name, _settings.log_level)
app = create_app(_settings)
