"""Measure kidash as a user meets it: real Chromium against `streamlit run`, next to a bare page.

Usage: python bench/bench_browser.py
Prints: server start to first full render, each page's time to settle,
filter change to redrawn network (shipped data and 5,000 synthetic actors),
bytes sent to the browser per filter change and per page view after the
first, click to card, the 20,000-actor map's first picture, server memory
with 1, 4 and 8 concurrent browser sessions, and the same for a bare
one-chart Streamlit page, with the ratio.

Each time is the median of several tries (``--tries``, default 5) with the
range beside it: single tries on two cores vary by a factor of two. The bare
page's settle is measured in turn with kidash's pages, try by try, so a drift
in the machine's speed falls on both (``--settle-only`` stops there). The test
driver checks readiness in the page at every animation frame (not with
expect(), whose polling rounds times up by up to half a second). A filter
change is timed twice: as the test driver sees it (from its click call to
the frame where the drawing has changed) and inside the page (from the
pointer press to the moment the drawing is done, read from
``performance.now()``); each try picks a different value, so each is a view
the server has not drawn before.
"""

from __future__ import annotations

import argparse
import contextlib
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import psutil
from playwright.sync_api import expect, sync_playwright

from kidash.data.synthetic import synthetic_tables

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


def spread(values: list[float], unit: str = "s", digits: int = 2) -> str:
    """The median of ``values`` with their range: «0.31 s (0.27–0.36)»."""
    middle = statistics.median(values)
    return f"{middle:.{digits}f} {unit} ({min(values):.{digits}f}–{max(values):.{digits}f})"


# In the page: the time of the next pointer press, and of the moment ``done`` first holds after it.
ARM = """([root, done]) => {
  window.__kdPress = null; window.__kdDone = null;
  document.addEventListener('pointerdown', () => { window.__kdPress = performance.now(); }, {capture: true, once: true});
  const check = new Function('root', 'return (' + done + ')(root);');
  const observer = new MutationObserver(() => {
    if (window.__kdPress !== null && check(root)) { window.__kdDone = performance.now(); observer.disconnect(); }
  });
  observer.observe(root, {attributes: true, childList: true, subtree: true, characterData: true});
}"""
IN_PAGE_MS = "() => window.__kdDone === null || window.__kdPress === null ? null : window.__kdDone - window.__kdPress"


def rss_mb(process: subprocess.Popen) -> float:
    return psutil.Process(process.pid).memory_info().rss / 1e6


def settle(page, url: str, ready) -> float:
    """Seconds from a blank tab to ``url`` ready (the page before is left first, so its unloading
    is counted for no one)."""
    page.goto("about:blank")
    start = time.perf_counter()
    page.goto(url)
    ready(page)
    return time.perf_counter() - start


# Readiness is checked in the page at every animation frame: Playwright's expect() polls at 100,
# 250, 500 and then 1,000 ms, which rounds a time up by as much as half a second.
PAGE_READY = """() => { const h = document.querySelector('h1');
  return Boolean(h && h.offsetParent !== null && !document.querySelector('[data-testid="stStatusWidget"]')); }"""
# The component's host (its shadow root holds the drawing), found by its test id: a scan of every element
# at every frame cost the page itself about 35 ms of its main thread per load (CPU profile), counted as
# the network page's and not the bare page's.
NETWORKS = """() => [...document.querySelectorAll('[data-testid=stBidiComponentIsolated]')]
  .map(e => e.shadowRoot && e.shadowRoot.querySelector('.kd-net')).filter(Boolean)"""


def wait_in_page(page, condition: str, arg=None) -> None:
    page.wait_for_function(condition, arg=arg, polling="raf", timeout=60_000)


def kidash_ready(page) -> None:
    wait_in_page(page, PAGE_READY)


def network_ready(page) -> None:
    wait_in_page(page, f"() => ({PAGE_READY})() && ({NETWORKS})().some(r => r.dataset.ready === 'true')")


def plot_ready(page) -> None:
    wait_in_page(page, "() => document.querySelector('.js-plotly-plot .main-svg') !== null")


class Bytes:
    """Bytes the server sent to one page: HTTP bodies and websocket frames."""

    def __init__(self, page) -> None:
        self.responses: list = []
        self.socket = 0
        page.on("response", lambda response: self.responses.append(response))
        page.on("websocket", lambda ws: ws.on("framereceived", self._frame))

    def _frame(self, payload) -> None:
        self.socket += len(payload)

    def reset(self) -> None:
        self.responses.clear()
        self.socket = 0

    def http(self) -> int:
        """Body bytes that came over the wire (a response from the browser's cache counts 0)."""
        total = 0
        for response in self.responses:
            with contextlib.suppress(Exception):  # redirects and aborted requests have no sizes
                total += max(0, response.request.sizes()["responseBodySize"])
        return total

    def __str__(self) -> str:
        http = self.http()
        return f"{(http + self.socket) / 1000:.1f} kB (http {http / 1000:.1f}, websocket {self.socket / 1000:.1f})"


def filter_to_redraw(page, base: str, which: int | str = 0, counter: Bytes | None = None) -> tuple[float, float]:
    """Choose initiative number ``which`` in the sidebar filter (a name: typed, then chosen; long
    option lists are drawn only in part) on a fresh network page: seconds until the test driver sees the live network drawn anew in place (its
    update counter moves and it is ready), and milliseconds from the press to that, in the page."""
    page.goto(f"{base}/nettverk")
    network_ready(page)
    root = page.locator(".kd-net").first
    before = root.get_attribute("data-updates")
    box = page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").nth(2)
    box.get_by_role("combobox").click()
    if isinstance(which, str):
        box.get_by_role("combobox").fill(which)
    page.wait_for_timeout(300)
    if counter:
        counter.reset()
    handle = root.element_handle()
    page.evaluate(ARM, [handle, f"r => r.dataset.updates !== '{before}' && r.dataset.ready === 'true'"])
    options = page.get_by_role("option").filter(has_not_text=re.compile("^(Velg alle|Select all)$"))
    option = page.get_by_role("option", name=which, exact=True) if isinstance(which, str) else options.nth(which)
    start = time.perf_counter()
    option.click()
    redrawn = f"(before) => ({NETWORKS})().some(r => r.dataset.updates !== before && r.dataset.ready === 'true')"
    wait_in_page(page, redrawn, before)
    seconds = time.perf_counter() - start
    in_page = page.evaluate(IN_PAGE_MS)
    page.keyboard.press("Escape")
    return seconds, in_page


def bare_filter(page, base: str, which: int) -> tuple[float, float]:
    """The same for the bare page: choose its filter's option number ``which``, until its chart
    shows one bar."""
    page.goto(base)
    plot_ready(page)
    box = page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").first
    box.get_by_role("combobox").click()
    page.wait_for_timeout(300)
    chart = page.locator(".js-plotly-plot").first
    page.evaluate(ARM, [page.locator("body").element_handle(),
                        "b => (b.querySelector('.js-plotly-plot') || {}).textContent?.includes('bars=1')"])  # fmt: skip
    start = time.perf_counter()
    page.get_by_role("option", name="abcde"[which], exact=True).click()
    wait_in_page(page, "() => (document.querySelector('.js-plotly-plot') || {}).textContent?.includes('bars=1')")
    seconds = time.perf_counter() - start
    expect(chart).to_contain_text("bars=1")
    in_page = page.evaluate(IN_PAGE_MS)
    page.keyboard.press("Escape")
    return seconds, in_page


def click_to_card(page, base: str, node: str) -> float:
    page.goto(f"{base}/nettverk")
    network_ready(page)
    canvas = page.locator(".kd-canvas").first
    canvas.scroll_into_view_if_needed()
    canvas.evaluate("(el, id) => el.kidashNetwork.focus(id, {animation: false})", node)
    point = canvas.evaluate(
        "(el, id) => { const n = el.kidashNetwork; return n.canvasToDOM(n.getPositions([id])[id]); }", node
    )
    box = canvas.bounding_box()
    start = time.perf_counter()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    wait_in_page(page, f"() => ({NETWORKS})().some(r => r.querySelector('.kd-card').hidden === false)")
    seconds = time.perf_counter() - start
    expect(page.locator(".kd-card").first).to_be_visible()
    return seconds


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


def main(tries: int = 5, settle_only: bool = False) -> None:
    rows: dict[str, tuple[str, str]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1500, "height": 1000})

        bare, started = start(ROOT / "bench" / "bare_app.py", bare_port := free_port())
        base = f"http://127.0.0.1:{bare_port}"
        page.goto(base)
        plot_ready(page)
        bare_first = time.perf_counter() - started
        bare_base = base
        bare_filters = [bare_filter(page, base, i % 5) for i in range(tries)]
        bare_memory = sessions_memory(browser, bare, base, plot_ready)

        app, started = start(ROOT / "serve.py", app_port := free_port())
        base = f"http://127.0.0.1:{app_port}"
        page.goto(base)
        kidash_ready(page)
        rows["server start to first full render (home)"] = (
            f"{time.perf_counter() - started:.2f} s",
            f"{bare_first:.2f} s",
        )
        first = settle(page, f"{base}/nettverk", network_ready)
        pages = (
            ("home", "", kidash_ready),
            ("nettverk", "nettverk", network_ready),
            ("initiativer", "initiativer", kidash_ready),
            ("aktor", "aktor?actor=helsedirektoratet", network_ready),
            ("tidslinje", "tidslinje", kidash_ready),
            ("analyse", "analyse", kidash_ready),
        )
        # The bare page in turn with kidash's pages, try by try: the machine's speed drifts over minutes.
        bare_settles, seconds = [], {name: [] for name, _, _ in pages}
        for _ in range(tries):
            bare_settles.append(settle(page, bare_base, plot_ready))
            for name, path, ready in pages:
                seconds[name].append(settle(page, f"{base}/{path}", ready))
        bare.terminate()
        bare_settle = statistics.median(bare_settles)
        rows["settle, bare page"] = ("", spread(bare_settles))
        rows["settle nettverk, first visit since the server started"] = (
            f"{first:.2f} s",
            f"{bare_settle:.2f} s ({first / bare_settle:.1f}x)",
        )
        for name, _, _ in pages:
            middle = statistics.median(seconds[name])
            rows[f"settle {name}"] = (spread(seconds[name]), f"{bare_settle:.2f} s ({middle / bare_settle:.2f}x)")
        if settle_only:
            app.terminate()
            browser.close()
            show(rows)
            return
        counter = Bytes(page)
        changes = [filter_to_redraw(page, base, i, counter) for i in range(tries)]
        rows["filter change to redrawn network (shipped), test driver"] = (
            spread([c[0] for c in changes]),
            f"{spread([c[0] for c in bare_filters])} (a filter change to the redrawn chart)",
        )
        rows["filter change to redrawn network (shipped), in the page"] = (
            spread([c[1] for c in changes], "ms", 0),
            spread([c[1] for c in bare_filters], "ms", 0),
        )
        rows["bytes per filter change (shipped, the last)"] = (str(counter), "")
        cards = [click_to_card(page, base, "helsedirektoratet") for _ in range(tries)]
        rows["click to card shown (shipped)"] = (spread(cards, digits=3), "")
        page.goto(f"{base}/nettverk")
        network_ready(page)
        page.get_by_test_id("stSidebarNav").get_by_role("link").first.click()
        kidash_ready(page)
        counter.reset()
        page.get_by_test_id("stSidebarNav").get_by_role("link").nth(1).click()
        network_ready(page)
        page.wait_for_timeout(500)
        rows["bytes, network page view after the first (in app)"] = (str(counter), "")
        counter.reset()
        page.reload()
        network_ready(page)
        page.wait_for_timeout(500)
        rows["bytes, network page reloaded (new tab)"] = (str(counter), "")
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
            big, _ = start(ROOT / "serve.py", big_port := free_port(), {"KIDASH_DATA_DIR": folder})
            base = f"http://127.0.0.1:{big_port}"
            rows["settle nettverk (5,000 actors, groups), first visit"] = (
                f"{settle(page, f'{base}/nettverk', network_ready):.2f} s",
                "",
            )
            counter = Bytes(page)
            # the last initiatives are subprojects: drawn node by node
            changes = [filter_to_redraw(page, base, f"Initiativ {499 - i}", counter) for i in range(tries)]
            rows["filter change to redrawn network (5,000), test driver"] = (spread([c[0] for c in changes]), "")
            rows["filter change to redrawn network (5,000), in the page"] = (
                spread([c[1] for c in changes], "ms", 0),
                "",
            )
            rows["bytes per filter change (5,000, the last)"] = (str(counter), "")
            big.terminate()
        with tempfile.TemporaryDirectory() as folder:
            for name, frame in synthetic_tables(20_000).items():
                frame.to_csv(Path(folder) / f"{name}.csv", index=False)
            huge, _ = start(ROOT / "serve.py", huge_port := free_port(), {"KIDASH_DATA_DIR": folder})
            base = f"http://127.0.0.1:{huge_port}"
            page.goto(base)
            kidash_ready(page)  # the first load reads and checks 20,000 actors
            rows["20,000 actors: network page, first picture (groups), first visit"] = (
                f"{settle(page, f'{base}/nettverk', network_ready):.2f} s",
                "",
            )
            later = [settle(page, f"{base}/nettverk", network_ready) for _ in range(tries)]
            rows["20,000 actors: network page, first picture (groups), new tabs"] = (spread(later), "")
            nodes = page.locator(".kd-net").first.get_attribute("data-nodes")
            rows["20,000 actors: nodes drawn at first"] = (nodes, "")
            start_open = time.perf_counter()
            page.goto(f"{base}/nettverk?group=health_trust%7CHelse+Vest")
            network_ready(page)
            rows["20,000 actors: a group opened (new link)"] = (f"{time.perf_counter() - start_open:.2f} s", "")
            rows["20,000 actors: nodes drawn, group open"] = (
                page.locator(".kd-net").first.get_attribute("data-nodes"),
                "",
            )
            huge.terminate()
        browser.close()
    show(rows)


def show(rows: dict[str, tuple[str, str]]) -> None:
    width = max(len(k) for k in rows)
    print(f"{'measure':<{width}} | {'kidash':>24} | bare one-chart page")
    for key, (ours, bare_value) in rows.items():
        print(f"{key:<{width}} | {ours:>24} | {bare_value}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tries", type=int, default=5, help="tries per measure (the median is printed)")
    parser.add_argument(
        "--settle-only", action="store_true", help="only the pages' settle times, next to the bare page's"
    )
    try:
        arguments = parser.parse_args()
        main(arguments.tries, arguments.settle_only)
    finally:
        for server in SERVERS:
            server.terminate()
