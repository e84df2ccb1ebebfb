"""The pipeline's one decision per email, in a fixed order (the first step that decides wins):

1. unreadable (no headers and no text at all) → ``review``
2. automatic mail (``automatic.classify``) → ``ignored``
3. spam rules (``spam.judge``) → ``rejected``
4. per-sender rate limit (not for allow-listed senders) → ``rate_limited``
5. threading (``threading.decide_thread``) → ``comment`` or ``review``
6. extraction (``extraction.extract``): unsure → ``review``, else ``ticket``

Every outcome carries the rule that decided and a reason a person can read.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from email_intake.domain import automatic, spam
from email_intake.domain.cleaning import latest_reply
from email_intake.domain.extraction import Extracted, extract
from email_intake.domain.parsing import ParsedEmail
from email_intake.domain.threading import ThreadLookup, TicketRef, decide_thread

OUTCOMES = ("ticket", "comment", "review", "ignored", "rejected", "rate_limited")


@dataclass(frozen=True)
class Policy:
    own_domains: tuple[str, ...]
    ticket_addresses: tuple[str, ...]
    staff_domains: tuple[str, ...] = ()
    loop_marker: str = "fibreflow"
    spam: spam.SpamPolicy = field(default_factory=spam.SpamPolicy)
    rate_limit: int = 20


@dataclass
class Decision:
    outcome: str
    rule: str
    reason: str
    sender: str
    sender_name: str
    verdicts: dict[str, Any]
    extracted: Extracted | None = None
    ticket: TicketRef | None = None
    comment: str | None = None
    acknowledge: bool = False


def sender_of(parsed: ParsedEmail, own_domains: tuple[str, ...]) -> str:
    """The reporter's address: Reply-To unless it is one of ours, else From."""
    if parsed.reply_to and parsed.reply_to.rsplit("@", 1)[-1] not in own_domains:
        return parsed.reply_to
    return parsed.from_address


def decide(parsed: ParsedEmail, *, policy: Policy, lookup: ThreadLookup, recipients: list[str],
           envelope_from: str | None = None, provider: dict[str, str] | None = None,
           recent_from_sender: int = 0, sender_key: Callable[[str], str] = lambda a: a) -> Decision:
    """Decide what one email becomes (pure: all state comes in through ``lookup`` and counts)."""
    sender = sender_of(parsed, policy.own_domains)
    verdicts = spam.collect(parsed, provider, policy.spam)

    def made(outcome: str, rule: str, reason: str, **kw: Any) -> Decision:
        return Decision(outcome, rule, reason, sender, parsed.from_name, verdicts.as_dict(), **kw)

    if not parsed.headers and not parsed.text:
        return made("review", "unreadable", "; ".join(parsed.defects) or "empty message")
    auto = automatic.classify(parsed, envelope_from=envelope_from, own_domains=policy.own_domains,
                              loop_marker=policy.loop_marker)
    if auto is not None:
        return made("ignored", auto.rule, auto.reason)
    judged = spam.judge(sender, verdicts, policy.spam)
    if judged is not None and judged.rejected:
        return made("rejected", judged.rule, judged.reason)
    allowed = judged is not None and judged.allowed
    if not allowed and recent_from_sender >= policy.rate_limit:
        return made("rate_limited", "rate_limit",
                    f"{recent_from_sender} emails from this sender in the window (limit {policy.rate_limit})")
    thread = decide_thread(parsed, sender=sender, recipients=recipients, lookup=lookup,
                           ticket_addresses=policy.ticket_addresses, staff_domains=policy.staff_domains,
                           sender_key=sender_key(sender) if sender else None)
    if thread.outcome == "comment":
        return made("comment", thread.rule, thread.reason, ticket=thread.ticket,
                    comment=latest_reply(parsed.text) or parsed.subject or "(empty reply)")
    extracted = extract(parsed, reporter_email=sender, reporter_name=parsed.from_name,
                        forward=thread.rule in ("forward", "forward_with_marker"))
    if thread.outcome == "review":
        return made("review", thread.rule, thread.reason, extracted=extracted, ticket=thread.ticket)
    if extracted.unsure:
        return made("review", "unsure", "; ".join(extracted.unsure), extracted=extracted)
    return made("ticket", thread.rule if thread.rule != "no_marker" else "new_ticket",
                "new ticket" + (f" ({thread.reason})" if thread.rule != "no_marker" else ""),
                extracted=extracted, acknowledge=True)
