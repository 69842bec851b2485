"""What you click is what you get, in Chromium: picks in a row, filters across pages, copied links, back/forward."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from kidash.pages import PAGE_NAMES
from tests.browser.conftest import screenshot
from tests.browser.helpers import add_to, choose, navigate, open_page, query, selectbox, sidebar_multiselect

pytestmark = pytest.mark.browser

NAMES = {
    "ks": "Kommunesektorens organisasjon (KS)",
    "dnv": "DNV",
    "hemit": "Hemit HF",
    "ntnu-norwai": "NTNU NorwAI",
}


PICKERS = [
    ("aktor", "Aktør", "actor"),
    ("nettverk", "Fokus på aktør", "focus"),
]


@pytest.mark.parametrize(("path", "label", "param"), PICKERS)
def test_every_pick_in_a_row_sticks(page, server, path, label, param):
    """KS, then DNV, then Hemit, then NorwAI: each choice is the one shown and the one in the URL."""
    runs = open_page(page, f"{server}/{path}")
    for actor_id, name in NAMES.items():
        choose(page, runs, label, name)
        expect(selectbox(page, label).locator("input")).to_have_value(name)
        assert query(page).get(param) == [actor_id], (actor_id, page.url)
    assert page.request_log.outside_hosts() == []


INITIATIVES = {
    "koordineringsprosjektet": "Bedre bruk av kunstig intelligens",
    "helse-vest-tiltak-10": "10. Bruk av kunstig intelligens",
    "arbeidsgruppe-ki-standardisering": "Arbeidsgruppe for KI-standardisering i helse- og omsorgstjenesten",
    "kin": "Nasjonalt nettverk for kunstig intelligens i helsetjenesten",
}


def test_every_initiative_pick_sticks(page, server):
    runs = open_page(page, f"{server}/initiativer")
    for initiative_id, name in INITIATIVES.items():
        choose(page, runs, "Initiativ", name)
        expect(selectbox(page, "Initiativ").locator("input")).to_have_value(name)
        expect(page.get_by_test_id("stMain").get_by_role("heading", level=2).first).to_contain_text(name)
        assert query(page).get("i", ["kin"]) == [initiative_id], (initiative_id, page.url)


def test_sidebar_values_added_in_a_row_all_stay(page, server):
    runs = open_page(page, f"{server}/nettverk")
    for region in ("Helse Vest", "Helse Nord", "Helse Midt-Norge"):
        add_to(page, runs, "Region", region)
    assert query(page)["region"] == ["Helse Vest", "Helse Nord", "Helse Midt-Norge"]
    chips = sidebar_multiselect(page, "Region")
    for region in ("Helse Vest", "Helse Nord", "Helse Midt-Norge"):
        expect(chips).to_contain_text(region)


def test_region_and_type_survive_every_page_and_a_copied_link(page, server, browser):
    """Set a region and a type, visit every page from the menu; then open the URL in a new window."""
    runs = open_page(page, f"{server}/")
    add_to(page, runs, "Region", "Helse Vest")
    add_to(page, runs, "Type organisasjon", "Helseforetak")
    for name in (*PAGE_NAMES[1:], PAGE_NAMES[0]):
        navigate(page, runs, name)
        expect(sidebar_multiselect(page, "Region")).to_contain_text("Helse Vest")
        expect(sidebar_multiselect(page, "Type organisasjon")).to_contain_text("Helseforetak")
        assert query(page).get("region") == ["Helse Vest"], (name, page.url)
        assert query(page).get("type") == ["health_trust"], (name, page.url)
    # Home follows the filters: the organisations counted are those of Helse Vest's trusts.
    expect(page.get_by_test_id("stMetric").first).to_contain_text(" av 31")
    navigate(page, runs, "aktor")
    choose(page, runs, "Aktør", "Hemit HF")
    copied = page.url
    context = browser.new_context(viewport={"width": 1600, "height": 1000}, locale="nb-NO")
    other = context.new_page()
    open_page(other, copied)
    expect(selectbox(other, "Aktør").locator("input")).to_have_value("Hemit HF")
    expect(sidebar_multiselect(other, "Region")).to_contain_text("Helse Vest")
    expect(sidebar_multiselect(other, "Type organisasjon")).to_contain_text("Helseforetak")
    expect(other.get_by_test_id("stMain").get_by_role("heading", level=2).first).to_contain_text("Hemit HF")
    screenshot(other, "state-copied-link-profile")
    context.close()


def test_back_and_forward_return_to_the_views_before(page, server):
    runs = open_page(page, f"{server}/aktor")
    choose(page, runs, "Aktør", NAMES["ks"])
    choose(page, runs, "Aktør", NAMES["dnv"])
    navigate(page, runs, "nettverk")
    add_to(page, runs, "Region", "Helse Vest")
    runs.after(page.go_back)
    assert "region" not in query(page), page.url
    expect(sidebar_multiselect(page, "Region")).not_to_contain_text("Helse Vest")
    runs.after(page.go_back)  # back to the profile as it was: DNV
    expect(page).to_have_url(re.compile(r"/aktor\?"))
    expect(selectbox(page, "Aktør").locator("input")).to_have_value(NAMES["dnv"])
    runs.after(page.go_back)
    expect(selectbox(page, "Aktør").locator("input")).to_have_value(NAMES["ks"])
    runs.after(page.go_forward)
    expect(selectbox(page, "Aktør").locator("input")).to_have_value(NAMES["dnv"])


def test_a_link_with_unknown_values_says_so(page, server):
    open_page(page, f"{server}/aktor?actor=nobody&region=Atlantis&region=Helse+Vest")
    expect(page.get_by_test_id("stAlert").filter(has_text="Atlantis")).to_be_visible()
    expect(sidebar_multiselect(page, "Region")).to_contain_text("Helse Vest")
    assert query(page) == {"region": ["Helse Vest"]}
    expect(page.get_by_test_id("stException")).to_have_count(0)
