"""Deleting identity rows nobody needs any more (run by ``fibreflow-gateway worker``)."""
from __future__ import annotations

import logging
import threading
from datetime import datetime, timedelta

from sqlalchemy import delete, func, or_, select

from fibreflow_shared.db import transaction
from fibreflow_shared.runner import periodic
from fibreflow_shared.timeutil import utc_now
from gateway.adapters.orm import LoginFailure, RefreshToken, SigningKey
from gateway.service_layer.deps import Deps

log = logging.getLogger(__name__)
REFRESH_TOKEN_GRACE = timedelta(days=1)
# A retired key stays published for access TTL + cache + 60 s (domain.keys.is_published);
# it is deleted a comfortable hour after that.
SIGNING_KEY_MARGIN = timedelta(hours=1)


def run_once(deps: Deps, now: datetime | None = None) -> dict[str, int]:
    """One pass; returns how many rows of each kind were deleted."""
    now = now or utc_now()
    s = deps.settings
    lockout = timedelta(seconds=s.login_lockout_seconds)
    key_cutoff = now - timedelta(seconds=s.access_token_ttl_seconds + s.key_cache_seconds + 60) - SIGNING_KEY_MARGIN
    with transaction(deps.sessions) as session:
        # A failure window older than the lockout window is reset on the next failure anyway.
        failures = session.execute(delete(LoginFailure).where(
            LoginFailure.window_started_at < now - lockout,
            or_(LoginFailure.locked_until.is_(None), LoginFailure.locked_until < now))).rowcount
        tokens = session.execute(delete(RefreshToken).where(
            RefreshToken.expires_at < now - REFRESH_TOKEN_GRACE)).rowcount
        newest = select(func.max(SigningKey.created_at)).scalar_subquery()
        keys = session.execute(delete(SigningKey).where(
            SigningKey.active.is_(False), SigningKey.retired_at.is_not(None), SigningKey.retired_at < key_cutoff,
            # never the newest key, even should every key be inactive
            SigningKey.created_at < newest)).rowcount
    result = {"login_failures": failures, "refresh_tokens": tokens, "signing_keys": keys}
    if any(result.values()):
        log.info("housekeeping deleted stale rows", extra={"deleted": result})
    return result


def run_forever(deps: Deps, stop: threading.Event) -> None:
    """Run a pass now and then every GATEWAY_HOUSEKEEPING_SECONDS until ``stop`` is set."""
    periodic("housekeeping", deps.settings.housekeeping_interval_seconds, lambda: run_once(deps))(stop)
