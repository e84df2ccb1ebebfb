"""The composition root: the kit's engine, sessions and outbox, plus billing's own adapters."""
from __future__ import annotations

from dataclasses import dataclass

from billing.adapters.invoicing import InvoicingClient
from billing.config import SERVICE, Settings
from billing.service_layer.deps import Deps
from fibreflow_shared.pii import PiiCipher
from fibreflow_shared.service import ServiceContainer


@dataclass(kw_only=True)
class Container(ServiceContainer):
    """The shared parts, the invoicing system's client and the use cases' dependencies."""

    settings: Settings
    invoicing: InvoicingClient
    deps: Deps


def bootstrap(settings: Settings, *, invoicing: InvoicingClient | None = None) -> Container:
    """Wire the service's adapters from settings (``invoicing`` replaces the HTTP client in tests)."""
    parts = ServiceContainer.parts(SERVICE, settings)
    client = invoicing or InvoicingClient(settings.invoicing_api_url, settings.invoicing_api_key,
                                          timeout=settings.invoicing_timeout_seconds)
    deps = Deps(outbox=parts["outbox"], pii=PiiCipher(settings.pii_keys, settings.index_key))
    return Container(**parts, invoicing=client, deps=deps)
