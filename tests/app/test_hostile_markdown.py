"""Names and titles made of Markdown, HTML and formula characters never become markup on any page.

Hypothesis writes datasets whose actor names, short names, document and
event titles are drawn from the characters that make Markdown and HTML
(brackets, parentheses, ``!``, ``*``, ``_``, backticks, ``<``, ``>``, ``&``,
quotes, ``http://``, ``@``, ``=``, ``;`` …). Every page is rendered with
AppTest, with pickers set so that those names land in headings, messages,
links and lists. Each Markdown text the app sends is parsed as GitHub-flavoured
Markdown (markdown-it, with autolinks) and compared with the same page
rendered from plain names: the structure (links, emphasis, lists, headings,
code, HTML) must be the same, so nothing in the structure came from data;
and nothing may be an image, raw HTML or a link to anywhere but our own pages.
"""

from __future__ import annotations

import os
import re

import pytest
from hypothesis import HealthCheck, Phase, assume, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from kidash.data.dataset import dataset_from_frames
from kidash.data.problems import DataError
from tests.app.conftest import open_app
from tests.fixtures import TINY, frames_from_rows, write_tables

MARKDOWN = MarkdownIt("gfm-like")
# remark-gfm (Streamlit's renderer) finds autolinks in the parsed text, after escapes are decoded,
# which markdown-it's linkify does not model: look for them in the decoded text ourselves.
AUTOLINK_LITERAL = re.compile(r"(?i)(https?://|www\.|mailto:|xmpp:)|[-.\w+]@[-\w]+\.|:(material/)?[a-z0-9_+-]+:")
TOKENS = list("[]()!*_`<>&\"'=;:#-+.|~$\\@{}") + ["http://", "https://", "www.", "x.no", " ", "a", "Ø", "1. ", "- "]
TOKENS += [":material/home:", ":smile:", ":red["]
# (page, query): pickers set so names reach headings, messages, links and lists.
VIEWS = [
    ("home", {}),
    ("nettverk", {"focus": "per", "region": "Nasjonal"}),  # focus hidden by the filters: the name in a message
    ("nettverk", {"view": "collaboration"}),
    ("initiativer", {"i": "oth"}),
    ("initiativer", {}),
    ("aktor", {"actor": "per"}),
    ("aktor", {"actor": "dir"}),
    ("tidslinje", {}),
    ("analyse", {"from": "per", "to": "dir"}),
    ("analyse", {"from": "per", "to": "oth", "region": "Nasjonal"}),
    ("data", {}),
]
# Rows of TINY whose name and short name become hostile: every actor; documents' and events' titles.
ACTOR_ROWS = range(1, len(TINY["actors"]))


def dataset_rows(names: list[str]) -> dict[str, list[list[str]]]:
    rows = {table: [list(r) for r in body] for table, body in TINY.items()}
    for i, row in zip(ACTOR_ROWS, names, strict=False):
        rows["actors"][i][1] = row
        rows["actors"][i][2] = row[:12].strip() or "x"
    rows["documents"][1][1] = names[0] + " (kilde)"
    rows["events"][1][1] = names[-1] + " (hendelse)"
    return rows


def markdown_texts(at) -> list[tuple[str, str]]:
    """(kind, Markdown source) of everything the run sent that Streamlit renders as Markdown."""
    texts = []
    for kind in ("markdown", "info", "warning", "error", "success", "caption", "header", "subheader", "title"):
        texts += [(kind, element.value) for element in getattr(at, kind)]
    texts += [("expander", e.label) for e in at.expander]
    texts += [("page_link", e.proto.label) for e in at.get("page_link")]
    texts += [("metric", e.label) for e in at.metric]
    return texts


def structure(source: str) -> tuple:
    """The Markdown structure of ``source``: token types and link targets, no text."""
    shape = []
    for token in MARKDOWN.parse(source):
        children = token.children or []
        shape.append(token.type)
        for child in children:
            if child.type in ("text", "softbreak", "text_special"):
                continue
            shape.append(child.type)
    return tuple(t for t in shape if t not in ("inline",))


def render(directory: str) -> dict:
    """Every view's Markdown texts, by view."""
    os.environ["KIDASH_DATA_DIR"] = directory
    try:
        rendered = {}
        for number, (page, query) in enumerate(VIEWS):
            at = open_app(page, **query)
            assert not at.exception, (page, query, [e.value for e in at.exception])
            rendered[number] = markdown_texts(at)
        return rendered
    finally:
        del os.environ["KIDASH_DATA_DIR"]


_PLAIN: dict = {}


def plain_render(tmp_path_factory) -> dict:
    """The same views with plain names, rendered once per test session."""
    if not _PLAIN:
        names = [f"Navn {i}" for i in ACTOR_ROWS]
        _PLAIN.update(render(str(write_tables(tmp_path_factory.mktemp("plain"), dataset_rows(names)))))
    return _PLAIN


def names_strategy():
    name = st.lists(st.sampled_from(TOKENS), min_size=2, max_size=12).map("".join)
    name = name.filter(lambda n: n.strip() != "")
    return st.lists(name, min_size=len(ACTOR_ROWS), max_size=len(ACTOR_ROWS), unique_by=str.strip)


def check_no_markup_from_data(hostile: dict, plain: dict) -> None:
    for view, texts in hostile.items():
        for kind, source in texts:
            for token in MARKDOWN.parse(source):
                for child in token.children or [token]:
                    assert child.type not in ("image", "html_inline", "html_block"), (VIEWS[view], kind, source)
                    if child.type == "text":
                        assert not AUTOLINK_LITERAL.search(child.content), (VIEWS[view], kind, source)
                    if child.type == "link_open":
                        href = child.attrs.get("href", "")
                        assert str(href).startswith("/") and not str(href).startswith("//"), (VIEWS[view], source)
        hostile_shapes = sorted((kind, structure(source)) for kind, source in texts)
        plain_shapes = sorted((kind, structure(source)) for kind, source in plain[view])
        assert hostile_shapes == plain_shapes, VIEWS[view]


EXAMPLES = int(os.environ.get("KIDASH_HOSTILE_EXAMPLES", "4"))


@pytest.mark.timeout(900)
@settings(
    max_examples=EXAMPLES,
    # No shrinking or «explain»: each example renders eleven pages; the generated example is reported as is.
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    derandomize=os.environ.get("CI", "").lower() == "true",
)
@given(names=names_strategy())
def test_no_name_becomes_markup_on_any_page(names, tmp_path_factory):
    rows = dataset_rows(names)
    try:
        dataset_from_frames(frames_from_rows(rows))
    except DataError:
        assume(False)  # e.g. a name that looks like an e-mail address: refused as data, never shown
    plain = plain_render(tmp_path_factory)
    directory = write_tables(tmp_path_factory.mktemp("hostile"), rows)
    check_no_markup_from_data(render(str(directory)), plain)


def test_the_check_sees_a_link_made_from_a_name(tmp_path_factory, monkeypatch):
    """The comparison fails when a page puts a name into Markdown raw."""
    from kidash.app import show

    plain = plain_render(tmp_path_factory)
    names = ["[x](http://example.invalid)", *[f"N{i}" for i in ACTOR_ROWS][1:]]
    directory = write_tables(tmp_path_factory.mktemp("raw"), dataset_rows(names))
    monkeypatch.setattr(show, "escape_markdown", str)  # links to profiles that forget to escape the name
    with pytest.raises(AssertionError):
        check_no_markup_from_data(render(str(directory)), plain)
