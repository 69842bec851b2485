"""A crash mid-save leaves no half change: a writer process killed at a random moment, and the
database server itself killed under a writer (PostgreSQL), leave every save whole or absent, and
every save that was confirmed is still there afterwards."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import threading
import time

import pytest

from kidash.store.content import load_records
from kidash.store.edits import Edit, save
from kidash.store.maps import get_map
from kidash.store.opening import open_store

WRITER = textwrap.dedent(
    """
    import sys
    from kidash.store.edits import Edit, save
    from kidash.store.opening import open_store

    store = open_store(sys.argv[1])
    actor = {"name": "x", "kind": "organisation", "type": "other_organisation", "region": "Nasjonal", "documents": "kin-2021"}
    n = 0
    while True:
        save(store, "kidash", [
            Edit("actors", {**actor, "id": f"ny-{n}", "name": f"Ny {n}"}),
            Edit("relations", {"source": f"ny-{n}", "target": "kin", "relation": "member", "document": "kin-2021",
                               "inferred": "true", "note": "prøve"}),
        ], "skriver", f"lagring {n}")
        print(n, flush=True)
        n += 1
    """
)


def whole(store) -> tuple[set, set, int]:
    """New actors, new relations' sources, and the count of changes that made them, checked whole."""
    info = get_map(store, "kidash")
    with store.read() as connection:
        rows = load_records(connection, info.id)
    actors = {k for k, _, _ in rows["actors"] if k.startswith("ny-")}
    sources = {c["source"] for _, _, c in rows["relations"] if c["source"].startswith("ny-")}
    from kidash.store import history

    made = [c for c in history.history(store, "kidash") if c.author == "skriver"]
    assert actors == sources, "an actor without its relation, or the reverse: a half change"
    assert len(made) == 2 * len(actors)
    assert info.version == 1 + len(actors)
    return actors, sources, len(made)


def test_a_writer_killed_mid_save_leaves_no_half_change(store_url, tmp_path):
    open_store(store_url)  # migrated and seeded before the writer starts
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    rng = random.Random(7)
    confirmed = -1
    for _round in range(3):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER.replace("n = 0", f"n = {confirmed + 1}"), store_url],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        )  # fmt: skip
        for _ in range(rng.randint(2, 6)):
            line = writer.stdout.readline()
            assert line, writer.stderr.read()
            confirmed = int(line)
        time.sleep(rng.uniform(0, 0.05))  # somewhere inside the next save
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        for line in writer.stdout.read().split():
            confirmed = int(line)
        store = open_store(store_url)
        actors, _, _ = whole(store)
        assert f"ny-{confirmed}" in actors  # a confirmed save survives the crash
        confirmed = max(int(a.removeprefix("ny-")) for a in actors)
        store.engine.dispose()


def test_a_killed_database_server_loses_no_confirmed_save(postgres):
    url = postgres.database()
    store = open_store(url)
    actor = {
        "name": "x",
        "kind": "organisation",
        "type": "other_organisation",
        "region": "Nasjonal",
        "documents": "kin-2021",
    }
    confirmed: list[int] = []
    failures: list[str] = []
    stop = threading.Event()

    def writer() -> None:
        n = 0
        while not stop.is_set():
            try:
                save(store, "kidash", [
                    Edit("actors", {**actor, "id": f"ny-{n}", "name": f"Ny {n}"}),
                    Edit("relations", {"source": f"ny-{n}", "target": "kin", "relation": "member",
                                       "document": "kin-2021", "inferred": "true", "note": "prøve"}),
                ], "skriver")  # fmt: skip
                confirmed.append(n)
                n += 1
            except Exception as err:  # noqa: BLE001 - the server is down: the save is refused, try the next
                failures.append(type(err).__name__)
                n += 1
                time.sleep(0.05)

    thread = threading.Thread(target=writer)
    thread.start()
    while len(confirmed) < 5:
        time.sleep(0.01)
    postgres.kill()
    time.sleep(0.5)
    postgres.start()
    seen = len(confirmed)
    deadline = time.monotonic() + 20
    while len(confirmed) < seen + 3 and time.monotonic() < deadline:  # saving works again after the restart
        time.sleep(0.05)
    stop.set()
    thread.join()
    assert failures, "the writer never noticed the server going away"
    assert len(confirmed) >= seen + 3
    actors, _, _ = whole(store)
    assert {f"ny-{n}" for n in confirmed} <= actors


@pytest.mark.parametrize("kill_at", [1, 3])
def test_a_crash_inside_the_transaction_writes_nothing(store_url, kill_at):
    """The same as a kill, from the inside: an error after some of a save's rows are written rolls
    all of them back."""
    store = open_store(store_url)
    from kidash.store import edits

    calls = {"n": 0}
    real = edits.now

    def failing_now():
        calls["n"] += 1
        if calls["n"] == kill_at:
            raise RuntimeError("crash")
        return real()

    before = whole(store)
    edits.now = failing_now
    try:
        with pytest.raises(RuntimeError):
            for n in range(3):
                save(store, "kidash", [
                    Edit("actors", {"id": f"ny-{n}", "name": f"Ny {n}", "kind": "organisation", "type": "other_organisation",
                                    "region": "Nasjonal", "documents": "kin-2021"}),
                    Edit("relations", {"source": f"ny-{n}", "target": "kin", "relation": "member",
                                       "document": "kin-2021", "inferred": "true", "note": "prøve"}),
                ], "skriver")  # fmt: skip
    finally:
        edits.now = real
    after = whole(store)
    assert len(after[0]) == kill_at - 1 and after[0] >= before[0]
