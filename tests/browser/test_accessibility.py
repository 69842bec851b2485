"""WCAG 2.1 AA as a user meets it: axe on every page in both languages, page structure, keyboard."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.components import need

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[2] / ".cache" / "axe" / "axe.min.js"
PAGES = [
    "",
    "nettverk",
    "initiativer",
    "aktor?actor=helse-nord-rhf",
    "tidslinje",
    "analyse?from=helse-nord-rhf&to=hemit",
    "data",
]
TITLES = {
    "nb": ["Oversikt", "Nettverk", "Initiativer", "Aktørprofil", "Tidslinje", "Analyse", "Data"],
    "en": ["Overview", "Network", "Initiatives", "Actor profile", "Timeline", "Analysis", "Data"],
}


@pytest.fixture(scope="session")
def axe_script() -> Path:
    need(AXE.exists(), f"{AXE} is missing (`make test` fetches axe-core with npm)")
    return AXE


def url(server, path, lang):
    if lang == "nb":
        return f"{server}/{path}"
    return f"{server}/{path}{'&' if '?' in path else '?'}lang=en"


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("index", range(len(PAGES)))
def test_page_passes_axe_and_has_a_sound_structure(page, server, axe_script, index, lang):
    page.goto(url(server, PAGES[index], lang))
    expect(page.get_by_role("heading", level=1)).to_have_count(1, timeout=30_000)
    page.wait_for_timeout(2_000)  # charts and the network settle
    for drawing in range(page.locator(".kd-net").count()):
        expect(page.locator(".kd-net").nth(drawing)).to_have_attribute("data-ready", "true", timeout=30_000)
    expect(page).to_have_title(f"{TITLES[lang][index]} · kidash")
    expect(page.locator("html")).to_have_attribute("lang", lang, timeout=20_000)  # set by a script once mounted
    levels = (
        page.get_by_test_id("stMain")
        .locator("h1, h2, h3, h4")
        .evaluate_all("els => els.map(e => Number(e.tagName[1]))")
    )
    assert levels[0] == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), levels  # no skipped level
    assert axe_serious(page, axe_script) == []


def active(page) -> str:
    return page.evaluate(
        "() => { const e = document.activeElement; return [e.getAttribute('role') || e.tagName.toLowerCase(),"
        " e.getAttribute('aria-label') || e.innerText || e.value || ''].join(': ').slice(0, 80); }"
    )


def axe_serious(page, axe_script) -> list:
    page.add_script_tag(path=str(axe_script))
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
    )
    return [
        (v["id"], v["impact"], v["nodes"][0]["html"][:120])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("popover", ["Flere filtre", "Kartet", "Tegnevalg"])
def test_an_open_popover_passes_axe(page, server, axe_script, popover):
    from tests.browser.helpers import popover as open_popover

    page.goto(f"{server}/nettverk?asof=2022-03-16")
    page.locator(".kd-net[data-ready=true]").wait_for(timeout=30_000)
    body = open_popover(page, popover)
    expect(body.get_by_role("combobox").or_(body.get_by_role("textbox")).first).to_be_visible()
    assert axe_serious(page, axe_script) == []


def tab_until(page, wanted: str, presses: int = 60) -> list[str]:
    """Press Tab until the focus is on a control whose role and name hold ``wanted``; what it passed."""
    seen = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        seen.append(active(page))
        if wanted in seen[-1]:
            return seen
    pytest.fail(f"Tab never reached {wanted!r}: " + " | ".join(seen))


def test_keyboard_reaches_every_control_and_switches_language(page, server):
    page.goto(f"{server}/nettverk")
    expect(page.get_by_role("heading", level=1)).to_be_visible(timeout=30_000)
    page.locator(".kd-net[data-ready=true]").wait_for(timeout=30_000)
    text = "\n".join(tab_until(page, "Last ned nettverket"))
    assert text.count("combobox") >= 6, text  # language, 3 filters, colour, focus
    for popover in ("Flere filtre", "Kartet per dato", "Tegnevalg", "Nullstill filtre"):
        assert popover in text, text
    # Each popover opened with Enter: its controls come next, and Tab past them goes on after its button.
    page.goto(f"{server}/nettverk")
    page.locator(".kd-net[data-ready=true]").wait_for(timeout=30_000)
    for popover, first, controls, after in (
        ("Flere filtre", "stMultiSelect", ["combobox: Vis bare", "combobox: Relasjoner", "switch: Vis personer"], "Kartet per dato"),
        ("Kartet per dato", "stTextInput", ["input: Kartet per dato", "Forrige dato", "Spill av datoene"], "Nullstill filtre"),
        ("Tegnevalg", "stSelectbox", ["combobox: Størrelse etter", "switch: Fysikk", "switch: Marker endringer"], "Last ned PNG"),
    ):  # fmt: skip
        if popover not in active(page):  # the last one's Tab may have brought the focus here
            tab_until(page, popover)
        page.keyboard.press("Enter")
        # the first time it opens, Streamlit loads the scripts of the widgets inside: Tab once they are drawn
        expect(page.get_by_test_id("stPopoverBody").get_by_test_id(first).first).to_be_visible()
        # ... and its last control too (a toggle's script can come later than a multiselect's): a
        # person tabs through what is drawn, so the walk starts once all of it is
        last = controls[-1].split(": ")[-1]
        expect(page.get_by_test_id("stPopoverBody").get_by_text(last).first).to_be_visible()
        inside = [active(page)] + tab_until(page, after, presses=12)
        reached = "\n".join(inside)
        assert all(control in reached for control in controls), reached
        assert inside.index(next(s for s in inside if after in s)) > max(
            i for i, s in enumerate(inside) if any(c in s for c in controls)
        ), reached
        expect(page.get_by_test_id("stPopoverBody")).to_have_count(0)  # closed behind the focus
    # Operate the language switch with the keyboard alone.
    page.keyboard.press("Shift+Tab")
    page.goto(f"{server}/nettverk")
    expect(page.get_by_role("heading", level=1)).to_be_visible(timeout=30_000)
    page.locator(".kd-net[data-ready=true]").wait_for(timeout=30_000)  # the whole page is drawn
    for _ in range(30):
        page.keyboard.press("Tab")
        if active(page).startswith("combobox") and "Språk" in page.evaluate(
            "document.activeElement.closest('[data-testid=stSelectbox]')?.innerText || ''"
        ):
            break
    else:
        pytest.fail("Tab never reached the language box")
    page.keyboard.type("English")
    expect(page.get_by_role("option", name="English")).to_be_visible(timeout=10_000)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("The network", timeout=15_000)
