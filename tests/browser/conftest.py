"""Real Chromium against `streamlit run`: one server per session, one browser."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.components import need

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("KIDASH_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """Debian's Chromium; skip where it is missing, but fail in CI."""
    need(
        bool(Path(CHROMIUM).exists() or shutil.which(CHROMIUM)),
        f"no Chromium at {CHROMIUM} (apt-get install chromium, or set KIDASH_CHROMIUM)",
    )
    return CHROMIUM


def start_server(env_extra: dict[str, str] | None = None, args: tuple[str, ...] = (), port: int | None = None):
    port = port or _free_port()
    env = {**os.environ, **(env_extra or {})}
    # The server's output goes to a file, not a pipe nobody reads (a full pipe stops the server).
    log = tempfile.TemporaryFile()  # noqa: SIM115 (kept open for the life of the server, read on failure)
    process = subprocess.Popen(
        [
            sys.executable, "-m", "streamlit", "run", str(ROOT / "serve.py"),
            "--server.headless", "true", "--server.address", "127.0.0.1", "--server.port", str(port),
            "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none", *args,
        ],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    process.log = log
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return process, url
        except OSError:
            time.sleep(0.2)
        if process.poll() is not None:
            break
    process.kill()
    process.wait(timeout=10)
    log.seek(0)
    raise RuntimeError(f"streamlit did not start:\n{log.read().decode(errors='replace')}")


@pytest.fixture(scope="session")
def server(chromium_path):
    """The dashboard on the shipped data, on a free local port."""
    process, url = start_server()
    yield url
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture
def living(tmp_path, chromium_path):
    """A server on a store of this test's own (editing on: it answers on 127.0.0.1 only)."""
    env = {"KIDASH_HOME": str(tmp_path), "KIDASH_DATABASE_URL": ""}
    process, url = start_server(env)
    yield url, env, tmp_path, process
    if process.poll() is None:
        process.terminate()
        process.wait(timeout=10)


def store_of(tmp_path):
    """The store a :func:`living` server keeps its maps in."""
    from kidash.store.opening import open_store

    return open_store(f"sqlite:///{tmp_path / 'kidash.sqlite3'}")


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


class RequestLog:
    """Every URL a page asked for, to prove nothing leaves the machine."""

    def __init__(self, page):
        self.urls: list[str] = []
        page.on("request", lambda request: self.urls.append(request.url))

    def outside_hosts(self) -> list[str]:
        hosts = {urlparse(u).hostname for u in self.urls if urlparse(u).scheme in ("http", "https", "ws", "wss")}
        return sorted(h for h in hosts if h not in ("127.0.0.1", "localhost"))


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1600, "height": 1000}, locale="nb-NO")
    page = context.new_page()
    page.request_log = RequestLog(page)
    yield page
    context.close()


def screenshot(page, name: str) -> None:
    """Save a screenshot when KIDASH_SCREENSHOTS names a folder (for looking, not asserting)."""
    folder = os.environ.get("KIDASH_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


def watch_dialogs(page) -> list[str]:
    """Collect (and dismiss) every alert/confirm a page opens: a hostile name that ran would show up here."""
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    return dialogs
