"""Who takes part in which initiative: the one rule every count, matrix and colour derives from."""

from __future__ import annotations

import weakref

import networkx as nx

from kidash.data import schema
from kidash.map.graph import initiative_of, organisations_of

__all__ = [
    "participation",
    "organisation_roles",
    "initiatives_of",
    "taking_part",
    "initiative_counts",
    "collaboration_graph",
]

Participation = dict[tuple[str, str], frozenset[str]]
_CACHE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def participation(graph: nx.MultiDiGraph, full: nx.MultiDiGraph | None = None) -> Participation:
    """``{(holder, initiative): roles}``: who takes part in which initiative, and how.

    The rule: a person or organisation takes part in an initiative when it
    holds a role (any relation but ``part_of`` and ``affiliated_with``) in
    the initiative or in anything that rolls up to it (see
    :func:`kidash.map.graph.initiative_of`: parts roll up to their main
    initiative; a plan and its one main measure are one initiative). An
    organisation also takes part through each of its people. Roles are
    those of ``graph`` (a filtered view); ``full`` (the whole map, default
    ``graph``) resolves roll-ups and whom people work for. Computed once per
    pair of graphs (graphs are not changed after they are built).

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("o", kind="organisation"); g.add_node("p", kind="person")
    >>> g.add_node("i", kind="initiative", type="project", main_initiative=True)
    >>> g.add_node("s", kind="initiative", type="subproject")
    >>> _ = g.add_edge("p", "o", relation="affiliated_with"); _ = g.add_edge("s", "i", relation="part_of")
    >>> _ = g.add_edge("p", "s", relation="member"); _ = g.add_edge("o", "i", relation="leads")
    >>> sorted((k, sorted(v)) for k, v in participation(g).items())
    [(('o', 'i'), ['leads', 'member']), (('p', 'i'), ['member'])]
    """
    full = full if full is not None else graph
    cached = _CACHE.get(graph)
    if cached is not None and cached[0]() is full:
        return cached[1]
    found: dict[tuple[str, str], set[str]] = {}
    units: dict[str, str | None] = {}
    for source, target, data in graph.edges(data=True):
        relation = data["relation"]
        if relation not in schema.ROLE_RELATIONS or target not in full:
            continue
        if target not in units:
            units[target] = initiative_of(full, target)
        initiative = units[target]
        if initiative is None:
            continue
        kind = graph.nodes[source]["kind"]
        if kind not in schema.HOLDER_KINDS:
            continue
        holders = [source]
        if kind == "person":
            holders += [o for o in organisations_of(full, source) if o in graph]
        for holder in holders:
            found.setdefault((holder, initiative), set()).add(relation)
    result = {pair: frozenset(roles) for pair, roles in found.items()}
    _CACHE[graph] = (weakref.ref(full), result)
    return result


def organisation_roles(graph: nx.MultiDiGraph, full: nx.MultiDiGraph | None = None) -> Participation:
    """:func:`participation` of organisations only.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("o", kind="organisation"); g.add_node("p", kind="person")
    >>> g.add_node("i", kind="initiative", type="project", main_initiative=True)
    >>> _ = g.add_edge("p", "o", relation="affiliated_with"); _ = g.add_edge("p", "i", relation="leads")
    >>> organisation_roles(g)
    {('o', 'i'): frozenset({'leads'})}
    """
    roles = participation(graph, full)
    nodes = graph.nodes
    return {pair: held for pair, held in roles.items() if nodes[pair[0]]["kind"] == "organisation"}


def taking_part(graph: nx.MultiDiGraph, full: nx.MultiDiGraph | None = None) -> dict[str, set[str]]:
    """``{holder: initiatives}`` for every person and organisation that takes part in one."""
    result: dict[str, set[str]] = {}
    for holder, initiative in participation(graph, full):
        result.setdefault(holder, set()).add(initiative)
    return result


def initiatives_of(graph: nx.MultiDiGraph, node: str, full: nx.MultiDiGraph | None = None) -> set[str]:
    """The initiatives ``node`` takes part in (an initiative or event with none: itself)."""
    found = taking_part(graph, full).get(node, set())
    if not found and graph.nodes[node]["kind"] in ("initiative", "event"):
        return {node}
    return set(found)


def initiative_counts(graph: nx.MultiDiGraph, full: nx.MultiDiGraph | None = None) -> dict[str, int]:
    """In how many initiatives each node of ``graph`` takes part (an initiative or event: 1, its own)."""
    part = taking_part(graph, full)
    return {
        node: len(part.get(node, ())) or (1 if data["kind"] in ("initiative", "event") else 0)
        for node, data in graph.nodes(data=True)
    }


def collaboration_graph(graph: nx.MultiDiGraph, full: nx.MultiDiGraph | None = None) -> nx.Graph:
    """Organisations linked when they take part in the same initiative (:func:`participation`).

    Edges carry ``weight`` (how many shared initiatives) and ``initiatives``
    (their ids, sorted); nodes carry ``initiatives``.
    """
    part = {o: found for o, found in taking_part(graph, full).items() if graph.nodes[o]["kind"] == "organisation"}
    result = nx.Graph(**graph.graph)
    for organisation in part:
        result.add_node(organisation, **graph.nodes[organisation], initiatives=sorted(part[organisation]))
    organisations = sorted(part)
    for i, a in enumerate(organisations):
        for b in organisations[i + 1 :]:
            shared = part[a] & part[b]
            if shared:
                result.add_edge(a, b, weight=len(shared), initiatives=sorted(shared))
    return result
