"""Filters in Chromium as a person uses them in a row, against a model: picks in the sidebar and inside
closed popovers, a typed date, reset, a page change and a copied link. A closed popover's widgets are
not drawn by the browser, which keeps their old state: every step checks that nothing comes back."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test
from playwright.sync_api import expect

from kidash.view.dates import field_text
from tests.browser.conftest import CHROMIUM_ARGS  # noqa: F401 - the browser fixture's flags
from tests.browser.helpers import Runs, add_to, navigate, open_page, popover, query

pytestmark = pytest.mark.browser

REGIONS = ["Helse Vest", "Helse Nord", "Nasjonal"]
KINDS = {"Organisasjon": "organisation", "Person": "person", "Initiativ": "initiative"}
DATES = ["2021-06-15", "2022-03-16", "2024-04-03"]
PAGES = ["nettverk", "initiativer", "home", "tidslinje"]


def expected_query(model: dict) -> dict[str, list[str]]:
    """The URL's shared part for the model (defaults left out)."""
    found: dict[str, list[str]] = {}
    if model["regions"]:
        found["region"] = list(model["regions"])
    if model["kinds"]:
        found["kind"] = list(model["kinds"])
    if not model["people"]:
        found["people"] = ["0"]
    if model["asof"]:
        found["asof"] = [model["asof"]]
    return found


def blank() -> dict:
    return {"regions": (), "kinds": (), "people": True, "asof": None}


def close_popovers(page) -> None:
    page.keyboard.press("Escape")
    page.wait_for_timeout(150)


def test_filters_in_and_out_of_popovers_reset_and_travel_with_the_view(browser, server):
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="nb-NO")

    class Filters(RuleBasedStateMachine):
        def __init__(self):
            super().__init__()
            self.page = context.new_page()
            self.runs = open_page(self.page, f"{server}/nettverk")
            self.model = blank()

        def teardown(self):
            self.page.close()

        @rule(region=st.sampled_from(REGIONS))
        def pick_region(self, region):
            if region in self.model["regions"]:
                return
            add_to(self.page, self.runs, "Region", region)
            self.model["regions"] += (region,)

        @rule(label=st.sampled_from(sorted(KINDS)))
        def pick_kind_in_the_popover(self, label):
            if KINDS[label] in self.model["kinds"]:
                return
            body = popover(self.page, "Flere filtre")
            box = body.get_by_test_id("stMultiSelect").filter(has=self.page.get_by_text("Vis bare")).first

            def pick():
                box.get_by_role("combobox").click()
                self.page.get_by_role("option", name=label, exact=True).click()
                self.page.keyboard.press("Escape")

            self.runs.after(pick)
            close_popovers(self.page)
            self.model["kinds"] += (KINDS[label],)

        @rule()
        def switch_people_in_the_popover(self):
            body = popover(self.page, "Flere filtre")
            self.runs.after(lambda: body.get_by_test_id("stCheckbox").filter(has_text="Vis personer").click())
            close_popovers(self.page)
            self.model["people"] = not self.model["people"]

        @rule(date=st.sampled_from(DATES))
        def type_a_date(self, date):
            if date == self.model["asof"]:
                return  # the same text again: nothing to run
            body = popover(self.page, "Kartet")
            field = body.get_by_role("textbox", name="Kartet per dato")
            self.runs.after(lambda: (field.fill(field_text(date)), field.press("Enter")))
            close_popovers(self.page)
            self.model["asof"] = date

        @rule()
        def reset(self):
            close_popovers(self.page)
            self.runs.after(lambda: self.page.get_by_role("button", name="Nullstill filtre").click())
            self.model = blank()

        @rule(name=st.sampled_from(PAGES))
        def change_page(self, name):
            close_popovers(self.page)
            navigate(self.page, self.runs, name)

        @rule()
        def open_the_copied_link(self):
            url = self.page.url
            self.page.close()
            self.page = context.new_page()
            self.runs = open_page(self.page, url)

        @invariant()
        def the_url_and_the_labels_are_the_model(self):
            expect(self.page.get_by_test_id("stSidebar")).to_be_visible()
            assert query_shared(self.page) == expected_query(self.model), self.page.url
            count = len(self.model["kinds"]) + (not self.model["people"])
            label = f"Flere filtre ({count} valgt)" if count else "Flere filtre"
            expect(self.page.get_by_test_id("stPopoverButton").filter(has_text="Flere filtre")).to_contain_text(label)

    try:
        run_state_machine_as_test(
            Filters,
            settings=settings(
                max_examples=int(os.environ.get("KIDASH_BROWSER_MACHINE_EXAMPLES", "4")),
                stateful_step_count=7,
                deadline=None,
                suppress_health_check=list(HealthCheck),
                derandomize=os.environ.get("CI", "").lower() == "true",
                phases=(Phase.explicit, Phase.reuse, Phase.generate),  # shrinking in a browser takes minutes a step
            ),
        )
    finally:
        context.close()


def query_shared(page) -> dict[str, list[str]]:
    return {k: v for k, v in query(page).items() if k in ("region", "kind", "people", "asof")}


def test_reset_after_a_pick_in_a_closed_popover_stays_reset_on_the_next_page(page, server):
    """The newcomer's steps: «Vis bare» = Person in «Flere filtre», close it, «Nullstill filtre», go on."""
    runs = open_page(page, f"{server}/")
    body = popover(page, "Flere filtre")
    box = body.get_by_test_id("stMultiSelect").filter(has=page.get_by_text("Vis bare")).first

    def pick():
        box.get_by_role("combobox").click()
        page.get_by_role("option", name="Person", exact=True).click()
        page.keyboard.press("Escape")

    runs.after(pick)
    assert query(page)["kind"] == ["person"]
    close_popovers(page)
    runs.after(lambda: page.get_by_role("button", name="Nullstill filtre").click())
    navigate(page, runs, "nettverk")
    assert "kind" not in query(page), page.url
    expect(page.get_by_test_id("stPopoverButton").filter(has_text="Flere filtre")).not_to_contain_text("valgt")


def test_a_typed_date_applies_with_enter_or_tab(page, server):
    runs: Runs = open_page(page, f"{server}/nettverk")
    field = popover(page, "Kartet").get_by_role("textbox", name="Kartet per dato")
    runs.after(lambda: (field.fill("15.06.2021"), field.press("Enter")))
    assert query(page)["asof"] == ["2021-06-15"]
    expect(page.get_by_test_id("stPopoverButton").filter(has_text="Kartet")).to_contain_text("15. juni 2021")
    field = popover(page, "Kartet").get_by_role("textbox", name="Kartet per dato")
    runs.after(lambda: (field.fill("16. mars 2022"), field.press("Tab")))
    assert query(page)["asof"] == ["2022-03-16"]
