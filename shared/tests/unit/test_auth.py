import base64
import json
import time

import jwt
import pytest

from fibreflow_shared.auth import JwksKeySource, TokenVerifier
from fibreflow_shared.errors import Unauthorized
from fibreflow_shared.testing.tokens import AUDIENCE, ISSUER, TestSigner


@pytest.fixture(scope="module")
def signer() -> TestSigner:
    return TestSigner()


def _b64(obj: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(obj).encode()).rstrip(b"=").decode()


def test_valid_token_gives_principal(signer: TestSigner) -> None:
    principal = signer.verifier().verify(signer.token(roles=["technician"], username="thabo", teams=["t1"]))
    assert principal.roles == frozenset({"technician"}) and principal.username == "thabo"
    assert principal.teams == ("t1",)


@pytest.mark.parametrize("case", ["expired", "issuer", "audience", "no_exp", "refresh_type", "no_typ", "no_jti"])
def test_rejects_bad_claims(signer: TestSigner, case: str) -> None:
    overrides = {
        "expired": {"exp": int(time.time()) - 120},
        "issuer": {"iss": "someone-else"},
        "audience": {"aud": "other-app"},
        "no_exp": {"exp": None},
        "refresh_type": {"typ": "refresh"},
        "no_typ": {"typ": None},
        "no_jti": {"jti": None},
    }[case]
    token = signer.token(**overrides) if case != "no_exp" else jwt.encode(
        {"sub": "u", "iss": ISSUER, "aud": AUDIENCE, "iat": int(time.time())}, signer.private_key,
        algorithm="RS256", headers={"kid": signer.kid})
    with pytest.raises(Unauthorized):
        signer.verifier().verify(token)


def test_rejects_tampered_signature(signer: TestSigner) -> None:
    header, payload, sig = signer.token(roles=["viewer"]).split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=="))
    claims["roles"] = ["admin"]
    with pytest.raises(Unauthorized):
        signer.verifier().verify(f"{header}.{_b64(claims)}.{sig}")


def test_rejects_alg_none_and_hs256_confusion(signer: TestSigner) -> None:
    now = int(time.time())
    claims = {"sub": "u", "iss": ISSUER, "aud": AUDIENCE, "iat": now, "exp": now + 60, "roles": ["admin"]}
    unsigned = f"{_b64({'alg': 'none', 'kid': signer.kid})}.{_b64(claims)}."
    with pytest.raises(Unauthorized, match="algorithm"):
        signer.verifier().verify(unsigned)
    hs = jwt.encode(claims, "public-key-as-secret", algorithm="HS256", headers={"kid": signer.kid})
    with pytest.raises(Unauthorized, match="algorithm"):
        signer.verifier().verify(hs)


def test_unknown_kid_triggers_one_refresh_then_finds_rotated_key() -> None:
    old, new = TestSigner("k1"), TestSigner("k2")
    served = {"doc": old.jwks()}
    calls = []

    def fetch() -> dict:
        calls.append(1)
        return served["doc"]

    verifier = TokenVerifier(JwksKeySource(fetch=fetch, min_refresh_seconds=0), issuer=ISSUER, audience=AUDIENCE)
    verifier.verify(old.token())
    served["doc"] = {"keys": old.jwks()["keys"] + new.jwks()["keys"]}  # the gateway rotated
    verifier.verify(new.token())
    assert len(calls) == 2
    verifier.verify(old.token())  # old key still accepted while published
    assert len(calls) == 2


def test_unknown_kid_refresh_is_rate_limited() -> None:
    signer = TestSigner("k1")
    calls = []

    def fetch() -> dict:
        calls.append(1)
        return signer.jwks()

    verifier = TokenVerifier(JwksKeySource(fetch=fetch, min_refresh_seconds=60), issuer=ISSUER, audience=AUDIENCE)
    forged = TestSigner("forged")
    for _ in range(20):
        with pytest.raises(Unauthorized, match="unknown key"):
            verifier.verify(forged.token())
    assert len(calls) == 1


def test_verified_tokens_are_cached_until_they_expire(monkeypatch: pytest.MonkeyPatch) -> None:
    signer = TestSigner("cache")
    verifier = signer.verifier()
    calls = []
    real_decode = jwt.decode
    monkeypatch.setattr(jwt, "decode", lambda *a, **k: calls.append(1) or real_decode(*a, **k))
    token = signer.token(roles=["technician"])
    assert verifier.verify(token) == verifier.verify(token)
    assert len(calls) == 1  # the second call was served from the cache
    strict = TokenVerifier(JwksKeySource(fetch=signer.jwks), issuer=ISSUER, audience=AUDIENCE, leeway=0)
    short = signer.token(ttl=1)
    strict.verify(short)
    time.sleep(1.2)
    with pytest.raises(Unauthorized, match="expired"):  # an expired cached entry is not served
        strict.verify(short)


def test_a_tampered_token_is_never_a_cache_hit() -> None:
    signer = TestSigner("cache2")
    verifier = signer.verifier()
    token = signer.token(roles=["viewer"])
    verifier.verify(token)
    header, payload, sig = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=="))
    claims["roles"] = ["admin"]
    with pytest.raises(Unauthorized):
        verifier.verify(f"{header}.{_b64(claims)}.{sig}")
