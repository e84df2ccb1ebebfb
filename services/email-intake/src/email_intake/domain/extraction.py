"""Ticket fields from an email: title, description, DR numbers, priority, type, reporter.

When extraction is unsure, ``Extracted.unsure`` lists why and the email waits in the review
queue instead of becoming a ticket:

- no subject and (almost) no body text (nothing to act on)
- more than one distinct DR number (which drop is meant?)
- two ticket types with equally strong keywords (which kind of work?)
- the MIME was malformed (the text we read may not be what the sender wrote)
- no usable reporter address
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from email_intake.domain.cleaning import latest_reply, strip_signature
from email_intake.domain.parsing import ParsedEmail

_PREFIX = re.compile(r"^\s*(?:(?:re|fw|fwd|aw|sv|vs|antw|wg|tr|rif|r)\s*(?:\[\d+\])?\s*:\s*)+", re.IGNORECASE)
TAG = re.compile(r"\[\s*((?:EML|FF|AH|FT)-?\d{1,10}|FT\d{1,12}|DR\d{1,10}-\d{2})\s*\]", re.IGNORECASE)
DR = re.compile(r"\bdr[\s\-_#:]?(\d{3,8})\b", re.IGNORECASE)
MIN_BODY = 15

PRIORITY_HINTS = (
    ("critical", re.compile(r"\b(no service|service down|outage|no internet|no connection|total loss"
                            r"|emergency)\b", re.IGNORECASE)),
    ("high", re.compile(r"\b(urgent|urgently|asap|as soon as possible|critical|immediately)\b", re.IGNORECASE)),
    ("low", re.compile(r"\b(no rush|not urgent|low priority|when you have time|whenever)\b", re.IGNORECASE)),
)
TYPE_KEYWORDS = {
    "fault": re.compile(r"\b(no service|not working|down|offline|outage|fault|broken|slow|no internet|red light"
                        r"|los light|intermittent|disconnect(?:ed|s|ing)?|no signal)\b", re.IGNORECASE),
    "build": re.compile(r"\b(installation|install|new connection|new build|build|connect(?:ion)? request"
                        r"|activation|ont install)\b", re.IGNORECASE),
    "infrastructure": re.compile(r"\b(pole|cable cut|fibre cut|fiber cut|trench|manhole|chamber|splitter"
                                 r"|cabinet|duct)\b", re.IGNORECASE),
    "preventative": re.compile(r"\b(maintenance|inspection|preventative|preventive|routine check)\b",
                               re.IGNORECASE),
    "billing": re.compile(r"\b(invoice|billing|bill|charged|overcharged|payment|refund|debit order)\b",
                          re.IGNORECASE),
}


@dataclass
class Extracted:
    title: str
    description: str
    original: str
    drop_numbers: list[str]
    priority: str
    type: str
    reporter_name: str
    reporter_email: str
    unsure: list[str] = field(default_factory=list)

    @property
    def drop_number(self) -> str | None:
        return self.drop_numbers[0] if len(self.drop_numbers) == 1 else None

    def as_dict(self) -> dict[str, object]:
        return {"title": self.title, "description": self.description, "drop_numbers": self.drop_numbers,
                "drop_number": self.drop_number, "priority": self.priority, "type": self.type,
                "reporter_name": self.reporter_name, "reporter_email": self.reporter_email,
                "unsure": self.unsure}


def clean_subject(subject: str) -> str:
    """The subject without reply/forward prefixes and ticket tags (repeatedly: "Re: Fwd: [EML-1] Re: x")."""
    previous = None
    text = subject
    while previous != text:
        previous = text
        text = _PREFIX.sub("", text)
        text = TAG.sub("", text).strip()
    return " ".join(text.split())


def drop_numbers(text: str) -> list[str]:
    """Distinct DR numbers in order: ``DR1234``, ``dr 1234``, ``DR-1234`` all give ``DR1234``."""
    seen: list[str] = []
    for digits in DR.findall(text):
        number = f"DR{digits}"
        if number not in seen:
            seen.append(number)
    return seen


def priority_of(text: str) -> str:
    """The strongest hint wins (critical > high > low); none → medium."""
    for priority, pattern in PRIORITY_HINTS:
        if pattern.search(text):
            return priority
    return "medium"


def type_of(text: str) -> tuple[str, bool]:
    """(type, ambiguous): the type with the most keyword hits; none → fault (the usual email)."""
    scores = {kind: len(pattern.findall(text)) for kind, pattern in TYPE_KEYWORDS.items()}
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    (best, top), (_, second) = ranked[0], ranked[1]
    if top == 0:
        return "fault", False
    return best, top == second


def extract(parsed: ParsedEmail, *, reporter_email: str, reporter_name: str, forward: bool = False) -> Extracted:
    """The ticket this email asks for, and the reasons to doubt it. A forward keeps the
    forwarded text (it is the request), only the forwarder's signature goes."""
    if forward:
        inner = "\n\n".join(f"--- {f.subject} ({f.from_address})\n{f.text}" for f in parsed.forwarded)
        body = strip_signature("\n\n".join(t for t in (parsed.text, inner) if t)).strip()
    else:
        body = latest_reply(parsed.text)
    title = clean_subject(parsed.subject)
    if not title:
        first = next((line.strip() for line in body.split("\n") if line.strip()), "")
        title = first[:120] or "(no subject)"
    haystack = f"{parsed.subject}\n{body}"
    drops = drop_numbers(haystack)
    kind, ambiguous = type_of(haystack)
    unsure = []
    if not clean_subject(parsed.subject) and len(body) < MIN_BODY:
        unsure.append("no subject and almost no text")
    if len(drops) > 1:
        unsure.append(f"several DR numbers ({', '.join(drops)})")
    if ambiguous:
        unsure.append("ticket type unclear (keywords of two types)")
    if parsed.defects:
        unsure.append("malformed MIME: " + "; ".join(sorted(set(parsed.defects)))[:300])
    if not reporter_email or "@" not in reporter_email:
        unsure.append("no reporter address")
    return Extracted(title=title[:255], description=body, original=parsed.text, drop_numbers=drops,
                     priority=priority_of(haystack), type=kind, reporter_name=reporter_name,
                     reporter_email=reporter_email, unsure=unsure)
