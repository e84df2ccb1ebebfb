"""What ticket-core adds to the shared PII handling (``fibreflow_shared.pii``): a bad client phone
is a ticket rule error on the field it came from, and the exact-name blind index."""
from __future__ import annotations

from fibreflow_shared.pii import InvalidPhone, PiiCipher, normalise_phone
from ticket_core.domain.model import TicketRuleError

__all__ = ["client_phone_e164", "name_index"]


def client_phone_e164(raw: str, field: str = "client_phone") -> str:
    """``082 555 1234`` → ``+27825551234``; a number that cannot exist is a TicketRuleError on ``field``."""
    try:
        return normalise_phone(raw)
    except InvalidPhone as exc:
        raise TicketRuleError(str(exc), {field: ["Not a valid phone number."]}) from exc


def name_index(cipher: PiiCipher, name: str) -> str:
    """Exact-name lookup (case and spacing insensitive) without storing the name in clear."""
    return cipher.index("name", " ".join(name.lower().split()))
