"""What belongs to the map as of a date: roles stated or in force then, actors that existed."""

from __future__ import annotations

import networkx as nx

__all__ = ["TIME_BASES", "as_of", "actor_exists", "event_known", "relation_holds"]


TIME_BASES: tuple[str, ...] = ("stated", "in_force")


def relation_holds(data: dict, date: str, basis: str = "stated") -> bool:
    """Whether a relation (an edge's data) belongs to the map as of ``date`` (ISO).

    ``stated``: the sources had said it by then: its document was published
    on or before the date (a relation without a dated document: its own start).
    ``in_force``: it held then: it began on or before the date (without a start:
    from its document's date, the first evidence of it) and had not ended.
    Relations with no date at all stay (nothing places them in time).

    >>> role = {"published": "2022-03-16", "start": "", "end": ""}
    >>> relation_holds(role, "2021-06-15"), relation_holds(role, "2022-03-16")
    (False, True)
    >>> ended = {"published": "2021-06-10", "start": "2021-06-15", "end": "2021-06-15"}
    >>> relation_holds(ended, "2022-01-01", "stated"), relation_holds(ended, "2022-01-01", "in_force")
    (True, False)
    """
    if basis == "stated":
        known = data.get("published") or data.get("start") or ""
        return not known or known <= date
    begun = data.get("start") or data.get("published") or ""
    ended = data.get("end") or ""
    return (not begun or begun <= date) and (not ended or date <= ended)


def event_known(start: str, published: str, date: str, basis: str = "stated") -> bool:
    """Whether a dated event belongs to the timeline as of ``date``: ``stated``, its document was
    published by then (without one, it had happened); ``in_force``, it had begun by then (what is
    over stays: it is history).

    >>> event_known("2025-08-12", "2025-06-01", "2025-07-01"), event_known("2025-08-12", "2025-06-01", "2025-07-01", "in_force")
    (True, False)
    """
    known = (published or start) if basis == "stated" else start
    return not known or known <= date


def actor_exists(data: dict, date: str) -> bool:
    """Whether an actor existed on ``date`` (its own start and end, where the data gives them)."""
    return (not data.get("start") or data["start"] <= date) and (not data.get("end") or date <= data["end"])


def as_of(graph: nx.MultiDiGraph, date: str, basis: str = "stated") -> nx.MultiDiGraph:
    """The map as of ``date`` (a new graph): the relations :func:`relation_holds` keeps; with
    ``in_force`` also only actors that existed then. An actor whose relations all fall outside
    the date leaves with them; one with no relation at all in the whole map stays from its first
    evidence on (its own start in force, else the earliest document naming it).
    """
    if basis not in TIME_BASES:
        raise ValueError(f"time basis must be one of {TIME_BASES}, not {basis!r}")
    nodes = [n for n, d in graph.nodes(data=True) if basis == "stated" or actor_exists(d, date)]
    view = graph.subgraph(nodes).copy()
    view.remove_edges_from(
        [(u, v, k) for u, v, k, d in view.edges(keys=True, data=True) if not relation_holds(d, date, basis)]
    )
    # left without a relation: gone with its relations, or (never had one) not yet named by then
    view.remove_nodes_from(
        [
            n
            for n in list(view.nodes)
            if view.degree(n) == 0 and (graph.degree(n) > 0 or not _known_by(view.nodes[n], date, basis))
        ]
    )
    return view


def _known_by(data: dict, date: str, basis: str) -> bool:
    """Whether an actor with no relation was on the map by ``date``: from its first evidence on."""
    first = (data.get("start") if basis == "in_force" else "") or data.get("known", "")
    return not first or first <= date
