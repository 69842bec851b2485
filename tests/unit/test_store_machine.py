"""Several editors at once, as a state machine: each reads rows, edits what they read, undoes
changes; the store must show exactly what a model of «last confirmed save wins, a save over an
unseen change is refused» says, on SQLite and on PostgreSQL, whatever the order."""

from __future__ import annotations

import os
import tempfile

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule, run_state_machine_as_test

from kidash.store import history
from kidash.store.content import load_records
from kidash.store.edits import Conflict, Edit, Refused, save
from kidash.store.maps import get_map
from kidash.store.opening import open_store

KEYS = ["ks", "helse-vest-rhf", "kin"]
EDITORS = ["ola", "kari", "per"]
EXAMPLES = int(os.environ.get("KIDASH_STORE_EXAMPLES", "12"))


def current(store) -> dict[str, tuple[int, dict]]:
    with store.read() as connection:
        rows = load_records(connection, get_map(store, "kidash").id)
    return {k: (r, c) for k, r, c in rows["actors"] if k in KEYS}


class Editors(RuleBasedStateMachine):
    url_for = None  # set per database below

    def __init__(self):
        super().__init__()
        self.store = open_store(type(self).url_for())
        self.model = {k: (r, c["description"]) for k, (r, c) in current(self.store).items()}
        self.original = dict(self.model)
        self.seen: dict[str, dict[str, tuple[int, dict]]] = {e: {} for e in EDITORS}
        self.updates: list[tuple[int, str, str, str]] = []  # change, key, description before, after
        self.changes = 1

    @rule(editor=st.sampled_from(EDITORS), key=st.sampled_from(KEYS))
    def read(self, editor, key):
        self.seen[editor][key] = current(self.store)[key]

    @rule(editor=st.sampled_from(EDITORS), key=st.sampled_from(KEYS), words=st.text("abcæøå «»<>", max_size=12))
    def edit(self, editor, key, words):
        if key not in self.seen[editor]:
            return
        revision, cells = self.seen[editor][key]
        description = f"{editor}: {words}"
        stale = revision != self.model[key][0]
        try:
            (saved,) = save(self.store, "kidash", Edit("actors", {**cells, "description": description}, key, revision),
                            editor, "hvorfor")  # fmt: skip
        except Conflict as conflict:
            assert stale, "a save over what the editor saw was refused"
            assert conflict.other is not None and conflict.other.revision == self.model[key][0]
            assert conflict.other.after["description"] == self.model[key][1]  # the change they missed, shown
            return
        assert not stale, "a save over a change the editor never saw went through"
        self.updates.append((saved.change, key, self.model[key][1], description))
        self.model[key] = (saved.revision, description)
        self.seen[editor][key] = (saved.revision, {**cells, "description": description})
        self.changes += 1

    @precondition(lambda self: self.updates)
    @rule(editor=st.sampled_from(EDITORS), pick=st.integers(0, 100))
    def undo(self, editor, pick):
        change, key, before, after = self.updates[pick % len(self.updates)]
        try:
            saved = history.revert(self.store, "kidash", change, editor, "angre")
        except Conflict:
            assert self.model[key][1] != after, "undoing the row's latest change was refused"
            return
        except Refused:
            raise
        assert self.model[key][1] == after, "undid a change that a later one had already replaced"
        self.updates.append((saved.change, key, after, before))
        self.model[key] = (saved.revision, before)
        self.changes += 1

    @invariant()
    def the_store_shows_the_model(self):
        shown = {k: (r, c["description"]) for k, (r, c) in current(self.store).items()}
        assert shown == self.model
        assert len(history.history(self.store, "kidash")) == self.changes

    @invariant()
    def the_first_version_is_still_there(self):
        first = history.history(self.store, "kidash")[-1].id
        at_start = {
            k: c["description"] for k, _, c in history.rows_at(self.store, "kidash", first)["actors"] if k in KEYS
        }
        assert at_start == {k: d for k, (_, d) in self.original.items()}

    def teardown(self):
        self.store.engine.dispose()


@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
def test_editors_in_any_order_lose_nothing(database, request, tmp_path_factory):
    if database == "sqlite":
        folder = tmp_path_factory.mktemp("machine")
        Editors.url_for = staticmethod(lambda: f"sqlite:///{tempfile.mktemp(dir=folder, suffix='.sqlite3')}")
    else:
        server = request.getfixturevalue("postgres")
        Editors.url_for = staticmethod(server.database)
    examples = EXAMPLES if database == "sqlite" else max(3, EXAMPLES // 3)
    run_state_machine_as_test(
        Editors,
        settings=settings(max_examples=examples, stateful_step_count=15, deadline=None,
                          suppress_health_check=list(HealthCheck)),
    )  # fmt: skip
