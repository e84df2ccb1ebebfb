"""The composition root: the kit's engine and sessions, the gateway client and the token cipher."""
from __future__ import annotations

from dataclasses import dataclass

from console.adapters.gateway import Gateway
from console.adapters.tokens import TokenCipher
from console.config import SERVICE, Settings
from console.service_layer.deps import Deps
from fibreflow_shared.service import ServiceContainer


@dataclass(kw_only=True)
class Container(ServiceContainer):
    """The shared parts plus the use cases' ``Deps`` (gateway client, cipher, clock)."""

    settings: Settings
    deps: Deps


def bootstrap(settings: Settings, gateway: Gateway | None = None) -> Container:
    """Wire the console from settings (tests may pass their own gateway client)."""
    parts = ServiceContainer.parts(SERVICE, settings)
    gateway = gateway or Gateway(settings.gateway_url, timeout=settings.gateway_timeout_seconds)
    return Container(**parts, deps=Deps(settings, gateway, TokenCipher(settings.token_keys)))
