"""The composition root: the kit's engine, sessions and outbox, plus this service's deps."""
from __future__ import annotations

from dataclasses import dataclass

from fibreflow_shared.service import ServiceContainer

from email_intake.config import SERVICE, Settings
from email_intake.service_layer.deps import Deps


@dataclass(kw_only=True)
class Container(ServiceContainer):
    settings: Settings
    deps: Deps


def bootstrap(settings: Settings) -> Container:
    """Wire the service from settings."""
    parts = ServiceContainer.parts(SERVICE, settings)
    return Container(**parts, deps=Deps(settings, parts["outbox"]))
