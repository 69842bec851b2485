"""«Legg til dokument» as a person uses it, in-process (AppTest): paste a press release, read the
proposals beside the marked text, accept one (the document, its new actor and the role land in one
change), change one first, reject one (a colleague opening the document is not asked again, and
it can be proposed again), accept every sure one at once; what cannot be read says so and saves
nothing; the page is closed where editing is."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kidash.app.reader_cards import card_id
from kidash.reader.names import ActorIndex
from kidash.reader.suggest import read_text
from kidash.store import history
from kidash.store.content import map_rows
from tests.app.conftest import notes, open_app, shown_texts

DOCUMENTS = Path(__file__).resolve().parents[1] / "reader_documents"
RELEASE = (DOCUMENTS / "dev-senter-nord-kort.txt").read_text(encoding="utf-8")  # an invented press release


def paste(at, text: str):
    box = next(w for w in at.text_area if w.key and w.key.startswith("r_text"))
    return box.input(text).run()


def buttons(at, prefix: str):
    return [b for b in at.button if b.key and b.key.startswith(prefix)]


def ident(store, source: str, relation: str, target: str) -> str:
    """The card id of a proposal, as the reader makes it for this text and map (the page's own rule)."""
    _, rows = map_rows(store, "kidash")
    reading = read_text(RELEASE, ActorIndex([c for _, _, c in rows["actors"]]))
    found = next(
        c for c in reading.candidates if (c.source_name, c.relation, c.target_name) == (source, relation, target)
    )
    return card_id(found.key)


def proposals_line(at) -> str:
    return next(t for t in shown_texts(at) if t.startswith("Leseren fant"))


def test_a_pasted_press_release_is_read_at_once_and_nothing_is_saved_before_a_choice(store):
    before = len(history.history(store, "kidash"))
    at = paste(open_app("dokument"), RELEASE)
    assert not at.exception
    assert re.match(r"Leseren fant \d+ roller i teksten; \d+ er igjen å avgjøre", proposals_line(at))
    assert len(buttons(at, "r_ok_")) >= 6
    title = next(w for w in at.text_input if w.key and w.key.endswith("_title"))
    published = next(w for w in at.text_input if w.key and w.key.endswith("_published"))
    assert (title.value, published.value) == ("Nytt senter for trygg KI i Nord-Norge", "04.03.2025")
    texts = " ".join(shown_texts(at))
    assert "<sup>" not in texts and "Helsedirektoratet deltar som observatør." in texts  # the marked text, as text
    assert len(history.history(store, "kidash")) == before


def test_accepting_saves_the_document_the_new_actor_and_the_role_in_one_change(store):
    at = paste(open_app("dokument"), RELEASE)
    key = ident(store, "Helsedirektoratet", "observer", "Senter for trygg klinisk KI")
    next(b for b in buttons(at, "r_ok_") if b.key == f"r_ok_{key}").click().run()
    assert not at.exception
    assert any(n.startswith("Lagret i endring") for n in notes(at, "success")), notes(at, "error")
    changes = history.history(store, "kidash")
    latest = [c for c in changes if c.id >= changes[0].id - 2]
    assert sorted(c.table for c in latest) == ["actors", "documents", "relations"]
    assert len({c.version for c in latest}) == 1  # one change of the map
    relation = next(c.after for c in latest if c.table == "relations")
    assert (
        relation["source"] == "helsedirektoratet" and "«Helsedirektoratet deltar som observatør.»" in relation["note"]
    )
    document = re.sub(r"[\[\]']", "", str(at.query_params["document"]))
    assert relation["document"] == document
    again = open_app("dokument", document=document)  # a colleague opens the link
    assert "Leser dokumentet" in " ".join(shown_texts(again))
    assert f"r_ok_{key}" not in {b.key for b in buttons(again, "r_ok_")}  # on the map now


def test_a_rejected_proposal_is_not_proposed_again_to_anyone_until_someone_asks(store):
    at = paste(open_app("dokument"), RELEASE)
    first = buttons(at, "r_no_")[0]
    ident = first.key.removeprefix("r_no_")
    count = len(buttons(at, "r_ok_"))
    first.click().run()
    assert any(n.startswith("Avvist:") for n in notes(at, "info"))
    assert f"r_ok_{ident}" not in {b.key for b in buttons(at, "r_ok_")} and len(buttons(at, "r_ok_")) == count - 1
    colleague = paste(open_app("dokument"), RELEASE)  # another session, the same text: still rejected
    assert f"r_ok_{ident}" not in {b.key for b in buttons(colleague, "r_ok_")}
    assert any(e.label == "Avviste forslag (1)" for e in colleague.expander)
    buttons(colleague, "r_undo_")[0].click().run()
    assert f"r_ok_{ident}" in {b.key for b in buttons(colleague, "r_ok_")}


def test_a_proposal_changed_first_is_saved_as_changed(store):
    at = paste(open_app("dokument"), RELEASE)
    key = ident(store, "Nasjonalt senter for e-helseforskning", "member", "Senter for trygg klinisk KI")
    next(b for b in at.button if b.key == f"r_change_{key}").click().run()
    at.selectbox(key=f"r_rel_{key}").select("involved")
    at.text_input(key=f"r_name_target_{key}").input("STKI-senteret")
    at.text_input(key=f"r_start_{key}").input("01.01.2025")
    next(b for b in at.button if b.key and b.key.startswith("FormSubmitter:r_form_")).click().run()
    assert not at.exception and any(n.startswith("Lagret") for n in notes(at, "success")), notes(at, "error")
    relation = next(c.after for c in history.history(store, "kidash") if c.table == "relations")
    assert (relation["relation"], relation["start"]) == ("involved", "2025-01-01")
    assert any(c.after and c.after.get("name") == "STKI-senteret" for c in history.history(store, "kidash"))


def test_every_sure_proposal_at_once_is_one_change(store):
    at = paste(open_app("dokument"), RELEASE)
    button = next(b for b in at.button if b.key == "r_all")
    count = int(re.search(r"\((\d+)\)", button.label).group(1))
    button.click().run()
    assert not at.exception and any(n.startswith("Lagret") for n in notes(at, "success")), notes(at, "error")
    relations = [c for c in history.history(store, "kidash") if c.table == "relations"]
    assert len(relations) == count and len({c.version for c in relations}) == 1
    _, rows = map_rows(store, "kidash")
    names = [c["name"] for _, _, c in rows["actors"]]
    assert names.count("Senter for trygg klinisk KI") == 1  # a new actor many roles need is made once


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("The Directorate of Health leads the project together with the regional health authorities in Norway.",
         "ser ikke ut til å være norsk"),
        ("Kort.", "innlimt.txt"),
    ],
)  # fmt: skip
def test_what_cannot_be_read_says_so_and_saves_nothing(store, text, said):
    before = len(history.history(store, "kidash"))
    at = paste(open_app("dokument"), text)
    assert not at.exception
    assert said in " ".join(shown_texts(at))
    assert not buttons(at, "r_ok_") and len(history.history(store, "kidash")) == before


def test_the_page_is_closed_where_editing_is(tmp_path, monkeypatch):
    monkeypatch.setenv("KIDASH_DATABASE_URL", f"sqlite:///{tmp_path / 'k.sqlite3'}")
    monkeypatch.setenv("KIDASH_EDITING", "closed")
    at = open_app("dokument")
    assert not at.exception and not [w for w in at.text_area if w.key and w.key.startswith("r_text")]


def test_a_stored_document_on_the_edit_page_links_to_its_proposals(store):
    at = open_app("rediger", what="documents", row="kin-2021")
    assert not at.exception
    links = [p for p in at.get("page_link") if "Forslag fra leseren" in p.proto.label]
    assert links and links[0].proto.page.endswith("dokument") and "kin-2021" in str(links[0].proto)


def test_once_every_proposal_is_decided_the_page_says_so_and_leads_to_the_profile(store):
    at = paste(open_app("dokument"), RELEASE)
    buttons(at, "r_no_")[-1].click().run()  # one rejected, every other accepted, one at a time
    while buttons(at, "r_ok_"):
        buttons(at, "r_ok_")[0].click().run()
        assert not at.exception and not notes(at, "error"), notes(at, "error")
    while buttons(at, "r_event_ok_"):
        buttons(at, "r_event_ok_")[0].click().run()
    assert any(n.startswith("Alt leseren foreslo") for n in notes(at, "success"))
    links = {p.proto.label: str(p.proto) for p in at.get("page_link")}
    assert "senter-for-trygg-klinisk-ki" in links["Se Senter for trygg klinisk KI i aktørprofilen"]
    assert any(e.label == "Avviste forslag (1)" for e in at.expander)
