"""The Streamlit frame shared by every page: language, the session's dataset, cached work, filters.

Streamlit is imported only here and in the other ``ui_*`` modules (own data,
exports); everything else in the package is plain Python.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path
from urllib.parse import quote

import pandas as pd
import streamlit as st

from kidash import i18n, quality, schema
from kidash.data import DATA_DIR, DataError, Dataset, load_dataset
from kidash.graph import Filters, build_graph, filter_graph, main_initiatives
from kidash.metrics import centrality_table
from kidash.network_view import ShownNetwork, ViewOptions, shown_network
from kidash.safety import TABLE_CSS, escape_markdown, html_table

__all__ = [
    "data_dir",
    "table_of",
    "language",
    "choose_language",
    "shipped_dataset",
    "current_dataset",
    "uploaded_dataset",
    "use_dataset",
    "cached_file",
    "show_problems",
    "dataset_key",
]

_LANG_KEY = "lang"


def choose_language() -> str:
    """Draw the language switch in the sidebar, kept in the URL as ``?lang=``."""
    wanted = st.query_params.get(_LANG_KEY, i18n.DEFAULT_LANGUAGE)
    if _LANG_KEY not in st.session_state:
        st.session_state[_LANG_KEY] = wanted if wanted in i18n.LANGUAGES else i18n.DEFAULT_LANGUAGE
    lang = st.sidebar.selectbox(
        i18n.t("sidebar.language"),
        i18n.LANGUAGES,
        key=_LANG_KEY,
        format_func=lambda code: {"nb": "Norsk (bokmål)", "en": "English"}[code],
    )
    if lang == i18n.DEFAULT_LANGUAGE:
        if _LANG_KEY in st.query_params:
            del st.query_params[_LANG_KEY]
    else:
        st.query_params[_LANG_KEY] = lang
    return lang


def set_document_language(lang: str) -> None:
    """Set ``<html lang>`` to the chosen language, which Streamlit itself leaves at «en»."""
    code = lang if lang in i18n.LANGUAGES else i18n.DEFAULT_LANGUAGE  # a fixed code, never user text
    # Re-applied for a few seconds: under load the frontend may mount this before its own re-renders.
    script = (
        f"<script>(function () {{ var n = 0; function set() {{ document.documentElement.lang = {code!r}; }}"
        " set(); var t = setInterval(function () { set(); if (++n > 20) clearInterval(t); }, 500); })();</script>"
    )
    st.html(script, unsafe_allow_javascript=True)


def language() -> str:
    """The language chosen for this session (``nb`` until the switch is drawn)."""
    lang = st.session_state.get(_LANG_KEY, i18n.DEFAULT_LANGUAGE)
    return lang if lang in i18n.LANGUAGES else i18n.DEFAULT_LANGUAGE


def data_dir() -> Path:
    """The folder the dashboard reads: ``$KIDASH_DATA_DIR`` or the shipped ``data/``."""
    return Path(os.environ.get("KIDASH_DATA_DIR") or DATA_DIR)


def _data_fingerprint(directory: Path) -> str:
    """Changes whenever a file in the folder changes, so the cache follows the files."""
    digest = hashlib.sha256(str(directory.resolve()).encode())
    for path in sorted(directory.glob("*.csv")):
        stat = path.stat()
        digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


@st.cache_data(show_spinner=False)
def _load_shipped(directory: str, fingerprint: str) -> Dataset:
    return load_dataset(directory)


def shipped_dataset() -> Dataset:
    """The dashboard's own data, read once per change of the files."""
    directory = data_dir()
    return _load_shipped(str(directory), _data_fingerprint(directory))


# This session's own data lives in its session state only: never in a module variable or
# st.cache_resource, and every st.cache_data entry below is keyed by the dataset's content.
_UPLOADED = "kd_uploaded_dataset"
_KEEP_ON_SWITCH = {_LANG_KEY, _UPLOADED}


def uploaded_dataset() -> Dataset | None:
    """The data this session uploaded, if it uses its own."""
    return st.session_state.get(_UPLOADED)


def _forget_view_state() -> None:
    """Clear filters, pickers and page choices (they name actors of the data left behind)."""
    for key in list(st.session_state.keys()):
        if key not in _KEEP_ON_SWITCH and not str(key).startswith("kd_keep_"):
            del st.session_state[key]
    for param in list(st.query_params.keys()):
        if param != _LANG_KEY:
            del st.query_params[param]


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


# --- URL-bound widget state -------------------------------------------------


def seed_from_url(key: str, param: str, valid, default, many: bool = False) -> None:
    """Give widget ``key`` its value from ``?param=``: on a session's first run (a shared link
    opens the same view) and whenever the URL changed since the last run (a link to the
    same page with other parameters). Invalid values fall back to ``default``."""
    if many:
        url_value = [v for v in st.query_params.get_all(param) if v in valid]
    else:
        raw = st.query_params.get(param)
        if isinstance(default, bool):
            url_value = default if raw is None else raw == "1"
        elif isinstance(default, int) and raw is not None and raw.isdigit() and int(raw) in valid:
            url_value = int(raw)
        else:
            url_value = raw if raw in valid else default
    seen_key = f"_url_{key}"
    changed = seen_key in st.session_state and st.session_state[seen_key] != url_value
    if key not in st.session_state or changed:
        st.session_state[key] = url_value
    st.session_state[seen_key] = url_value


def write_url(param: str, value, default) -> None:
    """Put a widget's value into the URL, leaving defaults out so links stay short."""
    if value == default or value in (None, [], ""):
        if param in st.query_params:
            del st.query_params[param]
    elif isinstance(value, list):
        st.query_params[param] = [str(v) for v in value]
    elif isinstance(value, bool):
        st.query_params[param] = "1" if value else "0"
    else:
        st.query_params[param] = str(value)


def actor_picker(label: str, graph, key: str, param: str, placeholder: str, container=None) -> str | None:
    """A searchable choice of one actor of ``graph`` (by name), kept in the URL as ``?param=<id>``."""
    actors = sorted(graph.nodes, key=lambda n: graph.nodes[n]["name"].lower())
    seed_from_url(key, param, actors, None)
    chosen = (container or st).selectbox(
        label, actors, key=key, index=None, placeholder=placeholder, format_func=lambda n: graph.nodes[n]["name"]
    )
    write_url(param, chosen, None)
    return chosen


# --- the filter sidebar shared by every page --------------------------------

_FILTERS = (  # (widget key, URL parameter and i18n key), in sidebar order
    ("f_region", "region"),
    ("f_type", "type"),
    ("f_initiative", "initiative"),
    ("f_kind", "kind"),
    ("f_relation", "relation"),
)


def _reset_filters() -> None:
    for key, param in _FILTERS:
        st.session_state[key] = []
        if param in st.query_params:
            del st.query_params[param]
    st.session_state["f_people"] = True
    if "people" in st.query_params:
        del st.query_params["people"]


def sidebar_filters(graph, lang: str) -> Filters:
    """Draw the filters in the sidebar (values kept in the URL) and return them."""
    nodes = graph.nodes(data=True)
    regions = [r for r in schema.REGIONS if any(d["region"] == r for _, d in nodes)]
    org_types = [t for t in schema.TYPES_BY_KIND["organisation"] if any(d["type"] == t for _, d in nodes)]
    kinds = [k for k in schema.KINDS if any(d["kind"] == k for _, d in nodes)]
    relations = [r for r in schema.RELATIONS if any(d["relation"] == r for *_, d in graph.edges(data=True))]
    main = main_initiatives(graph)
    others = sorted(
        (n for n, d in nodes if d["kind"] in ("initiative", "event") and n not in main),
        key=lambda n: graph.nodes[n]["name"].lower(),
    )
    initiatives = main + others
    options = {
        "f_region": regions,
        "f_type": org_types,
        "f_kind": kinds,
        "f_relation": relations,
        "f_initiative": initiatives,
    }
    for key, param in _FILTERS:
        seed_from_url(key, param, options[key], [], many=True)
    seed_from_url("f_people", "people", (True, False), True)

    labels = {
        "f_region": lambda v: i18n.label("region", v, lang),
        "f_type": lambda v: i18n.label("type", v, lang),
        "f_kind": lambda v: i18n.label("kind", v, lang),
        "f_relation": lambda v: i18n.label("relation", v, lang),
        "f_initiative": lambda v: graph.nodes[v]["name"],
    }
    st.sidebar.header(i18n.t("filters.heading", lang))
    chosen: dict[str, list] = {}
    for key, param in _FILTERS:
        chosen[key] = st.sidebar.multiselect(
            i18n.t(f"filters.{param}", lang),
            options[key],
            key=key,
            format_func=labels[key],
            placeholder=i18n.t("filters.all", lang),
        )
        write_url(param, chosen[key], [])
    people = st.sidebar.toggle(i18n.t("filters.people", lang), key="f_people", help=i18n.t("filters.people.help", lang))
    write_url("people", people, True)
    st.sidebar.button(i18n.t("filters.reset", lang), on_click=_reset_filters, key="f_reset")
    st.session_state["_kd_filters"] = Filters(
        regions=tuple(chosen["f_region"]),
        org_types=tuple(chosen["f_type"]),
        kinds=tuple(chosen["f_kind"]),
        relations=tuple(chosen["f_relation"]),
        initiatives=tuple(chosen["f_initiative"]),
        show_people=people,
    )
    return st.session_state["_kd_filters"]


def current_filters() -> Filters:
    """The filters drawn in the sidebar on this run (no filter before it is drawn)."""
    return st.session_state.get("_kd_filters", Filters())


# --- cached work -------------------------------------------------------------


@st.cache_data(show_spinner=False, max_entries=8)
def _graph(key: str, _dataset: Dataset):
    return build_graph(_dataset)


def full_graph(dataset: Dataset):
    """The whole map as a graph, built once per dataset content."""
    return _graph(dataset_key(dataset), dataset)


@st.cache_data(show_spinner=False, max_entries=64)
def _network_view(
    key: str, _dataset: Dataset, filters: Filters, view: str, options: ViewOptions, focus, depth: int, only
) -> ShownNetwork:
    return shown_network(full_graph(_dataset), _dataset, filters, view, options, focus, depth, only)


def network_view(
    dataset: Dataset,
    filters: Filters,
    view: str,
    colour_by: str,
    size_by: str,
    focus,
    depth: int,
    physics: bool,
    lang: str,
    height: int = 760,
    only: tuple[str, ...] | None = None,
) -> ShownNetwork:
    """The drawn network and its tables, cached per dataset content and choices."""
    options = ViewOptions(colour_by=colour_by, size_by=size_by, physics=physics, lang=lang, height=height)
    return _network_view(dataset_key(dataset), dataset, filters, view, options, focus, depth, only)


@st.cache_data(show_spinner=False, max_entries=16)
def _centrality(key: str, _dataset: Dataset, filters: Filters):
    return centrality_table(filtered_graph(_dataset, filters))


def centrality(dataset: Dataset, filters: Filters):
    """Centralities of the filtered map, cached (betweenness is the costly one)."""
    return _centrality(dataset_key(dataset), dataset, filters)


escape = escape_markdown


def chart(figure, name: str, key: str) -> None:
    """A Plotly chart whose camera button saves a 2x PNG named after what it shows and when."""
    stem = f"kidash-{name}-{dt.date.today().isoformat()}"
    config = {
        "displaylogo": False,
        "toImageButtonOptions": {"format": "png", "scale": 2, "filename": stem, "width": 1600, "height": 900},
    }
    # theme=None: keep the kidash template (Streamlit's theme would override fonts and colours).
    st.plotly_chart(figure, config=config, key=key, width="stretch", theme=None)


def actor_links(actor_ids, names: dict[str, str], columns: int = 3) -> None:
    """Links to actors' profiles that open in the same tab, laid out in columns."""
    if not actor_ids:
        return
    slots = st.columns(columns)
    for i, actor_id in enumerate(actor_ids):
        slots[i % columns].page_link(
            "app_pages/aktor.py",
            label=escape_markdown(names[actor_id]),
            query_params={"actor": actor_id},
            icon=":material/badge:",
        )


def actor_link(actor_id: str, name: str) -> str:
    """Markdown for a link to an actor's profile page, the name shown literally."""
    return f"[{escape_markdown(name)}](/aktor?actor={quote(actor_id, safe='')})"


@st.cache_data(show_spinner=False, max_entries=16)
def _quality(key: str, _dataset: Dataset, lang: str):
    return quality.quality(_dataset, lang)


def data_quality(dataset: Dataset, lang: str):
    """The data-quality summary of a dataset, computed once per content and language."""
    return _quality(dataset_key(dataset), dataset, lang)


@st.cache_data(show_spinner=False, max_entries=32)
def _filtered(key: str, _dataset: Dataset, filters: Filters):
    return filter_graph(full_graph(_dataset), filters)


def filtered_graph(dataset: Dataset, filters: Filters):
    """The map as the sidebar filters leave it, cached per dataset content and filters."""
    return _filtered(dataset_key(dataset), dataset, filters)


# --- files built on demand ---------------------------------------------------


@st.cache_data(show_spinner=False, max_entries=64)
def _export(key: tuple, _build) -> bytes:
    # Keyed by dataset content, page, filters, language and view state; the builder itself is not hashed.
    return _build()


def cached_file(key: tuple, build) -> bytes:
    """A file built once per ``key``, which must begin with the dataset's content key when it holds data."""
    return _export(key, build)
