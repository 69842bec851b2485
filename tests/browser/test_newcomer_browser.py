"""What a newcomer tripped over, done in Chromium as they did it: a corrected workbook uploaded after a
broken one, an error that names the workbook's sheet, and Streamlit's own words in Norwegian."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import Runs, banner, choose, open_data_page, open_page, popover, send
from tests.fixtures import tiny_sheets, workbook

pytestmark = pytest.mark.browser


def broken_workbook() -> bytes:
    sheets = tiny_sheets()
    sheets["relations"][1][1] = "finnes-ikke"  # a target no actor has, spreadsheet row 2
    return workbook(sheets)


def test_uploading_the_corrected_workbook_after_an_error_replaces_the_broken_one(page, server):
    open_data_page(page, server)
    send(page, [("broken.xlsx", broken_workbook())])
    error = page.locator(".kd-note-error")
    expect(error).to_contain_text("broken.xlsx", timeout=30_000)
    # the problem names the sheet it points into, not a CSV file the person never had
    table = page.get_by_test_id("stHtml").filter(has_text="Fil eller ark")
    expect(table).to_contain_text("«finnes-ikke» finnes ikke i broken.xlsx › actors")
    expect(table).not_to_contain_text("actors.csv")
    send(page, [("valid.xlsx", workbook(tiny_sheets()))])  # as the message says: fix it, upload it again
    expect(page.locator(".kd-note-success")).to_contain_text("«valid.xlsx» er lastet inn", timeout=30_000)
    expect(banner(page)).to_contain_text("valid.xlsx")
    expect(page.locator(".kd-note-error")).to_have_count(0)


def test_a_corrected_csv_file_replaces_its_table_among_the_four(page, server):
    from tests.fixtures import TINY, csv_text

    open_data_page(page, server)
    files = [(f"{name}.csv", csv_text(rows).encode()) for name, rows in TINY.items()]
    actors = [list(r) for r in TINY["actors"]]
    actors[2][4] = "organisasjon"
    broken = [("actors.csv", csv_text(actors).encode()), *files[1:]]
    send(page, broken)
    expect(page.locator(".kd-note-error")).to_contain_text("actors.csv", timeout=30_000)
    send(page, [("actors.csv", files[0][1])])  # only the corrected file: the other three are kept
    expect(page.locator(".kd-note-success")).to_contain_text("er lastet inn", timeout=30_000)


def test_streamlits_own_words_speak_the_pages_language(page, server):
    runs = open_data_page_runs(page, server)
    uploader = page.get_by_test_id("stFileUploader").first
    expect(uploader).to_contain_text("Last opp")
    expect(uploader).to_contain_text("Høyst 20 MB per fil")
    expect(uploader).not_to_contain_text("Upload")
    expect(uploader).not_to_contain_text("per file")
    helps = page.evaluate("() => [...document.querySelectorAll('[aria-label]')].map(e => e.getAttribute('aria-label'))")
    assert not [label for label in helps if label.startswith("Help for") or label == "Open"], helps
    choose(page, runs, "Språk / Language", "English")
    expect(uploader).to_contain_text("Upload")
    expect(uploader).not_to_contain_text("Last opp")


def open_data_page_runs(page, server) -> Runs:
    runs = open_page(page, f"{server}/data")
    expect(page.get_by_test_id("stFileUploader")).to_be_visible(timeout=30_000)
    return runs


def test_a_text_field_says_how_to_apply_in_norwegian(page, server):
    open_page(page, f"{server}/nettverk")
    field = popover(page, "Kartet").get_by_role("textbox", name="Kartet per dato")
    field.click()
    field.type("1")
    expect(page.get_by_test_id("InputInstructions").first).to_have_text("Trykk Enter for å bruke")
