"""Work shared by every session: the map as a graph, views of it, centralities and files, each
built once per dataset content and choices.

What is derived from a dataset is cached under the dataset's content hash, so only a session
holding the same content can reach it. Shared results (``st.cache_resource``) are read-only:
graphs are frozen, and no page changes a table or dict it is given; ``st.cache_data`` hands
each reader its own copy.
"""

from __future__ import annotations

import dataclasses
import threading

import networkx as nx
import streamlit as st

from kidash import i18n
from kidash.data import quality, schema
from kidash.data.dataset import Dataset
from kidash.exports import images
from kidash.map import find
from kidash.map.filters import Filters, filter_graph
from kidash.map.graph import build_graph, names_of
from kidash.map.metrics import centrality_table
from kidash.network.drawing import ViewOptions, map_positions
from kidash.network.shown import ShownNetwork, shown_network
from kidash.view.choices import Choices, choices_of
from kidash.view.state import ViewState

__all__ = [
    "dataset_key",
    "full_graph",
    "filtered_graph",
    "view_choices",
    "network_view",
    "centrality",
    "data_quality",
    "names",
    "per_view",
    "spell",
    "cached_file",
    "browser",
]


def dataset_key(dataset: Dataset) -> str:
    """A content hash of a dataset, for cache keys that must not mix datasets."""
    return dataset.fingerprint


@st.cache_resource(show_spinner=False, max_entries=8)
def _graph(key: str, _dataset: Dataset):
    # Shared, not copied on every rerun (a copy also loses the per-graph caches: places, groups).
    graph = nx.freeze(build_graph(_dataset))
    # The network page's first view is prepared with the map's places, before anyone asks for it:
    # at 20,000 actors it costs the first visit about half a second.
    threading.Thread(target=_prepare, args=(_dataset, graph), name="kidash-prepare", daemon=True).start()
    return graph


def _prepare(dataset: Dataset, graph) -> None:
    """What a first visit to the network page needs, made in the background when a map loads:
    the whole map's places (about 2.7 s at 20,000 actors), the pickers' index and the first view.
    (The loading run holds the cache's lock for the graph until it returns; this waits for it.)"""
    map_positions(graph)
    find.prepare(graph)
    network_view(dataset, ViewState().filters(), i18n.DEFAULT_LANGUAGE)


def full_graph(dataset: Dataset):
    """The whole map as a graph, built once per dataset content."""
    return _graph(dataset_key(dataset), dataset)


@st.cache_resource(show_spinner=False, max_entries=32)
def _filtered(key: str, _dataset: Dataset, filters: Filters):
    return nx.freeze(filter_graph(full_graph(_dataset), filters))


def filtered_graph(dataset: Dataset, filters: Filters):
    """The map as the sidebar filters leave it, cached per dataset content and filters."""
    return _filtered(dataset_key(dataset), dataset, filters)


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


@st.cache_resource(show_spinner=False, max_entries=16)
def _quality(key: str, _dataset: Dataset, lang: str):
    return quality.labelled(quality.quality(_dataset), lang)


def data_quality(dataset: Dataset, lang: str):
    """The data-quality summary of a dataset in ``lang``, computed once per content and language."""
    return _quality(dataset_key(dataset), dataset, lang)


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
    return per_view("names", dataset, lambda: names_of(full_graph(dataset), lang), lang)


@st.cache_data(show_spinner=False, max_entries=64)
def _export(key: tuple, _build) -> bytes:
    # Keyed by dataset content, page, filters, language and view state; the builder itself is not hashed.
    return _build()


def cached_file(key: tuple, build) -> bytes:
    """A file built once per ``key``, which must begin with the dataset's content key when it holds data."""
    return _export(key, build)


@st.cache_resource(show_spinner=False)
def browser() -> str | None:
    """The Chrome/Chromium kaleido will use (looked up once per server; nothing is downloaded)."""
    path = images.browser_path()
    if path:
        images.warm_up()
    return path
