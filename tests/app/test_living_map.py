"""The living map's pages in the app (AppTest): adding and changing rows with who and why, a save
over a colleague's change refused with theirs shown and merged on request, a role without its
source's words refused, undo and the map at a past change, other maps; editing closed where the
server is open to a network."""

from __future__ import annotations

import re

from kidash.edit.described import field_changes
from kidash.store import history
from kidash.store.content import map_rows
from kidash.store.edits import Edit, save
from kidash.store.maps import create_map, get_map
from tests.app.conftest import html_tables, notes, open_app, shown_texts

QUOTE = "KIN-nettverket er et fagnettverk"  # in kin-2021's text


def field(at, table: str, row: str | None, column: str, kind: str = "text_input"):
    pattern = re.compile(rf"e_{table}_{re.escape(row or '_new')}_\d+_{column}")
    for element in getattr(at, kind):
        if element.key and pattern.fullmatch(element.key):
            return element
    raise KeyError(f"{table}/{row}/{column} ({kind})")


def button(at, name: str):
    return next(b for b in at.button if b.key and b.key.endswith(name))


def cells_of(store, table: str, key: str) -> dict:
    return next(c for k, _, c in map_rows(store, "kidash")[1][table] if k == key)


def test_a_new_actor_is_saved_with_who_and_why_and_shown_everywhere(store):
    at = open_app("rediger")
    field(at, "actors", None, "name").input("Helse Nord IKT")
    field(at, "actors", None, "kind", "selectbox").select("organisation")
    at.run()
    field(at, "actors", None, "type", "selectbox").select("health_it_company")
    field(at, "actors", None, "region", "selectbox").select("Helse Nord")
    field(at, "actors", None, "documents", "multiselect").select("kin-2021")
    button(at, "_save").click().run()
    assert "Skriv kort hvorfor" in " ".join(notes(at, "error"))  # no reason: nothing saved
    assert len(history.history(store, "kidash")) == 1
    field(at, "actors", None, "_why").input("nevnt i pressemelding")
    button(at, "_save").click().run()
    assert not at.exception and not notes(at, "error")
    saved = cells_of(store, "actors", "helse-nord-ikt")  # the id made from the name
    assert (saved["name"], saved["type"], saved["documents"]) == ("Helse Nord IKT", "health_it_company", "kin-2021")
    change = history.history(store, "kidash")[0]
    assert (change.action, change.comment, change.key) == ("create", "nevnt i pressemelding", "helse-nord-ikt")
    assert any("Lagret (endring 2)" in n for n in notes(at, "success"))
    assert at.query_params["row"] in (
        "helse-nord-ikt",
        ["helse-nord-ikt"],
    )  # the form goes on with the saved row, in the URL
    profile = open_app("aktor", actor="helse-nord-ikt")
    assert "Helse Nord IKT" in shown_texts(profile)


def test_a_name_nearly_like_one_in_the_map_is_pointed_out(store):
    at = open_app("rediger")
    field(at, "actors", None, "name").input("Helse-direktoratet").run()
    assert any("Helsedirektoratet" in n for n in notes(at, "warning"))


def test_a_save_over_a_colleagues_change_shows_theirs_and_keeps_both_on_request(store):
    at = open_app("rediger", what="actors", row="ks")
    field(at, "actors", "ks", "description", "text_area").input("KS: min beskrivelse")
    # meanwhile a colleague changes the short name
    _, rows = map_rows(store, "kidash")
    key, revision, cells = next(r for r in rows["actors"] if r[0] == "ks")
    save(store, "kidash", Edit("actors", {**cells, "short_name": "KS-kollega"}, key, revision), "kari", "kortnavn")
    field(at, "actors", "ks", "_why").input("ny beskrivelse")
    button(at, "_save").click().run()
    warning = " ".join(notes(at, "warning"))
    assert "Ikke lagret" in warning and "kari" in warning and "kortnavn" in warning
    compared = html_tables(at)[-1]
    assert set(compared["Kolonne"]) == {"short_name", "description"}
    assert cells_of(store, "actors", "ks")["description"] != "KS: min beskrivelse"  # nothing of mine written
    button(at, "_mine").click().run()
    assert field(at, "actors", "ks", "description", "text_area").value == "KS: min beskrivelse"  # mine kept
    assert field(at, "actors", "ks", "short_name").value == "KS-kollega"  # theirs taken where I changed nothing
    button(at, "_save").click().run()
    now = cells_of(store, "actors", "ks")
    assert (now["description"], now["short_name"]) == ("KS: min beskrivelse", "KS-kollega")  # both kept
    mine, theirs = history.history(store, "kidash", limit=2)
    assert (mine.comment, theirs.author, theirs.comment) == ("ny beskrivelse", "kari", "kortnavn")
    assert {c.column for c in field_changes("actors", mine.before, mine.after)} == {"description"}


def test_a_role_is_saved_only_with_words_from_its_source(store):
    at = open_app("rediger", what="relations")
    field(at, "relations", None, "source", "selectbox").select("dnv")
    field(at, "relations", None, "target", "selectbox").select("kin")
    field(at, "relations", None, "relation", "selectbox").select("member")
    field(at, "relations", None, "document", "selectbox").select("kin-2021")
    field(at, "relations", None, "note_quote", "text_area").input("DNV leder alt")
    field(at, "relations", None, "_why").input("ny rolle")
    before = len(map_rows(store, "kidash")[1]["relations"])
    button(at, "_save").click().run()
    assert "Ikke lagret" in " ".join(notes(at, "error"))
    assert any("DNV leder alt" in row for table in html_tables(at) for row in table.to_string().splitlines())
    assert len(map_rows(store, "kidash")[1]["relations"]) == before
    field(at, "relations", None, "note_quote", "text_area").input(QUOTE)
    button(at, "_save").click().run()
    assert not notes(at, "error")
    assert len(map_rows(store, "kidash")[1]["relations"]) == before + 1
    assert history.history(store, "kidash")[0].after["note"] == f"«{QUOTE}»"


def test_undo_and_the_map_as_it_was(store):
    _, rows = map_rows(store, "kidash")
    key, revision, cells = next(r for r in rows["actors"] if r[0] == "dnv")
    (renamed,) = save(store, "kidash", Edit("actors", {**cells, "name": "DNV AS"}, key, revision), "kari", "nytt navn")
    at = open_app("historikk")
    assert any("DNV AS" in text for text in shown_texts(at))
    at.text_input(key=f"h_reason_{renamed.change}").input("feil navn")
    next(b for b in at.button if b.key == f"h_undo_{renamed.change}").click().run()
    assert any(f"Endring {renamed.change} er angret" in n for n in notes(at, "success"))
    assert cells_of(store, "actors", "dnv")["name"] == cells["name"]
    past = open_app("aktor", actor="dnv", at=str(renamed.change))  # the map just after the rename
    texts = " ".join(shown_texts(past))
    assert "DNV AS" in texts and f"endring {renamed.change}" in texts
    edit = open_app("rediger", at=str(renamed.change))
    assert any("tidligere endring" in n for n in notes(edit, "info"))


def test_another_map_made_here_is_shown_and_the_shared_one_is_untouched(store):
    at = open_app("kart")
    at.text_input(key="m_name").input("Helse Nord sitt kart")
    at.radio(key="m_how").set_value("copy")
    button(at, "m_create").click().run()
    assert any("Helse Nord sitt kart" in n for n in notes(at, "success"))
    assert at.query_params["map"] in ("helse-nord-sitt-kart", ["helse-nord-sitt-kart"])
    copy = get_map(store, "helse-nord-sitt-kart")
    assert copy.copied_from == get_map(store, "kidash").id
    unknown = open_app("home", map="finnes-ikke")
    assert any("finnes-ikke" in w.value.replace("\\", "") for w in unknown.warning)  # Markdown-escaped


def test_a_new_empty_map_says_so_on_every_page(store):
    create_map(store, "Tomt", "ola")
    for page in ("home", "nettverk", "initiativer", "aktor", "tidslinje", "analyse"):
        at = open_app(page, map="tomt")
        assert not at.exception, page
        assert any("tomt ennå" in i.value for i in at.info), page


def test_editing_is_closed_on_a_server_open_to_a_network(tmp_path, monkeypatch):
    monkeypatch.setenv("KIDASH_DATABASE_URL", f"sqlite:///{tmp_path / 'k.sqlite3'}")
    monkeypatch.delenv("KIDASH_EDITING", raising=False)  # AppTest's server has no loopback address
    at = open_app("rediger")
    assert any("Redigering er ikke slått på" in n for n in notes(at, "info"))
    assert not [w for w in at.text_input if w.key and w.key.startswith("e_")]
