"""The seed command makes a living system once; reference import from a file via the CLI."""
from __future__ import annotations

import pytest

from ticket_core.seed import seed

pytestmark = pytest.mark.integration


def test_seed_is_idempotent(container, clean, sql) -> None:
    first = seed(container)
    assert first["seeded"] is True and len(first["tickets"]) == 5
    assert any(uid.startswith("BILL-") for uid in first["tickets"]) and "DR1004-01" in first["tickets"]
    assert seed(container)["seeded"] is False
    assert sql("SELECT count(*) FROM tickets")[0][0] == 5
    assert sql("SELECT count(*) FROM drops")[0][0] == 30
    assert sql("SELECT status FROM tickets WHERE drop_number = 'DR1000'") == [("assigned",)]
