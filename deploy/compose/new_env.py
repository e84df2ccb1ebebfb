#!/usr/bin/env python3
"""Print a ``.env`` for docker compose with fresh random secrets: ``python3 deploy/compose/new_env.py > .env``.

Starts from ``.env.example`` (every variable docker-compose.yml reads) and replaces each
``CHANGE_ME`` with a new random value of the right kind (Fernet keys for the *_PII_KEYS). Uses
only the standard library, so it runs before anything is installed.
"""
from __future__ import annotations

import base64
import os
import secrets
import sys
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[2] / ".env.example"


def fresh(name: str) -> str:
    if name.endswith("_KEYS"):  # *_PII_KEYS, CONSOLE_TOKEN_KEYS, WEBHOOK_SECRET_KEYS: Fernet keys
        return base64.urlsafe_b64encode(os.urandom(32)).decode()
    if name.endswith("_ACCOUNT_SID"):
        return "AC" + secrets.token_hex(16)
    return secrets.token_urlsafe(32)


def main() -> int:
    for line in EXAMPLE.read_text().splitlines():
        name, sep, value = line.partition("=")
        if sep and not line.startswith("#") and value.strip() == "CHANGE_ME":
            line = f"{name}={fresh(name.strip())}"
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
