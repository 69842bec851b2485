"""Big maps at a coarser level: actors gathered into groups (organisation type × region).

A map with more actors than a browser draws comfortably is shown as groups:
one node per group, sized by its members, and one link between two groups
weighted by how many relations run between their members. Opening a group
draws its members one by one while every other group stays a single node.
Which group an actor belongs to is the map's rule (:mod:`kidash.map.groups`).
"""

from __future__ import annotations

from collections import Counter, defaultdict

import networkx as nx

from kidash.map.groups import group_kind, group_label, group_node, group_of, groups_of, split_group

__all__ = ["grouped_graph"]


def grouped_graph(graph: nx.Graph, full: nx.MultiDiGraph, lang: str, open_group: str | None = None) -> nx.Graph:
    """``graph`` with every node outside ``open_group`` gathered into its group.

    Group nodes carry ``kind="group"``, ``member_kind``, ``name``, ``type``, ``region``,
    ``group`` (the key) and ``members`` (how many of the shown nodes it
    holds). Members of the open group keep their own id and data. Links are
    undirected with ``weight`` = the number of relations they stand for;
    links inside one closed group are not drawn.
    """
    membership = groups_of(full)
    result = nx.Graph(grouped=True, open_group=open_group)
    members: Counter[str] = Counter()
    where: dict[str, str] = {}
    for node, data in graph.nodes(data=True):
        key = membership.get(node) or group_of(graph, node)
        if key == open_group:
            result.add_node(node, **data)
            where[node] = node
        else:
            members[key] += 1
            where[node] = group_node(key)
    for key, count in members.items():
        type_, region = split_group(key)
        result.add_node(
            group_node(key),
            kind="group",
            member_kind=group_kind(key),
            name=group_label(key, lang),
            short_name="",
            type=type_,
            region=region,
            group=key,
            members=count,
        )
    weights: dict[tuple[str, str], int] = defaultdict(int)
    relations: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for source, target, data in graph.edges(data=True):
        a, b = where[source], where[target]
        if a == b:
            continue
        pair = (a, b) if a <= b else (b, a)
        weights[pair] += 1
        relations[pair][data.get("relation", "")] += 1
    for (a, b), weight in weights.items():
        result.add_edge(a, b, weight=weight, relations=dict(relations[(a, b)]))
    return result
