"""Pure rules: UIDs, workflow, assignment, mentions, attachment sniffing, PII helpers."""
import io
import zipfile
from datetime import date

import pytest

from fibreflow_shared.errors import http_status_of
from fibreflow_shared.pii import PiiCipher
from ticket_core.adapters.pii import client_phone_e164, name_index
from ticket_core.domain import files
from ticket_core.domain.errors import AttachmentTypeRefused, TicketRuleError
from ticket_core.domain.model import (TRANSITIONS, check_assignment, check_transition, counter_scope,
                                      format_uid, mentioned_usernames, normalise_drop_number, qcontact_uid)
from cryptography.fernet import Fernet


def test_every_uid_format() -> None:
    assert format_uid(counter_scope("email"), 7) == "EML-0007"
    assert format_uid(counter_scope("construction", drop_number="dr 1234"), 3) == "DR1234-03"
    assert format_uid(counter_scope("wa_inbound", drop_number="DR-0042"), 100) == "DR0042-100"
    assert format_uid(counter_scope("billing", today=date(2026, 11, 22)), 1) == "BILL-20261122-0001"
    assert qcontact_uid("123") == qcontact_uid("FT123") == "FT123"
    with pytest.raises(TicketRuleError):
        qcontact_uid("abc")
    with pytest.raises(TicketRuleError):
        counter_scope("construction")
    with pytest.raises(TicketRuleError):
        normalise_drop_number("DRX12")


@pytest.mark.parametrize("current", list(TRANSITIONS))
def test_fr005_transitions_and_refusals_name_allowed(current: str) -> None:
    for target in ("new", "triaged", "assigned", "in_progress", "blocked", "resolved", "closed"):
        if target in TRANSITIONS[current]:
            check_transition(current, target)
        else:
            with pytest.raises(TicketRuleError) as err:
                check_transition(current, target)
            assert err.value.details["allowed"] == list(TRANSITIONS[current])


def test_billing_gate_and_assignee_rule() -> None:
    with pytest.raises(TicketRuleError, match="billing approval"):
        check_transition("assigned", "in_progress", awaiting_billing_approval=True)
    with pytest.raises(TicketRuleError, match="assign the ticket"):
        check_transition("triaged", "assigned", has_assignee=False)


def test_reassignment_needs_reason() -> None:
    check_assignment(None, None, "u1", None, None)
    with pytest.raises(TicketRuleError, match="reason"):
        check_assignment("u1", None, "u2", None, "  ")
    check_assignment("u1", None, "u2", None, "sick")
    with pytest.raises(TicketRuleError, match="already"):
        check_assignment("u1", "t", "u1", "t", "x")


def test_mentions() -> None:
    assert mentioned_usernames("@thabo please call @Lerato and @thabo; mail a@b.com") == ["thabo", "lerato"]


def _zip(parts: list[str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for p in parts:
            z.writestr(p, "x")
    return out.getvalue()


def test_sniffing_by_content() -> None:
    docx = _zip(["[Content_Types].xml", "word/document.xml"])
    xlsx = _zip(["[Content_Types].xml", "xl/workbook.xml"])
    plain_zip = _zip(["readme.txt"])
    assert files.sniff(docx[:16], io.BytesIO(docx)) == "docx"
    assert files.sniff(xlsx[:16], io.BytesIO(xlsx)) == "xlsx"
    assert files.sniff(plain_zip[:16], io.BytesIO(plain_zip)) is None
    assert files.sniff(b"\x89PNG\r\n\x1a\n....") == "png"
    assert files.sniff(b"MZ\x90\x00") is None
    assert files.check_upload("photo.JPEG", 10, "jpg", 0) == "image/jpeg"
    with pytest.raises(AttachmentTypeRefused) as err:
        files.check_upload("invoice.pdf", 10, "png", 0)
    assert http_status_of(err.value) == (415, "UNSUPPORTED_MEDIA_TYPE")


def test_pii_cipher_rotation_and_blind_index() -> None:
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    token = PiiCipher([old], "k").encrypt("+27825551234")
    rotated = PiiCipher([new, old], "k")
    assert rotated.decrypt(token) == "+27825551234"
    assert PiiCipher([new], "k").decrypt(rotated.rotate(token)) == "+27825551234"
    assert client_phone_e164("082 555 1234") == client_phone_e164("+27 82 555 1234") == "+27825551234"
    assert rotated.phone_index("+27825551234") == PiiCipher([old], "k").phone_index("+27825551234")
    assert PiiCipher([old], "other").phone_index("+27825551234") != rotated.phone_index("+27825551234")
    assert name_index(rotated, "  Nomsa   DLAMINI ") == name_index(rotated, "nomsa dlamini") \
        == rotated.index("name", "nomsa dlamini")
    assert name_index(PiiCipher([old], "other"), "nomsa dlamini") != name_index(rotated, "nomsa dlamini")
    for raw in ("12", "not a phone"):
        with pytest.raises(TicketRuleError) as err:
            client_phone_e164(raw)
        assert list(err.value.details) == ["client_phone"]
    with pytest.raises(TicketRuleError) as err:
        client_phone_e164("12", field="phone")
    assert list(err.value.details) == ["phone"]
