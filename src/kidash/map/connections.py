"""How is A connected to B: shortest paths written out as sentences from the relations."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice

import networkx as nx

from kidash import i18n
from kidash.map.graph import full_name

__all__ = ["Connection", "connections"]


@dataclass(frozen=True)
class Connection:
    """One shortest path: the nodes in order and one sentence per fact along it."""

    nodes: tuple[str, ...]
    sentences: tuple[str, ...]


def _edge(graph: nx.MultiDiGraph, u: str, v: str) -> tuple[str, str, dict]:
    """The relation linking u and v in either direction, stated before inferred."""
    candidates = [(u, v, d) for d in (graph.get_edge_data(u, v) or {}).values()]
    candidates += [(v, u, d) for d in (graph.get_edge_data(v, u) or {}).values()]
    return min(candidates, key=lambda c: (bool(c[2].get("inferred")), c[2]["relation"]))


def _sentence(graph, source, target, data, lang, documents, through=None) -> str:
    name = lambda node: full_name(graph.nodes[node], lang)  # noqa: E731
    text = i18n.t(f"path.{data['relation']}", lang, a=name(source), b=name(target))
    if through:
        text += " " + i18n.t("path.through", lang, person=name(through))
    title, _ = documents.get(data.get("document", ""), ("", ""))
    if title:
        key = "path.source_inferred" if data.get("inferred") else "path.source"
        text += " " + i18n.t(key, lang, title=title)
    return text + "."


def _sentences(graph, nodes, lang, documents) -> list[str]:
    hops = [_edge(graph, u, v) for u, v in zip(nodes, nodes[1:], strict=False)]
    sentences: list[str] = []
    i = 0
    while i < len(hops):
        source, target, data = hops[i]
        if i + 1 < len(hops):
            # «organisation – person – X» (either way round): the person's role is the
            # organisation's, through the person.
            s2, t2, d2 = hops[i + 1]
            person = nodes[i + 1]
            if graph.nodes[person]["kind"] == "person" and source == person == s2:
                if data["relation"] == "affiliated_with":
                    sentences.append(_sentence(graph, target, t2, d2, lang, documents, through=person))
                    i += 2
                    continue
                if d2["relation"] == "affiliated_with":
                    sentences.append(_sentence(graph, t2, target, data, lang, documents, through=person))
                    i += 2
                    continue
        sentences.append(_sentence(graph, source, target, data, lang, documents))
        i += 1
    return sentences


def connections(
    graph: nx.MultiDiGraph,
    a: str,
    b: str,
    documents: dict[str, tuple[str, str]],
    lang: str = "nb",
    limit: int = 3,
) -> list[Connection]:
    """Up to ``limit`` shortest paths from ``a`` to ``b``, each with its sentences.

    Links count in both directions. An empty list means no path exists.
    Raises ``KeyError`` for an unknown actor.
    """
    for node in (a, b):
        if node not in graph:
            raise KeyError(node)
    if a == b:
        return []
    undirected = nx.Graph(graph.to_undirected(as_view=True))
    try:
        paths = list(islice(nx.all_shortest_paths(undirected, a, b), limit))
    except nx.NetworkXNoPath:
        return []
    return [Connection(tuple(p), tuple(_sentences(graph, p, lang, documents))) for p in sorted(paths)]
