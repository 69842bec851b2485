"""The map as of a date, in Chromium: type a date, the live network follows in place, the link carries
it into a new window, and one click goes back to the whole map."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from kidash.data.dataset import load_dataset
from kidash.map.filters import Filters, filter_graph
from kidash.map.graph import build_graph
from tests.browser.conftest import screenshot
from tests.browser.helpers import live_network, open_page, query, screen_positions, time_controls

pytestmark = pytest.mark.browser

GRAPH = build_graph(load_dataset())


def date_field(page):
    return time_controls(page).get_by_role("textbox", name="Kartet per dato")


def test_a_date_typed_in_redraws_the_map_then_and_travels_in_the_link(page, server, browser):
    runs = open_page(page, f"{server}/nettverk")
    root = live_network(page)
    expect(root).to_have_attribute("data-nodes", str(GRAPH.number_of_nodes()))
    before = root.get_attribute("data-updates")

    def type_date():
        # typed as a person does, and the date counts when the field is left
        date_field(page).click()
        page.keyboard.type("16.03.2022")
        page.get_by_role("heading", level=1).click()

    runs.after(type_date)
    expected = filter_graph(GRAPH, Filters(as_of="2022-03-16")).number_of_nodes()
    expect(root).not_to_have_attribute("data-updates", before, timeout=30_000)
    expect(root).to_have_attribute("data-nodes", str(expected), timeout=30_000)
    assert query(page).get("asof") == ["2022-03-16"]
    expect(page.get_by_text("16. mars 2022", exact=False).first).to_be_visible()
    screenshot(page, "time-asof")

    other = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        open_page(other, page.url)
        expect(live_network(other)).to_have_attribute("data-nodes", str(expected))
        expect(date_field(other)).to_have_value("16.03.2022")
    finally:
        other.close()

    runs.after(time_controls(page).get_by_role("button", name="Hele kartet (i dag)").click)
    expect(root).to_have_attribute("data-nodes", str(GRAPH.number_of_nodes()), timeout=30_000)
    assert "asof" not in query(page)
    assert page.request_log.outside_hosts() == []


def test_stepping_through_dates_keeps_every_remaining_node_where_it_was(page, server):
    # from the first source's date (before it, as stated, the map is empty and nothing is drawn)
    runs = open_page(page, f"{server}/nettverk?asof=2021-06-10")
    root = live_network(page)
    next_date = time_controls(page).get_by_role("button", name="Neste dato")
    seen = []
    for _ in range(3):
        before = root.get_attribute("data-updates")
        runs.after(next_date.click)
        expect(root).not_to_have_attribute("data-updates", before, timeout=30_000)
        root = live_network(page)
        seen.append((query(page)["asof"][0], screen_positions(page)))
    for (_, earlier), (date, later) in zip(seen, seen[1:], strict=False):
        kept = earlier.keys() & later.keys()
        assert kept, date
        moved = {
            n: (earlier[n], later[n])
            for n in kept
            if max(abs(a - b) for a, b in zip(earlier[n], later[n], strict=True)) > 3
        }
        assert not moved, (date, moved)
    assert [date for date, _ in seen] == sorted({date for date, _ in seen})
    assert page.request_log.outside_hosts() == []


def test_the_story_downloads_as_a_deck_with_a_slide_per_date(page, server, tmp_path):
    import io

    from pptx import Presentation

    from tests.browser.helpers import download

    open_page(page, f"{server}/tidslinje?since=2022-01-01&asof=2022-12-31")
    name, raw = download(page, "Last ned historien som lysbilder (.pptx)", tmp_path)
    assert name.endswith(".pptx") and "historien" in name
    deck = Presentation(io.BytesIO(raw))
    texts = ["\n".join(shape.text_frame.text for shape in s.shapes if shape.has_text_frame) for s in deck.slides]
    dates = ["1. januar", "16. mars", "18. mars", "21. mars", "23. mars", "28. mars", "31. desember"]
    assert [t.split("\n")[0] for t in texts if t.startswith("Kartet per")] == [f"Kartet per {d} 2022" for d in dates]
    story = [i for i, t in enumerate(texts) if t.startswith("Kartet per")]
    assert all(any(shape.shape_type == 13 for shape in deck.slides[i].shapes) for i in story)  # a picture each
    assert "Kilder: Bidra inn i det nasjonale koordineringsprosjektet (16. mars 2022)." in texts[story[1]]
    assert page.request_log.outside_hosts() == []


def drawn_marks(page) -> dict[str, tuple[float, float]]:
    """Each drawn node's (opacity, border width) as vis-network holds them."""
    found = page.locator(".kd-canvas").first.evaluate(
        """el => { const out = {}; for (const n of el.kidashNetwork.body.data.nodes.get())
               out[n.id] = [n.opacity ?? 1, n.borderWidth ?? 1]; return out; }"""
    )
    return {node: tuple(value) for node, value in found.items()}


def test_play_steps_through_the_dates_with_changes_marked_and_stops(page, server):
    from kidash.map.changes import previous_stop
    from kidash.view.dates import dated_moments

    moments = dated_moments(GRAPH)
    runs = open_page(page, f"{server}/nettverk?asof=2023-12-31&time=in_force&changes=1")
    root = live_network(page)
    start = screen_positions(page)
    play = time_controls(page).get_by_role("button", name="Spill av datoene")
    runs.after(play.click)
    # it plays on by itself: the next two of the map's dates, each a real view in the URL
    for expected in moments[moments.index("2023-12-31") + 1 :][:2]:
        page.wait_for_function(
            "d => new URLSearchParams(location.search).get('asof') === d", arg=expected, timeout=15_000
        )
        in_force = filter_graph(GRAPH, Filters(as_of=expected, time_basis="in_force"))
        then = filter_graph(GRAPH, Filters(as_of=previous_stop(moments, expected), time_basis="in_force"))
        ended = sorted(set(then) - set(in_force))  # what ended since the date before: drawn faint
        faint: list[str] = []
        for _ in range(60):  # the drawing follows the URL within a run (the canvas is in a shadow root: poll)
            faint = sorted(n for n, (opacity, _) in drawn_marks(page).items() if opacity < 1)
            if faint == ended:
                break
            page.wait_for_timeout(100)
        assert faint == ended, expected
        expect(root).to_have_attribute("data-nodes", str(len(set(in_force) | set(then))))
        moved = {
            n: (start[n], p) for n, p in screen_positions(page).items()
            if n in start and max(abs(a - b) for a, b in zip(start[n], p, strict=True)) > 3
        }  # fmt: skip
        assert not moved, expected
    # e-helse ended on 31 December 2023: faint in its place on 1 January 2024, with the legend saying so
    stop = time_controls(page).get_by_role("button", name="Stopp avspillingen")
    runs.after(stop.click)
    held = query(page)["asof"][0]
    page.wait_for_timeout(int(2.5 * 1000 * 2))
    assert query(page)["asof"][0] == held  # stopped
    expect(time_controls(page).get_by_role("button", name="Spill av datoene")).to_be_visible()
    screenshot(page, "time-play")
    assert page.request_log.outside_hosts() == []


def test_marks_show_what_ended_faint_and_what_is_new_with_a_thick_border(page, server):
    open_page(page, f"{server}/nettverk?asof=2024-01-01&time=in_force&changes=1")
    live_network(page)
    marks = drawn_marks(page)
    assert marks["direktoratet-for-e-helse"][0] < 1 and marks["helsedirektoratet"] == (1, 1)
    legend = page.locator(".kd-legend")
    expect(legend).to_contain_text("Avsluttet siden 31. desember 2023 (blek)")
    expect(page.get_by_text("Sammenlignet med", exact=False)).to_contain_text("2 aktører og 8 roller avsluttet")
    open_page(page, f"{server}/nettverk?asof=2022-03-16&changes=1")
    live_network(page)
    marks = drawn_marks(page)
    assert marks["koordineringsprosjektet"][1] > 1  # first described on 16 March 2022
    assert marks["kin"] == (1, 1)
    screenshot(page, "network-marks")


def test_the_initiative_roster_follows_the_date(page, server):
    from kidash.map.analysis import initiative_roles

    def expected(date):
        return len(initiative_roles(GRAPH, "kin", shown=set(filter_graph(GRAPH, Filters(as_of=date)))))

    runs = open_page(page, f"{server}/initiativer?i=kin&asof=2020-06-01")
    expect(page.get_by_text("Ingen med roller her passer filtrene.").first).to_be_visible()  # before any source
    assert expected("2020-06-01") == 0 and expected("2021-06-10") > 0
    runs.after(time_controls(page).get_by_role("button", name="Neste dato").click)
    assert query(page)["asof"] == ["2021-06-10"]
    expect(page.get_by_text("Ingen med roller her passer filtrene.")).to_have_count(0)
    # the roster's table: a row per role, as the package counts them as of the KIN news item's date
    expect(page.get_by_text("Skrøvseth", exact=False).first).to_be_visible()
    assert page.request_log.outside_hosts() == []
