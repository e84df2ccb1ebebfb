"""What the handlers need, wired once by ``gateway.bootstrap``."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from gateway.adapters.keystore import KeyStore
from gateway.adapters.passwords import Argon2Passwords
from gateway.adapters.tokens import AccessTokenIssuer
from gateway.config import GatewaySettings


@dataclass
class Deps:
    settings: GatewaySettings
    engine: Engine
    sessions: sessionmaker[Session]
    keys: KeyStore
    passwords: Argon2Passwords
    issuer: AccessTokenIssuer
