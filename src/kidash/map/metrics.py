"""Measures of position in the network, used for node size and ranking."""

from __future__ import annotations

import networkx as nx
import pandas as pd

from kidash.map.participation import initiative_counts

__all__ = [
    "MEASURES",
    "EXACT_BETWEENNESS_LIMIT",
    "degree",
    "betweenness",
    "initiative_counts",
    "measure",
    "centrality_table",
    "brokers",
    "communities",
]

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


def _simple(graph: nx.Graph) -> nx.Graph:
    return nx.Graph(graph.to_undirected(as_view=True)) if graph.is_directed() or graph.is_multigraph() else graph


def centrality_table(graph: nx.Graph, seed: int = 7) -> pd.DataFrame:
    """Degree, betweenness, closeness and eigenvector centrality for every node.

    All on the undirected simple graph (a link is a link, whichever way the
    role runs). Eigenvector centrality is only defined within one connected
    piece: it is computed on the largest connected component and left empty
    (NaN) elsewhere, and for a graph with no links at all.
    """
    simple = _simple(graph)
    table = pd.DataFrame(index=pd.Index(list(simple.nodes), name="id"))
    table["degree"] = pd.Series(nx.degree_centrality(simple)) if simple.number_of_nodes() > 1 else 0.0
    table["betweenness"] = pd.Series(betweenness(simple, seed=seed))
    table["closeness"] = pd.Series(nx.closeness_centrality(simple))
    table["eigenvector"] = float("nan")
    if simple.number_of_edges():
        largest = simple.subgraph(max(nx.connected_components(simple), key=len))
        if largest.number_of_nodes() > 2:
            try:
                values = nx.eigenvector_centrality(largest, max_iter=1_000, tol=1e-8)
                table.loc[list(values), "eigenvector"] = pd.Series(values)
            except nx.PowerIterationFailedConvergence:
                pass  # left empty: the page says eigenvector centrality is undefined here
    return table


def brokers(graph: nx.Graph) -> pd.DataFrame:
    """Actors whose removal splits the network: how many more pieces it falls into without them.

    These are the articulation points of the undirected simple graph; the
    table is sorted by the number of pieces their removal adds.

    >>> brokers(nx.path_graph(3))["extra_pieces"].to_dict()
    {1: 1}
    """
    simple = _simple(graph)
    base = nx.number_connected_components(simple)
    rows = []
    for node in nx.articulation_points(simple):
        without = simple.copy()
        without.remove_node(node)
        rows.append({"id": node, "extra_pieces": nx.number_connected_components(without) - base})
    table = pd.DataFrame(rows, columns=["id", "extra_pieces"]).set_index("id")
    return table.sort_values("extra_pieces", ascending=False, kind="stable")


def communities(graph: nx.Graph, seed: int = 7) -> list[list[str]]:
    """Louvain communities (networkx, fixed seed), largest first, members sorted.

    The same graph and seed always give the same communities.
    """
    simple = _simple(graph)
    if simple.number_of_edges() == 0:
        return [[node] for node in sorted(simple.nodes)]
    found = nx.community.louvain_communities(simple, seed=seed)
    return sorted((sorted(c) for c in found), key=lambda c: (-len(c), c[0]))
