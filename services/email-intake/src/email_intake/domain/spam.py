"""Spam defence: sender authentication verdicts, provider spam score, allow and block lists.

Verdicts come from the provider's own fields (SendGrid ``SPF``/``dkim``, Mailgun's headers) or
from ``Authentication-Results`` headers whose authserv-id is one of ours (RFC 8601 §5: a header
added by anyone else is a claim the sender wrote, so it is ignored). Rules, first match wins:

- the sender (address or ``@domain``) is on the block list → rejected
- the sender is on the allow list → accepted (skips score, authentication and the rate limit)
- DMARC ``fail`` → rejected (the domain owner says such mail is forged)
- SPF ``fail`` and DKIM not ``pass`` → rejected (neither the path nor a signature vouches for it)
- spam score ≥ threshold (provider score, ``X-Spam-Score``, or ``X-Spam-Flag: YES``) → rejected
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from email_intake.domain.parsing import ParsedEmail

_RESULT = re.compile(r"\b(spf|dkim|dmarc)\s*=\s*([a-z]+)", re.IGNORECASE)
_DKIM_FIELD = re.compile(r":\s*([a-z]+)\s*\}?", re.IGNORECASE)


@dataclass
class Verdicts:
    spf: str | None = None
    dkim: str | None = None
    dmarc: str | None = None
    spam_score: float | None = None
    sources: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {"spf": self.spf, "dkim": self.dkim, "dmarc": self.dmarc, "spam_score": self.spam_score}


@dataclass(frozen=True)
class SpamPolicy:
    allow: tuple[str, ...] = ()
    block: tuple[str, ...] = ()
    threshold: float = 5.0
    authserv_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class SpamVerdict:
    rule: str
    reason: str
    rejected: bool
    allowed: bool = False


def _listed(address: str, entries: tuple[str, ...]) -> str | None:
    address = address.lower()
    domain = "@" + address.rsplit("@", 1)[-1] if "@" in address else ""
    for entry in entries:
        entry = entry.strip().lower()
        if entry and (entry == address or entry == domain or (entry.startswith("@") and domain.endswith(
                "." + entry[1:]))):
            return entry
    return None


def _float(value: object) -> float | None:
    try:
        return float(str(value).strip().split()[0])
    except (ValueError, IndexError):
        return None


def collect(parsed: ParsedEmail, provider: dict[str, str] | None, policy: SpamPolicy) -> Verdicts:
    """Every verdict we trust for this message."""
    v = Verdicts()
    provider = provider or {}
    if provider.get("spf"):
        v.spf, _ = provider["spf"].strip().lower(), v.sources.append("provider")
    if provider.get("dkim"):
        m = _DKIM_FIELD.search(provider["dkim"])
        v.dkim = (m.group(1) if m else provider["dkim"]).strip().lower()
    if provider.get("dmarc"):
        v.dmarc = provider["dmarc"].strip().lower()
    if provider.get("spam_score"):
        v.spam_score = _float(provider["spam_score"])
    for header in _all_auth_results(parsed):
        authserv = header.split(";", 1)[0].strip().split()[0].lower() if header.strip() else ""
        if authserv not in policy.authserv_ids:
            continue
        v.sources.append(f"authentication-results {authserv}")
        for method, result in _RESULT.findall(header):
            method, result = method.lower(), result.lower()
            if getattr(v, method) is None:
                setattr(v, method, result)
    if v.spam_score is None:
        score = parsed.header("x-spam-score") or parsed.header("x-mailgun-sscore")
        if score:
            v.spam_score = _float(score)
        elif parsed.header("x-spam-flag").strip().upper() == "YES":
            v.spam_score = policy.threshold
    return v


def _all_auth_results(parsed: ParsedEmail) -> list[str]:
    raw = parsed.headers.get("authentication-results", "")
    # ParsedEmail keeps the first of repeated headers; extra ones are joined by the parser's
    # caller into ``x-all-authentication-results`` (one per line).
    extra = parsed.headers.get("x-all-authentication-results", "")
    return [h for h in ([raw] + extra.split("\n")) if h.strip()]


def judge(sender: str, verdicts: Verdicts, policy: SpamPolicy) -> SpamVerdict | None:
    """The spam rule that applies, or None (no objection)."""
    blocked = _listed(sender, policy.block)
    if blocked:
        return SpamVerdict("blocked_sender", f"sender on the block list ({blocked})", rejected=True)
    allowed = _listed(sender, policy.allow)
    if allowed:
        return SpamVerdict("allowed_sender", f"sender on the allow list ({allowed})", rejected=False, allowed=True)
    if verdicts.dmarc == "fail":
        return SpamVerdict("dmarc_fail", "DMARC fail", rejected=True)
    if verdicts.spf in ("fail",) and verdicts.dkim != "pass":
        return SpamVerdict("spf_fail", f"SPF fail and DKIM {verdicts.dkim or 'none'}", rejected=True)
    if verdicts.spam_score is not None and verdicts.spam_score >= policy.threshold:
        return SpamVerdict("spam_score", f"spam score {verdicts.spam_score:g} >= {policy.threshold:g}", rejected=True)
    return None
