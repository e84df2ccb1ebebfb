"""Password policy."""
from __future__ import annotations

MIN_LENGTH = 10
MAX_LENGTH = 256  # bounds hashing work per request


def policy_problems(password: str, username: str | None = None) -> list[str]:
    """Why ``password`` is unacceptable (empty list = acceptable)."""
    problems = []
    if len(password) < MIN_LENGTH:
        problems.append(f"must be at least {MIN_LENGTH} characters")
    if len(password) > MAX_LENGTH:
        problems.append(f"must be at most {MAX_LENGTH} characters")
    if password.strip() == "":
        problems.append("must not be blank")
    if username and password.strip().lower() == username.strip().lower():
        problems.append("must differ from the username")
    return problems
