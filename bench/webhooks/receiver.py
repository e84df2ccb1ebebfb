"""A fast webhook receiver for the benchmark: asyncio HTTP/1.1 with keep-alive, answers 204,
records ``<receive time> <path> <webhook-id> <event id>`` per request; prints the lines on SIGTERM.

    python bench/webhooks/receiver.py PORT OUTFILE [--verify-secrets FILE]
"""
from __future__ import annotations

import asyncio
import json
import signal
import sys
import time


class Sink:
    def __init__(self) -> None:
        self.lines: list[str] = []


async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, sink: Sink) -> None:
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            path = lines[0].split(" ")[1]
            headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
            body = await reader.readexactly(int(headers.get("content-length", "0")))
            at = time.time()
            event_id = json.loads(body)["id"]
            sink.lines.append(f"{at:.6f} {path} {headers.get('webhook-id', '-')} {event_id}")
            writer.write(b"HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n")
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError, asyncio.CancelledError):
        pass  # the client closed its connection, or the receiver is stopping
    finally:
        writer.close()


async def main(port: int, out: str) -> None:
    sink = Sink()
    server = await asyncio.start_server(lambda r, w: handle(r, w, sink), "127.0.0.1", port, backlog=512)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    print("ready", flush=True)
    async with server:
        await stop.wait()
    with open(out, "w") as fh:
        fh.write("\n".join(sink.lines) + "\n")


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]), sys.argv[2]))
