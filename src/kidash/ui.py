"""The Streamlit frame shared by every page: language, the session's dataset, cached work, filters.

Streamlit is imported only here and in the other ``ui_*`` modules (own data,
exports); everything else in the package is plain Python.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
import re
import time
from pathlib import Path

import networkx as nx
import pandas as pd
import streamlit as st
from plotly.basedatatypes import BaseFigure
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from kidash import find, i18n, keyboard, plotly_locale, quality, schema, ui_state
from kidash.data import DATA_DIR, DataError, Dataset, load_dataset
from kidash.graph import Filters, build_graph, filter_graph
from kidash.metrics import centrality_table
from kidash.network_view import ViewOptions, lay_out_soon
from kidash.pages import path_prefix
from kidash.safety import TABLE_CSS, escape_markdown, html_table
from kidash.ui_network import live_network
from kidash.view_state import Choices, ViewState, choices_of
from kidash.views import ShownNetwork, shown_network

__all__ = [
    "data_dir",
    "table_of",
    "language",
    "current_filters",
    "view_choices",
    "full_graph",
    "names",
    "filtered_graph",
    "network_view",
    "centrality",
    "data_quality",
    "chart_of",
    "show_chart",
    "show_network",
    "actor_links",
    "actor_link",
    "actor_link_list",
    "set_document_language",
    "keep_session",
    "SESSION_PATH",
    "session_path",
    "escape",
    "shipped_dataset",
    "current_dataset",
    "uploaded_dataset",
    "use_dataset",
    "cached_file",
    "show_problems",
    "dataset_key",
    "per_view",
    "view_table",
]


def popover_keyboard() -> None:
    """A popover's controls next in the keyboard's order after its button (:mod:`kidash.keyboard`)."""
    st.html(keyboard.POPOVER_FOCUS, unsafe_allow_javascript=True)


def set_document_language(lang: str) -> None:
    """Set ``<html lang>`` to the chosen language, which Streamlit itself leaves at «en»."""
    code = lang if lang in i18n.LANGUAGES else i18n.DEFAULT_LANGUAGE  # a fixed code, never user text
    # Re-applied for a few seconds: under load the frontend may mount this before its own re-renders.
    script = (
        f"<script>(function () {{ var n = 0; function set() {{ document.documentElement.lang = {code!r}; }}"
        " set(); var t = setInterval(function () { set(); if (++n > 20) clearInterval(t); }, 500); })();</script>"
    )
    st.html(script, unsafe_allow_javascript=True)


# Where serve.py answers whether this server holds a session (under the app's base URL path).
SESSION_PATH = "/_kidash/session/"


def session_path() -> str:
    """:data:`SESSION_PATH` under the app's base URL path (``server.baseUrlPath``)."""
    return path_prefix(st.get_option("server.baseUrlPath")) + SESSION_PATH


def keep_session() -> None:
    """Reload the page from its URL when the server it is connected to does not hold its session.

    Streamlit's page reconnects by itself when its websocket drops, but since 1.37 it reruns
    only if a run was interrupted: behind a proxy, a tab whose replica died would keep
    showing the old page on a replica that knows nothing of it. Every few seconds the page
    asks (``serve.py``); on «unknown session» it reloads, and the new session opens the same
    view from the URL (an upload is gone, and the page says so). A short network break to the
    same server keeps the session: it is still known there.
    """
    ctx = get_script_run_ctx()
    if ctx is None or not re.fullmatch(r"[0-9a-f-]{36}", ctx.session_id):
        return
    url = json.dumps(session_path() + ctx.session_id)
    script = (
        "<script>(function () { var w = window; w.kdSessionUrl = " + url + ";"
        " if (w.kdSessionTimer) { return; }"
        " w.kdSessionTimer = setInterval(function () {"
        " fetch(w.kdSessionUrl, {cache: 'no-store', credentials: 'same-origin'})"
        ".then(function (r) { if (r.status === 404) { clearInterval(w.kdSessionTimer); w.location.reload(); } })"
        ".catch(function () {}); }, 3000); })();</script>"
    )
    st.html(script, unsafe_allow_javascript=True)


def language() -> str:
    """The language of this session's view."""
    return ui_state.view().lang


def current_filters() -> Filters:
    """The sidebar filters of this session's view."""
    return ui_state.view().filters()


def data_dir() -> Path:
    """The folder the dashboard reads: ``$KIDASH_DATA_DIR`` or the shipped ``data/``."""
    return Path(os.environ.get("KIDASH_DATA_DIR") or DATA_DIR)


_LOOKED: dict[str, tuple[float, str]] = {}  # folder -> (when its files were last looked at, fingerprint)
LOOK_EVERY = 1.0  # seconds: a changed file is seen on the first run after this, not re-read on every run


def _data_fingerprint(directory: Path) -> str:
    """Changes whenever a file in the folder changes, so the cache follows the files (looked at
    at most once a second: every run of every session asked the disk otherwise)."""
    now = time.monotonic()
    looked = _LOOKED.get(str(directory))
    if looked and now - looked[0] < LOOK_EVERY:
        return looked[1]
    digest = hashlib.sha256(str(directory.resolve()).encode())
    for path in sorted(directory.glob("*.csv")):
        stat = path.stat()
        digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    _LOOKED[str(directory)] = (now, digest.hexdigest())
    return _LOOKED[str(directory)][1]


@st.cache_resource(show_spinner=False, max_entries=4)
def _load_shipped(directory: str, fingerprint: str) -> Dataset:
    dataset = load_dataset(directory)
    _ = dataset.fingerprint  # computed once, here, for every session that shares it
    return dataset


def shipped_dataset() -> Dataset:
    """The dashboard's own data, read once per change of the files."""
    directory = data_dir()
    return _load_shipped(str(directory), _data_fingerprint(directory))


# This session's own data lives in its session state only, never in a module variable. What is
# derived from a dataset is cached under the dataset's content hash, so only a session holding the
# same content can reach it. Shared results (st.cache_resource) are read-only: graphs are frozen,
# and no page changes a table or dict it is given; st.cache_data hands each reader its own copy.
_UPLOADED = "kd_uploaded_dataset"
_KEEP_ON_SWITCH = ui_state.STATE_KEYS | {_UPLOADED}


def uploaded_dataset() -> Dataset | None:
    """The data this session uploaded, if it uses its own."""
    return st.session_state.get(_UPLOADED)


def _forget_view_state() -> None:
    """Clear filters, pickers and page choices (they name actors of the data left behind);
    the URL follows on the next run."""
    for key in list(st.session_state.keys()):
        if key not in _KEEP_ON_SWITCH and not str(key).startswith("kd_keep_"):
            del st.session_state[key]
    ui_state.forget()


def use_dataset(dataset: Dataset | None) -> None:
    """Explore ``dataset`` in this session from now on (None: back to the shipped data)."""
    _forget_view_state()
    if dataset is None:
        st.session_state.pop(_UPLOADED, None)
    else:
        st.session_state[_UPLOADED] = dataset


def current_dataset() -> Dataset:
    """The dataset this session looks at (its own upload, else the shipped data); on invalid
    shipped data, show why and stop the page."""
    uploaded = uploaded_dataset()
    if uploaded is not None:
        return uploaded
    try:
        return shipped_dataset()
    except DataError as err:
        st.error(i18n.t("data.error.title", language()))
        show_problems(err.problems)
        st.stop()
        raise  # st.stop() raises; this keeps type checkers honest


def show_problems(problems: list) -> None:
    """Every validation problem in one table: file, row, column, what is wrong."""
    lang = language()
    table = pd.DataFrame(
        {
            i18n.t("col.file", lang): [p.file for p in problems],
            i18n.t("col.row", lang): [str(p.row) if p.row is not None else "" for p in problems],
            i18n.t("col.column", lang): [p.column or "" for p in problems],
            i18n.t("col.problem", lang): [p.text(lang) for p in problems],
        }
    )
    table_of(table)


def table_of(frame: pd.DataFrame, caption: str | None = None) -> None:
    """Show a table as an accessible HTML table, every value escaped.

    Not ``st.table``: it renders cells as Markdown, and GitHub-flavoured
    autolinks survive any escaping, so a name could become a link.
    """
    st.html(TABLE_CSS + html_table(frame, caption))


def dataset_key(dataset: Dataset) -> str:
    """A content hash of a dataset, for cache keys that must not mix datasets."""
    return dataset.fingerprint


# --- cached work -------------------------------------------------------------


@st.cache_resource(show_spinner=False, max_entries=8)
def _graph(key: str, _dataset: Dataset):
    # Shared, not copied on every rerun (a copy also loses the per-graph caches: places, groups).
    graph = nx.freeze(build_graph(_dataset))
    # The network page's first view is prepared with the map's places, before anyone asks for it:
    # at 20,000 actors it costs the first visit about half a second. (This run holds the cache's
    # lock for the graph until it returns; the thread waits for it there.)
    lay_out_soon(graph, then=lambda: _prepare(_dataset, graph))
    return graph


def _prepare(dataset: Dataset, graph) -> None:
    """What a first visit to the network page needs, made before anyone asks (in the background)."""
    find.prepare(graph)
    network_view(dataset, ViewState().filters(), i18n.DEFAULT_LANGUAGE)


def full_graph(dataset: Dataset):
    """The whole map as a graph, built once per dataset content."""
    return _graph(dataset_key(dataset), dataset)


@st.cache_resource(show_spinner=False, max_entries=8)
def _choices(key: str, _dataset: Dataset) -> Choices:
    tables = [
        t for t in schema.TABLES + schema.OPTIONAL_TABLES if t in _dataset.raw and len(_dataset.raw[t].frame.columns)
    ]
    return choices_of(full_graph(_dataset), tables)


def view_choices(dataset: Dataset) -> Choices:
    """What every filter, picker and page choice may hold in ``dataset``, once per dataset content."""
    return _choices(dataset_key(dataset), dataset)


@st.cache_resource(show_spinner=False, max_entries=64)
def _network_view(
    key: str, _dataset: Dataset, filters: Filters, view: str, options: ViewOptions, focus, depth: int, only, group,
    since: str | None,
) -> ShownNetwork:  # fmt: skip
    return shown_network(full_graph(_dataset), _dataset, filters, view, options, focus, depth, only, group, since)


def network_view(
    dataset: Dataset,
    filters: Filters,
    lang: str,
    *,
    view: str = "roles",
    colour_by: str = "type",
    size_by: str = "degree",
    focus: str | None = None,
    depth: int = 1,
    physics: bool = False,
    height: int = 760,
    only: tuple[str, ...] | None = None,
    group: str | None = None,
    since: str | None = None,
) -> ShownNetwork:
    """The network's drawing and tables for these choices (``since``: mark what changed since that
    date), cached per dataset content and choices."""
    options = ViewOptions(colour_by=colour_by, size_by=size_by, physics=physics, lang=lang, height=height)
    return _network_view(dataset_key(dataset), dataset, filters, view, options, focus, depth, only, group, since)


@st.cache_resource(show_spinner=False, max_entries=16)
def _centrality(key: str, _dataset: Dataset, filters: Filters):
    return centrality_table(filtered_graph(_dataset, filters))


def centrality(dataset: Dataset, filters: Filters):
    """Centralities of the filtered map, cached and shared read-only (betweenness is the costly one)."""
    return _centrality(dataset_key(dataset), dataset, filters)


escape = escape_markdown


def chart_of(figure, name: str, key: str) -> None:
    """A Plotly chart whose camera button saves a 2x PNG named after what it shows and when, and whose
    own texts (modebar, «Double-click to zoom back out», month names) are in the page's language."""
    stem = f"kidash-{name}-{dt.date.today().isoformat()}"
    config = plotly_locale.chart_config(
        language(),
        {
            "displaylogo": False,
            "toImageButtonOptions": {"format": "png", "scale": 2, "filename": stem, "width": 1600, "height": 900},
        },
    )
    # theme=None: keep the kidash template (Streamlit's theme would override fonts and colours).
    st.plotly_chart(_Drawn.of(figure), config=config, key=key, width="stretch", theme=None)


class _Drawn(BaseFigure):
    """A figure as ``st.plotly_chart`` reads it, its plain form made once per figure.

    Streamlit asks a figure for ``to_dict()`` on every run, which copies it and turns every
    array into base64: 13 of the Initiatives page's 31 ms per run. A page's figures are built
    once per view and shared read-only (:func:`per_view`), so their plain form is too (kept on
    the figure itself: a figure is not hashable). This is all Streamlit 1.67 reads of a figure
    (``plotly.tools.return_figure_from_figure_or_data``); ``tests/app`` checks that what a page
    sends equals the figure's own JSON.
    """

    def __init__(self, plain: dict) -> None:  # not BaseFigure's: nothing is validated again
        self._plain = plain

    @classmethod
    def of(cls, figure: BaseFigure) -> _Drawn:
        made = getattr(figure, "_kidash_drawn", None)
        if made is None:
            made = cls(figure.to_dict())
            figure._kidash_drawn = made
        return made

    def to_dict(self) -> dict:
        return self._plain


def show_chart(chart, grid: bool = False, table_heading: str | None = None) -> None:
    """A chart as every page shows it: its one-line takeaway, the chart, and the table beside it
    (``grid``: a sortable grid for long tables, else an accessible HTML table)."""
    st.markdown(escape_markdown(chart.takeaway))
    chart_of(chart.figure, chart.name, key=f"c_{chart.name}")
    if table_heading:
        st.header(escape_markdown(table_heading))
    if grid:
        st.dataframe(chart.table, hide_index=True, width="stretch")
    else:
        st.html(TABLE_CSS + chart.table_html)


def show_network(shown: ShownNetwork, lang: str, key: str = "n_network") -> None:
    """The live network (nothing when there is nothing to draw); only the network page's
    drawing (``n_network``) selects for the view."""
    live_network(shown, lang, key=key, selection=key == "n_network")


def actor_links(actor_ids, names: dict[str, str], columns: int = 3) -> None:
    """Links to actors' profiles that open in the same tab and keep the view, laid out in columns."""
    if not actor_ids:
        return
    slots = st.columns(columns)
    for i, actor_id in enumerate(actor_ids):
        ui_state.page_link(
            "aktor", names[actor_id], icon=":material/badge:", container=slots[i % columns], actor=actor_id
        )


def actor_link_list(dataset: Dataset, actor_ids, names: dict[str, str]) -> str:
    """Markdown links (:func:`actor_link`) to these actors' profiles joined by «·», built once per
    dataset content, actors and view (the links carry the view)."""
    ids = tuple(actor_ids)
    return per_view(
        "actor-links", dataset, lambda: " · ".join(actor_link(a, names[a]) for a in ids), ids, ui_state.view()
    )


def actor_link(actor_id: str, name: str) -> str:
    """Markdown for a link to an actor's profile page in this view, the name shown literally."""
    return f"[{escape_markdown(name)}]({ui_state.link_to('aktor', actor=actor_id)})"


@st.cache_resource(show_spinner=False, max_entries=16)
def _quality(key: str, _dataset: Dataset, lang: str):
    return quality.labelled(quality.quality(_dataset), lang)


def data_quality(dataset: Dataset, lang: str):
    """The data-quality summary of a dataset in ``lang``, computed once per content and language."""
    return _quality(dataset_key(dataset), dataset, lang)


@st.cache_resource(show_spinner=False, max_entries=32)
def _filtered(key: str, _dataset: Dataset, filters: Filters):
    return nx.freeze(filter_graph(full_graph(_dataset), filters))


def filtered_graph(dataset: Dataset, filters: Filters):
    """The map as the sidebar filters leave it, cached per dataset content and filters."""
    return _filtered(dataset_key(dataset), dataset, filters)


@st.cache_resource(show_spinner=False, max_entries=512)
def _per_view(what: str, key: str, parts: tuple, _build):
    return _build()


@st.cache_resource(show_spinner=False, max_entries=512)
def _per_view_spelt(what: str, key: str, spelt: str, _build):
    return _build()


_PLAIN = (str, int, float, bool, type(None))


def spell(value) -> str:
    """One exact spelling of a view's choices (strings, numbers, None, tuples, sets and frozen
    dataclasses of these): equal values spell the same and different values differently, so the
    spelling can key a cache without Streamlit's slower general hasher. Raises TypeError on
    anything else (an object's repr may name only its address).

    >>> spell(("a", (1, None), frozenset({"y", "x"})))
    "('a', (1, None), frozenset({'x', 'y'}))"
    """
    if type(value) in _PLAIN:
        return repr(value)
    if type(value) is tuple:
        return "(" + ", ".join(spell(v) for v in value) + ("," if len(value) == 1 else "") + ")"
    if type(value) in (frozenset, set):
        return f"{type(value).__name__}({{{', '.join(sorted(spell(v) for v in value))}}})"
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        if not type(value).__dataclass_params__.frozen:
            raise TypeError(f"{type(value).__name__} is not frozen")
        inner = ", ".join(f"{f.name}={spell(getattr(value, f.name))}" for f in dataclasses.fields(value))
        return f"{type(value).__module__}.{type(value).__qualname__}({inner})"
    raise TypeError(f"cannot spell a {type(value).__name__}")


def per_view(what: str, dataset: Dataset, build, *parts):
    """``build()``, once per ``what``, dataset content and ``parts`` (the view's choices it
    depends on: filters, language, a chosen actor ...), then shared by every session asking
    for the same.

    A rerun that changed none of these pays nothing. The result is shared, not copied, so
    nothing may change it: pages only show what they get.
    """
    try:
        spelt = spell(parts)
    except TypeError:  # something without an exact spelling: Streamlit's own hasher
        return _per_view(what, dataset_key(dataset), parts, build)
    return _per_view_spelt(what, dataset_key(dataset), spelt, build)


def names(dataset: Dataset, lang: str) -> dict[str, str]:
    """Every actor's whole name in ``lang`` by id, once per dataset content and language."""
    return per_view("names", dataset, lambda: ui_state.names(full_graph(dataset), lang), lang)


def view_table(what: str, dataset: Dataset, build, *parts, caption: str | None = None) -> None:
    """:func:`table_of` the table ``build()`` returns, its HTML built once per :func:`per_view` key."""
    html = per_view(what, dataset, lambda: html_table(build(), caption), *parts, caption)
    st.html(TABLE_CSS + html)


# --- files built on demand ---------------------------------------------------


@st.cache_data(show_spinner=False, max_entries=64)
def _export(key: tuple, _build) -> bytes:
    # Keyed by dataset content, page, filters, language and view state; the builder itself is not hashed.
    return _build()


def cached_file(key: tuple, build) -> bytes:
    """A file built once per ``key``, which must begin with the dataset's content key when it holds data."""
    return _export(key, build)
