"""What a person does in the browser, as small named helpers the browser tests share."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

from playwright.sync_api import expect
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

_FRAGMENT_RUN = ForwardMsg.ScriptFinishedStatus.FINISHED_FRAGMENT_RUN_SUCCESSFULLY


class Runs:
    """Counts finished script runs on the app's websocket: proof that a rerun happened."""

    def __init__(self, page):
        self.page = page
        self.finished = 0
        page.on("websocket", self._attach)

    def _attach(self, socket):
        if "_stcore/stream" in socket.url:
            socket.on("framereceived", self._frame)

    def _frame(self, payload):
        if isinstance(payload, str):
            return
        message = ForwardMsg()
        message.ParseFromString(payload)
        # a whole run, not the map watcher's fragment run every few seconds
        if message.WhichOneof("type") == "script_finished" and message.script_finished != _FRAGMENT_RUN:
            self.finished += 1

    def after(self, action, timeout_ms: int = 30_000) -> None:
        """Do ``action`` and wait until a run it started has finished."""
        before = self.finished
        action()
        waited = 0
        while self.finished <= before and waited < timeout_ms:
            self.page.wait_for_timeout(50)
            waited += 50
        assert self.finished > before, "no script run finished"
        self.page.wait_for_timeout(150)  # let the frontend apply the run's last messages


def download(page, label, tmp_path):
    """Click a download button and return (file name, bytes)."""
    with page.expect_download(timeout=60_000) as info:
        page.get_by_test_id("stDownloadButton").filter(has_text=label).get_by_role("button").click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    return info.value.suggested_filename, path.read_bytes()


def open_data_page(page, server):
    """The Data page with its first run over: a file given to the uploader while that run still
    draws it is lost with the widget it replaces (seen once under full load)."""
    open_page(page, f"{server}/data")
    expect(page.get_by_test_id("stFileUploader")).to_be_visible(timeout=30_000)


def send(page, files):
    page.get_by_test_id("stFileUploader").locator("input[type=file]").set_input_files(
        [{"name": name, "mimeType": "application/octet-stream", "buffer": raw} for name, raw in files]
    )


def go(page, path: str) -> None:
    """Follow the sidebar link to a page (same session; page.goto would reload and start a new one)."""
    page.get_by_test_id("stSidebarNav").locator(f"a[href$='/{path}']").first.click()


def banner(page):
    return page.locator(".st-key-kd_banner")


NAV_TITLES = {
    "nettverk": "Nettverk",
    "initiativer": "Initiativer",
    "aktor": "Aktørprofil",
    "tidslinje": "Tidslinje",
    "analyse": "Analyse",
    "data": "Data",
    "home": "Oversikt",
    "rediger": "Rediger",
    "historikk": "Historikk",
    "kart": "Kart",
    "dokument": "Legg til dokument",
}


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def open_page(page, url: str) -> Runs:
    runs = Runs(page)
    page.goto(url)
    expect(page.get_by_role("heading", level=1)).to_be_visible(timeout=30_000)
    waited = 0
    while runs.finished == 0 and waited < 30_000:
        page.wait_for_timeout(50)
        waited += 50
    page.wait_for_timeout(200)
    return runs


def selectbox(page, label: str):
    return page.get_by_test_id("stSelectbox").filter(has=page.get_by_text(label, exact=True)).first


def choose(page, runs: Runs, label: str, option: str) -> None:
    box = selectbox(page, label)

    def pick():
        box.get_by_role("combobox").click()
        box.get_by_role("combobox").fill(option)
        page.get_by_role("option", name=option, exact=True).click()

    runs.after(pick)


def sidebar_multiselect(page, label: str):
    return page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").filter(has=page.get_by_text(label)).first


def popover(page, label: str):
    """The open popover whose button's label begins with ``label`` (opened if it is closed: the
    browser draws nothing of a closed one); its body, where its controls are."""
    button = page.get_by_test_id("stPopoverButton").filter(has_text=re.compile(re.escape(label))).first
    if button.get_attribute("aria-expanded") != "true":
        button.click()
    expect(button).to_have_attribute("aria-expanded", "true")
    return page.get_by_test_id("stPopoverBody").first


def time_controls(page):
    """The sidebar's «Kartet …» popover, open: the date, steps, play, what a date means."""
    return popover(page, "Kartet")


def add_to(page, runs: Runs, label: str, option: str) -> None:
    box = sidebar_multiselect(page, label)

    def pick():
        box.get_by_role("combobox").click()
        page.get_by_role("option", name=option, exact=True).click()
        page.keyboard.press("Escape")

    runs.after(pick)


def navigate(page, runs: Runs, name: str) -> None:
    link = page.get_by_test_id("stSidebarNav").get_by_role("link", name=NAV_TITLES[name], exact=True)
    runs.after(link.click)
    expect(page).to_have_url(re.compile(rf"/{'' if name == 'home' else name}(\?|$)"))


# --- the live network ----------------------------------------------------------


def live_network(page, index: int = 0):
    """The live network's root once vis-network has drawn (its data-* attributes tell the state)."""
    root = page.locator(".kd-net").nth(index)
    expect(root).to_have_attribute("data-ready", "true", timeout=30_000)
    return root


def node_point(page, node: str, index: int = 0) -> tuple[float, float]:
    """Where ``node`` is drawn on the screen (scrolled into view first)."""
    canvas = page.locator(".kd-canvas").nth(index)
    canvas.scroll_into_view_if_needed()
    canvas.evaluate("(el, id) => el.kidashNetwork.focus(id, {animation: false})", node)
    point = canvas.evaluate(
        "(el, id) => { const n = el.kidashNetwork; return n.canvasToDOM(n.getPositions([id])[id]); }", node
    )
    box = canvas.bounding_box()
    return box["x"] + point["x"], box["y"] + point["y"]


def click_node(page, node: str, index: int = 0) -> None:
    """Click ``node`` as a person does, one pick at a time.

    node_point centres each node it finds, so two nodes picked in a row sit on the same pixel, and
    vis-network (Hammer.js) counts two taps within 300 ms and 10 px as a double-click: a focus, not
    a second pick. A person's clicks on two nodes are never that close; wait out the window."""
    page.mouse.click(*node_point(page, node, index))
    page.wait_for_timeout(350)


def positions(page, index: int = 0) -> dict[str, tuple[float, float]]:
    """Every drawn node's place in the drawing's own coordinates."""
    found = page.locator(".kd-canvas").nth(index).evaluate("el => el.kidashNetwork.getPositions()")
    return {node: (p["x"], p["y"]) for node, p in found.items()}


def screen_positions(page, index: int = 0) -> dict[str, tuple[float, float]]:
    """Every drawn node's place on the screen (pixels in the canvas)."""
    found = (
        page.locator(".kd-canvas")
        .nth(index)
        .evaluate(
            """el => { const n = el.kidashNetwork; const out = {};
        for (const [id, p] of Object.entries(n.getPositions())) out[id] = n.canvasToDOM(p); return out; }"""
        )
    )
    return {node: (p["x"], p["y"]) for node, p in found.items()}
