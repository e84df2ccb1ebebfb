"""CPU cost of one proxied request inside the gateway process, without a load generator.

Builds the gateway app on a scratch database, points ``ticket_core`` at a stub upstream in a
*separate process* (so its CPU is not counted), then sends N authenticated GETs through the
gateway's WSGI callable and reports CPU milliseconds per request (``time.process_time``) and
a cProfile top list. This is the number the gateway-overhead ratio is made of.

    .venv/bin/python bench/gateway_cpu.py [--requests 3000] [--profile]
"""
from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import secrets
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from werkzeug.test import EnvironBuilder  # noqa: E402

from fibreflow_shared.db import drop_database, ensure_database, run_migrations  # noqa: E402
from fibreflow_shared.testing.infra import free_port, wait_for  # noqa: E402
import socket  # noqa: E402

# A ~2.8 kB JSON ticket, the size of a real GET /api/tickets/{uid} answer.
STUB = r'''
import http.server, json, sys
BODY = json.dumps({"success": True, "data": {"ticket": {"ticket_uid": "FF-0000123", "title": "x" * 2600}}}).encode()
class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def do_GET(self):  # one write: no Nagle / delayed-ACK stall between headers and body
        head = (f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {len(BODY)}\r\n\r\n")
        self.wfile.write(head.encode() + BODY)
    def log_message(self, *a):
        pass
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
'''


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()

    from gateway import config
    from fibreflow_shared.db import packaged_migrations
    from gateway.entrypoints.http import create_app

    base = os.environ.get("FIBREFLOW_PG_ADMIN_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
    db_url = base.rsplit("/", 1)[0] + f"/ff_bench_gwcpu_{secrets.token_hex(3)}"
    ensure_database(db_url)
    port = free_port()
    stub = subprocess.Popen([sys.executable, "-c", STUB, str(port)])
    try:
        wait_for(lambda: _listening(port), timeout=10, message="stub upstream")
        run_migrations(packaged_migrations("gateway"), db_url)
        settings = config.load({"DATABASE_URL": db_url}, environment="test", admin_password="Bench-admin-pw-1",
                               secret_key="bench-secret-key-0123456789", ticket_core_url=f"http://127.0.0.1:{port}",
                               rate_limit_per_user="1000000/minute", rate_limit_per_ip="1000000/minute",
                               log_level="WARNING")
        app = create_app(settings)
        token = _token(app)
        environ = EnvironBuilder(path="/api/tickets/FF-0000123", method="GET",
                                 headers={"Authorization": f"Bearer {token}"},
                                 environ_base={"REMOTE_ADDR": "10.1.2.3"}).get_environ()

        def one() -> None:
            status: list[str] = []
            body = app(dict(environ), lambda s, h, e=None: status.append(s))
            try:
                for _ in body:
                    pass
            finally:
                getattr(body, "close", lambda: None)()
            assert status[0].startswith("200"), status

        for _ in range(200):  # warm caches (token, user status, pools)
            one()
        wall, cpu = time.perf_counter(), time.process_time()
        for _ in range(args.requests):
            one()
        cpu = time.process_time() - cpu
        wall = time.perf_counter() - wall
        print(f"gateway CPU per proxied GET: {cpu / args.requests * 1000:.3f} ms "
              f"(wall {wall / args.requests * 1000:.3f} ms, {args.requests} requests)")
        if args.profile:
            prof = cProfile.Profile(time.process_time)  # CPU, not wall: waits are the stub's
            prof.enable()
            for _ in range(args.requests):
                one()
            prof.disable()
            out = io.StringIO()
            pstats.Stats(prof, stream=out).sort_stats(os.environ.get("SORT", "tottime")).print_stats(int(os.environ.get("TOP", "40")))
            print(out.getvalue())
        app.extensions["container"].close()
    finally:
        stub.terminate()
        stub.wait()
        drop_database(db_url)
    return 0


def _listening(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
        return True
    except OSError:
        return False


def _token(app) -> str:
    """An access token for the bootstrap admin, issued by the gateway's own login."""
    client = app.test_client()
    resp = client.post("/api/auth/login", json={"username": "admin", "password": "Bench-admin-pw-1"},
                       environ_base={"REMOTE_ADDR": "10.9.9.9"})
    assert resp.status_code == 200, resp.json
    return resp.json["data"]["access_token"]


if __name__ == "__main__":
    raise SystemExit(main())
