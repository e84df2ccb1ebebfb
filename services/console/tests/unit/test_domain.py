"""The console's pure rules: filters in the URL, allowed moves, countdowns, badges, mentions, access."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from werkzeug.datastructures import MultiDict

from console.domain import access, sessions as rules, tickets as t
from fibreflow_shared.roles import ADMIN, MANAGER, TECHNICIAN, VIEWER

NOW = datetime(2026, 12, 2, 8, 0, tzinfo=timezone.utc)


def test_filters_from_the_url_accept_repeats_and_comma_lists_and_drop_unknown_names() -> None:
    f = t.Filters.from_args(MultiDict([("status", "new"), ("status", "triaged,assigned"), ("priority", "high"),
                                       ("q", " splice "), ("bogus", "x"), ("page", "3"), ("limit", "999"),
                                       ("sort", "drop table")]))
    assert f.values == {"status": ["new", "triaged", "assigned"], "priority": ["high"], "q": ["splice"]}
    assert (f.page, f.limit, f.sort) == (3, 200, "-created_at")
    params = f.api_params()
    assert params["status"] == "new,triaged,assigned" and params["q"] == "splice" and "bogus" not in params


def test_query_string_round_trips_and_overrides() -> None:
    f = t.Filters.from_args(MultiDict([("status", "new,triaged"), ("sla_state", "breached"), ("page", "2")]))
    again = t.Filters.from_args(MultiDict(__import__("urllib.parse").parse.parse_qsl(f.query_string())))
    assert again == f
    assert "page" not in f.query_string(page=None)
    assert "status=blocked" in f.query_string(status="blocked")


def test_only_fr005_moves_are_offered() -> None:
    assert t.allowed_moves("new") == ("triaged", "closed")
    assert t.allowed_moves("assigned") == ("in_progress", "triaged")
    assert t.allowed_moves("closed") == ("new",)
    assert t.allowed_moves("nonsense") == ()


def test_countdown_texts_and_tones() -> None:
    assert t.countdown(NOW + timedelta(hours=2, minutes=15), NOW) == ("2h 15m left", "ok")
    assert t.countdown(NOW - timedelta(minutes=40), NOW, state="breached") == ("overdue 40m", "breached")
    assert t.countdown(NOW + timedelta(days=3, hours=4), NOW, state="warning") == ("3d 4h left", "warning")
    assert t.countdown(NOW + timedelta(hours=1), NOW, paused=True) == ("Paused", "paused")
    assert t.countdown(None, NOW) == ("No SLA", "none")
    assert t.countdown(NOW, NOW, state="met") == ("Met", "ok")


def test_billing_badges_follow_prd_10_6() -> None:
    assert t.billing_badge({"billing_type": "billable", "billing_status": "pending_approval"}) == \
        ("Awaiting approval", "yellow")
    assert t.billing_badge({"billing_type": "billable", "billing_status": "approved"}, "500.00") == \
        ("Billable (R500.00)", "orange")
    assert t.billing_badge({"billing_type": "guarantee"}) == ("Free (Guarantee)", "green")
    assert t.billing_badge({}) is None


def test_mentions_are_split_out_like_ticket_core_reads_them() -> None:
    parts = t.mention_parts("ask @thabo.m and @sarah, not mail@example.com")
    assert [p for p, is_mention in parts if is_mention] == ["@thabo.m", "@sarah"]
    assert "".join(p for p, _ in parts) == "ask @thabo.m and @sarah, not mail@example.com"


def test_add_tag_once() -> None:
    assert t.add_tag(["a"], "b") == ["a", "b"]
    assert t.add_tag(["a", "b"], "b") == ["a", "b"]


def test_role_matrix() -> None:
    tech, admin, viewer = frozenset({TECHNICIAN}), frozenset({ADMIN}), frozenset({VIEWER})
    assert access.may_open("my_tickets", tech) and not access.may_open("users", tech)
    assert not access.may_open("billing", tech) and not access.may_open("sla_settings", tech)
    assert access.may_open("reports", viewer) and not access.may_open("create_ticket", viewer)
    assert access.may("bulk", admin) and not access.may("bulk", frozenset({MANAGER}))
    assert access.may("approve", frozenset({MANAGER})) and not access.may("approve", tech)
    assert access.home_for(tech) == "pages.my_tickets" and access.home_for(admin) == "pages.dashboard"


def test_session_lifetimes() -> None:
    life = rules.Lifetimes(idle=timedelta(minutes=60), absolute=timedelta(hours=12))
    assert rules.is_live(NOW, NOW - timedelta(minutes=59), NOW + timedelta(hours=1), life)
    assert not rules.is_live(NOW, NOW - timedelta(minutes=61), NOW + timedelta(hours=1), life)
    assert not rules.is_live(NOW, NOW, NOW, life)
    assert rules.needs_renewal(NOW, NOW + timedelta(seconds=29))
    assert not rules.needs_renewal(NOW, NOW + timedelta(minutes=5))
    cookie = rules.new_cookie_value()
    assert len(cookie) >= 43 and rules.session_id(cookie) != cookie and len(rules.session_id(cookie)) == 64
