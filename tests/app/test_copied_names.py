"""A name copied from a page is the name in the data: no invisible marks in headings, notices, the
selected-actor line or links; hostile names shown as their characters, never as markup."""

from __future__ import annotations

import os
from html.parser import HTMLParser

import pytest

from kidash.data.dataset import load_dataset
from kidash.safety import WORD_JOINER
from tests.app.conftest import html_texts, notes, open_app
from tests.fixtures import TINY, write_tables

SHIPPED = load_dataset()
WITH_A_COLON = sorted(SHIPPED.actors.loc[SHIPPED.actors["name"].str.contains(":"), "id"])
# What a hostile name made of: Markdown, autolinks, shortcodes, directives, HTML.
HOSTILE = "Workshop: :smile: :material/home: www.x.no http://x.no :red[y] <b>z</b> & *k*"
ALLOWED_TAGS = {"style", "h2", "h3", "p", "strong", "ol", "li", "div", "table", "thead", "tbody", "tr", "th", "td",
                "caption", "script"}  # fmt: skip


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)


def tags_of(at) -> set[str]:
    found: set[str] = set()
    for element in at.get("html"):
        parser = _Tags()
        parser.feed(element.proto.body)
        found |= parser.tags
    return found


def test_the_shipped_data_has_names_with_a_colon():
    assert len(WITH_A_COLON) >= 5


@pytest.mark.parametrize("actor", WITH_A_COLON)
def test_a_shipped_name_with_a_colon_is_shown_exactly_on_its_profile(actor):
    at = open_app("aktor", actor=actor)
    name = SHIPPED.actors.set_index("id").loc[actor, "name"]
    assert html_texts(at)[0] == name  # the heading, character for character
    assert not any(WORD_JOINER in text for text in html_texts(at))
    labels = [link.proto.label for link in at.get("page_link")]
    assert not any(WORD_JOINER in label for label in labels)  # links to other actors: no marks either


@pytest.fixture
def hostile_data(tmp_path):
    rows = {table: [list(r) for r in body] for table, body in TINY.items()}
    rows["actors"][3][1] = HOSTILE  # per, a person
    rows["actors"][1][1] = HOSTILE + " dir"  # dir, the directorate
    os.environ["KIDASH_DATA_DIR"] = str(write_tables(tmp_path / "hostile", rows))
    yield
    del os.environ["KIDASH_DATA_DIR"]


def test_a_hostile_name_is_its_characters_on_the_profile_the_network_and_the_analysis(hostile_data):
    profile = open_app("aktor", actor="per")
    assert html_texts(profile)[0] == HOSTILE
    assert f"Roller {HOSTILE} har" in html_texts(profile)

    selected = open_app("nettverk", selected="per")
    assert f"Valgt i kartet: {HOSTILE}" in html_texts(selected)

    focus = open_app("nettverk", focus="per", region="Nasjonal")  # a person of Helse Vest, hidden by the filter
    assert any(note.startswith(f"{HOSTILE} er skjult av filtrene") for note in notes(focus, "info"))

    hidden = open_app("analyse", region="Nasjonal", **{"from": "per", "to": "dir"})
    assert any(HOSTILE in note for note in notes(hidden, "info"))

    for at in (profile, selected, focus, hidden):
        assert not at.exception
        assert not any(WORD_JOINER in text for text in html_texts(at))
        assert tags_of(at) <= ALLOWED_TAGS, tags_of(at) - ALLOWED_TAGS  # the name's <b> stayed text
