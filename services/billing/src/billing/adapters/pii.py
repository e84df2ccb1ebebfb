"""Billing's client-name auto-suggest on encrypted names: keyed hashes of word prefixes.

Encryption, phone normalisation and the exact phone/e-mail indexes are the shared ones
(``fibreflow_shared.pii``); this adds the prefix tokens, built on ``PiiCipher.index``, and
billing's lenient reading of client phone numbers.
"""
from __future__ import annotations

import re
import unicodedata

from fibreflow_shared.pii import PiiCipher, normalise_phone

MAX_PREFIX = 12  # name prefixes indexed per word: enough for auto-suggest, bounded leakage


def client_phone(raw: str) -> str:
    """E.164; billing keeps accepting any number of a possible length (not only assigned ranges)."""
    return normalise_phone(raw, strict=False)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def words(text: str) -> list[str]:
    """Lower-cased, accent-free words of ``text``."""
    return re.findall(r"[^\W_]+", _fold(text))


def _token(cipher: PiiCipher, prefix: str) -> str:
    return cipher.index("name", prefix)[:32]


def name_tokens(cipher: PiiCipher, name: str) -> list[str]:
    """Keyed hashes of every word prefix (2..MAX_PREFIX chars), truncated to 32 hex chars."""
    return sorted({_token(cipher, w[:n]) for w in words(name) for n in range(2, min(len(w), MAX_PREFIX) + 1)})


def query_tokens(cipher: PiiCipher, query: str) -> list[str]:
    """The tokens a search for ``query`` must all match (each word as a prefix)."""
    return sorted({_token(cipher, w[:MAX_PREFIX]) for w in words(query) if len(w) >= 2})
