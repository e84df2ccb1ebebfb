"""API keys, the pure rules: key format, keyed hash, the scope of every routed path."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from gateway.domain import api_keys as rules
from gateway.domain.routes import ROUTES, match


def test_keys_are_prefixed_random_and_hashed_with_the_pepper() -> None:
    a, b = rules.new_key(), rules.new_key()
    assert a.startswith("ffk_") and a != b and len(a) == 4 + 43
    assert rules.key_hash(b"p" * 32, a) == rules.key_hash(b"p" * 32, a) != rules.key_hash(b"q" * 32, a)
    assert rules.looks_like_key(a) and not rules.looks_like_key("eyJhbGciOi.x.y") and not rules.looks_like_key(None)


def test_every_routed_path_has_a_scope_resource() -> None:
    for route in ROUTES:
        if not route.public:
            assert rules.scope_resource(route) in rules.RESOURCES, route.prefix


def test_scopes_map_methods_onto_read_and_write() -> None:
    tickets = match("/api/tickets/FT1/notes")
    assert rules.required_scope(tickets, "GET") == "tickets:read"
    assert rules.required_scope(tickets, "POST") == "tickets:write"
    assert rules.required_scope(match("/api/tickets/sla-configs"), "GET") == "sla:read"
    assert rules.required_scope(match("/api/webhooks/x"), "DELETE") == "webhooks:write"
    assert rules.scopes_permit([], tickets, "DELETE")  # no scopes: the role decides
    assert rules.scopes_permit(["tickets:read"], tickets, "HEAD")
    assert not rules.scopes_permit(["tickets:read"], tickets, "PATCH")
    assert not rules.scopes_permit(["sla:write"], tickets, "POST")


def test_refusal_of_revoked_and_expired_keys() -> None:
    now = datetime(2026, 12, 2, tzinfo=timezone.utc)
    key = rules.KeyRecord("id", "erp", "viewer", (), now + timedelta(days=1), None, None)
    assert key.refusal(now) is None
    assert rules.KeyRecord("id", "erp", "viewer", (), now, None, None).refusal(now) == "expired"
    assert rules.KeyRecord("id", "erp", "viewer", (), now + timedelta(days=1), now, None).refusal(now) == "revoked"
