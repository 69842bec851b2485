"""The pages on a server with sign-in configured, for somebody not signed in (AppTest; signing in
itself goes through a real provider in tests/browser/test_sign_in.py): the public map is read,
nothing can be changed, a private map's link is refused in the words of a map that does not exist
(and the refusal recorded), and the private map is in no list."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from kidash.pages import DEFAULT_PAGE
from kidash.store import access, manage
from kidash.store.opening import open_store
from tests.app.conftest import ROOT, notes, page_file

PER = access.Person("per@example.no", "Per", signed_in=True)
AUTH = {"redirect_uri": "http://127.0.0.1:8501/oauth2callback", "cookie_secret": "x" * 40, "client_id": "kidash",
        "client_secret": "s", "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration"}  # fmt: skip


@pytest.fixture
def store(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'kidash.sqlite3'}"
    monkeypatch.setenv("KIDASH_DATABASE_URL", url)
    monkeypatch.delenv("KIDASH_EDITING", raising=False)
    found = open_store(url)
    found.policy = access.Policy(sign_in=True, local_editing=False)
    manage.ensure_owners(found, "kidash", [PER.id])
    manage.copy_map(found, PER, "kidash", "Pers utkast")  # private to Per
    return found


def open_signed_app(page: str = DEFAULT_PAGE, **query) -> AppTest:
    """A browser window on a server whose secrets configure sign-in; nobody signed in."""
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    at.secrets["auth"] = AUTH
    at.query_params.update(query)
    if page != DEFAULT_PAGE:
        at.switch_page(page_file(page))
    return at.run()


def test_somebody_not_signed_in_reads_the_public_map_and_is_offered_sign_in(store):
    at = open_signed_app("aktor", actor="dnv")
    assert not at.exception
    assert [b for b in at.button if b.key == "kd_sign_in_sidebar"]
    assert not [b for b in at.button if b.key == "kd_sign_out_sidebar"]
    edit = open_signed_app("rediger")
    assert any("Logg inn for å endre kart." in n for n in notes(edit, "info"))
    assert not [w for w in edit.text_input if w.key and w.key.startswith("e_")]
    maps = open_signed_app("kart")
    assert not [b for b in maps.button if b.key == "m_create"]  # no new map without signing in
    assert not any("Pers utkast" in str(v) for v in maps.dataframe) and "pers-utkast" not in str(maps.main)


def test_a_private_maps_link_is_refused_as_if_it_did_not_exist_and_recorded(store):
    before = len(access.refusals_of(store))
    at = open_signed_app("home", map="pers-utkast")
    missing = open_signed_app("home", map="finnes-ikke")
    said = [w.value.replace("\\", "") for w in at.warning]  # as Markdown shows it
    assert said and [w.replace("pers-utkast", "X") for w in said] == [
        w.value.replace("\\", "").replace("finnes-ikke", "X") for w in missing.warning
    ]
    refusals = access.refusals_of(store)
    assert len(refusals) == before + 2
    assert {r["map_slug"] for r in refusals[:2]} == {"pers-utkast", "finnes-ikke"}
    assert all(r["action"] == "view" and r["person"] == "(anonym)" for r in refusals[:2])
    assert "pers-utkast" not in at.query_params.get("map", [])  # the shared map is shown instead
