"""The composition root: the shared parts (engine, sessions, outbox) from the kit, plus
ticket-core's own adapters (PII cipher, attachment storage) in one ``Deps``."""
from __future__ import annotations

from dataclasses import dataclass

from fibreflow_shared.pii import PiiCipher
from fibreflow_shared.service import ServiceContainer
from ticket_core.adapters.storage import LocalStorage, S3Storage, Storage
from ticket_core.config import SERVICE, Settings, phone_index_key, pii_keys
from ticket_core.service_layer.deps import Deps


@dataclass(kw_only=True)
class Container(ServiceContainer):
    """The kit's container plus the use cases' dependencies."""

    settings: Settings
    deps: Deps


def make_storage(settings: Settings) -> Storage:
    """Attachment storage as configured: S3 (or compatible) or a local directory."""
    if settings.attachments_backend == "s3":
        return S3Storage(settings.s3_bucket, endpoint_url=settings.s3_endpoint_url or None, prefix=settings.s3_prefix)
    return LocalStorage(settings.attachments_dir)


def bootstrap(settings: Settings, *, storage: Storage | None = None) -> Container:
    """Wire the service's adapters from settings (``storage`` replaces the configured one, for tests)."""
    parts = ServiceContainer.parts(SERVICE, settings)
    deps = Deps(outbox=parts["outbox"], cipher=PiiCipher(pii_keys(settings), phone_index_key(settings)),
                storage=storage or make_storage(settings), auto_assign=settings.auto_assign,
                escalation_team=settings.escalation_team, exact_count_limit=settings.exact_count_limit,
                stats_live_below=settings.stats_live_below, stats_max_age_seconds=settings.stats_max_age_seconds)
    return Container(**parts, deps=deps)
