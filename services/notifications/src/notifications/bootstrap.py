"""The composition root: the kit's engine, sessions and outbox, plus this service's channels and deps."""
from __future__ import annotations

from dataclasses import dataclass, field

from fibreflow_shared.service import ServiceContainer
from notifications.adapters.channels import Channel, build_channels
from notifications.adapters.webhook_delivery import WebhookHttp
from notifications.config import SERVICE, Settings
from notifications.service_layer.deps import Deps


@dataclass(kw_only=True)
class Container(ServiceContainer):
    """The shared parts, the delivery channels (provider adapters) and the use cases' ``Deps``."""

    settings: Settings
    deps: Deps
    channels: dict[str, Channel] = field(default_factory=dict)
    webhook_http: WebhookHttp | None = None  # outbound webhooks: SSRF-checked, pooled HTTP


def bootstrap(settings: Settings, channels: dict[str, Channel] | None = None) -> Container:
    """Wire the service's adapters from settings (tests may pass their own channels)."""
    parts = ServiceContainer.parts(SERVICE, settings)
    return Container(**parts, deps=Deps(settings, parts["outbox"]),
                     channels=channels if channels is not None else build_channels(settings),
                     webhook_http=WebhookHttp(settings.webhook_allowed_networks, settings.webhook_timeout_seconds,
                                              pool_size=settings.webhook_concurrency))
