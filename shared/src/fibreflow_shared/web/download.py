"""Headers of a file download (a CSV export, an attachment), the same for every service.

A response header must be Latin-1 on the wire (PEP 3333; gunicorn refuses anything else with a
500), so a file name is never put into a header as it is: ``filename`` carries an ASCII fallback
and ``filename*`` the exact UTF-8 name, percent-encoded (RFC 6266 / RFC 8187).
"""
from __future__ import annotations

from urllib.parse import quote


def ascii_fallback(filename: str) -> str:
    """The name for clients that ignore ``filename*``: printable ASCII, no quote or backslash."""
    return "".join(c if c.isascii() and c.isprintable() and c not in '"\\' else "_" for c in filename) or "download"


def content_disposition(filename: str, disposition: str = "attachment") -> str:
    """``attachment; filename="<ascii>"; filename*=UTF-8''<percent-encoded UTF-8>`` (all ASCII)."""
    encoded = quote(filename, safe="", encoding="utf-8", errors="replace")
    return f"{disposition}; filename=\"{ascii_fallback(filename)}\"; filename*=UTF-8''{encoded}"
