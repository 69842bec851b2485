"""The map through time: how long a new date takes, on the shipped data and on 5,000 dated actors.

Usage: python bench/bench_time.py [--steps 4]

Prints, for each dataset:
- server: the view at a new date computed from scratch (filter as of the date, marks of what changed
  since the date before, drawing data), median over the map's first dates;
- browser: «Neste dato» clicked to the live network redrawn in place (its update counter moves and it
  is ready), median over ``--steps`` clicks, with what changed marked;
- the story deck (one slide per date, at most 10) built from scratch.
Everything runs on 127.0.0.1; Chromium is Debian's.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from bench_browser import CHROMIUM_ARGS, free_port, network_ready, start  # noqa: E402

from kidash.data.dataset import dataset_from_frames, load_dataset  # noqa: E402
from kidash.data.synthetic import synthetic_tables  # noqa: E402
from kidash.exports.page_decks import story_deck  # noqa: E402
from kidash.map import changes  # noqa: E402
from kidash.map.filters import Filters, filter_graph  # noqa: E402
from kidash.map.graph import build_graph  # noqa: E402
from kidash.network.drawing import ViewOptions, map_positions  # noqa: E402
from kidash.network.shown import shown_network  # noqa: E402
from kidash.view.dates import dated_moments  # noqa: E402


def first_drawn(full) -> int:
    """The index of the map's first date with something on the map (as stated by then)."""
    moments = dated_moments(full)
    return next(i for i, m in enumerate(moments) if filter_graph(full, Filters(as_of=m)).number_of_nodes())


def server_side(dataset, steps: int) -> tuple[float, float, int, int]:
    """(median seconds for a view at a new date, seconds for the story deck, dates, slides)."""
    full = build_graph(dataset)
    map_positions(full)  # laid out once per map, as the app does when the data is loaded
    moments = dated_moments(full)[first_drawn(full) :]
    options = ViewOptions(lang="nb")
    times = []
    for before, date in zip(moments, moments[1 : steps + 1], strict=False):
        started = time.perf_counter()
        shown_network(full, dataset, Filters(as_of=date), "roles", options, since=before)
        times.append(time.perf_counter() - started)
    dates = changes.story_dates(moments, moments[0], moments[-1])

    def network_at(date, since):
        return shown_network(full, dataset, replace(Filters(), as_of=date), "roles", options, since=since)

    started = time.perf_counter()
    story_deck(dataset, full, Filters(), dates, network_at, "nb")
    deck = time.perf_counter() - started
    return statistics.median(times), deck, len(moments), len(dates)


def browser_side(page, base: str, steps: int, first: str) -> float:
    """Median seconds from a click on «Neste dato» to the live network redrawn, changes marked,
    starting at the map's ``first`` date."""
    page.goto(f"{base}/nettverk?changes=1&asof={first}")
    network_ready(page)
    root = page.locator(".kd-net").first
    button = page.get_by_test_id("stSidebar").get_by_role("button", name="Neste dato")
    times = []
    for _ in range(steps):
        if button.is_disabled():
            break
        before = root.get_attribute("data-updates")
        started = time.perf_counter()
        button.click()
        expect(root).not_to_have_attribute("data-updates", before, timeout=60_000)
        expect(root).to_have_attribute("data-ready", "true", timeout=60_000)
        times.append(time.perf_counter() - started)
        page.wait_for_timeout(300)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=4)
    steps = parser.parse_args().steps
    rows = []
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        for name, frame in synthetic_tables(5_000).items():
            frame.to_csv(Path(folder) / f"{name}.csv", index=False)
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1500, "height": 1000})
        for label, dataset, env in (
            ("shipped", load_dataset(), None),
            (
                "5,000 actors",
                dataset_from_frames(synthetic_tables(5_000), label="synthetic"),
                {"KIDASH_DATA_DIR": folder},
            ),
        ):
            view, deck, moments, slides = server_side(dataset, steps)
            full = build_graph(dataset)
            first = dated_moments(full)[first_drawn(full)]
            app, _ = start(ROOT / "serve.py", port := free_port(), env)
            try:
                redraw = browser_side(page, f"http://127.0.0.1:{port}", steps, first)
            finally:
                app.terminate()
            rows.append((label, len(dataset.actors), moments, view, redraw, deck, slides))
        browser.close()
    print(f"{'data':<14} | {'actors':>6} | {'dates':>5} | {'view at a new date':>18} | "
          f"{'«Neste dato» to redrawn':>23} | story deck")  # fmt: skip
    for label, actors, moments, view, redraw, deck, slides in rows:
        print(f"{label:<14} | {actors:>6} | {moments:>5} | {view:>16.3f} s | {redraw:>21.2f} s | "
              f"{deck:.1f} s ({slides} slides)")  # fmt: skip


if __name__ == "__main__":
    main()
