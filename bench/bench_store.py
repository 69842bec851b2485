"""The store's speed: a save, twenty people saving at once, the history and the map at a past
change with 10,000 changes, and a 20,000-actor map read cold; on SQLite, and on PostgreSQL when
Debian's server is installed (a throw-away cluster, as the tests start).

Usage: python bench/bench_store.py [--changes 10000] [--actors 20000] [--editors 20]
Prints one block per database: seconds (median and p95 where repeated).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kidash.data.synthetic import synthetic_tables  # noqa: E402
from kidash.store import history  # noqa: E402
from kidash.store.content import map_rows, tables_from_frames  # noqa: E402
from kidash.store.edits import Conflict, Edit, save  # noqa: E402
from kidash.store.loading import load_map  # noqa: E402
from kidash.store.maps import create_map  # noqa: E402
from kidash.store.opening import open_store  # noqa: E402


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, int(len(values) * 0.95) - 1)]


def edit_of(store, slug: str, key: str, text: str) -> Edit:
    rows = map_rows(store, slug)[1]["actors"]
    _, revision, cells = next(r for r in rows if r[0] == key)
    return Edit("actors", {**cells, "description": text}, key, revision)


def one_writer(store, saves: int = 50) -> list[float]:
    keys = [k for k, _, _ in map_rows(store, "kidash")[1]["actors"]][:10]
    took = []
    for n in range(saves):
        edit = edit_of(store, "kidash", keys[n % len(keys)], f"beskrivelse {n}")
        start = time.perf_counter()
        save(store, "kidash", edit, "bench", "måling")
        took.append(time.perf_counter() - start)
    return took


def many_writers(store, editors: int, saves: int = 5) -> tuple[list[float], int]:
    """``editors`` threads, each saving its own actor ``saves`` times, all at once."""
    keys = [k for k, _, _ in map_rows(store, "kidash")[1]["actors"]][:editors]
    took: list[float] = []
    conflicts = [0]
    barrier = threading.Barrier(editors)

    def person(key: str) -> None:
        barrier.wait()
        for n in range(saves):
            edit = edit_of(store, "kidash", key, f"{key} {n}")
            start = time.perf_counter()
            try:
                save(store, "kidash", edit, key, "samtidig")
            except Conflict:
                conflicts[0] += 1
            took.append(time.perf_counter() - start)

    threads = [threading.Thread(target=person, args=(key,)) for key in keys]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return took, conflicts[0]


def with_changes(store, count: int) -> float:
    """Fill the history up to ``count`` changes (as fast as saves go); seconds it took."""
    keys = [k for k, _, _ in map_rows(store, "kidash")[1]["actors"]][:40]
    start = time.perf_counter()
    have = len(history.history(store, "kidash"))
    for n in range(have, count):
        save(store, "kidash", edit_of(store, "kidash", keys[n % len(keys)], f"endring {n}"), "bench", "fyll")
    return time.perf_counter() - start


def measure(url: str, changes: int, actors: int, editors: int) -> dict[str, str]:
    found: dict[str, str] = {}
    start = time.perf_counter()
    store = open_store(url)
    found["open + seed (s)"] = f"{time.perf_counter() - start:.2f}"
    single = one_writer(store)
    found["one save (median / p95 s)"] = f"{statistics.median(single):.4f} / {p95(single):.4f}"
    together, conflicts = many_writers(store, editors)
    found[f"{editors} editors at once (median / p95 s)"] = (
        f"{statistics.median(together):.4f} / {p95(together):.4f} ({conflicts} conflicts)"
    )
    found[f"history filled to {changes} changes (s)"] = f"{with_changes(store, changes):.1f}"
    start = time.perf_counter()
    listed = history.history(store, "kidash")
    found[f"history of {len(listed)} changes listed (s)"] = f"{time.perf_counter() - start:.3f}"
    start = time.perf_counter()
    history.history(store, "kidash", actor=listed[0].key)
    found["history of one actor (s)"] = f"{time.perf_counter() - start:.3f}"
    middle = listed[len(listed) // 2].id
    start = time.perf_counter()
    load_map(store, "kidash", at_change=middle)
    found[f"map at change {middle} of {len(listed)} (s)"] = f"{time.perf_counter() - start:.3f}"
    big = create_map(store, "Stor", "bench", tables_from_frames(synthetic_tables(actors)))
    store.engine.dispose()
    cold = open_store(url, seed=False)
    start = time.perf_counter()
    _, dataset = load_map(cold, big.slug)
    found[f"{len(dataset.actors)}-actor map read cold (s)"] = f"{time.perf_counter() - start:.2f}"
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=10_000)
    parser.add_argument("--actors", type=int, default=20_000)
    parser.add_argument("--editors", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        targets = [("SQLite", f"sqlite:///{folder}/bench.sqlite3")]
        server = None
        try:
            from tests.components import PostgresServer, postgres_bin

            if postgres_bin() is not None:
                server = PostgresServer()
                targets.append(("PostgreSQL", server.database()))
        except Exception as err:  # noqa: BLE001 - PostgreSQL is optional here
            print(f"(PostgreSQL not measured: {err})")
        try:
            for name, url in targets:
                print(f"\n{name}")
                for what, value in measure(url, args.changes, args.actors, args.editors).items():
                    print(f"  {what:<48} {value}")
        finally:
            if server is not None:
                server.stop()


if __name__ == "__main__":
    main()
