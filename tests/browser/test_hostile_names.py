"""Names with HTML, Markdown or script in them show as text and never run."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import start_server, watch_dialogs
from tests.browser.helpers import click_node, live_network, node_point
from tests.fixtures import TINY, write_tables

pytestmark = pytest.mark.browser

HOSTILE = "<img src=x onerror=alert(1)>"
LINK = "[klikk her](http://example.invalid)"
LIST = "10. Bruk av $x$"
HREF = '<a href="javascript:window.__kidashPwned=1">href</a>'
SVG = "<svg onload=window.__kidashPwned=1>"
JAVASCRIPT = "javascript:window.__kidashPwned=1"


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory, chromium_path):
    rows = {name: [list(r) for r in body] for name, body in TINY.items()}
    rows["actors"][4][1] = rows["actors"][4][2] = HOSTILE  # main initiative «ini», name and short name
    rows["actors"][6][1] = LINK  # main initiative «oth»
    rows["documents"][1][1] = LIST
    rows["actors"][2][1] = HREF  # the health trust «tru»
    rows["actors"][3][1] = SVG  # the person «per»
    rows["actors"][7][1] = rows["actors"][7][3] = JAVASCRIPT  # the report «rep», name and alias
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


def test_hostile_names_in_the_live_network_are_text_when_hovered_clicked_and_searched(page, hostile_server):
    """The live network runs in the app's own page: a name that reached innerHTML would be script
    in every session. Hover, click and search the hostile names; nothing runs, no element is made."""
    dialogs = watch_dialogs(page)
    page.goto(f"{hostile_server}/nettverk")
    root = live_network(page)
    page.mouse.move(*node_point(page, "ini"))
    tooltip = page.locator("div.vis-tooltip")
    expect(tooltip).to_be_visible(timeout=10_000)
    expect(tooltip).to_contain_text(HOSTILE)
    click_node(page, "ini")
    expect(root).to_have_attribute("data-card", "ini")
    expect(page.locator(".kd-card")).to_contain_text(HOSTILE)
    for node, text in (("tru", HREF), ("per", SVG), ("rep", JAVASCRIPT)):
        click_node(page, node)
        expect(root).to_have_attribute("data-card", node)
        expect(page.locator(".kd-card")).to_contain_text(text)
    search = page.get_by_role("searchbox")
    for text in ("<img", "onload", "javascript:", "href"):
        search.fill(text)
        expect(page.locator(".kd-suggestion").first).to_be_visible()
        search.press("Enter")
    expect(page.locator(".kd-legend")).to_be_visible()
    made = page.locator(".kd-net").evaluate(
        "el => [...el.querySelectorAll('img, svg[onload], [onerror], [onload], a')]"
        ".map(e => e.tagName + ' ' + (e.getAttribute('href') || '')).filter(t => !t.startsWith('A /'))"
    )
    assert made == []
    hrefs = page.locator(".kd-card a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert all(h.startswith("/aktor?") for h in hrefs)
    assert page.locator("img[src='x']").count() == 0
    assert page.evaluate("() => window.__kidashPwned === undefined")
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
