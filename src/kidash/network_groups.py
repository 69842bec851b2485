"""Big maps at a coarser level: actors gathered into groups (organisation type × region).

A map with more actors than a browser draws comfortably is shown as groups:
one node per group, sized by its members, and one link between two groups
weighted by how many relations run between their members. Opening a group
draws its members one by one while every other group stays a single node.

A person belongs to the group of the first organisation they are affiliated
with (so people sit beside their organisation); every other actor belongs to
the group of its own type and region.
"""

from __future__ import annotations

import weakref
from collections import Counter, defaultdict

import networkx as nx

from kidash import i18n, schema
from kidash.graph import organisations_of

__all__ = ["GROUP_PREFIX", "group_of", "groups_of", "group_label", "group_node", "grouped_graph", "split_group"]

GROUP_PREFIX = "group:"
_KIND_OF_TYPE = {type_: kind for kind, types in schema.TYPES_BY_KIND.items() for type_ in types}
_SEPARATOR = "|"


def group_of(full: nx.MultiDiGraph, node: str) -> str:
    """The key of the group ``node`` belongs to, e.g. ``health_trust|Helse Vest``.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", kind="organisation", type="health_trust", region="Helse Vest")
    >>> g.add_node("p", kind="person", type="person", region="Helse Vest")
    >>> _ = g.add_edge("p", "a", relation="affiliated_with")
    >>> group_of(g, "a"), group_of(g, "p")
    ('health_trust|Helse Vest', 'health_trust|Helse Vest')
    """
    data = full.nodes[node]
    if data["kind"] == "person":
        organisations = organisations_of(full, node)
        if organisations:
            data = full.nodes[organisations[0]]
    return f"{data['type']}{_SEPARATOR}{data['region']}"


_CACHE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def groups_of(full: nx.MultiDiGraph) -> dict[str, str]:
    """Every node's group key (computed once per map, forgotten with the map)."""
    found = _CACHE.get(full)
    if found is None or len(found) != full.number_of_nodes():
        found = _CACHE[full] = {node: group_of(full, node) for node in full.nodes}
    return found


def split_group(key: str) -> tuple[str, str]:
    """(type, region) of a group key."""
    kind_or_type, _, region = key.partition(_SEPARATOR)
    return kind_or_type, region


def group_label(key: str, lang: str) -> str:
    """A group's name for people, e.g. «Helseforetak · Helse Vest»."""
    type_, region = split_group(key)
    return f"{i18n.label('type', type_, lang)} · {i18n.label('region', region, lang)}"


def group_node(key: str) -> str:
    """The node id that stands for group ``key`` in a grouped map."""
    return GROUP_PREFIX + key


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
            member_kind=_KIND_OF_TYPE.get(type_, "organisation"),
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
