"""email-intake benchmarks (issue #14), run with ``.venv/bin/python bench/email_intake/bench_email_intake.py``.

1. Parse-and-decide throughput on the .eml corpus on one core: the stdlib parser (modern
   policy), HTML→text, TNEF, reply stripping, loop/spam/threading rules and extraction, in one
   process pinned to one CPU, over every fixture in turn (target ≥ 200 emails/s). The database
   steps are measured separately (store + decide + outbox through PostgreSQL, one connection).
2. p99 webhook latency at 20 emails/s: the real service (``fibreflow-email-intake web``,
   gunicorn) on its own fresh database, raw-MIME webhook POSTs sent open-loop at a fixed 20/s
   for 30 s with the corpus' messages made unique (target p99 ≤ 100 ms). Each request stores the
   raw message, decides it and commits before it answers.
Bounded in count and time, loopback only; it cleans up the databases and processes it starts.
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "services" / "email-intake" / "tests" / "fixtures" / "corpus"
sys.path.insert(0, str(ROOT / "services" / "email-intake" / "tests"))


def corpus() -> list[bytes]:
    return [p.read_bytes() for p in sorted(CORPUS.glob("*.eml"))]


def throughput(seconds: float = 10.0) -> tuple[float, int]:
    from conftest import (  # the corpus' thread state (tests' conftest)
        POLICY,
        StandardLookup,
    )
    from email_intake.domain.decision import decide
    from email_intake.domain.parsing import parse

    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    mails, lookup = corpus(), StandardLookup()
    for raw in mails:  # warm-up (imports, regex compiles, the reply parser)
        decide(parse(raw), policy=POLICY, lookup=lookup, recipients=[])
    done, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for raw in mails:
            parsed = parse(raw)
            decide(parsed, policy=POLICY, lookup=lookup, recipients=parsed.to + parsed.cc)
            done += 1
    return done / (time.perf_counter() - start), done


def pipeline_throughput(url: str, count: int = 400) -> float:
    from email_intake.bootstrap import bootstrap
    from email_intake.config import load
    from email_intake.service_layer import intake

    container = bootstrap(load(database_url=url, rate_limit=10**9))
    mails = corpus()
    start = time.perf_counter()
    for n in range(count):
        raw = mails[n % len(mails)].replace(b"Message-ID: <", f"Message-ID: <b{n}-".encode(), 1)
        intake.receive(container.sessions, container.deps, raw, "raw")
    rate = count / (time.perf_counter() - start)
    container.close()
    return rate


def latency(url: str, rate: float = 20.0, seconds: float = 30.0) -> list[float]:
    from email_intake.config import DEV_API_KEY
    from fibreflow_shared.testing.infra import free_port

    port = free_port()
    env = dict(os.environ, DATABASE_URL=url, EMAIL_INTAKE_BIND=f"127.0.0.1:{port}", ACCESS_LOG="false",
               EMAIL_INTAKE_RATE_LIMIT="1000000", LOG_LEVEL="WARNING", JWKS_URL="http://127.0.0.1:1/jwks")
    web = subprocess.Popen([str(ROOT / ".venv/bin/fibreflow-email-intake"), "web", "--threads", "8"], env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if requests.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except requests.RequestException:
                time.sleep(0.3)
        mails = corpus()
        results: list[float] = []
        lock = threading.Lock()
        session_local = threading.local()

        def send(n: int) -> None:
            s = getattr(session_local, "s", None) or requests.Session()
            session_local.s = s
            raw = mails[n % len(mails)].replace(b"Message-ID: <", f"Message-ID: <l{n}-{uuid.uuid4().hex[:6]}-".encode(), 1)
            t0 = time.perf_counter()
            resp = s.post(f"{base}/api/email-intake/inbound/raw", data=raw, timeout=10,
                          headers={"X-Api-Key": DEV_API_KEY, "Content-Type": "message/rfc822"})
            elapsed = time.perf_counter() - t0
            if resp.status_code == 200:
                with lock:
                    results.append(elapsed)
        for n in range(20):  # warm-up, not counted
            send(10_000 + n)
        results.clear()
        threads = []
        start = time.perf_counter()
        for n in range(int(rate * seconds)):  # open loop: each request at its own time slot
            delay = start + n / rate - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            t = threading.Thread(target=send, args=(n,))
            t.start()
            threads.append(t)
        for t in threads:
            t.join(15)
        return results
    finally:
        web.terminate()
        web.wait(10)


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))] * 1000


def main() -> None:
    from fibreflow_shared.db import drop_database, packaged_migrations, run_migrations
    from fibreflow_shared.testing import infra

    rate, n = throughput()
    print(f"parse-and-decide, one core: {rate:.0f} emails/s ({n} emails, corpus of {len(corpus())})")
    url = infra.create_database(f"ff_bench_email_intake_{uuid.uuid4().hex[:6]}")
    try:
        run_migrations(packaged_migrations("email_intake"), url)
        print(f"store + decide + outbox through PostgreSQL, one thread: {pipeline_throughput(url):.0f} emails/s")
        lat = latency(url)
        print(f"raw webhook at 20 emails/s for 30 s: {len(lat)} answered, p50 {pct(lat, .5):.1f} ms, "
              f"p95 {pct(lat, .95):.1f} ms, p99 {pct(lat, .99):.1f} ms, max {max(lat) * 1000:.1f} ms, "
              f"mean {statistics.mean(lat) * 1000:.1f} ms")
    finally:
        drop_database(url)


if __name__ == "__main__":
    main()
