"""Measures of position in the network, used for node size and ranking."""

from __future__ import annotations

import networkx as nx

from kidash import schema
from kidash.graph import initiative_of, organisations_of

__all__ = ["MEASURES", "EXACT_BETWEENNESS_LIMIT", "degree", "betweenness", "initiative_counts", "measure"]

MEASURES: tuple[str, ...] = ("degree", "betweenness", "initiatives")
# Above this many nodes betweenness is estimated from a seeded sample of sources.
EXACT_BETWEENNESS_LIMIT = 500
BETWEENNESS_SAMPLE = 100


def degree(graph: nx.Graph) -> dict[str, int]:
    """How many links each node has, counting every relation and both directions.

    >>> g = nx.MultiDiGraph([("a", "b"), ("a", "b"), ("b", "c")])
    >>> degree(g)
    {'a': 2, 'b': 3, 'c': 1}
    """
    return {node: int(value) for node, value in graph.degree()}


def betweenness(graph: nx.Graph, seed: int = 7) -> dict[str, float]:
    """Normalised betweenness on the undirected simple graph behind ``graph``.

    Exact up to :data:`EXACT_BETWEENNESS_LIMIT` nodes, then estimated from
    :data:`BETWEENNESS_SAMPLE` sources chosen with ``seed`` (same answer for
    the same graph and seed).

    >>> betweenness(nx.path_graph(3))
    {0: 0.0, 1: 1.0, 2: 0.0}
    """
    simple = nx.Graph(graph.to_undirected(as_view=True)) if graph.is_multigraph() or graph.is_directed() else graph
    n = simple.number_of_nodes()
    if n <= EXACT_BETWEENNESS_LIMIT:
        return nx.betweenness_centrality(simple, normalized=True)
    return nx.betweenness_centrality(simple, k=min(BETWEENNESS_SAMPLE, n), normalized=True, seed=seed)


def initiative_counts(graph: nx.MultiDiGraph, full_graph: nx.MultiDiGraph | None = None) -> dict[str, int]:
    """In how many main initiatives each node takes part (roles, its people's roles).

    For an initiative or event itself the count is 1 (its own). ``full_graph``
    resolves roll-ups when ``graph`` is a filtered view (defaults to ``graph``).
    """
    full = full_graph if full_graph is not None else graph
    taking_part: dict[str, set[str]] = {node: set() for node in graph.nodes}
    for source, target, data in graph.edges(data=True):
        if data["relation"] not in schema.ROLE_RELATIONS or target not in full:
            continue
        initiative = initiative_of(full, target)
        if initiative is None:
            continue
        taking_part[source].add(initiative)
        if graph.nodes[source]["kind"] == "person":
            for organisation in organisations_of(full, source):
                if organisation in taking_part:
                    taking_part[organisation].add(initiative)
    for node, data in graph.nodes(data=True):
        if data["kind"] in ("initiative", "event") and not taking_part[node]:
            taking_part[node].add(node)
    return {node: len(found) for node, found in taking_part.items()}


def measure(graph: nx.Graph, name: str, full_graph: nx.Graph | None = None) -> dict[str, float]:
    """The named measure (one of :data:`MEASURES`) for every node."""
    if name == "degree":
        return degree(graph)
    if name == "betweenness":
        return betweenness(graph)
    if name == "initiatives":
        if not graph.is_directed():  # collaboration graph: its nodes list their initiatives
            return {n: len(d.get("initiatives", ())) for n, d in graph.nodes(data=True)}
        return initiative_counts(graph, full_graph)
    raise ValueError(f"unknown measure {name!r}; choose from {', '.join(MEASURES)}")
