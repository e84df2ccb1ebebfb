"""SMS text rules: GSM-7 / UCS-2 segment counting, folding to GSM-7, fitting.

Phone numbers are normalised by ``fibreflow_shared.pii.normalise_phone``."""
from __future__ import annotations

import unicodedata
from typing import Callable

GSM7_BASIC = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§"
    "¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENSION = set("^{}\\[~]|€\f")  # each costs two septets (escape + char)
# Characters that word processors and phones substitute; their GSM-7 look-alikes.
_FOLD = {"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"',
         "\u2013": "-", "\u2014": "-", "\u2026": "...", "\u00a0": " ", "\t": " ", "\u2022": "-"}


def is_gsm7(text: str) -> bool:
    return all(c in GSM7_BASIC or c in GSM7_EXTENSION for c in text)


def measure(text: str) -> tuple[str, int, int]:
    """(encoding, units, segments): GSM-7 160 per single / 153 per part, UCS-2 70 / 67."""
    if is_gsm7(text):
        units = sum(2 if c in GSM7_EXTENSION else 1 for c in text)
        single, part, encoding = 160, 153, "GSM-7"
    else:
        units = len(text.encode("utf-16-le")) // 2  # astral characters take two UCS-2 units
        single, part, encoding = 70, 67, "UCS-2"
    if units == 0:
        return encoding, 0, 0
    return encoding, units, 1 if units <= single else -(-units // part)


def segments(text: str) -> int:
    return measure(text)[2]


def fold_to_gsm7(text: str) -> str:
    """Replace typographic characters and strip accents so a message stays GSM-7 (160, not 70)."""
    out = []
    for ch in text:
        ch = _FOLD.get(ch, ch)
        if all(c in GSM7_BASIC or c in GSM7_EXTENSION for c in ch):
            out.append(ch)
            continue
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        out.append(base if base and is_gsm7(base) else "?")
    return "".join(out)


def truncate(text: str, limit: int, ellipsis: str = "...") -> str:
    """Cut ``text`` to at most ``limit`` characters, at a word boundary when one is near."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    if limit <= len(ellipsis):
        return text[:limit]
    cut = text[: limit - len(ellipsis)]
    space = cut.rfind(" ")
    if space >= len(cut) * 0.6:
        cut = cut[:space]
    return cut.rstrip(" ,.;:-") + ellipsis


def fit(build: Callable[[str], str], value: str, max_segments: int) -> str:
    """Largest truncation of ``value`` for which ``build(value)`` stays within ``max_segments``.

    ``build`` renders the whole message around the variable part (e.g. the issue text).
    """
    body = build(value)
    if segments(body) <= max_segments:
        return body
    lo, hi = 0, len(value)
    while lo < hi:  # binary search on the kept length
        mid = (lo + hi + 1) // 2
        if segments(build(truncate(value, mid))) <= max_segments:
            lo = mid
        else:
            hi = mid - 1
    return build(truncate(value, lo) if lo else "")
