"""Finding actors by name: the names a search matches, and what a picker of a big map offers."""

from __future__ import annotations

import unicodedata
import weakref
from collections.abc import Mapping, Sequence

import networkx as nx

__all__ = ["PICKER_LIMIT", "fold", "search_names", "matches", "picker_options", "prepare"]

# A picker offers every actor up to this many; beyond it, the best linked and what a typed name finds.
# Streamlit sends a picker's whole option list on every run and the browser builds a menu of it:
# 20,000 names were 344 kB per run and most of a big map's first picture.
PICKER_LIMIT = 300

_NAME_FIELDS = ("name", "short_name", "name_en", "short_name_en")


def fold(text: object) -> str:
    """``text`` as a search compares it: NFC, without case («Ø» and «ø» alike).

    >>> fold("HELSEDIR") == fold("Helsedir"), fold("Sør-Øst")
    (True, 'sør-øst')
    """
    return unicodedata.normalize("NFC", str(text)).casefold()


def search_names(data: Mapping, aliases: Sequence[str] = ()) -> list[str]:
    """What a search for an actor (node data ``data``) may match: its name first, then its short
    name, English names and ``aliases``, each once.

    >>> search_names({"name": "Helsedirektoratet", "short_name": "Hdir", "name_en": None}, ("Hdir", "HDIR"))
    ['Helsedirektoratet', 'Hdir', 'HDIR']
    """
    names = [data.get(key) for key in _NAME_FIELDS] + list(aliases)
    return list(dict.fromkeys(str(name) for name in names if name is not None and str(name) not in ("", "nan")))


def matches(index: Mapping[str, Sequence[str]], query: str, limit: int) -> list[str]:
    """The ids whose folded names (``index``) hold ``query``: those where it comes earliest
    first, then shorter names, then by id; at most ``limit``.

    >>> index = {"hdir": ["helsedirektoratet", "hdir"], "ehelse": ["direktoratet for e-helse"], "ks": ["ks"]}
    >>> matches(index, "DIR", 5)  # «direktoratet …» holds it at 0, «hdir» at 1
    ['ehelse', 'hdir']
    """
    query = fold(query).strip()
    if not query:
        return []
    found = []
    for node, names in index.items():
        at = min((name.find(query) for name in names if query in name), default=-1)
        if at >= 0:
            found.append((at, len(names[0]) if names else 0, str(node)))
    return [node for *_, node in sorted(found)[:limit]]


_LINKED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_FOLDED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _linked(graph: nx.Graph) -> list[str]:
    """The actors of ``graph`` from best to least linked (ties by id), once per (frozen, shared) graph."""
    found = _LINKED.get(graph)
    if found is None:
        found = _LINKED[graph] = [node for node, _ in sorted(graph.degree, key=lambda item: (-item[1], str(item[0])))]
    return found


def _folded(graph: nx.Graph) -> dict[str, tuple[str, ...]]:
    """The folded names of every actor in ``graph``, once per (frozen, shared) graph."""
    found = _FOLDED.get(graph)
    if found is None:
        found = _FOLDED[graph] = {
            node: tuple(fold(name) for name in search_names(data)) for node, data in graph.nodes(data=True)
        }
    return found


def prepare(graph: nx.Graph) -> None:
    """Build what :func:`picker_options` looks up in ``graph`` (in the background, when a map is loaded)."""
    _linked(graph)
    _folded(graph)


def picker_options(
    graph: nx.Graph, everyone: Sequence[str], query: str, current: str | None, limit: int = PICKER_LIMIT
) -> list[str]:
    """What a picker of one actor offers: all of ``everyone`` (in its order) when it holds at most
    ``limit``; else the ``current`` choice first, then the actors whose names hold ``query``, or
    without a query the best-linked ones, at most ``limit`` in all.

    >>> g = nx.Graph([("a", "b"), ("a", "c"), ("d", "a")])
    >>> nx.set_node_attributes(g, {"a": "Alfa", "b": "Beta", "c": "Gamma", "d": "Delta"}, "name")
    >>> picker_options(g, ["a", "b", "c", "d"], "", None, limit=4)
    ['a', 'b', 'c', 'd']
    >>> picker_options(g, ["a", "b", "c", "d"], "", "d", limit=2)
    ['d', 'a']
    >>> picker_options(g, ["a", "b", "c", "d"], "ETA", None, limit=2)
    ['b']
    """
    if len(everyone) <= limit:
        return list(everyone)
    allowed = set(everyone)
    if query.strip():
        # one more than the limit: the current choice may be among them, and it is offered once
        found = matches({n: names for n, names in _folded(graph).items() if n in allowed}, query, limit + 1)
    else:
        found = _linked(graph)
    chosen = [current] if current in allowed else []
    for node in found:
        if len(chosen) >= limit:
            break
        if node != current and node in allowed:
            chosen.append(node)
    return chosen
