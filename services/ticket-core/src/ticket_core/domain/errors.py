"""ticket-core's exceptions. Each is a kind of ``fibreflow_shared.errors`` domain error, and the
kind alone decides the HTTP status and code (``DOMAIN_HTTP``); no endpoint maps errors itself.
The message a client sees is the exception's message."""
from __future__ import annotations

from typing import Any

from fibreflow_shared.errors import (ConflictError, DomainError, NotFoundError, PayloadTooLarge, PermissionDenied,
                                     RuleViolation, Unavailable, UnsupportedMedia)

__all__ = ["AccessDenied", "AttachmentRejected", "AttachmentTooLarge", "AttachmentTypeRefused", "DuplicateReference",
           "EmptyAttachment", "StorageUnavailable", "TicketNotFound", "TicketRuleError"]


class TicketRuleError(RuleViolation):
    """A request that breaks a ticket rule (422 ``BUSINESS_RULE_VIOLATION``); ``details`` names
    the fields or items it is about."""

    def __init__(self, message: str, details: Any = None) -> None:
        super().__init__(message, details)


class TicketNotFound(NotFoundError):
    """No ticket (or team, rule, drop, attachment) with that id that the caller may see (404)."""

    def __init__(self, what: str) -> None:
        super().__init__(f"{what} not found")
        self.what = what


class AccessDenied(PermissionDenied):
    """The caller may see the ticket but not do this to it (403)."""


class DuplicateReference(ConflictError):
    """Another ticket already has this (source, source_reference) or UID; or a team this name (409)."""


class AttachmentRejected(DomainError):
    """An upload we refuse (FR-032); the subclass says why, and so which status it answers."""


class AttachmentTooLarge(AttachmentRejected, PayloadTooLarge):
    """Over 10 MB, or over 50 MB for the ticket's attachments together (413)."""


class AttachmentTypeRefused(AttachmentRejected, UnsupportedMedia):
    """Not JPG, PNG, PDF, DOCX or XLSX by content, or a name that disagrees with it (415)."""


class EmptyAttachment(AttachmentRejected, RuleViolation):
    """A file with no bytes (422)."""


class StorageUnavailable(Unavailable):
    """The attachment store could not be reached or refused to work: try again later (503)."""
