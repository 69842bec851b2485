"""Many people at once: N browser-less websocket sessions run each page, next to a bare page.

Usage: python bench/bench_sessions.py [--sessions 50] [--rounds 3] [PAGES...]
       (pages by URL path: home nettverk initiativer aktor tidslinje analyse data; default all)

Each session speaks Streamlit's own protocol (BackMsg/ForwardMsg over
``/_stcore/stream``) as a browser tab would, without drawing anything. Per
page, with every session asking for a run of that page at the same moment,
``--rounds`` times over, it prints: server CPU per run (the server process's
CPU time over the rounds / runs), runs per second, median and p95 time from
asking to «script finished», and memory per extra session (server RSS with
all sessions open less with one, over the extra sessions), and what a crowd
opening the link at once costs: N new sessions arriving together, each
connecting and running the page once (CPU per arrival, p95 time to its first
«script finished»). The bare
one-chart page (bench/bare_app.py) is measured the same way in the same run,
and each page's CPU per run is also given as a multiple of the bare page's;
so is bench/matched_app.py, the network page's Streamlit elements drawn with
fixed values and none of kidash's work: what Streamlit itself costs for a
page of that shape.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import psutil
import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

ROOT = Path(__file__).resolve().parents[1]
PAGES = ["home", "nettverk", "initiativer", "aktor", "tidslinje", "analyse", "data"]
QUERY = {"aktor": "actor=helsedirektoratet"}
RUN_TIMEOUT = 120.0  # seconds one run may take before the bench gives up on it


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start(script: Path, env: dict[str, str] | None = None) -> tuple[subprocess.Popen, int]:
    """``streamlit run script`` on a free loopback port; returns once it answers its health check."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script), "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1",
         "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
        cwd=ROOT, env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    for _ in range(600):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1):
                return process, port
        except OSError:
            time.sleep(0.1)
    process.terminate()
    raise RuntimeError(f"{script.name} did not start")


class Session:
    """One browser-less tab: a websocket to the server, asking for runs of one page."""

    def __init__(self, port: int, page: str, query: str | None = None, cookie: str | None = None) -> None:
        self.url = f"ws://127.0.0.1:{port}/_stcore/stream"
        self.page = "" if page == "home" else page
        self.query = QUERY.get(page, "") if query is None else query
        self.cookie = cookie  # sent with the upgrade, as a browser sends its cookies
        self.socket = None
        self.messages = 0
        self.replica: str | None = None  # which replica answered the upgrade (behind deploy/haproxy.cfg)
        self.written: str | None = None  # the query string the app last wrote to the URL
        self.headings: list[str] = []  # the headings of the last run: what the page showed

    async def open(self) -> None:
        headers = {"Cookie": self.cookie} if self.cookie else None
        self.socket = await websockets.connect(
            self.url, subprotocols=["streamlit"], max_size=None, additional_headers=headers, open_timeout=30
        )
        self.replica = self.socket.response.headers.get("X-Kidash-Replica")

    async def run(self) -> float:
        """Ask for a run of the page; seconds until the server says the script finished."""
        message = BackMsg()
        message.rerun_script.query_string = self.query
        message.rerun_script.page_name = self.page
        started = time.perf_counter()
        self.headings = []
        await self.socket.send(message.SerializeToString())
        async with asyncio.timeout(RUN_TIMEOUT):
            while True:
                forward = ForwardMsg()
                forward.ParseFromString(await self.socket.recv())
                self.messages += 1
                if forward.WhichOneof("type") == "delta" and forward.delta.new_element.WhichOneof("type") == "heading":
                    self.headings.append(forward.delta.new_element.heading.body)
                if forward.WhichOneof("type") == "page_info_changed":
                    self.written = forward.page_info_changed.query_string
                if forward.WhichOneof("type") == "script_finished" and forward.script_finished != FRAGMENT_RUN:
                    return time.perf_counter() - started

    async def close(self) -> None:
        await self.socket.close()


FRAGMENT_RUN = ForwardMsg.ScriptFinishedStatus.FINISHED_FRAGMENT_RUN_SUCCESSFULLY  # the map watcher's, not a run


def cpu_seconds(process: psutil.Process) -> float:
    times = process.cpu_times()
    return times.user + times.system


async def measure(port: int, pid: int, page: str, sessions: int, rounds: int) -> dict[str, float]:
    server = psutil.Process(pid)
    first = Session(port, page)
    await first.open()
    for _ in range(2):  # warm: the page's caches filled, as after the first visitor
        await first.run()
    rss_one = server.memory_info().rss
    others = [Session(port, page) for _ in range(sessions - 1)]
    for session in others:  # opened and run one by one: memory, not contention
        await session.open()
        await session.run()
    everyone = [first, *others]
    rss_all = server.memory_info().rss
    waits: list[float] = []
    cpu_before, wall_before = cpu_seconds(server), time.perf_counter()
    for _ in range(rounds):
        waits += await asyncio.gather(*(session.run() for session in everyone))
    cpu, wall = cpu_seconds(server) - cpu_before, time.perf_counter() - wall_before
    for session in everyone:
        await session.close()
    runs = len(waits)
    waits.sort()
    arrivals = await arrive(port, server, page, sessions)
    return arrivals | {
        "cpu_ms": 1000 * cpu / runs,
        "runs_s": runs / wall,
        "median_s": statistics.median(waits),
        "p95_s": waits[min(runs - 1, int(0.95 * runs))],
        "mb_session": (rss_all - rss_one) / 1e6 / max(1, sessions - 1),
    }


async def arrive(port: int, server: psutil.Process, page: str, sessions: int) -> dict[str, float]:
    """``sessions`` new tabs opening the page at the same moment: CPU per arrival and p95 wait."""

    async def one() -> float:
        session = Session(port, page)
        started = time.perf_counter()
        await session.open()
        await session.run()
        await session.close()
        return time.perf_counter() - started

    before = cpu_seconds(server)
    waits = sorted(await asyncio.gather(*(one() for _ in range(sessions))))
    return {
        "arrival_cpu_ms": 1000 * (cpu_seconds(server) - before) / sessions,
        "arrival_p95_s": waits[min(sessions - 1, int(0.95 * sessions))],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*", default=PAGES, metavar="PAGE", help=" ".join(PAGES))
    parser.add_argument("--sessions", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--store-vs-files", action="store_true",
                        help="each page on the map read from the store and from data/'s files (KIDASH_DATA_DIR)")  # fmt: skip
    args = parser.parse_args()
    if unknown := set(args.pages) - set(PAGES):
        parser.error(f"unknown page(s): {', '.join(sorted(unknown))}")
    rows: list[tuple[str, dict[str, float]]] = []
    bare, bare_port = start(ROOT / "bench" / "bare_app.py")
    try:
        rows.append(
            ("bare one-chart page", asyncio.run(measure(bare_port, bare.pid, "home", args.sessions, args.rounds)))
        )
    finally:
        bare.terminate()
    matched, matched_port = start(ROOT / "bench" / "matched_app.py")
    try:
        rows.append(
            (
                "matched: the network page's elements, no kidash work",
                asyncio.run(measure(matched_port, matched.pid, "nettverk", args.sessions, args.rounds)),
            )
        )
    finally:
        matched.terminate()
    import tempfile

    with tempfile.TemporaryDirectory() as home:
        servers = [("", {"KIDASH_HOME": home, "KIDASH_DATABASE_URL": ""})]
        if args.store_vs_files:
            servers.append((" (files)", {"KIDASH_DATA_DIR": str(ROOT / "data")}))
        for suffix, env in servers:
            app, port = start(ROOT / "serve.py", env)
            try:
                for page in args.pages:
                    found = asyncio.run(measure(port, app.pid, page, args.sessions, args.rounds))
                    rows.append((f"kidash {page}{suffix}", found))
            finally:
                app.terminate()
    base, base_arrival = rows[0][1]["cpu_ms"], rows[0][1]["arrival_cpu_ms"]
    print(f"{args.sessions} sessions at once, {args.rounds} rounds; CPU per run as a multiple of the bare page's")
    header = ("page", "CPU per run", "runs/s", "median wait", "p95 wait", "MB per extra session",
              "CPU per arrival", "p95 arrival")  # fmt: skip
    print(" | ".join(header))
    for name, row in rows:
        print(
            f"{name} | {row['cpu_ms']:.0f} ms ({row['cpu_ms'] / base:.1f}x) | {row['runs_s']:.1f} | "
            f"{row['median_s']:.2f} s | {row['p95_s']:.2f} s | {row['mb_session']:.2f} | "
            f"{row['arrival_cpu_ms']:.0f} ms ({row['arrival_cpu_ms'] / base_arrival:.1f}x) | {row['arrival_p95_s']:.2f} s"
        )


if __name__ == "__main__":
    main()
