"""The composition root: the only place that builds the engine, key store and clients."""
from __future__ import annotations

import logging
from dataclasses import dataclass

from fibreflow_shared.auth import JwksKeySource, TokenVerifier
from fibreflow_shared.service import ServiceContainer
from gateway.adapters.api_key_gate import ApiKeyGate
from gateway.adapters.keystore import KeyDecryptionError, KeyStore
from gateway.adapters.passwords import Argon2Passwords
from gateway.adapters.ratelimit import RateLimiter
from gateway.adapters.tokens import AccessTokenIssuer
from gateway.adapters.upstreams import Upstream, build_upstreams
from gateway.adapters.user_status import PublishedCutoffs, UserStatusCache
from gateway.config import SERVICE, GatewaySettings
from gateway.service_layer.deps import Deps
from gateway.service_layer.users import ensure_admin

log = logging.getLogger(__name__)


@dataclass(kw_only=True)
class Container(ServiceContainer):
    """The kit's parts (settings, engine, sessions, outbox) plus the gateway's own: the use cases'
    ``deps``, the token verifier, the rate limiter and one connection pool per upstream."""

    settings: GatewaySettings
    deps: Deps
    verifier: TokenVerifier
    limiter: RateLimiter
    upstreams: dict[str, Upstream]
    api_keys: ApiKeyGate | None = None  # API keys exchanged for access tokens at the proxy

    def close(self) -> None:
        """Close the upstream pools and return every pooled database connection."""
        for upstream in self.upstreams.values():
            upstream.close()
        super().close()


def bootstrap(settings: GatewaySettings, *, passwords: Argon2Passwords | None = None,
              prepare: bool | None = None) -> Container:
    """Wire everything; with ``prepare`` (default GATEWAY_BOOTSTRAP_ON_START) create the first
    signing key and admin if missing. Nothing connects until it is used."""
    parts = ServiceContainer.parts(SERVICE, settings)
    cutoffs = PublishedCutoffs(parts["engine"], window_seconds=settings.access_token_ttl_seconds + 60,
                               status_cache_seconds=settings.user_status_cache_seconds)
    keys = KeyStore(parts["sessions"], settings.fernet_key(), access_ttl=settings.access_token_ttl_seconds,
                    cache_seconds=settings.key_cache_seconds, cutoffs=cutoffs.document)
    issuer = AccessTokenIssuer(keys, issuer=settings.jwt_issuer, audience=settings.jwt_audience,
                               ttl_seconds=settings.access_token_ttl_seconds)
    passwords = passwords or Argon2Passwords(time_cost=settings.password_hash_time_cost,
                                             memory_cost=settings.password_hash_memory_kib)
    user_status = UserStatusCache.for_engine(parts["engine"], settings.user_status_cache_seconds)
    deps = Deps(settings, parts["engine"], parts["sessions"], keys, passwords, issuer, parts["outbox"], user_status)
    # The gateway checks its own tokens with the shared verifier, fed from its key store.
    # An unknown kid re-reads the table (at most once a second), so a key another replica just
    # rotated in is accepted at once rather than after this replica's cache expires.
    key_source = JwksKeySource(fetch=lambda: keys.jwks(max_age=0), ttl_seconds=max(settings.key_cache_seconds, 1),
                               min_refresh_seconds=1)
    issuer.on_new_kid = lambda _kid: key_source.refresh(force=True)
    verifier = TokenVerifier(key_source, issuer=settings.jwt_issuer, audience=settings.jwt_audience)
    limiter = RateLimiter(settings.rate_limit_storage_url, per_user=settings.rate_limit_per_user,
                          per_ip=settings.rate_limit_per_ip)
    upstreams = build_upstreams(settings.upstream_urls(), pool_size=settings.upstream_pool_size)
    api_key_gate = ApiKeyGate(parts["engine"], issuer, settings.api_key_pepper_bytes(),
                              ttl_seconds=settings.user_status_cache_seconds,
                              storage_url=settings.rate_limit_storage_url, default_rate=settings.api_key_rate_limit)
    deps.api_keys = api_key_gate
    container = Container(**parts, deps=deps, verifier=verifier, limiter=limiter, upstreams=upstreams,
                          api_keys=api_key_gate)
    if settings.bootstrap_on_start if prepare is None else prepare:
        prepare_identity(deps)
    return container


def prepare_identity(deps: Deps) -> None:
    """First start: a signing key and an admin must exist."""
    deps.keys.ensure_key()
    ensure_admin(deps)


def signing_key_problem(keys: KeyStore) -> str | None:
    """Why this gateway cannot sign tokens although its keys are there (a stored key that this
    GATEWAY_SECRET_KEY cannot decrypt: a second checkout, a lost .env.local), or None. Any other
    failure (database down, no key yet) is raised: it is not a configuration mistake."""
    try:
        keys.signing_key()
    except KeyDecryptionError as exc:
        return str(exc)
    return None
