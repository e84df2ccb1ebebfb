"""Tokens at rest: Fernet (AES-128-CBC + HMAC-SHA256) under CONSOLE_TOKEN_KEYS, first key encrypts."""
from __future__ import annotations

from typing import Sequence

from cryptography.fernet import Fernet, InvalidToken, MultiFernet


class TokenCipher:
    def __init__(self, keys: Sequence[str]) -> None:
        if isinstance(keys, str) or not keys:
            raise ValueError("a sequence of at least one Fernet key is required")
        self._fernet = MultiFernet([Fernet(k) for k in keys])

    def seal(self, token: str) -> str:
        return self._fernet.encrypt(token.encode()).decode("ascii")

    def open(self, sealed: str) -> str | None:
        """The token, or None when no configured key opens it (a retired key: the user signs in again)."""
        try:
            return self._fernet.decrypt(sealed.encode("ascii")).decode()
        except InvalidToken:
            return None
