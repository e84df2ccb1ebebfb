"""Access tokens (RS256 JWT) and opaque refresh tokens."""
from __future__ import annotations

import hashlib
import secrets
import time
import uuid
from typing import Any, Callable, Sequence

import jwt

from gateway.adapters.keystore import KeyStore


class AccessTokenIssuer:
    """Signs access tokens with the key store's newest active key; the claims are exactly
    what ``fibreflow_shared.auth.TokenVerifier`` checks."""

    def __init__(self, keys: KeyStore, *, issuer: str, audience: str, ttl_seconds: int) -> None:
        self.keys = keys
        self.on_new_kid: Callable[[str], None] | None = None
        self._seen_kids: set[str] = set()
        self.issuer = issuer
        self.audience = audience
        self.ttl = ttl_seconds

    def issue(self, *, user_id: str, username: str, roles: Sequence[str], teams: Sequence[str],
              issued_at: float | None = None) -> str:
        """A signed access token. ``issued_at`` (epoch seconds, default now) is when the user's
        roles and status were read: a cut-off after that instant refuses the token.

        ``iat_ms`` carries the issue time to the millisecond (``iat`` has whole seconds), so a
        disable and re-enable inside one second still cuts off the tokens issued before it.
        """
        kid, private = self.keys.signing_key()
        if kid not in self._seen_kids:
            # Make our own verifier learn a freshly rotated key before it sees a token signed with it.
            if self.on_new_kid is not None:
                self.on_new_kid(kid)
            self._seen_kids.add(kid)
        iat_ms = int((time.time() if issued_at is None else issued_at) * 1000)
        iat = iat_ms // 1000
        claims: dict[str, Any] = {
            "sub": user_id, "username": username, "roles": list(roles), "teams": list(teams),
            "iss": self.issuer, "aud": self.audience, "iat": iat, "iat_ms": iat_ms, "exp": iat + self.ttl,
            "jti": str(uuid.uuid4()), "typ": "access",
        }
        return jwt.encode(claims, private, algorithm="RS256", headers={"kid": kid})


def new_refresh_token() -> str:
    """An opaque, unguessable refresh token (only its hash is stored)."""
    return secrets.token_urlsafe(48)


def hash_refresh_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
