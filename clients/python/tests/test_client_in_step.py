"""The generated client is in step with the contracts (``make contracts`` regenerates both)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]


def test_generated_client_matches_the_contracts() -> None:
    done = subprocess.run([sys.executable, str(HERE / "generate.py"), "--check"], capture_output=True, text=True,
                          timeout=240)
    assert done.returncode == 0, done.stderr or done.stdout


def test_the_client_covers_the_integrator_surface() -> None:
    """What the README example and integrators use exists in the generated package."""
    from fibreflow_client import AuthenticatedClient
    from fibreflow_client.api.api_keys import post_api_keys
    from fibreflow_client.api.tickets import get_tickets_by_ticket_id, post_tickets
    from fibreflow_client.api.webhooks import post_webhooks

    assert callable(post_tickets.sync) and callable(get_tickets_by_ticket_id.sync)
    assert callable(post_api_keys.sync) and callable(post_webhooks.sync)
    client = AuthenticatedClient(base_url="http://127.0.0.1:1", token="ffk_x")
    assert client.token == "ffk_x"
