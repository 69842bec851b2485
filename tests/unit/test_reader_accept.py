"""Accepting the reader's proposals: one change holds the document (the first time), each new actor
once and the role, stated in the document's words or inferred with the reader's reason; a date
only where the words give one; an event for the timeline. Rejections are kept per map and
document text, with who, and only for people who may edit. On SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from kidash.data.document_text import read_document
from kidash.reader.accept import (
    Choice,
    DocumentDraft,
    acceptance,
    acceptances,
    document_cells,
    event_acceptance,
    marked_pieces,
    open_candidates,
    role_date,
)
from kidash.reader.names import ActorIndex
from kidash.reader.suggest import read_text
from kidash.store import manage, rejected
from kidash.store.access import Forbidden, Person, Policy
from kidash.store.content import map_rows
from kidash.store.edits import save
from kidash.store.history import history
from kidash.store.opening import open_store

DOCUMENTS = Path(__file__).resolve().parents[1] / "reader_documents"
RELEASE = (DOCUMENTS / "dev-senter-nord-kort.txt").read_text(encoding="utf-8")  # an invented press release
OWNER = Person("per@example.no", "Per Eier", signed_in=True)
VIEWER = Person("kari@example.no", "Kari Nordmann", signed_in=True)


@pytest.fixture
def store(store_url):
    return open_store(store_url)


def rows_of(store) -> dict[str, list[dict]]:
    return {table: [cells for _, _, cells in found] for table, found in map_rows(store, "kidash")[1].items()}


def reading_of(store, text: str = RELEASE):
    document, problems = read_document("melding.txt", text.encode("utf-8"))
    assert not problems
    rows = rows_of(store)
    reading = read_text(document.text, ActorIndex(rows["actors"]))
    taken = {r["id"] for r in rows["documents"]}
    draft = DocumentDraft(document_cells(reading, document, "melding.txt", taken), document, stored=False)
    return reading, draft, rows


def pick(reading, source: str, relation: str, target: str):
    return next(
        c for c in reading.candidates if (c.source_name, c.relation, c.target_name) == (source, relation, target)
    )


def test_a_role_with_a_new_actor_lands_in_one_change_with_the_document_and_its_words(store):
    reading, draft, rows = reading_of(store)
    assert (draft.cells["title"], draft.cells["published"], draft.cells["language"]) == (
        "Nytt senter for trygg KI i Nord-Norge", "2025-03-04", "nb")  # fmt: skip
    candidate = pick(reading, "Helsedirektoratet", "observer", "Senter for trygg klinisk KI")
    edits, ids = acceptance(candidate, reading, draft, rows)
    assert [e.table for e in edits] == ["documents", "actors", "relations"]
    centre = edits[1].cells
    assert (centre["name"], centre["kind"], centre["short_name"], centre["documents"]) == (
        "Senter for trygg klinisk KI", "initiative", "STKI", draft.id)  # fmt: skip
    saved = save(store, "kidash", edits, "kari", "fra leseren")
    assert len({s.change for s in saved}) == 3 and len({s.version for s in saved}) == 1  # one change set, one version
    relation = next(r for r in rows_of(store)["relations"] if r["target"] == ids[candidate.target_key])
    assert relation["source"] == "helsedirektoratet" and relation["relation"] == "observer"
    assert relation["inferred"] == "false" and "Helsedirektoratet deltar som observatør." in relation["note"]
    assert relation["document"] == draft.id and relation["start"] == ""  # the words give no date
    assert history(store, "kidash")[0].author == "kari"


def test_a_date_in_the_words_is_the_roles_start_and_the_pages_own_date_is_not(store):
    reading, draft, rows = reading_of(store)
    led = pick(reading, "Ingrid Solberg", "leads", "Senter for trygg klinisk KI")
    assert (led.start, led.date_basis) == ("2025-09-01", "day")
    cells = acceptance(led, reading, draft, rows)[0][-1].cells
    assert (cells["start"], cells["date_basis"]) == ("2025-09-01", "stated")
    observed = pick(reading, "Helsedirektoratet", "observer", "Senter for trygg klinisk KI")
    assert observed.date_basis == "document" and acceptance(observed, reading, draft, rows)[0][-1].cells["start"] == ""


def test_many_at_once_make_each_new_actor_once(store):
    reading, draft, rows = reading_of(store)
    chosen = [
        c for c in reading.candidates if c.target_name == "Senter for trygg klinisk KI" and c.relation == "member"
    ]
    assert len(chosen) == 2
    edits, ids = acceptances(chosen, reading, draft, rows)
    names = [e.cells["name"] for e in edits if e.table == "actors"]
    assert sorted(names) == ["Senter for trygg klinisk KI", "Universitetssykehuset Nord-Norge HF"]  # the centre once
    assert [e.table for e in edits].count("documents") == 1
    save(store, "kidash", edits, "kari", "alle på en gang")
    members = [r for r in rows_of(store)["relations"] if r["target"] == ids[chosen[0].target_key]]
    unn = next(c for c in chosen if not c.source)  # Universitetssykehuset Nord-Norge HF, new to the map
    assert {r["source"] for r in members} == {"nse", ids[unn.source_key]}


def test_what_a_person_changed_is_saved_as_changed(store):
    reading, draft, rows = reading_of(store)
    candidate = pick(reading, "Helsedirektoratet", "observer", "Senter for trygg klinisk KI")
    key = candidate.target_key
    choice = Choice(relation="involved", names={key: "STKI-senteret"}, kinds={key: "organisation"},
                    types={key: "research_centre"}, regions={key: "Helse Nord"}, start="2025-01", inferred=True)  # fmt: skip
    edits, _ = acceptance(candidate, reading, draft, rows, choice)
    actor, relation = edits[1].cells, edits[2].cells
    assert (actor["name"], actor["kind"], actor["type"], actor["region"]) == ("STKI-senteret", "organisation",
                                                                              "research_centre", "Helse Nord")  # fmt: skip
    assert (relation["relation"], relation["start"], relation["inferred"], relation["date_basis"]) == (
        "involved", "2025-01-01", "true", "inferred")  # fmt: skip
    save(store, "kidash", edits, "kari", "endret først")  # inferred needs its reason, which the note gives


def test_an_event_goes_on_the_timeline_with_its_new_actor(store):
    reading, draft, rows = reading_of(store)
    event = next(e for e in reading.events if e.start == "2025-09-01")
    edits = event_acceptance(event, reading, draft, rows)
    assert [e.table for e in edits] == ["documents", "actors", "events"]
    save(store, "kidash", edits, "kari", "hendelse")
    stored = next(e for e in rows_of(store)["events"] if e["start"] == "2025-09-01")
    assert stored["document"] == draft.id and stored["actors"] == edits[1].cells["id"]


def test_roles_on_the_map_and_rejected_ones_are_not_proposed_again(store):
    reading, draft, rows = reading_of(store)
    first = open_candidates(reading, rows["relations"], set())
    save(store, "kidash", acceptance(first[0], reading, draft, rows)[0], "kari", "første")
    stored = DocumentDraft(draft.cells, draft.text, stored=True)
    rows = rows_of(store)
    reading = read_text(draft.text.text, ActorIndex(rows["actors"]))
    rejected.reject(store, "kidash", draft.text.hash, first[1].key, OWNER, "nei")
    left = open_candidates(reading, rows["relations"], set(rejected.rejected(store, "kidash", draft.text.hash, OWNER)))
    assert first[0].key not in {c.key for c in left} or first[0].source == ""  # its new actor now has an id
    assert first[1].key not in {c.key for c in left}
    assert len(left) == len(first) - 2
    assert stored.stored


def test_a_rejection_is_kept_with_who_and_only_for_that_text(store):
    assert rejected.reject(store, "kidash", "a" * 64, "k|member|kin", OWNER, "KS — medlem → KIN")
    assert not rejected.reject(store, "kidash", "a" * 64, "k|member|kin", VIEWER)  # the first is kept
    kept = rejected.rejected(store, "kidash", "a" * 64, OWNER)
    assert list(kept) == ["k|member|kin"] and kept["k|member|kin"].person == OWNER.label
    assert rejected.rejected(store, "kidash", "b" * 64, OWNER) == {}
    assert rejected.undo_reject(store, "kidash", "a" * 64, "k|member|kin", OWNER)
    assert rejected.rejected(store, "kidash", "a" * 64, OWNER) == {}


def test_only_who_may_edit_rejects_and_a_refusal_is_recorded(store):
    store.policy = Policy(sign_in=True)
    manage.ensure_owners(store, "kidash", [OWNER.id])
    manage.set_member(store, OWNER, "kidash", VIEWER.id, "viewer")
    with pytest.raises(Forbidden):
        rejected.reject(store, "kidash", "c" * 64, "x|leads|y", VIEWER)
    assert rejected.rejected(store, "kidash", "c" * 64, VIEWER) == {}  # a viewer may see, not decide


def test_two_people_rejecting_at_once_keep_one_rejection(store):
    errors = []

    def rejecting(person):
        try:
            rejected.reject(store, "kidash", "d" * 64, "same|member|kin", person)
        except Exception as err:  # noqa: BLE001 - a unique-key race must not surface
            errors.append(err)

    threads = [threading.Thread(target=rejecting, args=(p,)) for p in (OWNER, VIEWER, OWNER, VIEWER)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors and len(rejected.rejected(store, "kidash", "d" * 64, OWNER)) == 1


def test_dates_and_the_marked_text():
    assert role_date("2024") == "2024-01-01" and role_date("2024-02", end=True) == "2024-02-29"
    reading = read_text(RELEASE, ActorIndex([]))
    pieces = marked_pieces(RELEASE, reading.candidates)
    assert "".join(text for text, _ in pieces) == RELEASE
    assert {n for _, numbers in pieces for n in numbers} == set(range(1, len(reading.candidates) + 1))
