"""Threading: does an email continue a ticket, and which one?

Markers, any of which may tie an email to a ticket (providers that rewrite our Message-ID,
SES-style, still leave the other two):
- ``In-Reply-To`` / ``References`` naming a message we know (one we received, or one we sent)
  — any id in the chain counts, so a chain whose first message we never saw still finds its
  ticket and never splits into several;
- a subject tag ``[EML-0042]`` / ``[FF-0123]`` (any ticket UID);
- a sub-address ``tickets+EML-0042@…`` on one of our ticket addresses (our Reply-To).

The rules against over-matching, each returning "review" (a person decides) or "new":
1. a forwarded message (``Fwd:``/``FW:`` subject, a ``message/rfc822`` part, or a forward
   header in the body) is never appended: with a ticket marker it goes to review, else it is
   new mail;
2. markers that point at different tickets → review;
3. a tag or sub-address naming a ticket we do not know → review;
4. a ticket that is closed → review (reopening is a person's decision);
5. a sender who is not a participant of the ticket (its reporter, a sender already appended,
   the ticket's client address, or staff from a configured domain) → review;
6. header ids that we know but that belong to no ticket (a newsletter, dropped mail) or that
   we do not know at all (a reply to a message we never saw) → new mail.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

from email_intake.domain.extraction import TAG
from email_intake.domain.parsing import ParsedEmail

_FWD_SUBJECT = re.compile(r"^\s*(?:(?:re|aw)\s*:\s*)*(?:fwd?|wg|tr|rv|doorst)\s*:", re.IGNORECASE)
# "-----Original Message-----" is Outlook's reply quote, not a forward: it does not count.
_FWD_BODY = re.compile(r"^(?:-{3,}\s*Forwarded message\s*-{3,}|Begin forwarded message:"
                       r"|-{3,}\s*Weitergeleitete Nachricht\s*-{3,}|-{3,}\s*Message transféré\s*-{3,})",
                       re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True)
class TicketRef:
    """A ticket as email-intake knows it (a pending one has no UID yet)."""

    source_reference: str | None
    ticket_uid: str | None
    status: str | None
    participants: frozenset[str] = field(default_factory=frozenset)

    @property
    def key(self) -> str:
        return (self.ticket_uid or self.source_reference or "").upper()


class ThreadLookup(Protocol):
    def by_message_ids(self, ids: list[str]) -> list[TicketRef]: ...

    def by_uid(self, uid: str) -> TicketRef | None: ...


@dataclass(frozen=True)
class ThreadDecision:
    outcome: str  # "comment" | "review" | "new"
    rule: str
    reason: str
    ticket: TicketRef | None = None


def normalise_uid(raw: str) -> str:
    """``eml-42`` / ``EML0042`` → ``EML-0042``; other UIDs upper-cased."""
    raw = raw.upper().replace(" ", "")
    m = re.fullmatch(r"(EML|FF|AH)-?(\d+)", raw)
    if m:
        return f"{m.group(1)}-{int(m.group(2)):04d}"
    return raw


def subject_tags(subject: str) -> list[str]:
    return list(dict.fromkeys(normalise_uid(t) for t in TAG.findall(subject)))


def sub_address_tags(recipients: Iterable[str], ticket_addresses: tuple[str, ...]) -> list[str]:
    """``tickets+EML-0042@fibreflow.app`` → ``EML-0042`` when ``tickets@fibreflow.app`` is ours."""
    out = []
    for address in recipients:
        local, _, domain = address.lower().partition("@")
        base, plus, tag = local.partition("+")
        if plus and f"{base}@{domain}" in ticket_addresses and tag:
            out.append(normalise_uid(tag))
    return list(dict.fromkeys(out))


def is_forward(parsed: ParsedEmail) -> bool:
    return bool(_FWD_SUBJECT.match(parsed.subject) or parsed.forwarded or _FWD_BODY.search(parsed.text))


def decide_thread(parsed: ParsedEmail, *, sender: str, recipients: list[str], lookup: ThreadLookup,
                  ticket_addresses: tuple[str, ...], staff_domains: tuple[str, ...],
                  sender_key: str | None = None) -> ThreadDecision:
    """Apply the threading rules above. ``sender_key`` is how participants are stored (a blind
    index of the address in the service; the address itself in pure tests)."""
    tags = subject_tags(parsed.subject)
    subs = sub_address_tags(recipients, ticket_addresses)
    header_ids = list(dict.fromkeys(parsed.in_reply_to + parsed.references))
    explicit = list(dict.fromkeys(tags + subs))
    header_refs = lookup.by_message_ids(header_ids) if header_ids else []
    if is_forward(parsed):
        if explicit or header_refs:
            return ThreadDecision("review", "forward_with_marker",
                                  "a forwarded message carrying a ticket marker is never appended")
        return ThreadDecision("new", "forward", "forwarded message: new mail")
    refs: dict[str, TicketRef] = {r.key: r for r in header_refs if r.key}
    unknown = []
    for uid in explicit:
        ref = lookup.by_uid(uid)
        if ref is None:
            unknown.append(uid)
        else:
            refs.setdefault(ref.key, ref)
    if unknown and not refs:
        return ThreadDecision("review", "unknown_ticket", f"marker names a ticket we do not know: {', '.join(unknown)}")
    if not refs:
        if header_ids:
            return ThreadDecision("new", "unknown_thread", "replies to a message that belongs to no ticket")
        return ThreadDecision("new", "no_marker", "no thread marker")
    if len(refs) > 1 or unknown:
        names = sorted(refs) + unknown
        return ThreadDecision("review", "ambiguous_thread", f"markers point at different tickets: {', '.join(names)}")
    ref = next(iter(refs.values()))
    if ref.status == "closed":
        return ThreadDecision("review", "closed_ticket", f"ticket {ref.key} is closed", ref)
    domain = sender.rsplit("@", 1)[-1] if "@" in sender else ""
    if (sender_key or sender) not in ref.participants and domain not in staff_domains:
        return ThreadDecision("review", "unrelated_sender",
                              f"sender is not a participant of {ref.key}", ref)
    via = "headers" if header_refs else ("sub-address" if subs else "subject tag")
    return ThreadDecision("comment", f"thread_{via.replace(' ', '_').replace('-', '_')}",
                          f"reply to {ref.key} (matched by {via})", ref)
