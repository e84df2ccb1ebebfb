"""The composition root: the kit's engine, sessions and outbox, plus the QContact client and deps."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from fibreflow_shared.db import transaction
from fibreflow_shared.pii import PiiCipher
from fibreflow_shared.service import ServiceContainer
from qcontact_sync.adapters.qcontact import QContactClient
from qcontact_sync.config import SERVICE, Settings
from qcontact_sync.service_layer import journal
from qcontact_sync.service_layer.deps import Deps

log = logging.getLogger(__name__)


@dataclass(kw_only=True)
class Container(ServiceContainer):
    """The shared parts and the use cases' ``Deps``; ``qcontact()`` builds a client."""

    settings: Settings
    deps: Deps

    def qcontact(self) -> QContactClient:
        """A QContact client whose session state is recorded in ``qcontact_state`` (health)."""
        s = self.settings

        def remember(state: dict[str, Any]) -> None:
            with transaction(self.sessions) as session:
                journal.put_state(session, "session", state)

        return QContactClient(s.base_url, auth_style=s.auth_style, username=s.username, password=s.password,
                              login_path=s.login_path, cases_path=s.cases_path, notes_path=s.notes_path,
                              list_style=s.list_style, session_hours=s.session_hours, timeout=s.timeout_seconds,
                              attempts=s.retry_attempts, max_wait=s.retry_max_wait_seconds, on_session=remember)


def bootstrap(settings: Settings) -> Container:
    """Wire the service's adapters from settings."""
    parts = ServiceContainer.parts(SERVICE, settings)
    deps = Deps(settings=settings, outbox=parts["outbox"], cipher=PiiCipher(settings.pii_keys, settings.index_key))
    return Container(**parts, deps=deps)
