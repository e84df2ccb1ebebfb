"""RSA signing keys stored in the database, private halves encrypted with Fernet.

The store caches keys for a few seconds so signing and JWKS do not hit the database on
every request; ``rotate`` is safe while other replicas are serving. The published JWKS also
carries the token cut-offs the services apply (``token_cutoffs``, see ``fibreflow_shared.jwks``).
"""
from __future__ import annotations

import json
import logging
import secrets
import threading
import time
from dataclasses import dataclass
from typing import Any, Callable

import jwt
from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from fibreflow_shared.db import transaction
from fibreflow_shared.jwks import CUTOFFS_MEMBER
from fibreflow_shared.timeutil import utc_now
from gateway.adapters.orm import SigningKey
from gateway.domain import keys as key_rules

log = logging.getLogger(__name__)


class KeyDecryptionError(RuntimeError):
    """A stored private key cannot be decrypted: GATEWAY_SECRET_KEY changed."""


@dataclass(frozen=True)
class LoadedKey:
    info: key_rules.KeyInfo
    public_jwk: dict[str, Any]
    encrypted_private: str


def _new_key_material(fernet: Fernet) -> tuple[str, str, dict[str, Any]]:
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    kid = utc_now().strftime("%Y%m%d%H%M%S") + "-" + secrets.token_hex(4)
    jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(private.public_key()))
    jwk.update({"kid": kid, "use": "sig", "alg": "RS256"})
    return kid, fernet.encrypt(pem).decode(), jwk


class KeyStore:
    """Signing keys of this gateway: create, rotate, sign with the newest, publish as JWKS."""

    def __init__(self, sessions: sessionmaker[Session], fernet_key: bytes, *, access_ttl: int,
                 cache_seconds: float = 30.0, cutoffs: Callable[[], dict[str, Any]] | None = None) -> None:
        """``cutoffs``: the ``token_cutoffs`` member of the published JWKS (``PublishedCutoffs.document``)."""
        self._sessions = sessions
        self._fernet = Fernet(fernet_key)
        self._access_ttl = access_ttl
        self._cache_seconds = cache_seconds
        self._lock = threading.Lock()
        self._keys: list[LoadedKey] = []
        self._loaded_at = float("-inf")
        self._private_cache: dict[str, Any] = {}
        self._cutoffs = cutoffs

    # --- writes -----------------------------------------------------------------------------
    def ensure_key(self) -> bool:
        """Create the first signing key if there is none. Returns True when one was created."""
        with transaction(self._sessions) as session:
            if session.scalar(select(SigningKey.kid).where(SigningKey.active.is_(True)).limit(1)):
                return False
            self._insert(session)
        self.reload()
        return True

    def rotate(self) -> str:
        """Add a new active key and retire the previous ones (they stay published for a while)."""
        with transaction(self._sessions) as session:
            now = utc_now()
            session.execute(update(SigningKey).where(SigningKey.active.is_(True))
                            .values(active=False, retired_at=now))
            kid = self._insert(session)
        self.reload()
        return kid

    def _insert(self, session: Session) -> str:
        kid, encrypted, jwk = _new_key_material(self._fernet)
        session.add(SigningKey(kid=kid, private_pem_encrypted=encrypted, public_jwk=jwk, active=True,
                               created_at=utc_now()))
        session.flush()
        log.info("created signing key", extra={"kid": kid})
        return kid

    # --- reads ------------------------------------------------------------------------------
    def reload(self) -> None:
        with self._sessions() as session:
            rows = session.scalars(select(SigningKey).order_by(SigningKey.created_at)).all()
            loaded = [LoadedKey(key_rules.KeyInfo(r.kid, r.created_at, r.active, r.retired_at),
                                dict(r.public_jwk), r.private_pem_encrypted) for r in rows]
        with self._lock:
            self._keys = loaded
            self._loaded_at = time.monotonic()

    def _current(self, max_age: float | None = None) -> list[LoadedKey]:
        if time.monotonic() - self._loaded_at > (self._cache_seconds if max_age is None else max_age):
            try:
                self.reload()
            except Exception:  # noqa: BLE001 - keep serving with cached keys while the DB blips
                if not self._keys:
                    raise
                log.warning("signing key reload failed; using cached keys", exc_info=True)
        return self._keys

    def jwks(self, max_age: float | None = None) -> dict[str, Any]:
        """Public keys still needed to verify live tokens (cached up to ``max_age`` seconds), and
        the recent token cut-offs when they can be read (a reader keeps its last list otherwise)."""
        now = utc_now()
        grace = self._cache_seconds + 60
        document: dict[str, Any] = {
            "keys": [k.public_jwk for k in self._current(max_age)
                     if key_rules.is_published(k.info, now, access_ttl=self._access_ttl, grace_seconds=grace)]}
        if self._cutoffs is not None:
            try:
                document[CUTOFFS_MEMBER] = self._cutoffs()
            except Exception:  # noqa: BLE001 - the keys must still be served while the DB blips
                log.warning("token cut-offs unavailable; JWKS served without them", exc_info=True)
        return document

    def signing_key(self) -> tuple[str, Any]:
        """(kid, private key) of the newest active key."""
        keys = self._current()
        chosen = key_rules.signing_key([k.info for k in keys])
        if chosen is None:
            raise RuntimeError("no active signing key; run `fibreflow-gateway migrate` or `rotate-keys`")
        private = self._private_cache.get(chosen.kid)
        if private is None:
            encrypted = next(k.encrypted_private for k in keys if k.info.kid == chosen.kid)
            try:
                pem = self._fernet.decrypt(encrypted.encode())
            except InvalidToken as exc:
                raise KeyDecryptionError(
                    f"cannot decrypt signing key {chosen.kid}: GATEWAY_SECRET_KEY differs from the one it was "
                    "stored with; restore it or run `rotate-keys`") from exc
            private = serialization.load_pem_private_key(pem, password=None)
            self._private_cache[chosen.kid] = private
        return chosen.kid, private
