"""Every page in real Chromium: it opens, its charts draw, no error, nothing from outside."""

from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import screenshot
from tests.browser.helpers import open_page, query

pytestmark = pytest.mark.browser

PAGES = [
    ("initiativer", "Hvem leder, deltar og observerer", 5),
    ("tidslinje", "Slik vokste landskapet", 1),
    ("analyse?from=helse-nord-rhf&to=hemit", "Hvem står sentralt", 1),
    ("aktor?actor=helsedirektoratet", "Aktørprofil", 0),
    ("data", "Dataene bak kartet", 0),
]


@pytest.mark.parametrize(("path", "heading", "charts"), PAGES)
def test_page_draws(page, server, path, heading, charts):
    page.goto(f"{server}/{path}")
    expect(page.get_by_role("heading", level=1)).to_contain_text(heading, timeout=30_000)
    plots = page.locator(".js-plotly-plot .main-svg")
    if charts:
        expect(page.locator(".js-plotly-plot")).to_have_count(charts, timeout=30_000)
        expect(plots.first).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
    screenshot(page, "page-" + path.split("?")[0])
    assert page.request_log.outside_hosts() == []
    # The page told the frontend where its server is (kidash.server.base_url): no guess under the page's path first.
    asked = [urlparse(url).path for url in page.request_log.urls if "/_stcore/health" in url]
    assert asked == ["/_stcore/health"]


def test_profile_link_opens_the_other_profile(page, server):
    page.goto(f"{server}/aktor?actor=helse-nord-rhf")
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("heading", level=2).first).to_contain_text("Helse Nord RHF", timeout=30_000)
    page.get_by_role("link", name="Finn Henry Hansen").first.click()
    expect(main.get_by_role("heading", level=2).first).to_contain_text("Finn Henry Hansen", timeout=30_000)
    expect(page.get_by_test_id("stException")).to_have_count(0)


def test_following_profile_links_in_a_row_keeps_the_address_bar_on_the_actor_shown(page, server, browser):
    """The newcomer's steps: the working group, then Ahus; the mirror committee, then
    Digitaliseringsdirektoratet. The address bar follows each, and the copied link opens the last."""
    runs = open_page(page, f"{server}/aktor?actor=arbeidsgruppe-ki-standardisering")
    main = page.get_by_test_id("stMain")
    for name, actor in (("Akershus universitetssykehus", "ahus"),):
        runs.after(lambda name=name: page.get_by_role("link", name=name).first.click())
        expect(main.get_by_role("heading", level=2).first).to_have_text(name)
        assert query(page)["actor"] == [actor], page.url
    runs = open_page(page, f"{server}/aktor?actor=arbeidsgruppe-ki-standardisering")
    for name in ("Standard Norges speilkomite for kunstig intelligens", "Digitaliseringsdirektoratet"):
        runs.after(lambda name=name: page.get_by_role("link", name=name).first.click())
        expect(main.get_by_role("heading", level=2).first).to_have_text(name)
    assert query(page)["actor"] == ["digitaliseringsdirektoratet"], page.url
    other = browser.new_page()
    try:
        open_page(other, page.url)
        expect(other.get_by_test_id("stMain").get_by_role("heading", level=2).first).to_have_text(
            "Digitaliseringsdirektoratet"
        )
    finally:
        other.close()


@pytest.mark.parametrize(
    ("lang", "buttons", "name"),
    [
        ("nb", ["Last ned diagrammet som PNG", "Zoom inn", "Tilpass aksene"], "Norwegian Directorate of Health"),
        ("en", ["Download plot as a PNG", "Zoom in", "Autoscale"], "Helsedirektoratet"),
    ],
)
def test_plotly_speaks_the_pages_language_and_names_are_in_it(page, server, lang, buttons, name):
    """The modebar's own tooltips follow the page's language; in English the roster names the
    directorate in English, in Norwegian as the source writes it (never the other one)."""
    page.goto(f"{server}/initiativer?lang={lang}&i=koordineringsprosjektet")
    page.wait_for_selector(".modebar-btn", state="attached", timeout=30_000)
    titles = page.eval_on_selector_all(".modebar-btn", "els => els.map(e => e.getAttribute('data-title'))")
    assert set(buttons) <= set(titles)
    roster = page.get_by_test_id("stMain").locator("table").first
    expect(roster).to_be_visible(timeout=30_000)
    other = {"nb": "Helsedirektoratet", "en": "Norwegian Directorate of Health"}[lang]
    expect(roster).to_contain_text(other)
    assert name not in roster.inner_text()
