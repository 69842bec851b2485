"""Measure kidash as a user meets it: real Chromium against `streamlit run`, next to a bare page.

Usage: python bench/bench_browser.py
Prints: server start to first full render, each page's time to settle,
filter change to redrawn network (shipped data and 5,000 synthetic actors),
server memory with 1, 4 and 8 concurrent browser sessions, and the same for
a bare one-chart Streamlit page, with the ratio.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import psutil
from playwright.sync_api import expect, sync_playwright

from kidash.synthetic import synthetic_tables

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


SERVERS: list[subprocess.Popen] = []


def start(script: Path, port: int, env: dict | None = None) -> tuple[subprocess.Popen, float]:
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script), "--server.headless", "true", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
        cwd=ROOT, env={**__import__("os").environ, **(env or {})}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    SERVERS.append(process)
    for _ in range(300):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1):
                break
        except OSError:
            time.sleep(0.1)
    return process, started


def rss_mb(process: subprocess.Popen) -> float:
    return psutil.Process(process.pid).memory_info().rss / 1e6


def settle(page, url: str, ready) -> float:
    start = time.perf_counter()
    page.goto(url)
    ready(page)
    return time.perf_counter() - start


def kidash_ready(page) -> None:
    expect(page.get_by_role("heading", level=1)).to_be_visible(timeout=60_000)
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=60_000)


def network_ready(page) -> None:
    kidash_ready(page)
    expect(page.frame_locator("iframe").first.locator("body[data-ready=true]")).to_have_count(1, timeout=60_000)


def plot_ready(page) -> None:
    expect(page.locator(".js-plotly-plot .main-svg").first).to_be_visible(timeout=60_000)


def filter_to_redraw(page, base: str, which: str = "first") -> float:
    """Choose the first (or last) initiative in the sidebar filter; seconds until the network has drawn anew."""
    page.goto(f"{base}/nettverk")
    kidash_ready(page)  # on a big dataset nothing is drawn before the filter
    drawn = page.locator("iframe").count() > 0
    if drawn:
        network_ready(page)
    before = page.frame_locator("iframe").first.locator("body").get_attribute("data-nodes") if drawn else None
    box = page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").nth(2)
    box.get_by_role("combobox").click()
    start = time.perf_counter()
    getattr(page.get_by_role("option"), which).click()
    page.keyboard.press("Escape")
    frame = page.frame_locator("iframe").first
    expect(frame.locator("body")).not_to_have_attribute("data-nodes", before or "-1", timeout=60_000)
    expect(frame.locator("body[data-ready=true]")).to_have_count(1, timeout=60_000)
    return time.perf_counter() - start


def sessions_memory(browser, process, url: str, ready, counts=(1, 4, 8)) -> dict[int, float]:
    result, contexts = {}, []
    for count in counts:
        while len(contexts) < count:
            context = browser.new_context()
            page = context.new_page()
            page.goto(url)
            ready(page)
            contexts.append(context)
        time.sleep(1)
        result[count] = rss_mb(process)
    for context in contexts:
        context.close()
    return result


def main() -> None:
    rows: dict[str, tuple[str, str]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1500, "height": 1000})

        bare, started = start(ROOT / "bench" / "bare_app.py", bare_port := free_port())
        base = f"http://127.0.0.1:{bare_port}"
        page.goto(base)
        plot_ready(page)
        bare_first = time.perf_counter() - started
        bare_settle = settle(page, base, plot_ready)
        bare_memory = sessions_memory(browser, bare, base, plot_ready)
        bare.terminate()

        app, started = start(ROOT / "dashboard.py", app_port := free_port())
        base = f"http://127.0.0.1:{app_port}"
        page.goto(base)
        kidash_ready(page)
        rows["server start to first full render (home)"] = (
            f"{time.perf_counter() - started:.2f} s",
            f"{bare_first:.2f} s",
        )
        for name, path, ready in (
            ("home", "", kidash_ready),
            ("nettverk", "nettverk", network_ready),
            ("initiativer", "initiativer", kidash_ready),
            ("aktor", "aktor?actor=helsedirektoratet", network_ready),
            ("tidslinje", "tidslinje", kidash_ready),
            ("analyse", "analyse", kidash_ready),
        ):
            seconds = settle(page, f"{base}/{path}", ready)
            rows[f"settle {name}"] = (f"{seconds:.2f} s", f"{bare_settle:.2f} s ({seconds / bare_settle:.1f}x)")
        rows["filter change to redrawn network (shipped)"] = (f"{filter_to_redraw(page, base):.2f} s", "")
        memory = sessions_memory(browser, app, f"{base}/nettverk", network_ready)
        for count, mb in memory.items():
            rows[f"server memory, {count} sessions"] = (
                f"{mb:.0f} MB",
                f"{bare_memory[count]:.0f} MB ({mb / bare_memory[count]:.1f}x)",
            )
        app.terminate()

        with tempfile.TemporaryDirectory() as folder:
            for name, frame in synthetic_tables(5_000).items():
                frame.to_csv(Path(folder) / f"{name}.csv", index=False)
            big, _ = start(ROOT / "dashboard.py", big_port := free_port(), {"KIDASH_DATA_DIR": folder})
            base = f"http://127.0.0.1:{big_port}"
            rows["settle nettverk (5,000 actors, not drawn)"] = (
                f"{settle(page, f'{base}/nettverk', kidash_ready):.2f} s",
                "",
            )
            seconds = filter_to_redraw(page, base, "last")  # a subproject: small enough to draw
            rows["filter change to redrawn network (5,000)"] = (f"{seconds:.2f} s", "")
            big.terminate()
        browser.close()
    width = max(len(k) for k in rows)
    print(f"{'measure':<{width}} | {'kidash':>12} | bare one-chart page")
    for key, (ours, bare_value) in rows.items():
        print(f"{key:<{width}} | {ours:>12} | {bare_value}")


if __name__ == "__main__":
    try:
        main()
    finally:
        for server in SERVERS:
            server.terminate()
