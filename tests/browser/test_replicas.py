"""Two replicas behind the shipped HAProxy configuration, on loopback: sticky, spread, and a dead
replica's people carried over to the living one with their view (and told their upload is gone).

Runs deploy/haproxy.cfg as shipped (Debian's haproxy; .ci/run installs it) in front of two
``serve.py`` replicas, driven by bench/bench_replicas.py's websocket sessions and by Chromium.
"""

from __future__ import annotations

import asyncio
import re
import shutil
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import screenshot
from tests.browser.helpers import live_network, open_page, send, sidebar_multiselect
from tests.fixtures import tiny_csv_files

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
from bench_replicas import HAPROXY, Cluster, failover  # noqa: E402

from tests.components import need  # noqa: E402

pytestmark = pytest.mark.browser


@pytest.fixture
def cluster():
    need(bool(shutil.which(HAPROXY)), "no haproxy (apt-get install haproxy)")
    with Cluster() as running:
        yield running


def test_hundred_sessions_stay_spread_and_survive_a_dead_replica(cluster):
    # Its own thread and event loop: Playwright's sync API keeps a loop running in this one once
    # any browser test has run in the same process.
    with ThreadPoolExecutor(max_workers=1) as thread:
        found = thread.submit(asyncio.run, failover(cluster, sessions=100, victim="a")).result()
    assert found["spread"].keys() == {"a", "b"} and min(found["spread"].values()) >= 30, found["spread"]
    assert found["stayed"] == found["stayed_later"] == 100, "a session's requests left its replica"
    assert found["survivors"] > 0 and found["survivors_lost"] == 0
    assert found["survivors_untouched"] == found["survivors"], "a session on the living replica changed"
    assert found["reconnected"] == found["orphans"] > 0
    assert found["moved_to"] == {"b": found["orphans"]}
    assert found["same_view"] == found["orphans"], "a reconnected session lost its view"
    assert found["reconnect_max_s"] < 30


def test_a_browser_whose_replica_died_gets_its_view_back_and_hears_its_upload_is_gone(cluster, browser):
    tabs = []
    for _ in range(2):  # both tabs on replica a, as the proxy's cookie would have put them
        context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="nb-NO")
        context.add_cookies([{"name": "KIDASH_REPLICA", "value": "a", "url": cluster.url()}])
        tabs.append(context.new_page())
    network, own = tabs
    network_runs = open_page(network, cluster.url("/nettverk?region=Helse+Vest&colour=region"))
    expect(live_network(network)).to_have_attribute("data-ready", "true", timeout=60_000)
    drawn = int(live_network(network).get_attribute("data-nodes"))
    own_runs = open_page(own, cluster.url("/data"))
    send(own, tiny_csv_files())
    expect(own.locator(".st-key-kd_banner")).to_be_visible(timeout=30_000)
    expect(own).to_have_url(re.compile(r"[?&]data=own"), timeout=30_000)

    before = network_runs.finished, own_runs.finished
    cluster.kill("a")

    # Streamlit's page reconnects by itself; the proxy sends it to b, which runs the page from the URL.
    for tab, runs, finished in ((network, network_runs, before[0]), (own, own_runs, before[1])):
        for _ in range(600):  # a run on a new websocket: the page is b's now, not the old one still on screen
            if runs.finished > finished:
                break
            tab.wait_for_timeout(100)
        assert runs.finished > finished, "the page did not reconnect within a minute"
    expect(sidebar_multiselect(network, "Region")).to_contain_text("Helse Vest", timeout=60_000)
    expect(live_network(network)).to_have_attribute("data-ready", "true", timeout=60_000)
    expect(live_network(network)).to_have_attribute("data-nodes", str(drawn), timeout=60_000)
    assert parse_qs(urlparse(network.url).query)["region"] == ["Helse Vest"]
    assert {c["name"]: c["value"] for c in network.context.cookies()}["KIDASH_REPLICA"] == "b"
    expect(own.get_by_text("lastet opp i en annen økt", exact=False)).to_be_visible(timeout=60_000)
    expect(own.locator(".st-key-kd_banner")).to_have_count(0)
    screenshot(own, "failover-upload-lost")
    for tab in tabs:
        tab.context.close()


def test_two_replicas_on_one_postgresql_store_show_each_others_changes(postgres, browser):
    """The team's deployment: two replicas on one PostgreSQL database. A change saved through one
    replica is on the other's open page within seconds, and still there after its replica dies."""
    need(bool(shutil.which(HAPROXY)), "no haproxy (apt-get install haproxy)")
    with Cluster({"KIDASH_DATABASE_URL": postgres.database()}) as running:
        pages = {}
        for name in ("a", "b"):
            context = browser.new_context(viewport={"width": 1300, "height": 1400}, locale="nb-NO")
            context.add_cookies([{"name": "KIDASH_REPLICA", "value": name, "url": running.url()}])
            pages[name] = context.new_page()
        open_page(pages["b"], running.url("/aktor?actor=dnv"))
        runs = open_page(pages["a"], running.url("/rediger?what=actors&row=dnv"))
        box = pages["a"].get_by_label("Beskrivelse", exact=True)
        box.fill("Lagret gjennom replika a.")
        box.press("Tab")
        why = pages["a"].get_by_label("Hvorfor? (kreves)", exact=True)
        why.fill("to replikaer")
        why.press("Tab")
        pages["a"].wait_for_timeout(300)
        runs.after(lambda: pages["a"].get_by_role("button", name="Lagre", exact=True).click())
        expect(pages["a"].get_by_text("Lagret (endring 2)")).to_be_visible()
        expect(pages["b"].get_by_text("Lagret gjennom replika a.").first).to_be_visible(timeout=10_000)
        running.kill("a")
        # A new tab of a's browser (its cookie still says a): the proxy sends it to b, on the same
        # store. (Not a goto in the old tab: its page, reconnecting by itself, may abort that load.)
        later = pages["a"].context.new_page()
        open_page(later, running.url("/historikk"))
        expect(later.get_by_text("Hvorfor: to replikaer")).to_be_visible()
        for page in pages.values():
            page.context.close()
