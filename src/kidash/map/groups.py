"""Which group (organisation type × region) an actor of a big map belongs to.

A person belongs to the group of the first organisation they are affiliated
with (so people sit beside their organisation); every other actor belongs to
the group of its own type and region. :mod:`kidash.network.groups` draws a big
map as these groups.
"""

from __future__ import annotations

import weakref

import networkx as nx

from kidash import i18n
from kidash.data import schema
from kidash.map.graph import organisations_of

__all__ = ["GROUP_PREFIX", "group_of", "groups_of", "group_label", "group_node", "group_kind", "split_group"]


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


def group_kind(key: str) -> str:
    """The kind of actor a group holds, from its type.

    >>> group_kind("health_trust|Helse Vest"), group_kind("network|Nasjonal")
    ('organisation', 'initiative')
    """
    return _KIND_OF_TYPE.get(split_group(key)[0], "organisation")
