"""Benchmark: the gateway under slow clients, and its throughput, per gunicorn worker model.

For each worker (``GATEWAY_WEB_WORKER``: gthread, gevent) it starts ``fibreflow-gateway web``
on a scratch database with a stub upstream in another process, then:

1. **slow bodies from one address**: 50 connections POST the public invoice webhook with
   ``Content-Length: 100000`` and send one byte every 2 s (the attack of issue #11), while 4
   clients GET a proxied path and one polls /api/health, for ``--seconds``;
2. **slow bodies from 50 addresses** (127.0.1.x): the per-address cap cannot help, only the
   worker model and the body deadline can;
3. **throughput**: 16 keep-alive client processes GET (and POST a 500-byte JSON) through the
   gateway for ``--seconds``: req/s, p50/p99, gateway CPU ms per request.

Prints one table per phase. Traffic goes to 127.0.0.1 only; everything stops by itself.

    .venv/bin/python bench/gateway_slow_clients.py [--seconds 12] [--workers gthread,gevent]
"""
from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing as mp
import secrets
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "gateway" / "tests"))

import requests  # noqa: E402

from fibreflow_shared.db import drop_database, ensure_database, packaged_migrations, run_migrations  # noqa: E402
from fibreflow_shared.testing.infra import free_port, wait_for  # noqa: E402
from gw_slowclients import RunningGateway, SlowBodies, percentile  # noqa: E402
from proc_cpu import tree_cpu_seconds  # noqa: E402

ADMIN_PASSWORD = "Bench-admin-pw-1"
STUB = r'''
import http.server, json, sys
BODY = json.dumps({"success": True, "data": {"ticket": {"ticket_uid": "FF-0000123", "title": "x" * 2600}}}).encode()
class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def _answer(self, status=200):
        head = f"HTTP/1.1 {status} OK\r\nContent-Type: application/json\r\nContent-Length: {len(BODY)}\r\n\r\n"
        self.wfile.write(head.encode() + BODY)
    def do_GET(self):
        self._answer()
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self._answer()
    def log_message(self, *a):
        pass
http.server.ThreadingHTTPServer.daemon_threads = True
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
'''
CREATE = json.dumps({"title": "Fibre down at 12 Main Road", "description": "x" * 400, "priority": "high"}).encode()


def _poll(url: str, path: str, headers: dict[str, str], stop: threading.Event, out: list[tuple[float, int]],
          every: float = 0.0) -> None:
    """GET ``path`` until ``stop``; record (latency s, status) — status 0 is a timeout or error."""
    while not stop.is_set():
        started = time.perf_counter()
        try:
            status = requests.get(url + path, headers=headers, timeout=15).status_code
        except requests.RequestException:
            status = 0
        out.append((time.perf_counter() - started, status))
        if every:
            stop.wait(every)


def slow_phase(gw: RunningGateway, token: str, seconds: float, sources: tuple[str, ...]) -> dict:
    gets: list[tuple[float, int]] = []
    health: list[tuple[float, int]] = []
    stop = threading.Event()
    with SlowBodies(gw.port, 50, interval=2.0, sources=sources) as slow:
        time.sleep(1.0)
        pollers = [threading.Thread(target=_poll, args=(gw.url, "/api/tickets/FF-0000123",
                                                         {"Authorization": f"Bearer {token}"}, stop, gets))
                   for _ in range(4)]
        pollers.append(threading.Thread(target=_poll, args=(gw.url, "/api/health", {}, stop, health, 0.5)))
        for t in pollers:
            t.start()
        time.sleep(seconds)
        stop.set()
        for t in pollers:
            t.join()
        outcomes = slow.outcomes()
        held = slow.held_seconds()
    after = _time_to_health(gw)
    lat = sorted(x for x, _ in gets)
    hl = sorted(x for x, _ in health)
    return {"requests": len(gets), "errors": sum(1 for _, s in gets if s != 200),
            "p50_ms": round(percentile(lat, 50) * 1000, 1), "p99_ms": round(percentile(lat, 99) * 1000, 1),
            "max_ms": round((lat[-1] if lat else float("nan")) * 1000, 1),
            "health_p99_ms": round(percentile(hl, 99) * 1000, 1),
            "health_errors": sum(1 for _, s in health if s != 200),
            "slow_outcomes": outcomes, "slow_held_max_s": round(held[-1], 1) if held else None,
            "health_after_close_s": after}


def _time_to_health(gw: RunningGateway) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < 120:
        try:
            if requests.get(gw.url + "/api/health", timeout=2).status_code == 200:
                return round(time.perf_counter() - started, 2)
        except requests.RequestException:
            pass
        time.sleep(0.1)
    return float("inf")


def _client(port: int, method: str, token: str, seconds: float, start_at: float, out: mp.Queue) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    path, body = ("/api/tickets/FF-0000123", None) if method == "GET" else ("/api/tickets", CREATE)
    latencies: list[float] = []
    errors = 0
    while time.time() < start_at:
        time.sleep(0.001)
    while time.time() < start_at + seconds:
        t0 = time.perf_counter()
        try:
            conn.request(method, path, body=body, headers=headers)
            resp = conn.getresponse()
            resp.read()
            errors += resp.status != 200
        except (OSError, http.client.HTTPException):
            errors += 1
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            continue
        latencies.append(time.perf_counter() - t0)
    out.put((latencies, errors))


def throughput(gw: RunningGateway, token: str, method: str, seconds: float, clients: int = 16) -> dict:
    queue: mp.Queue = mp.Queue()
    start_at = time.time() + 1.0
    procs = [mp.Process(target=_client, args=(gw.port, method, token, seconds, start_at, queue))
             for _ in range(clients)]
    for p in procs:
        p.start()
    while time.time() < start_at:
        time.sleep(0.001)
    cpu0 = tree_cpu_seconds(gw.pid)
    results = [queue.get() for _ in procs]
    cpu = tree_cpu_seconds(gw.pid) - cpu0
    for p in procs:
        p.join()
    lat = sorted(x for r, _ in results for x in r)
    return {"rps": round(len(lat) / seconds, 1), "errors": sum(e for _, e in results),
            "p50_ms": round(percentile(lat, 50) * 1000, 2), "p99_ms": round(percentile(lat, 99) * 1000, 2),
            "gateway_cpu_ms_per_request": round(1000 * cpu / max(len(lat), 1), 3)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=12)
    parser.add_argument("--workers", default="gthread,gevent")
    parser.add_argument("--skip-throughput", action="store_true")
    parser.add_argument("--skip-slow", action="store_true")
    args = parser.parse_args()

    import os

    base = os.environ.get("FIBREFLOW_PG_ADMIN_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
    db_url = base.rsplit("/", 1)[0] + f"/ff_bench_gwslow_{secrets.token_hex(3)}"
    ensure_database(db_url)
    port = free_port()
    stub = subprocess.Popen([sys.executable, "-c", STUB, str(port)])
    results: dict[str, dict] = {}
    try:
        run_migrations(packaged_migrations("gateway"), db_url)
        stub_url = f"http://127.0.0.1:{port}"
        env = {"DATABASE_URL": db_url, "FIBREFLOW_ENV": "test", "GATEWAY_SECRET_KEY": "bench-secret-key-0123456789",
               "FIBREFLOW_ADMIN_PASSWORD": ADMIN_PASSWORD, "RATE_LIMIT_PER_IP": "10000000/minute",
               "RATE_LIMIT_PER_USER": "10000000/minute", "TICKET_CORE_URL": stub_url, "BILLING_URL": stub_url}
        for run, worker in enumerate(args.workers.split(","), 1):
            with RunningGateway(env, worker=worker) as gw:
                r = requests.post(gw.url + "/api/auth/login", json={"username": "admin", "password": ADMIN_PASSWORD},
                                  timeout=30)
                token = r.json()["data"]["access_token"]
                res: dict[str, dict] = {}
                if not args.skip_throughput:  # first: a fresh process, no slow-phase aftermath
                    print(f"[{worker}] throughput ...", flush=True)
                    throughput(gw, token, "GET", 3)  # warm-up: pools, caches
                    res["get_16"] = throughput(gw, token, "GET", args.seconds)
                    res["post_16"] = throughput(gw, token, "POST", args.seconds)
                if not args.skip_slow:
                    print(f"[{worker}] slow bodies, one address ...", flush=True)
                    res["slow_one_address"] = slow_phase(gw, token, args.seconds, ("127.0.0.1",))
                    print(f"[{worker}] slow bodies, 50 addresses ...", flush=True)
                    res["slow_50_addresses"] = slow_phase(gw, token, args.seconds,
                                                          tuple(f"127.0.1.{i}" for i in range(1, 51)))
                results[f"{worker} (run {run})"] = res
    finally:
        stub.terminate()
        stub.wait()
        drop_database(db_url)
    print(json.dumps(results, indent=2))
    _table(results)
    return 0


def _table(results: dict[str, dict]) -> None:
    print("\n| worker | slow from | GETs | errors | p50 ms | p99 ms | max ms | health p99 ms | health errors "
          "| slow bodies ended | held max s | health after close s |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for worker, res in results.items():
        for phase, label in (("slow_one_address", "1 address"), ("slow_50_addresses", "50 addresses")):
            if phase not in res:
                continue
            r = res[phase]
            print(f"| {worker} | {label} | {r['requests']} | {r['errors']} | {r['p50_ms']} | {r['p99_ms']} | "
                  f"{r['max_ms']} | {r['health_p99_ms']} | {r['health_errors']} | {r['slow_outcomes']} | "
                  f"{r['slow_held_max_s']} | {r['health_after_close_s']} |")
    if any("get_16" in r for r in results.values()):
        print("\n| worker | call | req/s | errors | p50 ms | p99 ms | gateway CPU ms/request |")
        print("|---|---|---|---|---|---|---|")
        for worker, res in results.items():
            for call in ("get_16", "post_16"):
                r = res[call]
                print(f"| {worker} | {call.replace('_16', '')} x16 | {r['rps']} | {r['errors']} | {r['p50_ms']} | "
                      f"{r['p99_ms']} | {r['gateway_cpu_ms_per_request']} |")


if __name__ == "__main__":
    raise SystemExit(main())
