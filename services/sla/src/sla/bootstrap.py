"""The composition root: the service's Container from the kit's shared parts plus its Deps."""
from __future__ import annotations

from dataclasses import dataclass

from fibreflow_shared.service import ServiceContainer
from sla.config import SERVICE, Settings
from sla.service_layer.clocks import Deps
from sla.service_layer.reference import ReferenceCache


@dataclass(kw_only=True)
class Container(ServiceContainer):
    """Engine, sessions and outbox (the kit's), and the one dependency object of the use cases."""

    settings: Settings
    deps: Deps


def bootstrap(settings: Settings) -> Container:
    """Wire the service's adapters from settings."""
    parts = ServiceContainer.parts(SERVICE, settings)
    return Container(**parts, deps=Deps(parts["outbox"], ReferenceCache(settings.reference_cache_seconds)))
