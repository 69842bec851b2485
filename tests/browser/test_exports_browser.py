"""Downloads in real Chromium: the server-side PNG, the deck and the workbook, opened again."""

import datetime as dt
import io
import struct

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect
from pptx import Presentation

from tests.browser.helpers import download

pytestmark = pytest.mark.browser


def open_exports(page, server, path):
    """Open a page and its export panel."""
    page.goto(f"{server}/{path}")
    expect(page.get_by_role("heading", level=1)).to_be_visible(timeout=30_000)
    page.get_by_test_id("stExpander").filter(has_text="Eksport").locator("summary").click()


def test_timeline_png_deck_and_workbook(page, server, tmp_path):
    today = dt.date.today().isoformat()
    open_exports(page, server, "tidslinje")
    name, png = download(page, "PNG (1920×1080)", tmp_path)
    assert name == f"kidash-tidslinje-{today}.png"
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", png[16:24]) == (1920, 1080)

    name, deck = download(page, "Presentasjon (PowerPoint)", tmp_path)
    assert name == f"kidash-tidslinje-presentasjon-{today}.pptx", "page, view (the whole map) and date"
    slides = Presentation(io.BytesIO(deck)).slides
    assert "kidash – Tidslinje: hele kartet" in " ".join(
        s.text_frame.text for s in slides[0].shapes if s.has_text_frame
    )
    assert "Kilder" in slides[1].notes_slide.notes_text_frame.text
    # title, timeline, network picture, actors table, sources
    assert len(slides) == 5
    assert any("Tidslinje 2020–2025" in s.text_frame.text for s in slides[1].shapes if s.has_text_frame)
    assert sum(1 for s in slides[2].shapes if s.shape_type == 13) == 1

    name, workbook = download(page, "Tabellene (Excel)", tmp_path)
    assert name == f"kidash-tabeller-{today}.xlsx"
    book = load_workbook(io.BytesIO(workbook))
    # the whole map: with its background facts (the 2024 merger), so it uploads as the same data
    assert book.sheetnames == ["actors", "relations", "events", "documents", "background"]
    assert book["documents"].max_row == 6
    assert page.request_log.outside_hosts() == []
