"""Pure domain rules: routing table, throttling windows, refresh families, keys, passwords."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from gateway.domain import keys, roles, routes, throttle
from gateway.domain.passwords import policy_problems
from gateway.domain.refresh import RefreshDecision, RefreshTokenState, decide

NOW = datetime(2025, 1, 1, tzinfo=timezone.utc)


@pytest.mark.parametrize("path, upstream", [
    ("/api/tickets", "ticket_core"),
    ("/api/tickets/123/notes", "ticket_core"),
    ("/api/tickets/sla-configs", "sla"),
    ("/api/tickets/sla-configs/7", "sla"),
    ("/api/sla/clocks/1", "sla"),
    ("/api/ticketing/contracts", "billing"),
    ("/api/ticketing/webhooks/invoice-status", "billing"),
    ("/api/notifications/inbox", "notifications"),
    ("/api/qcontact/sync-log", "qcontact_sync"),
    ("/api/tickets/webhook/fibertime", "qcontact_sync"),
    ("/api/tickets/FT123/notify-client", "qcontact_sync"),
    ("/api/wa-bridge/webhook", "wa_bridge"),
    ("/api/email-intake/inbound", "email_intake"),
])
def test_longest_prefix_wins(path: str, upstream: str) -> None:
    route = routes.match(path)
    assert route is not None and route.upstream == upstream


def test_prefix_matches_whole_segments_only() -> None:
    assert routes.match("/api/ticketsx") is None
    assert routes.match("/api/unknown") is None
    assert routes.match("/api/ticketing").upstream == "billing"


def test_public_and_body_limits() -> None:
    assert routes.match("/api/wa-bridge/webhook").public
    assert not routes.match("/api/wa-bridge/sessions").public
    assert routes.match("/api/email-intake/inbound").max_body == 31 * routes.MIB
    assert routes.match("/api/tickets/abc/attachments").max_body == 12 * routes.MIB
    assert routes.match("/api/tickets/abc").max_body is None


def test_role_rules() -> None:
    tickets = routes.match("/api/tickets")
    assert tickets.permits("GET", ["viewer"]) and not tickets.permits("POST", ["viewer"])
    assert tickets.permits("PATCH", ["technician"])
    sla = routes.match("/api/tickets/sla-configs")
    assert sla.permits("GET", ["viewer"]) and not sla.permits("PUT", ["manager"]) and sla.permits("PUT", ["admin"])
    billing = routes.match("/api/ticketing/contracts")
    assert billing.permits("GET", ["team_lead"]) and not billing.permits("POST", ["team_lead"])
    assert not billing.permits("GET", ["technician"])
    assert routes.match("/api/qcontact/webhook").permits("POST", [])


# Who may read / write each prefix, spelled out: the table takes its sets from fibreflow_shared.roles,
# and this pins that they still say what the gateway's own sets said.
_EXPECTED_ROLES = {
    "/api/tickets": ("admin manager team_lead technician viewer", "admin manager team_lead technician"),
    "/api/tickets/sla-configs": ("admin manager team_lead technician viewer", "admin"),
    "/api/ticketing": ("admin manager team_lead", "admin manager"),
    "/api/notifications": ("admin manager team_lead technician viewer",) * 2,
    "/api/qcontact": ("admin manager team_lead", "admin manager"),
    "/api/wa-bridge": ("admin manager team_lead technician", "admin manager team_lead"),
    "/api/email-intake": ("admin manager team_lead", "admin manager team_lead"),
}


@pytest.mark.parametrize("prefix", sorted(_EXPECTED_ROLES))
def test_route_roles_unchanged(prefix: str) -> None:
    route = next(r for r in routes.ROUTES if r.prefix == prefix)
    read, write = _EXPECTED_ROLES[prefix]
    assert route.read == frozenset(read.split()) and route.write == frozenset(write.split())


def test_user_lookup_rules() -> None:
    assert roles.may_lookup_users(["admin"], None)
    assert roles.may_lookup_users(["team_lead"], "technician")
    assert not roles.may_lookup_users(["team_lead"], None)
    assert not roles.may_lookup_users(["technician"], "technician")
    assert roles.normalise_roles(["viewer", "admin", "admin"]) == ["admin", "viewer"]
    with pytest.raises(ValueError):
        roles.normalise_roles(["root"])
    assert roles.removes_last_admin(was_admin=True, was_active=True, is_admin=False, is_active=True,
                                    other_active_admins=0)
    assert not roles.removes_last_admin(was_admin=True, was_active=True, is_admin=False, is_active=True,
                                        other_active_admins=1)


def test_throttle_locks_after_max_and_resets_after_window() -> None:
    state = None
    for i in range(3):
        state = throttle.record_failure(state, NOW, max_failures=3, window_seconds=60, lockout_seconds=120)
    assert state.failures == 3 and throttle.retry_after(state, NOW) == 120
    assert throttle.retry_after(state, NOW + timedelta(seconds=121)) == 0
    later = throttle.record_failure(state, NOW + timedelta(seconds=200), max_failures=3, window_seconds=60,
                                    lockout_seconds=120)
    assert later.failures == 1 and later.locked_until is None


def test_refresh_decisions() -> None:
    fresh = RefreshTokenState(NOW + timedelta(days=1), None, None)
    assert decide(fresh, NOW) is RefreshDecision.ROTATE
    assert decide(RefreshTokenState(NOW + timedelta(days=1), NOW, None), NOW) is RefreshDecision.REUSE_DETECTED
    assert decide(RefreshTokenState(NOW + timedelta(days=1), None, NOW), NOW) is RefreshDecision.REVOKED
    assert decide(RefreshTokenState(NOW - timedelta(seconds=1), None, None), NOW) is RefreshDecision.EXPIRED


def test_key_publication() -> None:
    old = keys.KeyInfo("a", NOW - timedelta(days=1), False, NOW)
    new = keys.KeyInfo("b", NOW, True, None)
    assert keys.signing_key([old, new]) == new
    assert keys.is_published(old, NOW + timedelta(seconds=899), access_ttl=900, grace_seconds=0)
    assert not keys.is_published(old, NOW + timedelta(seconds=901), access_ttl=900, grace_seconds=0)
    assert keys.is_published(new, NOW + timedelta(days=100), access_ttl=900, grace_seconds=0)


def test_password_policy() -> None:
    assert policy_problems("short")
    assert policy_problems("alice-alice", "Alice-Alice")
    assert policy_problems("a-long-enough-password") == []


def test_local_moving_window_is_exact_and_forgets_idle_callers() -> None:
    from gateway.adapters.ratelimit import LocalMovingWindow

    now = [1000.0]
    window = LocalMovingWindow(3, 60, clock=lambda: now[0])
    assert [window.hit("a") for _ in range(3)] == [0, 0, 0]
    now[0] += 20
    assert window.hit("a") == 40            # the first hit leaves the window in 40 s
    assert window.hit("b") == 0             # callers are counted apart
    now[0] += 40.5
    assert window.hit("a") == 0             # the first three have slid out...
    assert window.hit("a") == 0
    assert window.hit("a") == 0
    assert window.hit("a") >= 1             # ...and the window is full again
    now[0] += 200
    window.hit("c")                         # a sweep runs: idle callers are dropped
    assert set(window._hits) == {"c"}
