"""Sign test access tokens with a throwaway RSA key and serve it as a JWKS."""
from __future__ import annotations

import json
import time
import uuid
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa

from fibreflow_shared.auth import JwksKeySource, TokenVerifier

ISSUER = "fibreflow-gateway"
AUDIENCE = "fibreflow"


class TestSigner:
    """An RSA key pair that issues tokens and exposes the matching verifier."""

    __test__ = False  # not a pytest test class

    def __init__(self, kid: str = "test-key") -> None:
        self.kid = kid
        self.private_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)

    def jwks(self) -> dict[str, Any]:
        jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.private_key.public_key()))
        jwk.update({"kid": self.kid, "use": "sig", "alg": "RS256"})
        return {"keys": [jwk]}

    def verifier(self) -> TokenVerifier:
        return TokenVerifier(JwksKeySource(fetch=self.jwks), issuer=ISSUER, audience=AUDIENCE)

    def token(self, *, roles: list[str] | None = None, sub: str | None = None, username: str = "tester",
              teams: list[str] | None = None, ttl: int = 900, **overrides: Any) -> str:
        now = int(time.time())
        claims: dict[str, Any] = {
            "sub": sub or str(uuid.uuid4()), "username": username, "roles": roles or ["admin"],
            "teams": teams or [], "iss": ISSUER, "aud": AUDIENCE, "iat": now, "exp": now + ttl,
            "typ": "access", "jti": str(uuid.uuid4()),
        }
        claims.update(overrides)
        claims = {k: v for k, v in claims.items() if v is not None}  # None = leave the claim out
        return jwt.encode(claims, self.private_key, algorithm="RS256", headers={"kid": self.kid})

    def headers(self, **kwargs: Any) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token(**kwargs)}"}
