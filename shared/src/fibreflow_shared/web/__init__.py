"""Flask app-factory helpers shared by every service."""
from fibreflow_shared.web.app import create_base_app, create_service_app, openapi_document, register_health

__all__ = ["create_base_app", "create_service_app", "openapi_document", "register_health"]
