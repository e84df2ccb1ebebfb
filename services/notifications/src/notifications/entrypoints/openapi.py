"""The OpenAPI document, built without touching the database (for contracts/)."""
from __future__ import annotations

from typing import Any

from fibreflow_shared.web import openapi_document
from notifications.config import load
from notifications.entrypoints.http import create_app


def spec() -> dict[str, Any]:
    # The engine is lazy: no connection is made to this placeholder URL.
    return openapi_document(create_app(load(database_url="postgresql://openapi@127.0.0.1:1/openapi")))
