"""Phone normalisation, PII encryption with key rotation, blind indexes (no I/O)."""
from __future__ import annotations

import hashlib
import hmac

import pytest
from cryptography.fernet import Fernet

from fibreflow_shared.pii import (InvalidPhone, PiiCipher, UndecryptablePii, blind_index, e164_or_none,
                                  is_country_code, normalise_phone, region_for_country_code)

OLD, NEW = Fernet.generate_key().decode(), Fernet.generate_key().decode()


# -- phone numbers ----------------------------------------------------------------------------
@pytest.mark.parametrize("raw, expected", [
    ("+27821234567", "+27821234567"), ("+27 82 123 4567", "+27821234567"), ("082 123 4567", "+27821234567"),
    ("0821234567", "+27821234567"), ("(082) 123-4567", "+27821234567"), ("082.123.4567", "+27821234567"),
    ("0027821234567", "+27821234567"), ("27821234567", "+27821234567"), ("  071 555 0123 ", "+27715550123"),
    ("+44 20 7946 0958", "+442079460958"),
])
def test_phone_formats_normalise_to_e164(raw: str, expected: str) -> None:
    assert normalise_phone(raw) == expected
    assert normalise_phone(raw, strict=False) == expected
    assert e164_or_none(raw) == expected


def test_national_numbers_follow_the_region() -> None:
    assert normalise_phone("020 7946 0958", "GB") == "+442079460958"
    assert normalise_phone("+27821234567", "GB") == "+27821234567"  # an international number ignores it


@pytest.mark.parametrize("raw", ["", "   ", "abc", "not a phone", "0", "+12", "+0821234567", "12",
                                 "+1234567890123456", "ext. 12", "082 123 4567 8901 234"])
def test_invalid_phone_numbers_are_refused(raw: str) -> None:
    with pytest.raises(InvalidPhone) as err:
        normalise_phone(raw)
    assert repr(raw) in str(err.value)  # the message says which input was refused
    with pytest.raises(InvalidPhone):
        normalise_phone(raw, strict=False)
    assert e164_or_none(raw) is None


def test_invalid_phone_is_a_value_error_and_none_is_refused() -> None:
    assert issubclass(InvalidPhone, ValueError)
    with pytest.raises(InvalidPhone):
        normalise_phone(None)  # type: ignore[arg-type]
    assert e164_or_none(None) is None


def test_strict_needs_an_assigned_number_possible_only_a_plausible_length() -> None:
    # Five digits is a possible length for a South African number but no assigned range.
    with pytest.raises(InvalidPhone, match="not a valid phone number"):
        normalise_phone("12345")
    assert normalise_phone("12345", strict=False) == "+2712345"
    assert e164_or_none("12345") is None and e164_or_none("12345", strict=False) == "+2712345"


@pytest.mark.parametrize("code, region", [("27", "ZA"), (27, "ZA"), ("+44", "GB"), ("1", "US"), (" 264 ", "NA")])
def test_region_for_country_code(code, region) -> None:
    assert region_for_country_code(code) == region
    assert is_country_code(code)


@pytest.mark.parametrize("code", ["", "abc", "999", "0", "027", "ZA", "2 7"])
def test_region_for_unknown_country_code_is_refused(code) -> None:
    with pytest.raises(ValueError):
        region_for_country_code(code)
    assert not is_country_code(code)


# -- encryption -------------------------------------------------------------------------------
def test_round_trip_text_tokens_and_none() -> None:
    cipher = PiiCipher([OLD], "k")
    token = cipher.encrypt("Thandi Nkosi")
    assert isinstance(token, str) and "Thandi" not in token
    assert cipher.decrypt(token) == "Thandi Nkosi"
    assert cipher.decrypt(token.encode()) == "Thandi Nkosi"              # a bytea column
    assert cipher.decrypt(memoryview(token.encode())) == "Thandi Nkosi"  # psycopg's bytea
    assert cipher.encrypt("Zoë ☎") != cipher.encrypt("Zoë ☎")            # random IV per token
    assert cipher.decrypt(cipher.encrypt("Zoë ☎")) == "Zoë ☎"
    assert cipher.encrypt(None) is None and cipher.decrypt(None) is None


def test_rotation_with_two_keys() -> None:
    token = PiiCipher([OLD], "k").encrypt("+27825551234")
    both = PiiCipher([NEW, OLD], "k")
    assert both.decrypt(token) == "+27825551234"          # old data still readable
    rotated = both.rotate(token)
    assert isinstance(rotated, str) and rotated != token
    only_new = PiiCipher([NEW], "k")
    assert only_new.decrypt(rotated) == "+27825551234"    # the old key can now be removed
    assert only_new.decrypt(both.encrypt("x")) == "x"     # the first key encrypts
    with pytest.raises(UndecryptablePii):
        only_new.decrypt(token)
    with pytest.raises(UndecryptablePii):
        only_new.rotate(token)


def test_undecryptable_raises_or_masks() -> None:
    token = PiiCipher([OLD], "k").encrypt("secret")
    other = PiiCipher([NEW], "k")
    assert issubclass(UndecryptablePii, ValueError)
    with pytest.raises(UndecryptablePii):
        other.decrypt(token)
    with pytest.raises(UndecryptablePii):
        other.decrypt("not a token")
    assert other.decrypt_or_mask(token) == "[undecryptable]"
    assert other.decrypt_or_mask(token, mask="***") == "***"
    assert other.decrypt_or_mask(None) is None
    assert PiiCipher([OLD], "k").decrypt_or_mask(token) == "secret"


def test_cipher_needs_keys() -> None:
    with pytest.raises(ValueError):
        PiiCipher([], "k")
    with pytest.raises(ValueError):
        PiiCipher([OLD], "")
    with pytest.raises(TypeError):
        PiiCipher(OLD, "k")  # type: ignore[arg-type]  # one key string, not a list of keys
    with pytest.raises(ValueError):
        PiiCipher(["not a fernet key"], "k")


# -- blind indexes ----------------------------------------------------------------------------
def test_index_is_hmac_of_kind_and_value() -> None:
    expected = hmac.new(b"k", b"phone:+27825551234", hashlib.sha256).hexdigest()
    cipher = PiiCipher([OLD], "k")
    assert cipher.index("phone", "+27825551234") == expected == cipher.phone_index("+27825551234")
    assert blind_index("k", "phone", "+27825551234") == expected
    assert len(expected) == 64


def test_index_is_stable_across_encryption_keys_and_depends_on_the_index_key() -> None:
    a, b = PiiCipher([OLD], "k"), PiiCipher([NEW, OLD], "k")
    assert a.phone_index("+27825551234") == b.phone_index("+27825551234")  # rotating Fernet keys keeps indexes
    assert PiiCipher([OLD], "other").phone_index("+27825551234") != a.phone_index("+27825551234")
    assert a.index("name", "x") != a.index("phone", "x")                   # kinds do not collide
    assert a.phone_index("+27825551234") != a.phone_index("+27825551235")


def test_email_index_ignores_case_and_spaces() -> None:
    cipher = PiiCipher([OLD], "k")
    assert cipher.email_index(" Thandi@Example.CO.ZA ") == cipher.email_index("thandi@example.co.za") \
        == cipher.index("email", "thandi@example.co.za")
    assert cipher.email_index("thandi@example.co.za") != cipher.email_index("sipho@example.co.za")


def test_blind_index_needs_a_key() -> None:
    with pytest.raises(ValueError):
        blind_index("", "phone", "+27825551234")
