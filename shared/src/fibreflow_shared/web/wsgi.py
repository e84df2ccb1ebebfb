"""What every ``<pkg>/entrypoints/wsgi.py`` is: settings from the environment, JSON logs, the app.

gunicorn imports ``<pkg>.entrypoints.wsgi:app`` once per worker process::

    app = wsgi_app(load, create_app)
"""
from __future__ import annotations

from typing import Any, Callable

from fibreflow_shared.logging import configure_logging


def wsgi_app(load_settings: Callable[[], Any], create_app: Callable[[Any], Any]) -> Any:
    """Load settings, configure logging for the service, build its app."""
    settings = load_settings()
    configure_logging(settings.service_name, settings.log_level)
    return create_app(settings)
