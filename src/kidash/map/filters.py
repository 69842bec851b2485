"""What a person asked to see: the filters, the map they leave, an actor's neighbourhood."""

from __future__ import annotations

from dataclasses import dataclass, replace

import networkx as nx

from kidash.data import schema
from kidash.map.graph import initiative_scope, organisations_of, parents_of
from kidash.map.time import as_of

__all__ = ["Filters", "filter_graph", "hide_people", "ego_network"]


@dataclass(frozen=True)
class Filters:
    """What a user chose to see. Empty tuples mean «no restriction».

    ``regions`` and ``org_types`` select who holds roles (organisations, and
    people by their organisations); initiatives, events and documents stay
    while a shown actor holds a role in them or in one of their parts.
    """

    regions: tuple[str, ...] = ()
    org_types: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    relations: tuple[str, ...] = ()
    initiatives: tuple[str, ...] = ()
    show_people: bool = True
    as_of: str = ""  # the map as of this ISO date ("" = everything, today)
    time_basis: str = "stated"  # "stated": what the sources had said by then; "in_force": what held then

    @property
    def is_default(self) -> bool:
        return not (
            self.regions or self.org_types or self.kinds or self.relations or self.initiatives or self.as_of
        ) and (self.show_people)


def _holder_passes(graph: nx.MultiDiGraph, node: str, filters: Filters) -> bool:
    data = graph.nodes[node]
    if data["kind"] == "organisation":
        if filters.regions and data["region"] not in filters.regions:
            return False
        return not (filters.org_types and data["type"] not in filters.org_types)
    if data["kind"] == "person":
        if filters.regions and data["region"] not in filters.regions:
            return False
        if filters.org_types:
            types = {graph.nodes[o]["type"] for o in organisations_of(graph, node)}
            return bool(types & set(filters.org_types))
        return True
    return True


def _context_with_holders(graph: nx.MultiDiGraph, holders: set[str]) -> set[str]:
    """Context nodes where a holder acts directly, plus everything above them."""
    touched = {
        target
        for holder in holders
        for _, target, d in graph.out_edges(holder, data=True)
        if graph.nodes[target]["kind"] in schema.CONTEXT_KINDS and d["relation"] != "part_of"
    }
    touched |= {
        source
        for holder in holders
        for source, _, d in graph.in_edges(holder, data=True)
        if graph.nodes[source]["kind"] in schema.CONTEXT_KINDS
    }
    result = set(touched)
    frontier = list(touched)
    while frontier:
        node = frontier.pop()
        for parent in parents_of(graph, node):
            if parent not in result:
                result.add(parent)
                frontier.append(parent)
    return result


def hide_people(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Remove people, giving each of their roles to their organisations.

    A person's edge ``P -relation-> X`` becomes ``O -relation-> X`` for every
    organisation ``O`` that ``P`` is ``affiliated_with``, with ``via=P`` on the
    edge, so organisations stay connected through what their people do.
    """
    result = nx.MultiDiGraph(**graph.graph)
    result.add_nodes_from((n, d) for n, d in graph.nodes(data=True) if d["kind"] != "person")
    for source, target, data in graph.edges(data=True):
        source_is_person = graph.nodes[source]["kind"] == "person"
        target_is_person = graph.nodes[target]["kind"] == "person"
        if not source_is_person and not target_is_person:
            result.add_edge(source, target, **data)
            continue
        if data["relation"] == "affiliated_with":
            continue
        sources = organisations_of(graph, source) if source_is_person else [source]
        targets = organisations_of(graph, target) if target_is_person else [target]
        via = source if source_is_person else target
        for s in sources:
            for t in targets:
                if s != t:
                    result.add_edge(s, t, **{**data, "via": via})
    return result


def filter_graph(graph: nx.MultiDiGraph, filters: Filters) -> nx.MultiDiGraph:
    """The part of ``graph`` a user asked to see (a new graph, or a frozen ``graph`` itself when
    nothing is filtered; the input is never changed).

    Steps, in order: the chosen initiatives with all their parts and everyone
    holding a role in them (and the organisations of those people); the
    region and organisation-type choice on who holds roles; the kinds; people
    hidden with their roles passed to their organisations; the relation
    types. Nodes left without any edge by a filter are dropped.
    """
    if filters.is_default:
        # Nothing to take away: a frozen (shared, read-only) map is its own view; anything else is copied.
        return graph if nx.is_frozen(graph) else graph.copy()
    if filters.as_of:
        graph = as_of(graph, filters.as_of, filters.time_basis)
        if replace(filters, as_of="").is_default:
            return graph
    nodes = set(graph.nodes)
    scope: set[str] = set()
    if filters.initiatives:
        for initiative in filters.initiatives:
            if initiative in graph:
                scope |= initiative_scope(graph, initiative)
        members = {s for node in scope for s, _ in graph.in_edges(node)}
        members |= {o for p in members if graph.nodes[p]["kind"] == "person" for o in organisations_of(graph, p)}
        nodes = scope | members
    if filters.regions or filters.org_types:
        holders = {n for n in nodes if graph.nodes[n]["kind"] in schema.HOLDER_KINDS}
        kept_holders = {n for n in holders if _holder_passes(graph, n, filters)}
        context = {n for n in nodes if graph.nodes[n]["kind"] in schema.CONTEXT_KINDS}
        nodes = kept_holders | (context & _context_with_holders(graph, kept_holders))
    if filters.kinds:
        kinds = set(filters.kinds) | ({"person"} if not filters.show_people else set())
        nodes = {n for n in nodes if graph.nodes[n]["kind"] in kinds}
    view = graph.subgraph(nodes).copy()
    if scope:
        outside = [
            (u, v, k)
            for u, v, k, d in view.edges(keys=True, data=True)
            if u not in scope and v not in scope and d["relation"] != "affiliated_with"
        ]
        view.remove_edges_from(outside)
    if not filters.show_people:
        view = hide_people(view)
    if filters.relations:
        keep = set(filters.relations)
        drop = [(u, v, k) for u, v, k, d in view.edges(keys=True, data=True) if d["relation"] not in keep]
        view.remove_edges_from(drop)
    # Left without a relation by a filter: gone. An actor with none at all in the whole map stays
    # (the sources name it) unless relations were chosen: it holds none of them.
    isolated = [n for n in view.nodes if view.degree(n) == 0 and (graph.degree(n) > 0 or filters.relations)]
    view.remove_nodes_from(isolated)
    return view


def ego_network(graph: nx.MultiDiGraph, actor_id: str, depth: int = 1) -> nx.MultiDiGraph:
    """The actor and everything within ``depth`` links of it, either direction.

    Raises ``KeyError`` for an unknown actor and ``ValueError`` for a depth
    outside 1–3.
    """
    if actor_id not in graph:
        raise KeyError(actor_id)
    if not 1 <= depth <= 3:
        raise ValueError(f"depth must be 1, 2 or 3, not {depth}")
    reach = nx.single_source_shortest_path_length(graph.to_undirected(as_view=True), actor_id, cutoff=depth)
    return graph.subgraph(reach).copy()
