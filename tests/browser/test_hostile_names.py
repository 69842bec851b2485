"""Names with HTML, Markdown or script in them show as text and never run."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import start_server, watch_dialogs
from tests.fixtures import TINY, write_tables

pytestmark = pytest.mark.browser

HOSTILE = "<img src=x onerror=alert(1)>"
LINK = "[klikk her](http://example.invalid)"
LIST = "10. Bruk av $x$"


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory, chromium_path):
    rows = {name: [list(r) for r in body] for name, body in TINY.items()}
    rows["actors"][4][1] = rows["actors"][4][2] = HOSTILE  # main initiative «ini», name and short name
    rows["actors"][6][1] = LINK  # main initiative «oth»
    rows["documents"][1][1] = LIST
    directory = write_tables(tmp_path_factory.mktemp("hostile"), rows)
    process, url = start_server({"KIDASH_DATA_DIR": str(directory)})
    yield url
    process.terminate()
    process.wait(timeout=10)


def test_hostile_names_render_as_text(page, hostile_server):
    dialogs = watch_dialogs(page)
    page.goto(hostile_server)
    tables = page.get_by_test_id("stHtml").filter(has=page.locator("table"))
    table = tables.first
    expect(table).to_contain_text(HOSTILE, timeout=30_000)
    expect(table).to_contain_text(LINK)
    expect(tables.nth(1)).to_contain_text(LIST)
    assert page.locator("img[src='x']").count() == 0
    assert page.locator("a[href='http://example.invalid']").count() == 0
    assert dialogs == []
    assert page.request_log.outside_hosts() == []


def test_hostile_name_in_the_network_tooltip_is_text(page, hostile_server):
    dialogs = watch_dialogs(page)
    page.goto(f"{hostile_server}/nettverk")
    frame = page.frame_locator("iframe").first
    expect(frame.locator("body")).to_have_attribute("data-ready", "true", timeout=30_000)
    # Hover the node «ini» (the hostile name) where vis-network drew it.
    point = frame.locator("body").evaluate(
        "() => { const n = window.kidashNetwork; const p = n.getPositions(['ini']).ini; return n.canvasToDOM(p); }"
    )
    box = frame.locator("#kd-network").bounding_box()
    iframe_box = page.locator("iframe").first.bounding_box()
    page.mouse.move(
        iframe_box["x"] + box["x"] - iframe_box["x"] + point["x"],
        iframe_box["y"] + box["y"] - iframe_box["y"] + point["y"],
    )
    tooltip = frame.locator("div.vis-tooltip")
    expect(tooltip).to_be_visible(timeout=10_000)
    expect(tooltip).to_contain_text(HOSTILE)
    assert frame.locator("img").count() == 0
    expect(frame.locator(".kd-side")).to_be_visible()
    assert dialogs == []
    assert page.request_log.outside_hosts() == []


def test_hostile_names_in_charts_are_text(page, hostile_server):
    """Plotly would render <b> or <a href> in a tick label; the escaped name shows its characters."""
    dialogs = watch_dialogs(page)
    page.goto(f"{hostile_server}/initiativer")
    matrix = page.locator(".js-plotly-plot").first
    # The axis wraps long labels into lines (one <tspan> each), so look for the two halves.
    expect(matrix).to_contain_text("<img src=x", timeout=30_000)
    expect(matrix).to_contain_text("onerror=alert(1)>")
    assert matrix.locator("a").count() == 0 and page.locator("img[src='x']").count() == 0
    assert dialogs == []
