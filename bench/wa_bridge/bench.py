"""wa-bridge benchmarks (issue #13, PRD §15.4): run `python bench/wa_bridge/bench.py`.

1. Webhook handling at 100 inbound messages/s: signed WAHA webhooks posted straight to the
   bridge's web process (gunicorn, as deployed), open loop; latency per request (p50/p95/p99).
2. Send-to-simulator latency: `POST /api/wa-bridge/notify` → the durable queue → WAHA
   (simulator) receives sendText; time from the request to the simulator's receipt.
3. A bridge restart under load: the simulator injects 100 msg/s from 200 senders and posts its
   webhooks to the bridge; web and worker are stopped (SIGTERM) and restarted mid-run; WAHA does
   not replay missed webhooks, so reconciliation has to recover them. Counts lost and doubled.

Real PostgreSQL (a database of its own), RabbitMQ (a vhost of its own), the WAHA simulator in
process. Figures go to bench/wa_bridge/RESULTS.md by hand.
"""
from __future__ import annotations

import argparse
import json
import os
import secrets
import signal
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import requests
from sqlalchemy import create_engine, text

from fibreflow_shared.testing.infra import broker_url, create_vhost, delete_vhost, free_port
from fibreflow_simulators import waha as waha_sim

ROOT = Path(__file__).resolve().parents[2]
BIN = ROOT / ".venv" / "bin"
HMAC_KEY = "bench-hmac-key"
NOTIFY_KEY = "bench-notify-key"


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] * 1000


def summary(values: list[float]) -> str:
    return (f"n={len(values)} p50={pct(values, 50):.1f} ms p95={pct(values, 95):.1f} ms "
            f"p99={pct(values, 99):.1f} ms max={max(values) * 1000:.1f} ms")


class Bridge:
    """The bridge's web and worker as real processes (the Procfile's commands)."""

    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        self.procs: list[subprocess.Popen] = []

    def start(self) -> None:
        log = open(Path("/tmp") / "wa-bench.log", "ab")
        self.procs = [subprocess.Popen([str(BIN / "fibreflow-wa-bridge"), cmd, *extra], env=self.env, stdout=log,
                                       stderr=log) for cmd, extra in (("web", ["--workers", "2", "--threads", "8"]),
                                                                      ("worker", []))]
        url = f"http://{self.env['WA_BRIDGE_BIND']}/healthz"
        deadline = time.monotonic() + 180  # a loaded 2-core machine boots gunicorn slowly
        while time.monotonic() < deadline:
            try:
                if requests.get(url, timeout=1).ok:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.1)
        raise RuntimeError("bridge did not start (see /tmp/wa-bench.log)")

    def stop(self) -> None:
        for proc in self.procs:
            proc.send_signal(signal.SIGTERM)
        for proc in self.procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
        self.procs = []


def paced(rate: float, count: int, fn: Any, workers: int = 32) -> list[Any]:
    """Call ``fn(i)`` ``count`` times at ``rate`` per second (open loop: late calls do not slow the rest)."""
    results: list[Any] = [None] * count
    start = time.perf_counter() + 0.2
    with ThreadPoolExecutor(workers) as pool:
        def run(i: int) -> None:
            delay = start + i / rate - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            results[i] = fn(i)

        list(pool.map(run, range(count)))
    return results


def webhook_load(bridge_url: str, rate: float, seconds: float) -> list[float]:
    http = requests.Session()
    http.mount("http://", requests.adapters.HTTPAdapter(pool_maxsize=64))
    run = secrets.token_hex(3)

    def post(i: int) -> float:
        body = json.dumps({"event": "message", "session": "default", "payload": {
            "id": f"false_2782{i % 500:07d}@c.us_{run}{i:06d}", "timestamp": int(time.time()),
            "from": f"2782{i % 500:07d}@c.us", "fromMe": False, "body": f"load {i} no signal at DR{1000 + i % 50}",
            "hasMedia": False, "media": None}}).encode()
        headers = {"Content-Type": "application/json", "X-Webhook-Hmac": waha_sim.waha_hmac(HMAC_KEY, body),
                   "X-Webhook-Timestamp": str(int(time.time() * 1000))}
        t0 = time.perf_counter()
        resp = http.post(f"{bridge_url}/api/wa-bridge/webhook", data=body, headers=headers, timeout=30)
        assert resp.status_code == 200, resp.text
        return time.perf_counter() - t0

    return paced(rate, int(rate * seconds), post)


def send_latency(bridge_url: str, sim: waha_sim.WahaSimulator, count: int, rate: float) -> list[float]:
    started: dict[str, float] = {}
    run = secrets.token_hex(3)

    def notify(i: int) -> None:
        marker = f"bench {run} {i}"
        started[marker] = time.time()
        resp = requests.post(f"{bridge_url}/api/wa-bridge/notify", json={
            "to": f"+2783{i % 100:07d}", "text": marker, "client_ref": f"bench:{run}:{i}"},
            headers={"X-Service-Key": NOTIFY_KEY}, timeout=30)
        assert resp.status_code == 202, resp.text

    paced(rate, count, notify, workers=8)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with sim.lock:
            got = {m["body"]: m["received_at"] for m in sim.sent if m["body"] in started}
        if len(got) == count:
            break
        time.sleep(0.1)
    return [got[k] - started[k] for k in got]


def restart_under_load(bridge: Bridge, sim: waha_sim.WahaSimulator, engine: Any, rate: float, seconds: float,
                       down_at: float, down_for: float) -> dict[str, Any]:
    count = int(rate * seconds)
    ids: list[str | None] = [None] * count

    def inject(i: int) -> int:
        out = sim.inbound({"from": f"2784{i % 200:07d}", "text": f"restart load {i}"})
        ids[i] = out["id"]
        return (out["webhook_statuses"] or [0])[0]

    def chaos() -> None:
        time.sleep(down_at)
        bridge.stop()
        time.sleep(down_for)
        bridge.start()

    killer = threading.Thread(target=chaos)
    killer.start()
    statuses = paced(rate, count, inject)
    killer.join()
    refused = sum(1 for s in statuses if s != 200)
    wanted = set(i for i in ids if i)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        with engine.connect() as conn:
            stored = conn.execute(text("SELECT count(*) FROM wa_messages WHERE waha_id = ANY(:ids)"),
                                  {"ids": list(wanted)}).scalar()
        if stored == len(wanted):
            break
        time.sleep(0.5)
    with engine.connect() as conn:
        stored = conn.execute(text("SELECT count(*) FROM wa_messages WHERE waha_id = ANY(:ids)"),
                              {"ids": list(wanted)}).scalar()
        events = conn.execute(text(
            "SELECT payload->'data'->>'waha_id' AS w, count(*) FROM outbox WHERE event_type = 'wa.message_received' "
            "AND payload->'data'->>'waha_id' = ANY(:ids) GROUP BY 1"), {"ids": list(wanted)}).all()
        recovered = conn.execute(text("SELECT count(*) FROM wa_messages WHERE origin = 'reconcile' "
                                      "AND waha_id = ANY(:ids)"), {"ids": list(wanted)}).scalar()
    doubled = sum(n - 1 for _, n in events if n > 1)
    return {"injected": count, "webhooks_refused_while_down": refused, "stored": stored,
            "recovered_by_reconcile": recovered, "lost": len(wanted) - stored, "doubled_events": doubled}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rate", type=float, default=100.0)
    parser.add_argument("--seconds", type=float, default=30.0)
    args = parser.parse_args()
    import logging

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # the simulator's access log
    run = secrets.token_hex(3)
    db_url = f"postgresql://postgres@127.0.0.1:5432/ff_wa_bench_{run}"
    vhost = f"ff_wa_bench_{run}"
    create_vhost(vhost)
    sim_port, web_port = free_port(), free_port()
    sim = waha_sim.WahaSimulator(public_url=f"http://127.0.0.1:{sim_port}")
    server = waha_sim.serve_in_thread(waha_sim.create_app(sim), port=sim_port)
    sim.faults["ack_delay"] = 0.01
    env = dict(os.environ, DATABASE_URL=db_url, BROKER_URL=broker_url(vhost), WA_BRIDGE_BIND=f"127.0.0.1:{web_port}",
               WA_BRIDGE_WAHA_URL=f"http://127.0.0.1:{sim_port}", WA_BRIDGE_PUBLIC_BASE_URL=f"http://127.0.0.1:{web_port}",
               WA_BRIDGE_WEBHOOK_HMAC_KEY=HMAC_KEY, WA_BRIDGE_NOTIFY_KEY=NOTIFY_KEY, WA_BRIDGE_RECONCILE_LIMIT="100",
               WA_BRIDGE_HEALTH_INTERVAL_SECONDS="2", DB_POOL_SIZE="10", LOG_LEVEL="WARNING",
               JWKS_URL="http://127.0.0.1:1/jwks.json")
    subprocess.run([str(BIN / "fibreflow-wa-bridge"), "migrate"], env=env, check=True, capture_output=True)
    subprocess.run([str(BIN / "fibreflow-wa-bridge"), "declare-topology"], env=env, check=True, capture_output=True)
    bridge = Bridge(env)
    bridge.start()
    engine = create_engine(db_url.replace("postgresql://", "postgresql+psycopg://"))
    try:
        deadline = time.monotonic() + 30
        while sim.sessions.get("default", {}).get("status") != "WORKING":  # the worker starts the session
            assert time.monotonic() < deadline, "session did not start"
            time.sleep(0.1)
        bridge_url = f"http://127.0.0.1:{web_port}"
        webhook_load(bridge_url, args.rate, 3)  # warm-up
        lat = webhook_load(bridge_url, args.rate, args.seconds)
        print(f"1. webhook handling at {args.rate:.0f} msg/s for {args.seconds:.0f} s: {summary(lat)}")
        sends = send_latency(bridge_url, sim, 300, 20.0)
        print(f"2. send-to-simulator latency (300 sends at 20/s): {summary(sends)}")
        result = restart_under_load(bridge, sim, engine, args.rate, 20.0, down_at=6.0, down_for=3.0)
        print(f"3. bridge restart under {args.rate:.0f} msg/s: {result}")
    finally:
        bridge.stop()
        server.shutdown()
        engine.dispose()
        from fibreflow_shared.db import drop_database

        drop_database(db_url)
        delete_vhost(vhost)


if __name__ == "__main__":
    sys.exit(main())
