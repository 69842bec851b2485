"""AppTest helpers: run the real dashboard in-process and read what it shows."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from kidash.pages import DEFAULT_PAGE, page_file

ROOT = Path(__file__).resolve().parents[2]


def open_app(page: str = DEFAULT_PAGE, **query) -> AppTest:
    """A new browser window opening ``/<page>?<query>``: the link is the session's first run."""
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    at.query_params.update(query)
    if page != DEFAULT_PAGE:
        at.switch_page(page_file(page))
    return at.run()


def widget(at: AppTest, kind: str, base: str):
    """The widget of ``kind`` (``multiselect``, ``text_input`` …) drawn for a field whose widget name is
    ``base``: a widget in a popover carries a generation once the app has changed its value
    (:func:`kidash.app.state.widget_key`)."""
    pattern = re.compile(rf"{re.escape(base)}(_\d+)?")
    for element in getattr(at, kind):
        if element.key and pattern.fullmatch(element.key):
            return element
    raise KeyError(base)


def open_expanders(at: AppTest, *keys: str) -> AppTest:
    """Open lazy expanders by their keys, as a click on each would, and run the page again."""
    for key in keys:
        at.session_state[key] = True
    return at.run()


def open_exports(at: AppTest, page: str) -> AppTest:
    """Open the export panel of ``page`` (a lazy expander: closed, it holds nothing)."""
    from kidash.app.export_panel import OPEN

    return open_expanders(at, f"{OPEN}{page}")


@pytest.fixture
def store(tmp_path, monkeypatch):
    """A store of this test's own, with editing open (AppTest's server listens nowhere)."""
    from kidash.store.opening import open_store

    url = f"sqlite:///{tmp_path / 'kidash.sqlite3'}"
    monkeypatch.setenv("KIDASH_DATABASE_URL", url)
    monkeypatch.setenv("KIDASH_EDITING", "open")
    return open_store(url)


@pytest.fixture
def app():
    """The dashboard, started at the home page with a query string."""
    return lambda **query: open_app(DEFAULT_PAGE, **query)


@pytest.fixture
def app_page():
    """The dashboard, started at one page (by name) with a query string."""
    return open_app


def drawings(at) -> list[dict]:
    """The data each live network on the page was given (what the browser draws)."""
    import json

    sent = [json.loads(e.proto.json) for e in at.main if getattr(e, "type", "") == "bidi_component"]
    return [json.loads(value) if isinstance(value, str) else value for value in sent]  # the app sends JSON text


def popovers(at) -> dict[str, list[str]]:
    """Each popover's label (Markdown escapes taken out), with the labels of the widgets it holds."""
    found: dict[str, list[str]] = {}

    def walk(node):
        for child in getattr(node, "children", {}).values():
            if getattr(child, "type", "") == "popover":
                label = child.proto.popover.label.replace("\\", "")
                found[label] = [w.proto.label for w in child.children.values() if hasattr(w.proto, "label")]
            walk(child)

    walk(at.sidebar)
    walk(at.main)
    return found


class _TableParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def html_tables(at) -> list[pd.DataFrame]:
    """Every table the page drew with show.table, as DataFrames of text."""
    frames = []
    for element in at.get("html"):
        parser = _TableParser()
        parser.feed(element.proto.body)
        for rows in parser.tables:
            frames.append(pd.DataFrame(rows[1:], columns=rows[0]))
    return frames


class _TextParser(HTMLParser):
    """The text an HTML element shows (no style or script), one string per element."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script"):
            self._hidden += 1

    def handle_endtag(self, tag):
        if tag in ("style", "script"):
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden:
            self.parts.append(data)


def html_texts(at) -> list[str]:
    """What each of the page's HTML elements shows as text (headings, lines and notes of data shown
    as its characters; tables too), as a person would copy it."""
    found = []
    for element in at.get("html"):
        parser = _TextParser()
        parser.feed(element.proto.body)
        text = "".join(parser.parts).strip()
        if text:
            found.append(text)
    return found


def shown_texts(at) -> list[str]:
    """Every text the page shows: Markdown elements, notes, headings and HTML elements' text."""
    markdown = [e.value for kind in ("markdown", "info", "warning", "error", "success", "header", "subheader")
                for e in getattr(at, kind)]  # fmt: skip
    return markdown + html_texts(at)


def notes(at, kind: str) -> list[str]:
    """The text of each note of ``kind`` (info, warning, error, success) shown as text (kidash.app.show.note)."""
    found = []
    for element in at.get("html"):
        if f'class="kd-note kd-note-{kind}"' in element.proto.body:
            parser = _TextParser()
            parser.feed(element.proto.body)
            found.append("".join(parser.parts).strip())
    return found
