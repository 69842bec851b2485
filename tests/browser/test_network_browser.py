"""The live network page in real Chromium: drawn once and changed in place, click, search,
the selection in the URL, downloads and offline use."""

import re
import struct

import pytest
from playwright.sync_api import expect

from kidash.network.component import module_version
from tests.browser.conftest import screenshot
from tests.browser.helpers import (
    add_to,
    click_node,
    live_network,
    navigate,
    node_point,
    open_page,
    positions,
    query,
    screen_positions,
    selectbox,
)

pytestmark = pytest.mark.browser


def drawn_nodes(root) -> int:
    return int(root.get_attribute("data-nodes"))


def test_canvas_draws_the_whole_map(page, server, shipped):
    page.goto(f"{server}/nettverk")
    root = live_network(page)
    assert drawn_nodes(root) == len(shipped.actors)
    box = page.locator(".kd-canvas canvas").first.bounding_box()
    assert box["width"] > 600 and box["height"] > 500
    expect(page.locator(".kd-legend")).to_contain_text("Tegnforklaring")
    expect(page.get_by_test_id("stException")).to_have_count(0)
    assert page.locator("iframe").count() == 0
    screenshot(page, "network-nb")
    assert page.request_log.outside_hosts() == []


def test_a_filter_changes_the_drawing_in_place_and_nodes_stay_put(page, server):
    """No new document or frame: the same vis Network gets fewer nodes, and every node that
    stays is where it was, in the drawing and on the screen."""
    page.goto(f"{server}/nettverk")
    root = live_network(page)
    before = drawn_nodes(root)
    page.locator(".kd-canvas").first.evaluate("el => { el.kidashNetwork.__kidashMark = 'first'; }")
    places, on_screen = positions(page), screen_positions(page)
    region = page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").first
    region.get_by_role("combobox").click()
    page.get_by_role("option", name="Helse Vest").click()
    page.keyboard.press("Escape")
    expect(root).not_to_have_attribute("data-nodes", str(before), timeout=30_000)
    root = live_network(page)
    assert 0 < drawn_nodes(root) < before
    assert page.locator(".kd-canvas").first.evaluate("el => el.kidashNetwork.__kidashMark") == "first"
    assert page.locator("iframe").count() == 0
    after, after_screen = positions(page), screen_positions(page)
    for node, (x, y) in after.items():
        assert abs(x - places[node][0]) < 0.5 and abs(y - places[node][1]) < 0.5
        assert abs(after_screen[node][0] - on_screen[node][0]) < 3
        assert abs(after_screen[node][1] - on_screen[node][1]) < 3
    expect(page).to_have_url(re.compile(r"region=Helse\+Vest|region=Helse%20Vest"))


def test_the_tables_open_on_demand_and_follow_the_filters_while_open(page, server, shipped):
    """Closed, the page has no data grid; opened, it shows the actors in view, and a filter
    changes them in place with the drawing."""
    page.goto(f"{server}/nettverk")
    root = live_network(page)
    assert page.get_by_test_id("stDataFrame").count() == 0
    tables = page.get_by_test_id("stExpander").filter(has_text="Det som vises, som tabeller")
    tables.locator("summary").click()
    grids = page.get_by_test_id("stDataFrame")
    expect(grids).to_have_count(2, timeout=30_000)
    actors = grids.first.locator("table[role=grid]")  # the grid's accessible table: rows + a header row
    expect(actors).to_have_attribute("aria-rowcount", str(len(shipped.actors) + 1))
    before = drawn_nodes(root)
    region = page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").first
    region.get_by_role("combobox").click()
    page.get_by_role("option", name="Helse Vest").click()
    page.keyboard.press("Escape")
    expect(root).not_to_have_attribute("data-nodes", str(before), timeout=30_000)
    after = drawn_nodes(live_network(page))
    assert 0 < after < before
    expect(grids).to_have_count(2)
    expect(actors).to_have_attribute("aria-rowcount", str(after + 1))


def test_a_link_with_filters_opens_that_view(page, server):
    page.goto(f"{server}/nettverk?region=Helse+Vest&people=0&colour=initiative")
    root = live_network(page)
    assert drawn_nodes(root) == 12
    expect(page.locator(".kd-legend")).to_contain_text("Farge: initiativ")
    screenshot(page, "network-helse-vest")


def test_clicking_a_node_shows_its_card_with_roles_and_sources_and_the_url_keeps_it(page, server, browser):
    page.goto(f"{server}/nettverk")
    root = live_network(page)
    click_node(page, "helsedirektoratet")
    expect(root).to_have_attribute("data-card", "helsedirektoratet", timeout=5_000)
    card = page.locator(".kd-card")
    expect(card.get_by_role("heading", level=2)).to_have_text("Helsedirektoratet")
    expect(card).to_contain_text("leder – Bedre bruk av kunstig intelligens")
    expect(card).to_contain_text("Bidra inn i det nasjonale koordineringsprosjektet (16. mars 2022)")
    expect(card).to_contain_text("Roller andre har her")
    # Neighbours stay bright, the rest is dimmed.
    dimmed = page.locator(".kd-canvas").first.evaluate(
        "el => el.kidashNetwork.body.data.nodes.get().filter(n => n.opacity < 1).length"
    )
    assert dimmed > 0
    expect(page).to_have_url(re.compile(r"selected=helsedirektoratet"), timeout=10_000)
    expect(page.get_by_text("Valgt i kartet: Helsedirektoratet")).to_be_visible()
    # A copied link reopens the selection in a new window.
    other = browser.new_context(viewport={"width": 1600, "height": 1000}).new_page()
    other.goto(page.url)
    expect(live_network(other)).to_have_attribute("data-card", "helsedirektoratet", timeout=10_000)
    other.context.close()
    # Escape clears it, and the URL with it.
    page.locator(".kd-canvas").first.focus()
    page.keyboard.press("Escape")
    expect(root).to_have_attribute("data-card", "")
    expect(page).not_to_have_url(re.compile(r"selected="), timeout=10_000)


def test_the_cards_profile_link_opens_the_profile_in_the_app(page, server):
    page.goto(f"{server}/nettverk?selected=ks")
    root = live_network(page)
    expect(root).to_have_attribute("data-card", "ks")
    page.locator(".kd-card").get_by_role("link", name="Åpne profilen").click()
    expect(page).to_have_url(re.compile(r"/aktor\?.*actor=ks"), timeout=15_000)
    expect(page.get_by_test_id("stMain").get_by_role("heading", level=2).first).to_contain_text("KS", timeout=15_000)


def test_double_click_focuses_on_the_actor(page, server):
    page.goto(f"{server}/nettverk")
    root = live_network(page)
    page.mouse.dblclick(*node_point(page, "kin"))
    expect(page).to_have_url(re.compile(r"focus=kin"), timeout=15_000)
    expect(root).to_have_attribute("data-nodes", "12", timeout=15_000)


def test_search_finds_helsedirektoratet_from_helsedir(page, server):
    page.goto(f"{server}/nettverk")
    root = live_network(page)
    search = page.get_by_role("searchbox", name="Finn aktør")
    search.fill("HELSEDIR")
    expect(page.locator(".kd-suggestion").first).to_have_text("Helsedirektoratet")
    search.press("Enter")
    expect(root).to_have_attribute("data-card", "helsedirektoratet")
    search.fill("sør-øst")  # æøå, by alias and name
    expect(page.locator(".kd-suggestion").first).to_contain_text("Sør-Øst")
    search.fill("zzzz")
    expect(page.locator(".kd-search-status")).to_have_text("Ingen treff")


def test_keyboard_reaches_search_buttons_and_the_card_link(page, server):
    page.goto(f"{server}/nettverk?selected=ks")
    root = live_network(page)
    expect(root).to_have_attribute("data-card", "ks")
    # a person tabs through the page once it is there: the downloads below the drawing are drawn last
    expect(page.get_by_test_id("stDownloadButton").first).to_be_visible()
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0)
    search = page.get_by_role("searchbox", name="Finn aktør")
    search.focus()
    reached = []
    for _ in range(14):
        page.keyboard.press("Tab")
        reached.append(
            page.evaluate(
                "() => { let a = document.activeElement; while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement; return a ? (a.textContent || a.getAttribute('aria-label') || a.className) : ''; }"
            )
        )
    text = " | ".join(reached)
    assert "Vis alt" in text and "Last ned PNG" in text and "Åpne profilen" in text


def test_downloaded_html_draws_offline(page, server, browser, tmp_path):
    page.goto(f"{server}/nettverk?focus=kin")
    live_network(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Last ned nettverket").click()
    assert download.value.suggested_filename.startswith("kidash-nettverk-")
    path = tmp_path / "network.html"
    download.value.save_as(path)
    context = browser.new_context()
    requests = []
    context.route(
        "**/*",
        lambda route: (
            requests.append(route.request.url),
            route.abort() if not route.request.url.startswith("file:") else route.continue_(),
        ),
    )
    offline = context.new_page()
    offline.goto(path.as_uri())
    root = live_network(offline)
    assert root.get_attribute("data-nodes") == "12"
    offline.get_by_role("searchbox").fill("kin")
    offline.get_by_role("searchbox").press("Enter")
    expect(root).to_have_attribute("data-card", "kin")
    assert [u for u in requests if not u.startswith("file:")] == []
    context.close()


def test_png_button_saves_a_slide_sized_picture(page, server, tmp_path):
    page.goto(f"{server}/nettverk?focus=kin")
    live_network(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Last ned PNG").click()
    assert download.value.suggested_filename.startswith("kidash-nettverk")
    path = tmp_path / "network.png"
    download.value.save_as(path)
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", header[16:24])
    assert (width, height) == (1920, 1080)


def test_a_person_picks_one_actor_after_another_filters_changes_page_and_shares_the_link(page, server, browser):
    """KS, then DNV, then Hemit (by search); a region; another page and back; the link in a new
    window. Every pick replaces the one before, and the last one survives everything after it."""
    runs = open_page(page, f"{server}/nettverk")
    root = live_network(page)
    for actor, heading in (("ks", "Kommunesektorens organisasjon (KS)"), ("dnv", "DNV")):
        click_node(page, actor)
        expect(root).to_have_attribute("data-card", actor)
        expect(page.locator(".kd-card").get_by_role("heading", level=2)).to_contain_text(heading)
        expect(page).to_have_url(re.compile(rf"selected={actor}(&|$)"), timeout=10_000)
    search = page.get_by_role("searchbox", name="Finn aktør")
    search.fill("hemit")
    search.press("Enter")
    expect(root).to_have_attribute("data-card", "hemit")
    expect(page).to_have_url(re.compile(r"selected=hemit(&|$)"), timeout=10_000)
    assert query(page)["selected"] == ["hemit"]
    add_to(page, runs, "Region", "Helse Midt-Norge")
    root = live_network(page)
    expect(root).to_have_attribute("data-card", "hemit")
    assert query(page)["region"] == ["Helse Midt-Norge"] and query(page)["selected"] == ["hemit"]
    navigate(page, runs, "initiativer")
    navigate(page, runs, "nettverk")
    root = live_network(page)
    expect(root).to_have_attribute("data-card", "hemit")
    expect(page.get_by_text("Valgt i kartet: Hemit HF")).to_be_visible()
    assert query(page)["region"] == ["Helse Midt-Norge"] and query(page)["selected"] == ["hemit"]
    other = browser.new_context(viewport={"width": 1600, "height": 1000}).new_page()
    other.goto(page.url)
    copied = live_network(other)
    expect(copied).to_have_attribute("data-card", "hemit", timeout=10_000)
    assert copied.get_attribute("data-nodes") == root.get_attribute("data-nodes")
    other.context.close()


def test_vis_network_is_fetched_once_and_kept(page, server):
    """The library comes from this server only, under a versioned name a browser may keep."""
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(f"{server}/nettverk")
    live_network(page)
    library = [r for r in responses if r.url.endswith("/vis-network-9.1.2.min.js")]
    assert len(library) == 1 and library[0].url.startswith(server)
    assert "max-age=31536000" in library[0].headers["cache-control"]
    # our own module changes with a release: asked for by a URL that carries its content's hash
    module = next(r for r in responses if "/kidash-network.js?v=" in r.url)
    assert module.url.endswith(f"?v={module_version()}") and "max-age=31536000" in module.headers["cache-control"]
    assert not [r for r in responses if r.url.endswith(".css") and "bidi-components" in r.url]  # the style is inline


DRAWN_LABELS = """el => {
  const net = el.kidashNetwork, scale = net.getScale(), boxes = [];
  for (const id of net.body.nodeIndices) {
    const label = net.body.nodes[id].labelModule;
    if (!label || !label.elementOptions.label || label.kdHidden) continue;
    if (label.fontOptions.size * scale < label.elementOptions.scaling.label.drawThreshold - 1) continue;
    const s = label.size, dy = label.kdShift || 0;  // a name moved over its marker where under it had no room
    if (s && s.width) boxes.push([id, label.elementOptions.label, s.left, s.top + dy, s.left + s.width, s.top + s.height + dy]);
  }
  return {scale, boxes};
}"""


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_no_two_drawn_names_overlap_at_any_zoom_and_zooming_in_names_more(page, server, lang):
    """At the whole-map zoom the larger nodes are named and a name that would sit on another is left
    out; zooming in gives room and names more; none drawn ever overlaps another (vis-network's own
    label boxes, in map units). The selected node is always named."""
    page.goto(f"{server}/nettverk?lang={lang}")
    root = live_network(page)
    canvas = page.locator(".kd-canvas").first
    expect(root).to_have_attribute("data-labels-shown", re.compile(r"\d+"), timeout=10_000)
    counts = []
    for step in range(3):
        page.wait_for_timeout(400)  # the declutter pass after the zoom
        found = canvas.evaluate(DRAWN_LABELS)
        boxes = found["boxes"]
        for i, (_, text_a, *box_a) in enumerate(boxes):
            for _, text_b, *box_b in boxes[i + 1 :]:
                apart = box_a[2] <= box_b[0] or box_b[2] <= box_a[0] or box_a[3] <= box_b[1] or box_b[3] <= box_a[1]
                assert apart, f"«{text_a}» over «{text_b}» at zoom {found['scale']:.2f}"
        counts.append(len(boxes))
        if step == 0:
            assert int(root.get_attribute("data-labels-hidden")) > 0, "the whole map has names to leave out"
        canvas.evaluate("el => el.kidashNetwork.moveTo({scale: el.kidashNetwork.getScale() * 1.8})")
    assert counts[0] >= 8 and counts[-1] > counts[0], counts
    click_node(page, "dp-informasjonsside")
    page.wait_for_timeout(400)
    named = {box[0] for box in canvas.evaluate(DRAWN_LABELS)["boxes"]}
    assert "dp-informasjonsside" in named


MARKERS = """el => {
  const net = el.kidashNetwork, boxes = [];
  for (const id of net.body.nodeIndices) {
    const n = net.body.nodes[id];
    const r = (n.shape && (n.shape.radius || n.shape.width / 2)) || n.options.size || 10;
    boxes.push([id, n.x - r, n.y - r, n.x + r, n.y + r]);
  }
  return boxes;
}"""


def test_after_a_search_no_name_is_written_across_another_node(page, server):
    """Close in after finding Legemiddelverket, whose name once lay over Helsedirektoratet's marker."""
    page.goto(f"{server}/nettverk")
    root = live_network(page)
    canvas = page.locator(".kd-canvas").first
    search = page.locator(".kd-search")
    search.fill("Legemiddelverket")
    search.press("Enter")
    page.wait_for_timeout(600)
    selected = canvas.evaluate("el => el.kidashNetwork.getSelectedNodes()[0] || null")
    for _ in range(3):
        canvas.evaluate("el => el.kidashNetwork.moveTo({scale: el.kidashNetwork.getScale() * 1.6})")
        page.wait_for_timeout(400)  # the declutter pass after the zoom
        markers = canvas.evaluate(MARKERS)
        for owner, text, *box in canvas.evaluate(DRAWN_LABELS)["boxes"]:
            for other, *marker in markers:
                apart = box[2] <= marker[0] or marker[2] <= box[0] or box[3] <= marker[1] or marker[3] <= box[1]
                assert other == owner or apart or owner == selected, f"«{text}» over the marker of {other}"
    assert root.get_attribute("data-labels-shown") not in (None, "0")


@pytest.fixture(scope="module")
def big_server(chromium_path, tmp_path_factory):
    """The dashboard on 3,000 synthetic actors: over the pickers' limit, drawn as groups."""
    from kidash.data.synthetic import synthetic_tables
    from tests.browser.conftest import start_server
    from tests.fixtures import write_frames

    process, url = start_server({"KIDASH_DATA_DIR": str(write_frames(tmp_path_factory.mktemp("big"),
                                                                      synthetic_tables(3_000)))})  # fmt: skip
    yield url
    process.terminate()
    process.wait(timeout=10)


def test_on_a_big_map_a_person_finds_one_actor_then_another_by_name_and_shares_the_link(page, big_server, browser):
    """3,000 actors: the focus picker holds 300 (not every name on every run); typing part of a name
    offers the matches, the pick focuses the map and goes into the URL; a second name, a second
    pick; the copied link opens the same focus with that actor chosen."""
    runs = open_page(page, f"{big_server}/nettverk")
    root = live_network(page)
    assert int(root.get_attribute("data-nodes")) < 300  # groups
    focus = selectbox(page, "Fokus på aktør")
    find = page.get_by_role("textbox", name="Fokus på aktør: finn i navnene")
    for typed, name, actor in (("organisasjon 12", "Organisasjon 12", "org-12"), ("ORG 7", "Organisasjon 7", "org-7")):
        runs.after(lambda typed=typed: (find.fill(typed), find.press("Enter")))
        focus.get_by_role("combobox").click()
        expect(page.get_by_role("option", name=name, exact=True)).to_be_visible()
        assert page.get_by_role("option").count() <= 300
        runs.after(lambda name=name: page.get_by_role("option", name=name, exact=True).click())
        expect(page).to_have_url(re.compile(rf"focus={actor}(&|$)"), timeout=10_000)
        root = live_network(page)
        expect(focus.locator("input")).to_have_value(name)
        ids = root.evaluate("el => el.querySelector('.kd-canvas').kidashNetwork.body.data.nodes.getIds()")
        assert actor in ids  # the neighbourhood of the pick, node by node
    screenshot(page, "network-big-map-focus")
    other = browser.new_context(viewport={"width": 1600, "height": 1000}).new_page()
    other.goto(page.url)
    copied = live_network(other)
    expect(selectbox(other, "Fokus på aktør").locator("input")).to_have_value("Organisasjon 7")
    assert copied.get_attribute("data-nodes") == root.get_attribute("data-nodes")
    other.context.close()
