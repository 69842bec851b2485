"""The export panel on each page: buttons, file names, and the message when no browser exists."""

import pytest

from kidash.pages import PAGE_IDS, PAGES
from tests.app.conftest import open_exports

# the Data page has its own downloads; the living map's pages (edit, history, maps) work on the store
PAGE_LIST = [page.name for page in PAGES if page.exports and page.name != "data"]


def labels(at) -> dict[str, str]:
    return {button.proto.label: button.proto.url for button in at.get("download_button")}


@pytest.mark.parametrize("name", PAGE_LIST)
def test_every_page_offers_a_deck_and_the_data(app_page, name):
    at = app_page(name, actor="helsedirektoratet")
    assert not at.exception
    assert not any("PowerPoint" in label for label in labels(at))  # closed, the panel builds nothing
    found = labels(open_exports(at, PAGE_IDS[name]))
    assert not at.exception
    deck = "Presentasjon av hele kartet (PowerPoint)" if name == "home" else "Presentasjon (PowerPoint)"
    assert deck in found
    for label in (
        "Tabellene (CSV for Excel, semikolon, i ZIP)",
        "Tabellene (CSV med komma, i ZIP)",
        "Tabellene (Excel)",
        "Nettverket (GEXF for Gephi)",
        "Nettverket (GraphML)",
        "Nettverket (Kumu-arbeidsbok)",
    ):
        assert label in found
    if name != "home":
        assert {"PNG (1920×1080)", "SVG", "PDF"} <= set(found)


def test_without_a_browser_the_panel_says_what_to_install(app, monkeypatch):
    from kidash.app import cache
    from kidash.exports import images

    monkeypatch.setattr(images, "browser_path", lambda: None)
    cache.browser.clear()
    try:
        at = app()
        at.switch_page("app_pages/tidslinje.py").run()
        open_exports(at, "timeline")
        assert not at.exception
        assert any("ingen ble funnet" in w.value for w in at.warning)
        assert "Presentasjon (PowerPoint)" in labels(at)  # the rest keeps working
    finally:
        cache.browser.clear()
