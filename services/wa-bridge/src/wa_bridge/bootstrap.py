"""The composition root: the kit's engine, sessions and outbox, plus the WAHA client and media store."""
from __future__ import annotations

from dataclasses import dataclass

from fibreflow_shared.pii import PiiCipher
from fibreflow_shared.service import ServiceContainer
from wa_bridge.adapters.pii import use_cipher
from wa_bridge.adapters.storage import LocalStorage, S3Storage, Storage
from wa_bridge.adapters.waha import WahaClient
from wa_bridge.config import SERVICE, Settings
from wa_bridge.service_layer.deps import Deps


@dataclass(kw_only=True)
class Container(ServiceContainer):
    settings: Settings
    deps: Deps


def make_storage(settings: Settings) -> Storage:
    """Media storage as configured: S3 (or compatible) or a local directory."""
    if settings.attachments_backend == "s3":
        return S3Storage(settings.s3_bucket, endpoint_url=settings.s3_endpoint_url or None, prefix=settings.s3_prefix)
    return LocalStorage(settings.attachments_dir)


def bootstrap(settings: Settings, *, storage: Storage | None = None, waha: WahaClient | None = None) -> Container:
    """Wire the service's adapters from settings (tests may pass their own storage)."""
    parts = ServiceContainer.parts(SERVICE, settings)
    use_cipher(PiiCipher(list(settings.pii_keys), settings.index_key))
    client = waha or WahaClient(settings.waha_url, settings.waha_api_key, timeout=settings.waha_timeout_seconds,
                                pool_size=max(10, settings.db_pool_size))
    deps = Deps(settings=settings, outbox=parts["outbox"], waha=client, storage=storage or make_storage(settings))
    return Container(**parts, deps=deps)
