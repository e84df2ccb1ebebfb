"""The composition root: the only place that builds the engine, key store and clients."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from fibreflow_shared.auth import JwksKeySource, TokenVerifier
from fibreflow_shared.db import engine_for, ensure_database, make_session_factory, run_migrations
from fibreflow_shared.messaging.outbox import Outbox
from gateway.adapters.keystore import KeyStore
from gateway.adapters.passwords import Argon2Passwords
from gateway.adapters.ratelimit import RateLimiter
from gateway.adapters.tokens import AccessTokenIssuer
from gateway.adapters.upstreams import Upstream, build_upstreams
from gateway.adapters.user_status import UserStatusCache
from gateway.config import GatewaySettings
from gateway.service_layer.deps import Deps
from gateway.service_layer.users import ensure_admin

log = logging.getLogger(__name__)


@dataclass
class Container:
    deps: Deps
    verifier: TokenVerifier
    limiter: RateLimiter
    upstreams: dict[str, Upstream]

    @property
    def settings(self) -> GatewaySettings:
        return self.deps.settings

    def close(self) -> None:
        for upstream in self.upstreams.values():
            upstream.close()
        self.deps.engine.dispose()


def migrations_dir() -> Path:
    """gateway/migrations in a checkout, or the copy packaged inside the wheel."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "migrations", here.parents[1] / "migrations"):
        if (candidate / "env.py").exists():
            return candidate
    raise FileNotFoundError("gateway migrations directory not found")


def build_deps(settings: GatewaySettings, *, passwords: Argon2Passwords | None = None) -> Deps:
    engine = engine_for(settings)
    sessions = make_session_factory(engine)
    keys = KeyStore(sessions, settings.fernet_key(), access_ttl=settings.access_token_ttl_seconds,
                    cache_seconds=settings.key_cache_seconds)
    issuer = AccessTokenIssuer(keys, issuer=settings.jwt_issuer, audience=settings.jwt_audience,
                               ttl_seconds=settings.access_token_ttl_seconds)
    passwords = passwords or Argon2Passwords(time_cost=settings.password_hash_time_cost,
                                             memory_cost=settings.password_hash_memory_kib)
    outbox = Outbox.for_settings(settings.service_name, settings)
    user_status = UserStatusCache.for_engine(engine, settings.user_status_cache_seconds)
    return Deps(settings, engine, sessions, keys, passwords, issuer, outbox, user_status)


def bootstrap(settings: GatewaySettings, *, passwords: Argon2Passwords | None = None,
              prepare: bool | None = None) -> Container:
    """Wire everything; with ``prepare`` create the first signing key and admin if missing."""
    deps = build_deps(settings, passwords=passwords)
    # The gateway checks its own tokens with the shared verifier, fed from its key store.
    # An unknown kid re-reads the table (at most once a second), so a key another replica just
    # rotated in is accepted at once rather than after this replica's cache expires.
    key_source = JwksKeySource(fetch=lambda: deps.keys.jwks(max_age=0), ttl_seconds=max(settings.key_cache_seconds, 1),
                               min_refresh_seconds=1)
    deps.issuer.on_new_kid = lambda _kid: key_source.refresh(force=True)
    verifier = TokenVerifier(key_source, issuer=settings.jwt_issuer, audience=settings.jwt_audience)
    limiter = RateLimiter(settings.rate_limit_storage_url, per_user=settings.rate_limit_per_user,
                          per_ip=settings.rate_limit_per_ip)
    upstreams = build_upstreams(settings.upstream_urls(), pool_size=settings.upstream_pool_size)
    container = Container(deps, verifier, limiter, upstreams)
    if settings.bootstrap_on_start if prepare is None else prepare:
        prepare_identity(deps)
    return container


def prepare_identity(deps: Deps) -> None:
    """First start: a signing key and an admin must exist."""
    deps.keys.ensure_key()
    ensure_admin(deps)


def migrate(settings: GatewaySettings) -> None:
    """Create the database if needed, upgrade it, then make sure a key and an admin exist."""
    ensure_database(settings.database_url)
    run_migrations(migrations_dir(), settings.database_url)
    deps = build_deps(settings)
    try:
        prepare_identity(deps)
    finally:
        deps.engine.dispose()
