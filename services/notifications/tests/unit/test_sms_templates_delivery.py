"""SMS measurement and fitting, E.164, templates, backoff, callbacks order, quiet hours, STATUS parsing."""
from __future__ import annotations

from datetime import datetime, time, timezone
from zoneinfo import ZoneInfo

import pytest

from fibreflow_shared.pii import InvalidPhone, normalise_phone
from fibreflow_shared.settings import SettingsError, load_settings
from notifications.config import Settings, load
from notifications.domain import sms, templates
from notifications.domain.delivery import QuietHours, backoff_seconds, next_status, parse_status_request

CTX = {"brand": "FibreFlow", "ticket_uid": "BILL-20261122-0001"}
DB = "postgresql://unused@127.0.0.1:1/x"
SETTINGS = load(database_url=DB)


@pytest.mark.parametrize("text, expected", [
    ("a" * 160, ("GSM-7", 160, 1)), ("a" * 161, ("GSM-7", 161, 2)), ("a" * 306, ("GSM-7", 306, 2)),
    ("a" * 307, ("GSM-7", 307, 3)), ("€" * 80, ("GSM-7", 160, 1)), ("é" * 160, ("GSM-7", 160, 1)),
    ("ā" * 70, ("UCS-2", 70, 1)), ("ā" * 71, ("UCS-2", 71, 2)), ("😀" * 35, ("UCS-2", 70, 1)), ("", ("GSM-7", 0, 0)),
])
def test_segments_follow_gsm7_and_ucs2_limits(text: str, expected: tuple[str, int, int]) -> None:
    assert sms.measure(text) == expected


def test_folding_keeps_messages_gsm7() -> None:
    assert sms.fold_to_gsm7("It’s “fixed” – ā café…") == 'It\'s "fixed" - a café...'
    assert sms.is_gsm7(sms.fold_to_gsm7("Emoji 😀 gone"))


@pytest.mark.parametrize("raw, e164", [
    ("082 123 4567", "+27821234567"), ("+27 82 123 4567", "+27821234567"), ("0027821234567", "+27821234567"),
    ("27821234567", "+27821234567"), ("(082) 123-4567", "+27821234567"), ("+44 20 7946 0958", "+442079460958"),
])
def test_phone_numbers_normalised_to_e164(raw: str, e164: str) -> None:
    assert normalise_phone(raw, SETTINGS.phone_region) == e164


@pytest.mark.parametrize("raw", ["", "abc", "+12", "0"])
def test_bad_phone_numbers_refused(raw: str) -> None:
    with pytest.raises(InvalidPhone):
        normalise_phone(raw, SETTINGS.phone_region)


def test_national_numbers_read_in_the_configured_country() -> None:
    assert SETTINGS.default_country_code == "27" and SETTINGS.phone_region == "ZA"
    namibia = load_settings(Settings, {"DATABASE_URL": DB, "NOTIFICATIONS_DEFAULT_COUNTRY_CODE": "264"})
    assert namibia.phone_region == "NA"
    assert normalise_phone("081 123 4567", namibia.phone_region) == "+264811234567"
    with pytest.raises(SettingsError, match="NOTIFICATIONS_DEFAULT_COUNTRY_CODE"):
        load_settings(Settings, {"DATABASE_URL": DB, "NOTIFICATIONS_DEFAULT_COUNTRY_CODE": "999"})


def test_billing_created_sms_exact_text_one_segment() -> None:
    rendered = templates.render(templates.DEFAULTS["billing_created.sms"],
                                {**CTX, "issue": "Charged twice for November"})
    assert rendered.body == ("FibreFlow: billing complaint logged. Ref BILL-20261122-0001. "
                             "Issue: Charged twice for November. Reply STATUS BILL-20261122-0001 for updates")
    assert (rendered.encoding, rendered.segments) == ("GSM-7", 1)


def test_long_or_unicode_issue_is_truncated_to_fit_one_segment() -> None:
    long_issue = "My account shows a double debit order for November and the payment I made on the 3rd " * 3
    rendered = templates.render(templates.DEFAULTS["billing_created.sms"], {**CTX, "issue": long_issue + "😀"})
    assert rendered.segments == 1 and rendered.encoding == "GSM-7"
    assert "Issue: My account shows a double debit order for... Reply STATUS" in rendered.body
    assert rendered.body.endswith("Reply STATUS BILL-20261122-0001 for updates")


def test_billing_resolved_sms_exact_text() -> None:
    rendered = templates.render(templates.DEFAULTS["billing_resolved.sms"], CTX)
    assert rendered.body == ("FibreFlow: your billing complaint Ref BILL-20261122-0001 has been resolved - "
                             "the issue is now fixed. Thank you for your patience.")
    assert rendered.segments == 1


def test_over_long_custom_template_is_cut_to_the_maximum() -> None:
    tpl = templates.Template("billing_resolved.sms", "", "{{ ticket_uid }} " + "x" * 400)
    assert templates.render(tpl, CTX, sms_max_segments=2).segments == 2


def test_every_default_template_renders_with_the_sample_context() -> None:
    for template in templates.DEFAULTS.values():
        out = templates.render(template, templates.SAMPLE_CONTEXT)
        assert out.body, template.key


def test_sandbox_refuses_unsafe_templates_and_unknown_variables() -> None:
    with pytest.raises(templates.TemplateRenderError):
        templates.render_text("{{ ''.__class__.__mro__[1].__subclasses__() }}", {})
    with pytest.raises(templates.TemplateRenderError):
        templates.render_text("{{ nope }}", {})
    with pytest.raises(templates.TemplateRenderError):
        templates.compile_check("{% if %}")


def test_backoff_grows_and_is_capped() -> None:
    assert [backoff_seconds(n, 5, 100) for n in (1, 2, 3, 4)] == [5, 15, 45, 100]


@pytest.mark.parametrize("current, provider, expected", [
    ("sent", "delivered", "delivered"), ("delivered", "sent", None), ("sent", "undelivered", "failed"),
    ("queued", "sent", "sent"), ("delivered", "failed", None), ("sent", "weird", None), ("sent", "sent", None),
])
def test_callbacks_never_move_status_backwards(current: str, provider: str, expected: str | None) -> None:
    assert next_status(current, provider) == expected


def test_quiet_hours_across_midnight_hold_until_they_end() -> None:
    qh = QuietHours(time(21, 0), time(7, 0), ZoneInfo("Africa/Johannesburg"))
    late = datetime(2026, 11, 22, 20, 30, tzinfo=timezone.utc)  # 22:30 local
    assert qh.release_at(late) == datetime(2026, 11, 23, 7, 0, tzinfo=ZoneInfo("Africa/Johannesburg"))
    assert qh.release_at(datetime(2026, 11, 22, 10, 0, tzinfo=timezone.utc)) is None
    same_day = QuietHours(time(12, 0), time(13, 0), timezone.utc)
    assert same_day.release_at(datetime(2026, 11, 22, 12, 30, tzinfo=timezone.utc)) == \
        datetime(2026, 11, 22, 13, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize("body, expected", [
    ("STATUS BILL-20261122-0001", "BILL-20261122-0001"), (" status bill-20261122-0001 ", "BILL-20261122-0001"),
    ("Status FF-0012.", "FF-0012"), ("STATUS", False), ("STATUS please", False), ("hello", None), ("", None),
])
def test_status_requests_parsed(body: str, expected: object) -> None:
    assert parse_status_request(body) == expected
