"""JWT verification against the gateway's JWKS, and role checks for Flask views.

Services verify the forwarded token themselves (defence in depth). Keys are cached
(``fibreflow_shared.jwks``: fetched at start-up, single-flight) and re-fetched when a token
names an unknown ``kid`` (key rotation), at most once per ``min_refresh_seconds`` so a flood of
forged kids cannot hammer the gateway. Tokens issued before their user's published cut-off
(disabled, roles or password changed) are refused, cached or not.
"""
from __future__ import annotations

import functools
import hashlib
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping, TypeVar

import jwt
from flask import current_app, g, request

from fibreflow_shared.errors import Forbidden, Unauthorized
from fibreflow_shared.jwks import JwksKeySource, cutoff_key
from fibreflow_shared.roles import ALL_ROLES, ADMIN

__all__ = ["JwksKeySource", "Principal", "TokenVerifier", "authenticate", "bearer_token", "current_principal",
           "cutoff_key", "issued_at_ms", "parse_bearer", "register_principal_screen", "require_auth"]

ALLOWED_ALGORITHMS = ("RS256",)
F = TypeVar("F", bound=Callable[..., Any])


def issued_at_ms(claims: Mapping[str, Any]) -> int:
    """When a token was issued, in epoch milliseconds: the gateway's ``iat_ms`` claim when it
    lies in the second ``iat`` names, else the start of that second — so a cut-off later in the
    same second refuses a token that carries seconds only (the safe side)."""
    iat = claims.get("iat")
    if not isinstance(iat, (int, float)) or isinstance(iat, bool):
        return 0
    base = int(iat) * 1000
    ms = claims.get("iat_ms")
    if isinstance(ms, int) and not isinstance(ms, bool) and base <= ms < base + 1000:
        return ms
    return base


@dataclass(frozen=True)
class Principal:
    """The authenticated caller, as the access token describes them."""

    user_id: str
    username: str
    roles: frozenset[str]
    teams: tuple[str, ...] = ()
    claims: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def has_any(self, *roles: str) -> bool:
        return bool(self.roles.intersection(roles))

    @property
    def is_admin(self) -> bool:
        return ADMIN in self.roles

    @property
    def issued_at_ms(self) -> int:
        """When the token was issued (epoch ms); compare with a cut-off stored to the millisecond."""
        return issued_at_ms(self.claims)


class TokenVerifier:
    """Checks signature (RS256 only), expiry, issuer and audience of access tokens.

    A verified token is remembered (by its SHA-256) until it expires: a client sends the same
    token for up to 15 minutes, and the RSA check costs ~0.2 ms at every hop. Only successful
    verifications are cached, so a forged or altered token is always checked in full. The
    cut-off check runs on every call, cached or not: one dictionary lookup, and none at all
    while the gateway publishes no cut-offs.
    """

    def __init__(self, keys: JwksKeySource, *, issuer: str, audience: str, leeway: int = 10,
                 cache_size: int = 10_000) -> None:
        self.keys = keys
        self.issuer = issuer
        self.audience = audience
        self.leeway = leeway
        self.cache_size = cache_size
        # digest → (exp, principal, cutoff_key(sub), issued at in ms)
        self._cache: OrderedDict[bytes, tuple[float, Principal, str, int]] = OrderedDict()
        self._cache_lock = threading.Lock()

    def verify(self, token: str) -> Principal:
        """The principal of a valid, unrevoked access token; 401 otherwise."""
        digest = hashlib.sha256(token.encode()).digest()
        now = time.time()
        with self._cache_lock:
            hit = self._cache.get(digest)
            if hit is not None:
                if hit[0] > now:
                    self._cache.move_to_end(digest)
                else:
                    del self._cache[digest]
                    hit = None
        if hit is None:
            principal = self._verify(token)
            hit = (float(principal.claims["exp"]), principal, cutoff_key(principal.user_id),
                   principal.issued_at_ms)
            if self.cache_size:
                with self._cache_lock:
                    self._cache[digest] = hit
                    if len(self._cache) > self.cache_size:
                        self._cache.popitem(last=False)
        cutoffs = self.keys.cutoffs
        if cutoffs:
            cutoff = cutoffs.get(hit[2])
            if cutoff is not None and hit[3] < cutoff:
                raise Unauthorized("Token was revoked (account disabled, roles or password changed since it was "
                                   "issued); log in again", code="TOKEN_REVOKED")
        return hit[1]

    def _verify(self, token: str) -> Principal:
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError as exc:
            raise Unauthorized("Malformed token", code="INVALID_TOKEN") from exc
        if header.get("alg") not in ALLOWED_ALGORITHMS:
            raise Unauthorized("Token algorithm not allowed", code="INVALID_TOKEN")
        kid = header.get("kid")
        if not isinstance(kid, str) or not kid:
            raise Unauthorized("Token has no key id", code="INVALID_TOKEN")
        key = self.keys.get(kid)
        if key is None:
            raise Unauthorized("Token signed with an unknown key", code="INVALID_TOKEN")
        try:
            claims = jwt.decode(
                token, key, algorithms=list(ALLOWED_ALGORITHMS), audience=self.audience, issuer=self.issuer,
                leeway=self.leeway, options={"require": ["exp", "iat", "iss", "aud", "sub", "jti"]},
            )
        except jwt.ExpiredSignatureError as exc:
            raise Unauthorized("Token expired", code="TOKEN_EXPIRED") from exc
        except jwt.PyJWTError as exc:
            raise Unauthorized(f"Invalid token: {exc}", code="INVALID_TOKEN") from exc
        if claims.get("typ") != "access":
            raise Unauthorized("Not an access token", code="INVALID_TOKEN")
        roles = claims.get("roles") or []
        return Principal(
            user_id=str(claims["sub"]),
            username=str(claims.get("username", "")),
            roles=frozenset(r for r in roles if isinstance(r, str)),
            teams=tuple(str(t) for t in claims.get("teams", []) or []),
            claims=claims,
        )


def parse_bearer(header: str | None) -> str:
    """The token of an ``Authorization: Bearer <token>`` header value, or 401."""
    scheme, _, token = (header or "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthorized("Missing bearer token", code="UNAUTHORIZED")
    return token.strip()


def bearer_token() -> str:
    """The bearer token of the current request, or 401."""
    return parse_bearer(request.headers.get("Authorization"))


PrincipalScreen = Callable[[Principal], None]


def register_principal_screen(app: Any, screen: PrincipalScreen) -> None:
    """Run ``screen(principal)`` once per request after a token verified, before any view sees
    the principal; it raises (401, 429, …) to refuse. The gateway screens disabled users and
    per-user limits this way."""
    app.extensions["fibreflow_principal_screen"] = screen


def authenticate() -> Principal:
    """Verify the current request's token (once per request), screen it, return its principal."""
    principal = g.get("principal")
    if principal is None:
        verifier: TokenVerifier = current_app.extensions["fibreflow_verifier"]
        principal = verifier.verify(bearer_token())
        screen: PrincipalScreen | None = current_app.extensions.get("fibreflow_principal_screen")
        if screen is not None:
            screen(principal)
        g.principal = principal
    return principal


def current_principal() -> Principal:
    """The principal of an authenticated request (call inside a ``require_auth`` view)."""
    principal = g.get("principal")
    if principal is None:
        raise Unauthorized("Not authenticated")
    return principal


def require_auth(roles: Iterable[str] | None = None, *,
                 check: Callable[[Principal], bool] | None = None) -> Callable[[F], F]:
    """View decorator: 401 without a valid token, 403 when the caller lacks every listed role
    (or fails ``check``)."""
    wanted = frozenset(roles or ())
    unknown = wanted - ALL_ROLES
    if unknown:
        raise ValueError(f"unknown roles {sorted(unknown)}")

    def decorator(view: F) -> F:
        @functools.wraps(view)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            principal = authenticate()
            if wanted and not principal.roles & wanted:
                raise Forbidden(f"Requires one of the roles: {', '.join(sorted(wanted))}")
            if check is not None and not check(principal):
                raise Forbidden("Not allowed")
            return view(*args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorator
