"""gunicorn entry: ``gunicorn ticket_core.entrypoints.wsgi:app`` (built per worker process)."""
from fibreflow_shared.logging import configure_logging
from ticket_core.config import load
from ticket_core.entrypoints.http import create_app

_settings = load()
configure_logging(_settings.service_name, _settings.log_level)
app = create_app(_settings)
