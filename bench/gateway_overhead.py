"""Benchmark: GET one ticket directly from ticket-core and through the gateway.

Starts its own stack (own databases and RabbitMQ vhost), then runs 16 concurrent
keep-alive clients (separate processes, so the load generator is not GIL-bound) for a
fixed time against each target, alternating rounds so both see the same machine state.
Prints requests/s and p50/p99 latency both ways and the gateway's p50 overhead.

    .venv/bin/python bench/gateway_overhead.py [--seconds 10] [--rounds 3] [--clients 16]
"""
from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing as mp
import os
import secrets
import statistics
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import requests  # noqa: E402

from deploy.dev.stack import SERVICES, Stack, free_ports, gateway_url, prepare, stack_environment, wait_healthy  # noqa: E402
from fibreflow_shared.db import drop_database  # noqa: E402
from fibreflow_shared.testing import infra  # noqa: E402
from proc_cpu import CpuMeter  # noqa: E402


def client(url: str, path: str, token: str, seconds: float, start_at: float, out: mp.Queue) -> None:
    """One keep-alive client: GET in a loop until time is up; report latencies (seconds)."""
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    headers = {"Authorization": f"Bearer {token}"}
    latencies: list[float] = []
    errors = 0
    while time.time() < start_at:
        time.sleep(0.001)
    deadline = start_at + seconds
    while time.time() < deadline:
        t0 = time.perf_counter()
        try:
            conn.request("GET", path, headers=headers)
            resp = conn.getresponse()
            resp.read()
            if resp.status != 200:
                errors += 1
        except (OSError, http.client.HTTPException):
            errors += 1
            conn.close()
            conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
            continue
        latencies.append(time.perf_counter() - t0)
    out.put((latencies, errors, time.process_time()))


def run_round(url: str, path: str, token: str, clients: int, seconds: float, meter: CpuMeter | None = None) -> dict:
    queue: mp.Queue = mp.Queue()
    start_at = time.time() + 0.5
    procs = [mp.Process(target=client, args=(url, path, token, seconds, start_at, queue)) for _ in range(clients)]
    for p in procs:
        p.start()
    while time.time() < start_at:
        time.sleep(0.001)
    if meter:
        meter.start()
    results = [queue.get() for _ in procs]
    cpu = meter.stop() if meter else {}
    for p in procs:
        p.join()
    latencies = sorted(x for lat, _, _ in results for x in lat)
    cpu["load-generator"] = round(sum(used for _, _, used in results), 2)
    return {"latencies": latencies, "errors": sum(e for _, e, _ in results), "seconds": seconds, "cpu": cpu}


def summarise(rounds: list[dict]) -> dict:
    latencies = sorted(x for r in rounds for x in r["latencies"])
    seconds = sum(r["seconds"] for r in rounds)
    q = statistics.quantiles(latencies, n=100, method="inclusive")
    cpu: dict[str, float] = {}
    for r in rounds:
        for name, used in r["cpu"].items():
            cpu[name] = cpu.get(name, 0.0) + used
    # CPU milliseconds per request, per process tree ("machine" = all cores, everything on the box).
    cpu_ms = {name: round(1000 * used / len(latencies), 2) for name, used in cpu.items()}
    return {"requests": len(latencies), "errors": sum(r["errors"] for r in rounds),
            "rps": round(len(latencies) / seconds, 1), "p50_ms": round(q[49] * 1000, 2),
            "p99_ms": round(q[98] * 1000, 2), "cpu_ms_per_request": cpu_ms,
            "machine_busy_pct": round(100 * cpu.get("machine", 0) / (seconds * (os.cpu_count() or 1)), 1)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--clients", type=int, default=16)
    args = parser.parse_args()

    run_id = secrets.token_hex(3)
    vhost = f"ff_bench_{run_id}"
    infra.create_vhost(vhost)
    db_urls = {svc.name: infra.create_database(f"ff_bench_{run_id}_{svc.name.replace('-', '_')}") for svc in SERVICES}
    password = secrets.token_urlsafe(12)
    base = dict(os.environ)
    base.update({f"{svc.env_prefix}_DATABASE_URL": db_urls[svc.name] for svc in SERVICES})
    base.update({"BROKER_URL": infra.broker_url(vhost), "GATEWAY_SECRET_KEY": secrets.token_urlsafe(32),
                 "FIBREFLOW_ADMIN_PASSWORD": password, "LOG_LEVEL": "WARNING",
                 # The benchmark measures latency, not the rate limiter.
                 "RATE_LIMIT_PER_USER": "1000000/minute", "RATE_LIMIT_PER_IP": "1000000/minute"})
    env = stack_environment(base, ports=free_ports())
    stack = Stack(env, Path(tempfile.mkdtemp(prefix="ff-bench-")))
    try:
        prepare(env)
        # Only what a GET by UID touches: idle relays and consumers would only add noise.
        stack.start(only=("gateway", "ticket-core"))
        gw = gateway_url(env)
        wait_healthy(gw, timeout=60, only=("ticket_core",))
        token = requests.post(f"{gw}/api/auth/login", json={"username": "admin", "password": password},
                              timeout=10).json()["data"]["access_token"]
        ticket = requests.post(f"{gw}/api/tickets", headers={"Authorization": f"Bearer {token}"}, timeout=10,
                               json={"title": "Benchmark ticket", "description": "d", "type": "fault"}).json()["data"]
        path = f"/api/tickets/{ticket['ticket_uid']}"
        direct_url = f"http://{env['TICKET_CORE_BIND']}"
        run_round(direct_url, path, token, args.clients, 2)  # warm-up both paths
        run_round(gw, path, token, args.clients, 2)
        meter = CpuMeter({"gateway": stack.processes["gateway"].pid,
                          "ticket-core": stack.processes["ticket-core"].pid})
        direct, via = [], []
        for _ in range(args.rounds):
            direct.append(run_round(direct_url, path, token, args.clients, args.seconds, meter))
            via.append(run_round(gw, path, token, args.clients, args.seconds, meter))
        d, g = summarise(direct), summarise(via)
        report = {
            "clients": args.clients, "seconds_per_round": args.seconds, "rounds": args.rounds,
            "access_log": os.environ.get("ACCESS_LOG", "true"),
            "cpu_count": os.cpu_count(), "direct": d, "gateway": g,
            "p50_overhead_pct": round(100 * (g["p50_ms"] - d["p50_ms"]) / d["p50_ms"], 1),
            "p99_ratio": round(g["p99_ms"] / d["p99_ms"], 2),
            "rps_ratio": round(g["rps"] / d["rps"], 2),
        }
        print(json.dumps(report, indent=2))
        out_dir = ROOT / "bench" / "results"
        out_dir.mkdir(exist_ok=True)
        (out_dir / f"gateway_overhead-{time.strftime('%Y%m%d-%H%M%S')}.json").write_text(json.dumps(report, indent=2))
        return 0
    finally:
        stack.stop()
        for url in db_urls.values():
            drop_database(url)
        infra.delete_vhost(vhost)


if __name__ == "__main__":
    raise SystemExit(main())
