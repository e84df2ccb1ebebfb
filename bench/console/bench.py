"""Console benchmark: server time per page and bytes per page, through the gateway, on the whole
stack (started from the Procfile by deploy/dev/stack.py, own databases and vhost).

ticket-core's database is bulk-loaded with N tickets first (bench/ticket_core/bench.py's
generate_series load, indexes rebuilt, VACUUM ANALYZE). Then U simulated users, each with its own
console session (signed in through the console's form, as a browser does), load pages in a loop:
the dashboard (50 rows, metric cards, teams, saved views) and a random ticket's detail page.
Users are spread over processes (the load generator must not be GIL-bound).

    .venv/bin/python bench/console/bench.py [--tickets 1000000] [--users 20] [--seconds 30] [--think 0]
"""
from __future__ import annotations

import argparse
import http.client
import importlib.util
import json
import multiprocessing as mp
import random
import re
import statistics
import sys
import threading
import time
import urllib.parse
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from devstack import api_login, console_stack  # noqa: E402

PAGES = ("dashboard", "detail")


def _ticket_core_loader():
    spec = importlib.util.spec_from_file_location("ticket_core_bench", HERE.parent / "ticket_core" / "bench.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module.load


def sign_in(base: str, username: str, password: str) -> str:
    """The console session cookie, got through the login form (double-submit token included)."""
    parts = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    conn.request("GET", "/login")
    resp = conn.getresponse()
    html = resp.read().decode()
    login_cookie = re.search(r"__Host-ff_console_login=([^;]+)", resp.getheader("Set-Cookie") or "").group(1)
    token = re.search(r'name="login_csrf" value="([^"]+)"', html).group(1)
    body = urllib.parse.urlencode({"login_csrf": token, "username": username, "password": password})
    conn.request("POST", "/login", body=body, headers={"Content-Type": "application/x-www-form-urlencoded",
                                                       "Cookie": f"__Host-ff_console_login={login_cookie}"})
    resp = conn.getresponse()
    resp.read()
    cookies = " ".join(resp.headers.get_all("Set-Cookie") or [])
    return re.search(r"__Host-ff_console=([^;]+)", cookies).group(1)


def user_loop(base: str, cookie: str, seconds: float, start_at: float, think: float, tickets: int, seed: int,
              out: list) -> None:
    parts = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    headers = {"Cookie": f"__Host-ff_console={cookie}"}
    rng = random.Random(seed)
    while time.time() < start_at:
        time.sleep(0.01)
    i = seed
    while time.time() < start_at + seconds:
        page = PAGES[i % 2]
        i += 1
        path = "/tickets" if page == "dashboard" else f"/tickets/FF-{rng.randint(1, tickets):07d}"
        sent = time.perf_counter()
        try:
            conn.request("GET", path, headers=headers)
            resp = conn.getresponse()
            body = resp.read()
            timing = re.search(r"app;dur=([0-9.]+)", resp.getheader("Server-Timing") or "")
            out.append((page, time.perf_counter() - sent, resp.status, len(body),
                        float(timing.group(1)) if timing else float("nan")))
        except (OSError, http.client.HTTPException):
            out.append((page, time.perf_counter() - sent, 0, 0, float("nan")))
            conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
        if think:
            time.sleep(rng.uniform(0.5 * think, 1.5 * think))


def process(base: str, cookies: list[str], seconds: float, start_at: float, think: float, tickets: int,
            seed: int, queue: mp.Queue) -> None:
    results: list = []
    threads = [threading.Thread(target=user_loop, args=(base, c, seconds, start_at, think, tickets, seed + k, results))
               for k, c in enumerate(cookies)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    queue.put(results)


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q / 100 * (len(values) - 1))))] if values else float("nan")


def run_load(base: str, cookies: list[str], seconds: float, think: float, tickets: int) -> dict:
    per_process = 5
    queue: mp.Queue = mp.Queue()
    start_at = time.time() + 2
    procs = [mp.Process(target=process, args=(base, cookies[i:i + per_process], seconds, start_at, think, tickets,
                                              1000 * i, queue)) for i in range(0, len(cookies), per_process)]
    for p in procs:
        p.start()
    results = [r for _ in procs for r in queue.get()]
    for p in procs:
        p.join()
    summary = {}
    for page in PAGES:
        rows = [r for r in results if r[0] == page]
        ok = [r for r in rows if r[2] == 200]
        ms = [r[1] * 1000 for r in ok]
        console_ms = [r[4] for r in ok if r[4] == r[4]]
        summary[page] = {"requests": len(rows), "errors": len(rows) - len(ok),
                         "per_second": round(len(ok) / seconds, 1),
                         "p50_ms": round(percentile(ms, 50), 1), "p95_ms": round(percentile(ms, 95), 1),
                         "p99_ms": round(percentile(ms, 99), 1),
                         "console_p50_ms": round(percentile(console_ms, 50), 1),
                         "console_p99_ms": round(percentile(console_ms, 99), 1),
                         "bytes_median": int(statistics.median([r[3] for r in ok])) if ok else 0,
                         "statuses": sorted({r[2] for r in rows})}
    return summary


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tickets", type=int, default=1_000_000)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--think", type=float, nargs="*", default=[0.0, 1.0],
                        help="think times to run, seconds between a user's pages (0 = closed loop)")
    args = parser.parse_args()
    load = _ticket_core_loader()
    report: dict = {"tickets": args.tickets, "users": args.users, "seconds": args.seconds, "runs": {}}

    def bulk_load(env: dict[str, str]) -> None:
        started = time.monotonic()
        load(env["TICKET_CORE_DATABASE_URL"], args.tickets)
        report["load_seconds"] = round(time.monotonic() - started, 1)

    with console_stack("ff_bench_console_", before_start=bulk_load) as s:
        admin = api_login(s.base_url, "admin", s.admin_password)
        users = []
        for k in range(args.users):
            name, password = f"benchadmin{k}", f"bench-password-{k}-x9"
            resp = admin.post(f"{s.base_url}/api/users", json={"username": name, "password": password,
                                                               "roles": ["admin"], "display_name": f"Bench {k}",
                                                               "email": f"bench{k}@example.com"})
            assert resp.status_code == 201, resp.text
            users.append((name, password))
        cookies = [sign_in(s.base_url, n, p) for n, p in users]
        # Warm-up: the stats snapshot, connection pools, template caches, the table in the OS cache.
        run_load(s.base_url, cookies[:5], 20, 0.0, args.tickets)
        # One user, one page at a time: the server time of a page with no queueing in front of it.
        report["runs"]["one_user"] = run_load(s.base_url, cookies[:1], args.seconds / 2, 0.0, args.tickets)
        print(json.dumps({"one_user": report["runs"]["one_user"]}), flush=True)
        for think in args.think:
            report["runs"][f"think_{think:g}s"] = run_load(s.base_url, cookies, args.seconds, think, args.tickets)
            print(json.dumps({f"think_{think:g}s": report["runs"][f"think_{think:g}s"]}), flush=True)
        static = {}
        for name in ("console.css", "console.js", "htmx-2.0.11.min.js"):
            parts = urllib.parse.urlsplit(s.base_url)
            conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
            conn.request("GET", f"/static/{name}")
            static[name] = len(conn.getresponse().read())
        report["static_bytes"] = static
    (HERE / "results.json").write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
