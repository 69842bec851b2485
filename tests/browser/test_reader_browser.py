"""The reader as a person uses it, in real Chromium, in a row: paste a press release about a new AI
centre, accept one proposal (the document, the new centre and the role in one change), change one
before accepting it, take its opening to the timeline, reject one, accept every sure one at once;
open the document again (and as a colleague) and be asked only what is left; then find the new
centre and its roles on the network, its profile and the timeline."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from kidash.store.content import map_rows
from tests.browser.conftest import RequestLog, screenshot, store_of
from tests.browser.helpers import live_network, open_page

pytestmark = pytest.mark.browser

DOCUMENTS = Path(__file__).resolve().parents[1] / "reader_documents"
RELEASE = (DOCUMENTS / "dev-senter-nord-kort.txt").read_text(encoding="utf-8")  # an invented press release
CENTRE = "Senter for trygg klinisk KI"


def cards(page):
    return page.locator("[class*='st-key-kd_candidate_']")


def card(page, source: str):
    """The open proposal whose first line names ``source`` as the one who has the role."""
    return cards(page).filter(has_text=re.compile(rf"· {re.escape(source)} — .+ → {CENTRE}"))


def rows(tmp_path) -> dict[str, list[dict]]:
    return {
        table: [cells for _, _, cells in found] for table, found in map_rows(store_of(tmp_path), "kidash")[1].items()
    }


def test_a_press_release_becomes_roles_on_the_network_the_profile_and_the_timeline(living, browser):
    url, _, tmp_path, _ = living
    context = browser.new_context(viewport={"width": 1500, "height": 1400}, locale="nb-NO")
    page = context.new_page()
    requests = RequestLog(page)
    runs = open_page(page, f"{url}/dokument")
    before = rows(tmp_path)
    box = page.get_by_role("textbox", name="Lim inn teksten")
    box.fill(RELEASE)
    runs.after(lambda: box.press("Control+Enter"))
    expect(page.get_by_role("heading", name="Forslag fra leseren")).to_be_visible()
    expect(cards(page)).to_have_count(6)
    expect(page.get_by_label("Tittel *")).to_have_value("Nytt senter for trygg KI i Nord-Norge")
    expect(page.get_by_label("Publisert *")).to_have_value("04.03.2025")
    screenshot(page, "reader-proposals")
    assert rows(tmp_path) == before  # nothing is saved before a person chooses

    # one accepted: the document, the new centre and the role land together
    runs.after(lambda: card(page, "Helsedirektoratet").get_by_role("button", name="Godta").click())
    expect(page.get_by_text(re.compile(r"Lagret i endring \d+: 3 rader"))).to_be_visible()
    expect(cards(page)).to_have_count(5)
    expect(page).to_have_url(re.compile(r"[?&]document="))  # from now on the document is the map's

    # one changed first: the person's name as the centre writes it
    runs.after(lambda: card(page, "Ingrid Solberg").get_by_role("button", name="Endre").click())
    form = card(page, "Ingrid Solberg").get_by_test_id("stForm")
    name = form.get_by_label("Navn", exact=True)
    name.fill("Ingrid M. Solberg")
    name.press("Tab")
    runs.after(lambda: form.get_by_role("button", name="Lagre slik").click())
    expect(page.get_by_text(re.compile(r"Lagret i endring \d+: 2 rader"))).to_be_visible()
    expect(cards(page)).to_have_count(4)

    # the opening to the timeline; the university's part rejected; every sure one at once
    event = page.locator("[class*='st-key-kd_event_']").filter(has_text="STKI åpnes")
    runs.after(lambda: event.get_by_role("button", name="Godta til tidslinjen").click())
    expect(page.get_by_text(re.compile(r"Hendelsen er lagret i endring \d+"))).to_be_visible()
    runs.after(lambda: card(page, "UiT Norges arktiske universitet").get_by_role("button", name="Avvis").click())
    expect(cards(page)).to_have_count(3)
    # with the centre on the map the rest are surer: all three, one of them a new hospital trust
    expect(card(page, "Universitetssykehuset Nord-Norge HF")).to_contain_text("ny aktør")
    runs.after(lambda: page.get_by_role("button", name="Godta alle sikre forslag (3)").click())
    expect(page.get_by_text(re.compile(r"Lagret i endring \d+: 4 rader"))).to_be_visible()
    expect(cards(page)).to_have_count(0)
    expect(page.get_by_text("Alt leseren foreslo fra dette dokumentet er avgjort")).to_be_visible()
    screenshot(page, "reader-after")

    # opened again, and by a colleague: only what is left is asked; the rejected one waits aside
    document_url = page.url
    colleague = browser.new_context(viewport={"width": 1500, "height": 1400}, locale="nb-NO").new_page()
    for reader in (colleague, page):
        runs = open_page(reader, document_url)
        expect(reader.get_by_text("Alt leseren foreslo fra dette dokumentet er avgjort")).to_be_visible()
        expect(reader.get_by_text("Avviste forslag (1)")).to_be_visible()
        expect(cards(reader)).to_have_count(0)
    colleague_runs = open_page(colleague, document_url)
    link = colleague.get_by_role("link", name=f"Se {CENTRE} i aktørprofilen")
    colleague_runs.after(link.click)
    expect(colleague.get_by_role("heading", name=re.compile(re.escape(CENTRE)), level=2)).to_be_visible()
    expect(colleague.get_by_text("Helsedirektoratet").first).to_be_visible()
    expect(colleague.get_by_text("Ingrid M. Solberg").first).to_be_visible()
    page.get_by_text("Avviste forslag (1)").click()  # the expander opens in the browser, with no run
    runs.after(lambda: page.get_by_role("button", name="Foreslå igjen").click())
    expect(card(page, "UiT Norges arktiske universitet")).to_have_count(1)  # asked again, on request

    saved = rows(tmp_path)
    centre = next(a for a in saved["actors"] if a["name"] == CENTRE)
    person = next(a for a in saved["actors"] if a["name"] == "Ingrid M. Solberg")
    trust = next(a for a in saved["actors"] if a["name"] == "Universitetssykehuset Nord-Norge HF")
    roles = {
        (r["source"], r["relation"], r["target"])
        for r in saved["relations"]
        if centre["id"] in (r["source"], r["target"])
    }
    assert roles == {
        ("helsedirektoratet", "observer", centre["id"]),
        (person["id"], "leads", centre["id"]),
        ("helse-nord-rhf", "owner", centre["id"]),
        ("nse", "member", centre["id"]),
        (trust["id"], "member", centre["id"]),
    }, roles
    assert (centre["short_name"], centre["kind"], centre["region"]) == ("STKI", "initiative", "Helse Nord")
    assert (trust["kind"], trust["type"], trust["region"]) == ("organisation", "health_trust", "Helse Nord")
    assert [e["title"] for e in saved["events"] if e["title"] == "STKI åpnes"] == ["STKI åpnes"]

    # the centre on the network, its profile and the timeline
    runs = open_page(page, f"{url}/nettverk")
    live_network(page)
    drawn = page.locator(".kd-canvas").first.evaluate(
        "(el, id) => [el.kidashNetwork.body.data.nodes.get(id) !== null,"
        " el.kidashNetwork.body.data.edges.get().filter(e => e.to === id || e.from === id).length]",
        centre["id"],
    )
    assert drawn == [True, 5], drawn
    open_page(page, f"{url}/tidslinje")
    plot = page.locator(".js-plotly-plot").first
    expect(plot).to_be_visible(timeout=30_000)
    assert "STKI åpnes" in plot.evaluate("el => JSON.stringify(el.data)")
    assert requests.outside_hosts() == []
    context.close()
    colleague.context.close()
