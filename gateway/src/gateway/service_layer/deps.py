"""The one dependency object of the gateway's use cases, wired once by ``gateway.bootstrap``."""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from fibreflow_shared.messaging.outbox import Outbox
from gateway.adapters.api_key_gate import ApiKeyGate
from gateway.adapters.keystore import KeyStore
from gateway.adapters.passwords import Argon2Passwords
from gateway.adapters.tokens import AccessTokenIssuer
from gateway.adapters.user_status import UserStatusCache
from gateway.config import GatewaySettings


@dataclass
class Deps:
    settings: GatewaySettings
    engine: Engine
    sessions: sessionmaker[Session]
    keys: KeyStore
    passwords: Argon2Passwords
    issuer: AccessTokenIssuer
    outbox: Outbox = field(default_factory=lambda: Outbox("gateway"))
    user_status: UserStatusCache | None = None  # the web process's token cut-off cache
    api_keys: ApiKeyGate | None = None  # the web process's API-key cache (a revoke forgets its entry)
