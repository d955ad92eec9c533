"""Benchmark: does a mock's cost per request and its memory stay flat as its state grows and under load?

Run from the repository with the project's virtualenv (Linux: RSS is read from /proc):

    .venv/bin/python bench/mock_scale.py                 # both parts, Qualigate and Testmo
    .venv/bin/python bench/mock_scale.py --stored 10000 --reads 2000 --load-seconds 60 --clients 50
    .venv/bin/python bench/mock_scale.py --skip-load     # the flat-cost part only

Each mock runs in its own process (this script with `--serve`), on 127.0.0.1 and a free port, with the
store size raised above `--stored` so that nothing is evicted while it is measured. Nothing else is addressed.

1. Flat cost, sequential, one keep-alive connection per mock: three mocks at once, holding 1 run, 15 runs and
   `--stored` runs (filled through the API), read in alternating rounds so that the machine's other work weighs
   on all alike; the median time of `--reads` requests of each kind:
   - a status read of a run (Qualigate `GET /api/v1/trigger?test_run_id=`, Testmo `GET /automation/runs/{id}`),
   - a list page (Testmo `GET /projects/1/automation/runs?per_page=15`, the newest 15) and a results read
     (Qualigate `GET /api/v1/results?test_run_ids=`), also read with 15 runs stored (a full page: the
     same answer size as with thousands, so the ratio isolates the store's size).
   It prints the medians and their ratios (goal: under 1.5x).
2. Memory under load: `--clients` threads, each with its own keep-alive connection, loop over a trigger (or
   create), two status reads and a results read (or list page) for `--load-seconds`; the server's RSS is read
   at 5 s and at the end, and the requests answered per 10 s window are printed. The ratio of the two RSS
   readings is the figure (goal: under 1.2x). The server keeps its defaults here (store and journal of 2,000).

The load generator is Python threads under one GIL, sharing the machine with the server: the absolute rates
say more about the machine than about the mock; the ratios are the result.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
KEY = "bench-key"
AUTH = {"Authorization": f"Bearer {KEY}", "Content-Type": "application/json"}
SUITE_CASE = "550e8400-e29b-41d4-a716-446655440000"
PAGE = 15
"""A list page's size: the page with this many runs stored is full, as it is with thousands."""


def serve(vendor: str, port: int, store_size: int | None) -> None:
    """The child: one mock, in the foreground, until terminated."""
    sys.path.insert(0, str(ROOT))
    from generator.mock.app import Settings
    from generator.mock.server import build_app, listening_socket
    from generator.mock.server import serve as run

    settings = Settings(api_key=KEY) if store_size is None else Settings(api_key=KEY, store_size=store_size)
    run(build_app(vendor, settings), listening_socket("127.0.0.1", port))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    vendor: str
    store_size: int | None
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> Server:
        cmd = [sys.executable, __file__, "--serve", self.vendor, "--port", str(self.port)]
        if self.store_size is not None:
            cmd += ["--store-size", str(self.store_size)]
        self.process = subprocess.Popen(cmd, cwd=ROOT, start_new_session=True)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return self
            except OSError:
                time.sleep(0.05)
        raise SystemExit(f"the {self.vendor} mock did not start")

    def __exit__(self, *exc: object) -> None:
        if self.process is not None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(10)

    def rss_mb(self) -> float:
        assert self.process is not None
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return float("nan")


class Client:
    """One keep-alive connection, JSON in and out."""

    def __init__(self, port: int, base: str) -> None:
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.base = base

    def call(self, method: str, path: str, body: Any = None) -> tuple[int, Any]:
        data = json.dumps(body) if body is not None else None
        for attempt in (1, 2):
            try:
                self.connection.request(method, self.base + path, body=data, headers=AUTH)
                response = self.connection.getresponse()
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # The server closes a keep-alive connection left idle (uvicorn: 5 s): connect again, once.
                self.connection.close()
                if attempt == 2:
                    raise
        raw = response.read()
        return response.status, json.loads(raw) if raw else None

    def close(self) -> None:
        self.connection.close()


@dataclass
class Vendor:
    name: str
    base: str
    create: Callable[[Client], Any]
    """Stores one run; returns its id."""
    status: Callable[[Client, Any], int]
    listing: Callable[[Client, Any], int]
    listing_name: str


def _qualigate_create(client: Client) -> Any:
    status, body = client.call("POST", "/api/v1/trigger", {"test_case_id": SUITE_CASE})
    assert status == 201, (status, body)
    return body["test_run_id"]


def _testmo_create(client: Client) -> Any:
    status, body = client.call("POST", "/projects/1/automation/runs", {"name": "bench", "source": "bench"})
    assert status == 201, (status, body)
    return body["id"]


VENDORS = {
    "qualigate": Vendor(
        "qualigate",
        "",
        _qualigate_create,
        lambda c, run: c.call("GET", f"/api/v1/trigger?test_run_id={run}")[0],
        lambda c, run: c.call("GET", f"/api/v1/results?test_run_ids={run}")[0],
        "results read",
    ),
    "testmo": Vendor(
        "testmo",
        "/api/v1",
        _testmo_create,
        lambda c, run: c.call("GET", f"/automation/runs/{run}")[0],
        lambda c, run: c.call("GET", "/projects/1/automation/runs?per_page=15")[0],
        "list page of 15",
    ),
}


def _times(client: Client, call: Callable[[Client, Any], int], run: Any, count: int) -> list[float]:
    """Seconds per request; the medians are printed, not the means: on a shared machine a few requests
    wait for the CPU, whatever the mock does."""
    times = []
    for _ in range(count):
        start = time.perf_counter()
        status = call(client, run)
        times.append(time.perf_counter() - start)
        assert status == 200, status
    return times


def flat_cost(vendor: Vendor, stored: int, reads: int, rounds: int = 10) -> None:
    """Status reads of one run and list pages on two mocks at once: one holding 1 run (and one holding a full
    page, for lists), the other `stored`. The readings alternate in `rounds`, so that whatever else the machine
    does at a moment weighs on both alike."""
    servers = [Server(vendor.name, store_size=stored * 2) for _ in range(3)]
    for server in servers:
        server.__enter__()
    try:
        clients = [Client(server.port, vendor.base) for server in servers]
        sizes = [1, PAGE, stored]
        firsts = []
        fill = time.perf_counter()
        for client, size in zip(clients, sizes, strict=True):
            firsts.append(vendor.create(client))
            for _ in range(size - 1):
                vendor.create(client)
        filled = time.perf_counter() - fill
        for client, first in zip(clients, firsts, strict=True):
            for _ in range(300):  # warm each server, its caches and the connection
                vendor.status(client, first)
                vendor.listing(client, first)
        times: dict[tuple[str, int], list[float]] = {}
        for _ in range(rounds):
            for client, first, size in zip(clients, firsts, sizes, strict=True):
                for name, call in (("status", vendor.status), ("list", vendor.listing)):
                    times.setdefault((name, size), []).extend(_times(client, call, first, reads // rounds))
        for client in clients:
            client.close()
    finally:
        for server in servers:
            server.__exit__()
    print(f"{vendor.name}: {stored + PAGE} runs stored in {filled:.1f} s ({(stored + PAGE) / filled:.0f} creates/s)")
    median = {key: statistics.median(values) * 1000 for key, values in times.items()}
    rows = [
        ("status read", "1 run", median[("status", 1)], median[("status", stored)]),
        (vendor.listing_name, "1 run", median[("list", 1)], median[("list", stored)]),
        (vendor.listing_name, f"{PAGE} runs", median[("list", PAGE)], median[("list", stored)]),
    ]
    for name, few, one, many in rows:
        print(f"  {name:<16} {few:>8} {one:6.3f} ms   {stored} runs {many:6.3f} ms   ratio {many / one:.2f}x")


def load(vendor: Vendor, clients: int, seconds: float) -> None:
    with Server(vendor.name, store_size=None) as server:
        stop = threading.Event()
        done: list[float] = []
        errors: list[str] = []
        lock = threading.Lock()

        def work() -> None:
            client = Client(server.port, vendor.base)
            try:
                while not stop.is_set():
                    run = vendor.create(client)
                    vendor.status(client, run)
                    vendor.status(client, run)
                    vendor.listing(client, run)
                    now = time.monotonic()
                    with lock:
                        done.extend([now] * 4)
            except Exception as exc:  # reported; the other clients go on
                errors.append(repr(exc))
            finally:
                client.close()

        threads = [threading.Thread(target=work, daemon=True) for _ in range(clients)]
        start = time.monotonic()
        for thread in threads:
            thread.start()
        time.sleep(5)
        early = server.rss_mb()
        time.sleep(max(0.0, seconds - 5))
        late = server.rss_mb()
        stop.set()
        for thread in threads:
            thread.join(30)
    windows = [sum(1 for t in done if start + i <= t < start + i + 10) for i in range(0, int(seconds), 10)]
    print(f"{vendor.name}: {clients} clients for {seconds:.0f} s, {len(done)} requests, {len(errors)} client errors")
    print(f"  requests per 10 s: {', '.join(str(w) for w in windows)}")
    print(f"  RSS after 5 s {early:.1f} MB, after {seconds:.0f} s {late:.1f} MB: ratio {late / early:.2f}x")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--vendor", action="append", choices=sorted(VENDORS), help="default: both")
    parser.add_argument("--stored", type=int, default=10_000, help="runs stored for the second reading")
    parser.add_argument("--reads", type=int, default=2_000, help="requests timed per reading")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--load-seconds", type=float, default=60.0)
    parser.add_argument("--skip-flat", action="store_true")
    parser.add_argument("--skip-load", action="store_true")
    parser.add_argument("--serve", help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--store-size", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve:
        serve(args.serve, args.port, args.store_size)
        return 0
    for name in args.vendor or sorted(VENDORS):
        vendor = VENDORS[name]
        if not args.skip_flat:
            flat_cost(vendor, args.stored, args.reads)
        if not args.skip_load:
            load(vendor, args.clients, args.load_seconds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
