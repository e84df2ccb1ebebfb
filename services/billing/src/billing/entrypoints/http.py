"""The billing Flask app: the kit's service app with billing's blueprints (entrypoints/blueprints)."""
from __future__ import annotations

from flask import Flask

from billing.bootstrap import Container, bootstrap
from billing.config import SERVICE, Settings, load
from billing.entrypoints.blueprints import clients, contracts, fees, guarantees, reports, tickets, webhooks
from fibreflow_shared.auth import TokenVerifier
from fibreflow_shared.web import create_service_app

BLUEPRINTS = (clients.make_blueprint, contracts.make_blueprint, guarantees.make_blueprint, fees.make_blueprint,
              tickets.make_blueprint, reports.make_blueprint, webhooks.make_blueprint)


def create_app(settings: Settings | None = None, *, verifier: TokenVerifier | None = None,
               container: Container | None = None) -> Flask:
    """The billing Flask app (settings from the environment unless given; tests pass a container)."""
    settings = settings or load()
    container = container or bootstrap(settings)
    return create_service_app(SERVICE, settings, container, title="FibreFlow billing", blueprints=BLUEPRINTS,
                              verifier=verifier)
