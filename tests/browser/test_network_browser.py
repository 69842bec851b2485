"""The network page in real Chromium: drawing, filters, URL, downloads, offline, escaping."""

import struct

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser


def network_frame(page):
    """The component iframe once vis-network has drawn and stopped."""
    frame = page.frame_locator("iframe").first
    expect(frame.locator("body")).to_have_attribute("data-ready", "true", timeout=30_000)
    return frame


def drawn_nodes(frame) -> int:
    return int(frame.locator("body").get_attribute("data-nodes"))


def test_canvas_draws_the_whole_map(page, server, shipped):
    page.goto(f"{server}/nettverk")
    frame = network_frame(page)
    assert drawn_nodes(frame) == len(shipped.actors)
    box = frame.locator("#kd-network canvas").bounding_box()
    assert box["width"] > 600 and box["height"] > 500
    expect(frame.locator(".kd-side")).to_contain_text("Tegnforklaring")
    expect(page.get_by_test_id("stException")).to_have_count(0)
    screenshot(page, "network-nb")
    assert page.request_log.outside_hosts() == []


def test_changing_a_filter_redraws_with_fewer_nodes(page, server):
    page.goto(f"{server}/nettverk")
    frame = network_frame(page)
    before = drawn_nodes(frame)
    region = page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").first
    region.get_by_role("combobox").click()
    page.get_by_role("option", name="Helse Vest").click()
    page.keyboard.press("Escape")
    frame = page.frame_locator("iframe").first
    expect(frame.locator("body")).not_to_have_attribute("data-nodes", str(before), timeout=30_000)
    assert 0 < drawn_nodes(network_frame(page)) < before
    expect(page).to_have_url(__import__("re").compile(r"region=Helse\+Vest|region=Helse%20Vest"))


def test_a_link_with_filters_opens_that_view(page, server):
    page.goto(f"{server}/nettverk?region=Helse+Vest&people=0&colour=initiative")
    frame = network_frame(page)
    assert drawn_nodes(frame) == 12
    expect(frame.locator(".kd-side")).to_contain_text("Farge: initiativ")
    screenshot(page, "network-helse-vest")


def test_downloaded_html_draws_offline(page, server, browser, tmp_path):
    page.goto(f"{server}/nettverk?focus=kin")
    network_frame(page)
    with page.expect_download() as download:
        page.get_by_test_id("stDownloadButton").get_by_role("button").click()
    assert download.value.suggested_filename.startswith("kidash-nettverk-")
    path = tmp_path / "network.html"
    download.value.save_as(path)
    context = browser.new_context()
    requests = []
    context.route(
        "**/*",
        lambda route: (
            requests.append(route.request.url),
            route.abort() if not route.request.url.startswith("file:") else route.continue_(),
        ),
    )
    offline = context.new_page()
    offline.goto(path.as_uri())
    expect(offline.locator("body")).to_have_attribute("data-ready", "true", timeout=30_000)
    assert offline.locator("body").get_attribute("data-nodes") == "12"
    assert [u for u in requests if not u.startswith("file:")] == []
    context.close()


def test_png_button_saves_a_slide_sized_picture(page, server, tmp_path):
    page.goto(f"{server}/nettverk?focus=kin")
    frame = network_frame(page)
    with page.expect_download() as download:
        frame.get_by_role("button", name="Last ned PNG").click()
    assert download.value.suggested_filename.startswith("kidash-nettverk")
    path = tmp_path / "network.png"
    download.value.save_as(path)
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", header[16:24])
    assert (width, height) == (1920, 1080)
