"""The home page in real Chromium: counts, language switch, nothing from outside."""

import re

import pytest
from playwright.sync_api import expect

from kidash.map import summary
from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser


def open_home(page, server, query=""):
    """Open the home page and wait for the counts to draw."""
    page.goto(f"{server}/{query}")
    expect(page.get_by_test_id("stMetric").first).to_be_visible(timeout=30_000)


def test_home_shows_counts_without_errors_or_outside_requests(page, server, shipped):
    open_home(page, server)
    counts = summary.counts(shipped)
    metrics = page.get_by_test_id("stMetric")
    expect(metrics).to_have_count(5)
    expect(metrics.filter(has_text="Organisasjoner")).to_contain_text(str(counts["organisations"]))
    expect(metrics.filter(has_text="Personer")).to_contain_text(str(counts["people"]))
    expect(metrics.filter(has_text="Relasjoner")).to_contain_text(str(counts["relations"]))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Hvem leder")
    expect(page.get_by_test_id("stException")).to_have_count(0)
    screenshot(page, "home-nb")
    assert page.request_log.outside_hosts() == []


def test_language_switch_goes_into_the_url(page, server):
    open_home(page, server)
    page.get_by_test_id("stSidebar").get_by_test_id("stSelectbox").get_by_role("combobox").click()
    page.get_by_role("option", name="English").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Who leads", timeout=15_000)
    expect(page).to_have_url(re.compile(r"[?&]lang=en\b"))
    screenshot(page, "home-en")
    assert page.request_log.outside_hosts() == []


def test_url_language_opens_in_english(page, server):
    open_home(page, server, "?lang=en")
    expect(page.get_by_test_id("stMetric").filter(has_text="People")).to_have_count(1)
