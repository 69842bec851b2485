"""A hostile but valid upload in Chromium: every page, picker and expander, and nothing becomes markup.

The workbook is made from the template; its names, notes, titles and file
name carry Markdown, HTML and spreadsheet payloads that would become links,
pictures, emphasis or formulas if any path let them through. After each step:
no link or picture from the data, no dialog, no request to any host but
127.0.0.1, and the page is served with a Content-Security-Policy.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from kidash.data.dataset import dataset_from_frames
from kidash.exports import template
from tests.browser.conftest import screenshot, watch_dialogs
from tests.browser.helpers import Runs, banner, choose, go, open_data_page, send
from tests.fixtures import TINY, frames_from_rows

pytestmark = pytest.mark.browser

OUTSIDE = "example.invalid"
NAMES = {
    "dir": f"**Fet** <img src=http://{OUTSIDE}/c.png onerror=alert(1)> http://{OUTSIDE}/d",
    "tru": "Helse;=cmd|' /C calc'!A0",
    "per": f'<a href="http://{OUTSIDE}/e">Per</a> ~~strek~~ `kode`',
    "ini": f"[klikk her](http://{OUTSIDE}/a)",
    "sub": ":red[rød] $x^2$ _kursiv_ :material/home:",
    "oth": f"![bilde](http://{OUTSIDE}/b.png)",
    "rep": f"www.{OUTSIDE} <svg onload=alert(2)>",
}
FILE_NAME = f"ond [x](http___{OUTSIDE}) data.xlsx"


def hostile_workbook() -> bytes:
    rows = {table: [list(r) for r in body] for table, body in TINY.items()}
    for row in rows["actors"][1:]:
        row[1] = NAMES[row[0]]
    rows["relations"][0].append("note")
    rows["relations"][1].append(f"**Sitat** [kilde](http://{OUTSIDE}/f) =1+1")
    for row in rows["relations"][2:]:
        row.append("")
    rows["documents"][1][1] = f"![d](http://{OUTSIDE}/g.png) Kilde"
    dataset = dataset_from_frames(frames_from_rows(rows), label="x")
    return template.workbook_bytes(template.dataset_tables(dataset))


def assert_nothing_from_data(page) -> None:
    for frame in page.frames:
        assert frame.locator(f"a[href*='{OUTSIDE}'], a[href^='mailto:']").count() == 0, frame.url
        assert frame.locator(f"img[src*='{OUTSIDE}'], svg[onload], img[onerror]").count() == 0, frame.url
    main = page.get_by_test_id("stMain")
    for link in main.get_by_test_id("stPageLink").filter(has_text="_kursiv_").all():
        assert ":material/home:" in link.inner_text().replace("\u2060", ""), link.inner_text()  # text, no icon
    assert main.locator("strong:text-is('Fet'), em:text-is('kursiv')").count() == 0
    assert page.request_log.outside_hosts() == []


def open_every_expander(page, runs: Runs) -> None:
    for summary in page.get_by_test_id("stExpander").locator("summary").all():
        if summary.is_visible():
            summary.click()
    page.wait_for_timeout(300)


def test_a_hostile_upload_stays_text_on_every_page(page, server):
    dialogs = watch_dialogs(page)
    responses = []
    page.on("response", lambda response: responses.append(response))
    runs = Runs(page)
    open_data_page(page, server)
    send(page, [(FILE_NAME, hostile_workbook())])
    expect(banner(page)).to_contain_text(FILE_NAME, timeout=30_000)
    assert_nothing_from_data(page)
    steps = [
        ("", None),
        ("nettverk", ("Fokus på aktør", NAMES["per"])),
        ("initiativer", ("Initiativ", NAMES["oth"])),
        ("aktor", ("Aktør", NAMES["dir"])),
        ("aktor", ("Aktør", NAMES["per"])),
        ("tidslinje", None),
        ("analyse", ("Fra", NAMES["per"])),
        ("analyse", ("Til", NAMES["dir"])),
        ("data", None),
    ]
    for path, pick in steps:
        runs.after(lambda path=path: go(page, path))
        expect(page.get_by_role("heading", level=1)).to_be_visible(timeout=30_000)
        if pick:
            choose(page, runs, *pick)
        open_every_expander(page, runs)
        expect(page.get_by_test_id("stException")).to_have_count(0)
        assert_nothing_from_data(page)
        screenshot(page, f"hostile-{path or 'home'}")
    assert dialogs == []
    documents = [r for r in responses if r.request.resource_type == "document"]
    assert documents and all("content-security-policy" in r.headers for r in documents)


def test_the_page_is_served_with_a_policy_that_blocks_outside_hosts(page, server):
    page.goto(server)
    expect(page.get_by_role("heading", level=1)).to_be_visible(timeout=30_000)
    blocked = page.evaluate(
        """() => new Promise(done => {
            document.addEventListener('securitypolicyviolation', e => done(e.blockedURI));
            const picture = document.createElement('img');
            picture.src = 'http://example.invalid/x.png';
            document.body.appendChild(picture);
            setTimeout(() => done(null), 5000);
        })"""
    )
    assert blocked == "http://example.invalid/x.png"
