"""The stored map, on SQLite and on a real PostgreSQL server: seeded from data/, edited with every
change kept and sourced, refused when it would lose a colleague's change or state a role without
the source's words, undone as a new change, and moved out and back exactly."""

from __future__ import annotations

import filecmp
import threading

import pytest

from kidash.data.dataset import DATA_DIR, load_dataset
from kidash.data.document_text import read_document
from kidash.store import history
from kidash.store.content import document_texts, load_records
from kidash.store.edits import Conflict, Edit, Refused, save
from kidash.store.loading import load_map
from kidash.store.maps import archive_map, copy_map, create_map, get_map, list_maps, rename_map
from kidash.store.opening import open_store
from kidash.store.transfer import StoreNotEmpty, backup, export_map, import_map, restore, tables_in

QUOTE = "KIN-nettverket er et fagnettverk"  # in kin-2021's text


@pytest.fixture
def store(store_url):
    return open_store(store_url)


def rows(store, slug="kidash"):
    with store.read() as connection:
        return load_records(connection, get_map(store, slug).id)


def actor(store, key, slug="kidash"):
    return next((k, r, c) for k, r, c in rows(store, slug)["actors"] if k == key)


def relation(source, target, relation="member", document="kin-2021", **more):
    return {"source": source, "target": target, "relation": relation, "document": document, **more}


def test_the_store_starts_with_the_shipped_map_and_its_sources_text(store):
    info, dataset = load_map(store, "kidash")
    shipped = load_dataset(DATA_DIR)
    assert dataset.fingerprint == shipped.fingerprint
    assert (info.version, [m.slug for m in list_maps(store)]) == (1, ["kidash"])
    texts = document_texts(store, info.id)
    assert set(texts) == set(shipped.documents["id"]) and QUOTE in texts["kin-2021"]
    assert "@" not in "".join(texts.values())  # people's e-mail addresses are not kept
    assert [c.action for c in history.history(store, "kidash")] == ["create_map"]


def test_an_edit_is_saved_with_who_when_why_and_before_and_after(store):
    key, revision, cells = actor(store, "helsedirektoratet")
    (saved,) = save(
        store, "kidash", Edit("actors", {**cells, "description": "Ny tekst"}, key, revision), "ola", "retting"
    )
    assert (saved.revision, saved.version) == (revision + 1, 2)
    (last, _) = history.history(store, "kidash")
    assert (last.author, last.comment, last.action, last.key) == ("ola", "retting", "update", "helsedirektoratet")
    assert last.before == cells and last.after["description"] == "Ny tekst"
    _, dataset = load_map(store, "kidash")
    assert dataset.actors.set_index("id").loc["helsedirektoratet", "description"] == "Ny tekst"


def test_a_save_over_a_newer_version_is_refused_with_the_other_change(store):
    key, revision, cells = actor(store, "ks")
    save(store, "kidash", Edit("actors", {**cells, "short_name": "KS!"}, key, revision), "kari", "kortnavn")
    with pytest.raises(Conflict) as refused:
        save(store, "kidash", Edit("actors", {**cells, "description": "mitt"}, key, revision), "ola")
    assert refused.value.other.author == "kari" and refused.value.other.after["short_name"] == "KS!"
    assert actor(store, "ks")[2]["short_name"] == "KS!"  # hers kept; his nothing written
    assert len(history.history(store, "kidash")) == 2


def test_a_role_stated_without_the_sources_words_is_refused_and_nothing_written(store):
    before = tables_in(store)
    for cells, code in (
        (relation("helsedirektoratet", "kin", note="«står ikke i teksten»"), "quote_not_in_document"),
        (relation("helsedirektoratet", "kin"), "quote_missing"),
        (relation("helsedirektoratet", "kin", inferred="true"), "inferred_needs_reason"),
    ):
        with pytest.raises(Refused) as refused:
            save(store, "kidash", Edit("relations", cells), "ola")
        assert [p.code for p in refused.value.problems] == [code]
    assert tables_in(store) == before
    # with words the document holds (white space aside), or as inferred with a reason, it is saved
    save(
        store,
        "kidash",
        Edit("relations", relation("helsedirektoratet", "kin", note=f"«  {QUOTE.replace(' ', '   ')} »")),
        "ola",
    )
    save(
        store, "kidash", Edit("relations", relation("ks", "kin", inferred="true", note="antydet i nyhetssaken")), "ola"
    )
    assert len(rows(store)["relations"]) == 134


@pytest.mark.parametrize(
    ("table", "cells", "column", "code"),
    [
        ("actors", {"id": "x", "name": "X", "kind": "organisation", "type": "nope", "region": "Nasjonal"}, "type", "bad_vocab"),
        ("relations", relation("ks", "finnes-ikke", inferred="true", note="n"), "target", "unknown_ref"),
        ("relations", relation("ks", "ks", inferred="true", note="n"), "target", "self_loop"),
        ("actors", {"id": "y", "name": "Y", "kind": "organisation", "type": "company", "region": "Nasjonal",
                    "start": "2024-01-01", "end": "2023-01-01", "date_basis": "stated"}, "end", "end_before_start"),
        ("actors", {"id": "ks", "name": "KS igjen", "kind": "organisation", "type": "company", "region": "Nasjonal"}, "id", "id_taken"),
    ],
)  # fmt: skip
def test_bad_input_names_the_field_and_writes_nothing(store, table, cells, column, code):
    before = tables_in(store)
    with pytest.raises(Refused) as refused:
        save(store, "kidash", Edit(table, cells), "ola")
    assert (refused.value.problems[0].column, refused.value.problems[0].code) == (column, code)
    assert tables_in(store) == before


def test_markup_in_a_name_is_kept_as_text(store):
    name = '"><script>alert(1)</script> & =SUM(A1)'
    save(store, "kidash", Edit("actors", {"id": "h", "name": name, "kind": "organisation", "type": "company",
                                          "region": "Nasjonal"}), "ola")  # fmt: skip
    _, dataset = load_map(store, "kidash")
    assert dataset.actors.set_index("id").loc["h", "name"] == name


def test_a_document_is_added_with_its_text_and_a_role_quoting_it_lands_with_it(store):
    text, problems = read_document("pressemelding.txt", b"Helse Nord RHF leder det nye senteret for KI.")
    assert not problems
    document = {"id": "pm-2026", "title": "Pressemelding", "publisher": "Helse Nord RHF", "published": "2026-11-30",
                "language": "nb"}  # fmt: skip
    center = {
        "id": "senteret",
        "name": "Senter for KI",
        "kind": "initiative",
        "type": "project",
        "region": "Helse Nord",
    }
    saved = save(store, "kidash", [
        Edit("documents", document, text=text),
        Edit("actors", center),
        Edit("relations", relation("helse-nord-rhf", "senteret", "leads", "pm-2026", note="«Helse Nord RHF leder det nye senteret»")),
    ], "ola", "ny pressemelding")  # fmt: skip
    assert len(saved) == 3 and len({s.version for s in saved}) == 1  # one change of the map, three rows
    _, dataset = load_map(store, "kidash")
    assert "senteret" in set(dataset.actors["id"]) and "pm-2026" in set(dataset.documents["id"])
    assert document_texts(store, get_map(store, "kidash").id)["pm-2026"].startswith("Helse Nord RHF leder")


def test_a_wrong_relation_is_removed_and_comes_back_when_the_removal_is_undone(store):
    (made,) = save(store, "kidash", Edit("relations", relation("dnv", "kin", note=f"«{QUOTE}»")), "kari", "lagt til")
    found = next((k, r, c) for k, r, c in rows(store)["relations"] if k == made.key)
    (removed,) = save(store, "kidash", Edit("relations", found[2], made.key, found[1], remove=True), "ola", "feil")
    assert made.key not in {k for k, _, _ in rows(store)["relations"]}
    assert history.history(store, "kidash")[0].action == "delete"
    history.revert(store, "kidash", removed.change, "kari", "den var riktig")
    assert made.key in {k for k, _, _ in rows(store)["relations"]}


def test_an_actor_with_relations_cannot_be_removed(store):
    key, revision, cells = actor(store, "ks")
    with pytest.raises(Refused) as refused:
        save(store, "kidash", Edit("actors", cells, key, revision, remove=True), "ola")
    assert "unknown_ref" in {p.code for p in refused.value.problems}
    assert actor(store, "ks")[1] == revision


def test_a_documents_text_is_replaced_only_by_a_reading_that_keeps_its_quotes(store):
    info = get_map(store, "kidash")
    save(store, "kidash", Edit("relations", relation("dnv", "kin", note=f"«{QUOTE}»")), "kari")
    key, revision, cells = next(r for r in rows(store)["documents"] if r[0] == "kin-2021")
    text, _ = read_document("kin.txt", b"KIN er et nettverk. Ny lesning.")
    with pytest.raises(Refused) as refused:  # the relations quoting the old text would lose their words
        save(store, "kidash", Edit("documents", cells, key, revision, text=text), "ola", "ny lesning")
    assert {p.code for p in refused.value.problems} == {"quote_not_in_document"}
    assert all(p.file == "relations.csv" and p.row for p in refused.value.problems)
    old = document_texts(store, info.id)["kin-2021"]
    longer, _ = read_document("kin.txt", (old + "\n\nNy lesning.").encode())
    save(store, "kidash", Edit("documents", cells, key, revision, text=longer), "ola", "ny lesning")
    assert document_texts(store, info.id)["kin-2021"].endswith("Ny lesning.")


def test_reverting_a_change_is_a_new_change_and_the_map_then_is_readable(store):
    key, revision, cells = actor(store, "dnv")
    first = save(store, "kidash", Edit("actors", {**cells, "name": "DNV AS"}, key, revision), "ola")[0]
    save(store, "kidash", Edit("relations", relation("dnv", "kin", note=f"«{QUOTE}»")), "kari")
    undone = history.revert(store, "kidash", first.change, "ola", "feil navn")
    assert actor(store, "dnv")[2]["name"] == "DNV"
    changes = history.history(store, "kidash")
    assert (changes[0].action, changes[0].reverts, changes[0].id) == ("revert", first.change, undone.change)
    _, then = load_map(store, "kidash", at_change=first.change)  # just after the rename, before the relation
    assert then.actors.set_index("id").loc["dnv", "name"] == "DNV AS" and len(then.relations) == 132
    with pytest.raises(Conflict):  # the row changed since that change: undoing it again is refused
        history.revert(store, "kidash", first.change, "ola")


def test_maps_are_made_copied_renamed_and_archived_never_lost(store):
    empty = create_map(store, "Tomt kart", "ola")
    assert load_map(store, empty.slug)[1].actors.empty
    info = get_map(store, "kidash")
    copied = copy_map(store, "kidash", "Kopi", "ola")
    assert copied.copied_from == info.id and history.history(store, copied.slug)[0].action == "create_map"
    assert load_map(store, copied.slug)[1].fingerprint == load_map(store, "kidash")[1].fingerprint
    assert document_texts(store, copied.id) == document_texts(store, info.id)
    key, revision, cells = actor(store, "ks", copied.slug)  # an edit of the copy leaves the original as it was
    save(store, copied.slug, Edit("actors", {**cells, "name": "KS (kopi)"}, key, revision), "ola", "prøve")
    assert actor(store, "ks")[2]["name"] == cells["name"] != "KS (kopi)"
    assert rename_map(store, copied.slug, "Helse Vest-kopi", "ola").name == "Helse Vest-kopi"
    archive_map(store, empty.slug, "ola")
    assert empty.slug not in [m.slug for m in list_maps(store)] and get_map(store, empty.slug).archived


def test_export_then_import_gives_the_same_files(store, tmp_path):
    key, revision, cells = actor(store, "ks")
    save(store, "kidash", Edit("actors", {**cells, "note": '«sitert», komma, "anførsel"'}, key, revision), "ola")
    export_map(store, "kidash", tmp_path / "one")
    copy = import_map(store, tmp_path / "one", "Importert", "ola")
    export_map(store, copy.slug, tmp_path / "two")
    for name in ("actors.csv", "relations.csv", "events.csv", "documents.csv", "background.csv"):
        assert filecmp.cmp(tmp_path / "one" / name, tmp_path / "two" / name, shallow=False), name
    assert filecmp.dircmp(tmp_path / "one" / "texts", tmp_path / "two" / "texts").diff_files == []
    assert (tmp_path / "one" / "history.csv").read_text(encoding="utf-8").count("\n") == 3


def test_a_backup_from_sqlite_restores_into_postgresql_equal(tmp_path, postgres):
    source = open_store(f"sqlite:///{tmp_path / 'a.sqlite3'}")
    key, revision, cells = actor(source, "ks")
    save(source, "kidash", Edit("actors", {**cells, "name": "KS – endret"}, key, revision), "ola", "ø æ å")
    create_map(source, "Andre kart", "kari")
    backup(source, tmp_path / "backup.zip")
    target = open_store(postgres.database(), seed=False)
    assert restore(target, tmp_path / "backup.zip") == 2
    assert tables_in(target) == tables_in(source)
    with pytest.raises(StoreNotEmpty):
        restore(target, tmp_path / "backup.zip")
    # the restored store goes on: a new change after the restored ones
    key, revision, cells = actor(target, "ks")
    assert save(target, "kidash", Edit("actors", {**cells, "name": "KS"}, key, revision), "ola")[0].change == 4


def test_several_writers_at_once_lose_nothing(store):
    """Eight people each add an actor with its relation, and edit one actor, at the same moment:
    every new actor and relation lands; of the edits of one actor, one wins and the others are
    refused, none half-written."""
    outcome: dict[str, list] = {"saved": [], "conflicts": [], "errors": []}
    key, revision, cells = actor(store, "helse-vest-rhf")
    new_actor = {**actor(store, "ks")[2], "documents": "kin-2021", "note": ""}
    start = threading.Barrier(8)

    def person(n: int) -> None:
        start.wait()
        try:
            save(
                store,
                "kidash",
                [
                    Edit("actors", {**new_actor, "id": f"ny-{n}", "name": f"Ny aktør {n}"}),
                    Edit("relations", relation(f"ny-{n}", "kin", note=f"n{n}", inferred="true")),
                ],
                f"p{n}",
                "ny deltaker",
            )
            save(store, "kidash", Edit("actors", {**cells, "description": f"av p{n}"}, key, revision), f"p{n}")
            outcome["saved"].append(n)
        except Conflict:
            outcome["conflicts"].append(n)
        except Exception as err:  # noqa: BLE001
            outcome["errors"].append(repr(err))

    threads = [threading.Thread(target=person, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcome["errors"] == []
    assert len(outcome["saved"]) == 1 and len(outcome["conflicts"]) == 7
    assert len(rows(store)["relations"]) == 132 + 8
    assert {f"ny-{n}" for n in range(8)} <= {k for k, _, _ in rows(store)["actors"]}
    winner = outcome["saved"][0]
    assert actor(store, "helse-vest-rhf")[2]["description"] == f"av p{winner}"
    assert get_map(store, "kidash").version == 1 + 8 + 1  # one version per save, however many edits
