"""Own data in real Chromium: a broken upload, a valid one on every page, two users at once, nothing written."""

from __future__ import annotations

import hashlib

import pytest
from playwright.sync_api import expect

from kidash.data import upload
from kidash.data.dataset import DATA_DIR
from kidash.exports import template
from kidash.map import summary
from tests.browser.conftest import screenshot, watch_dialogs
from tests.browser.helpers import banner, download, go, open_data_page, send
from tests.fixtures import TINY, csv_text, tiny_csv_files

pytestmark = pytest.mark.browser

HOSTILE = "<img src=x onerror=alert(1)>"


def shipped_hashes() -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(DATA_DIR.iterdir()) if p.is_file()}


@pytest.fixture(scope="module", autouse=True)
def shipped_files_untouched():
    """The app never writes data/: the files are byte for byte the same after every upload below."""
    before = shipped_hashes()
    yield
    assert shipped_hashes() == before


def test_a_broken_upload_shows_the_problem_table_and_keeps_the_shipped_data(page, server, shipped):
    open_data_page(page, server)
    rows = [list(r) for r in tiny_csv_files()]
    actors = [["id", "name", "short_name", "aliases", "kind", "type", "region"]]
    actors.append(["dir", "Direktoratet", "", "", "organisasjon", "directorate", "Nasjonal"])
    rows[0] = ("actors.csv", csv_text(actors, ";").encode("cp1252"))
    send(page, rows)
    error = page.locator(".kd-note-error")
    expect(error).to_contain_text("kan ikke lastes", timeout=30_000)
    table = page.get_by_test_id("stHtml").filter(has=page.locator("table")).filter(has_text="Fil eller ark")
    expect(table).to_contain_text("Mente du «organisation»?")
    cells = table.locator("tbody tr").first.locator("td")
    expect(cells.nth(0)).to_have_text("actors.csv")
    expect(cells.nth(1)).to_have_text("2")
    expect(cells.nth(2)).to_have_text("kind")
    expect(banner(page)).to_have_count(0)
    screenshot(page, "data-upload-problems")
    page.goto(server)
    expect(page.get_by_test_id("stMetric").first).to_contain_text(
        str(summary.counts(shipped)["organisations"]), timeout=30_000
    )


def test_a_valid_upload_drives_every_page_until_the_way_back(page, server, shipped, tmp_path):
    dialogs = watch_dialogs(page)
    open_data_page(page, server)
    files = tiny_csv_files()
    rows = [list(r) for r in TINY["actors"]]
    rows[6][1] = HOSTILE  # «oth», a main initiative with no leader
    files[0] = ("actors.csv", csv_text(rows, ";").encode("utf-8-sig"))
    send(page, files)
    expect(page.locator(".kd-note-success")).to_contain_text("er lastet inn", timeout=30_000)
    expect(banner(page)).to_contain_text("actors.csv, relations.csv")
    leaderless = (
        page.get_by_test_id("stHtml")
        .filter(has_text="Alene")
        .or_(page.get_by_test_id("stHtml").filter(has_text=HOSTILE))
    )
    expect(leaderless.first).to_contain_text(HOSTILE)
    screenshot(page, "data-uploaded")

    # The same data, downloaded again, uploads to the same dataset.
    name, raw = download(page, "Excel-arbeidsbok", tmp_path)
    assert name.endswith(".xlsx")
    uploaded = upload.load_upload(files)
    assert upload.load_upload([(name, raw)]).fingerprint == uploaded.fingerprint

    for path, heading in (("nettverk", "Nettverk"), ("initiativer", "Hvem leder, deltar"), ("", "KI-styring")):
        go(page, path)
        expect(banner(page)).to_be_visible(timeout=30_000)
        expect(page.get_by_role("heading", level=1)).to_contain_text(heading, ignore_case=True)
    go(page, "")
    expect(page.get_by_test_id("stMetric").first).to_contain_text("2", timeout=30_000)  # TINY's organisations
    assert page.locator("img[src='x']").count() == 0

    banner(page).get_by_role("button").click()
    expect(banner(page)).to_have_count(0, timeout=30_000)
    expect(page.get_by_test_id("stMetric").first).to_contain_text(str(summary.counts(shipped)["organisations"]))
    assert dialogs == []
    assert page.request_log.outside_hosts() == []


def test_two_sessions_at_once_never_see_each_others_data(browser, server, shipped):
    contexts = [browser.new_context(viewport={"width": 1400, "height": 1000}) for _ in range(2)]
    alice, bob = (context.new_page() for context in contexts)
    try:
        open_data_page(alice, server)
        open_data_page(bob, server)
        send(alice, [("alice.xlsx", template.template_bytes())])
        expect(alice.locator(".kd-note-success")).to_contain_text("alice.xlsx", timeout=30_000)
        # Bob, in the same server at the same time, still sees the shipped data, with no banner.
        bob.goto(server)
        organisations = str(summary.counts(shipped)["organisations"])
        expect(bob.get_by_test_id("stMetric").first).to_contain_text(organisations, timeout=30_000)
        expect(banner(bob)).to_have_count(0)
        # Bob uploads his own; Alice still sees hers.
        open_data_page(bob, server)
        send(bob, tiny_csv_files())
        expect(bob.locator(".kd-note-success")).to_contain_text("actors.csv", timeout=30_000)
        go(alice, "initiativer")  # in-app navigation: a reload would start a new, empty session
        expect(banner(alice)).to_contain_text("alice.xlsx", timeout=30_000)
        expect(alice.get_by_test_id("stMain").get_by_role("heading", level=2).first).to_contain_text("Mitt KI-prosjekt")
        go(bob, "initiativer")
        expect(banner(bob)).to_contain_text("actors.csv", timeout=30_000)
        expect(bob.locator("body")).not_to_contain_text("Mitt KI-prosjekt")
        # A third, fresh session sees neither.
        carol = browser.new_context().new_page()
        carol.goto(server)
        expect(carol.get_by_test_id("stMetric").first).to_contain_text(organisations, timeout=30_000)
        expect(banner(carol)).to_have_count(0)
        carol.context.close()
    finally:
        for context in contexts:
            context.close()
