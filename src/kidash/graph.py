"""The actor graph and the views the pages show: filters, ego network, collaboration."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

import networkx as nx
import pandas as pd

from kidash import schema
from kidash.contract import split_list
from kidash.data import Dataset

__all__ = [
    "Filters",
    "TIME_BASES",
    "as_of",
    "actor_exists",
    "event_known",
    "iso_date",
    "in_every_map",
    "relation_holds",
    "build_graph",
    "initiative_scope",
    "initiative_of",
    "main_initiatives",
    "filter_graph",
    "hide_people",
    "ego_network",
    "organisations_of",
    "short_name",
    "full_name",
]

NODE_COLUMNS = (
    "name", "short_name", "kind", "type", "region", "name_en", "short_name_en", "role_title", "main_initiative",
)  # fmt: skip


def build_graph(dataset: Dataset, include_background: bool = False) -> nx.MultiDiGraph:
    """Turn a validated dataset into a MultiDiGraph, one edge per relation row.

    Nodes carry ``name, short_name, kind, type, region`` (and ``name_en``,
    ``role_title``, ``main_initiative``, ``start``, ``end`` and ``known``: the date of the
    earliest document naming it); edges carry ``relation, document,
    inferred, note`` and ``background`` (True only for background facts: those
    :func:`in_every_map` keeps, and all of them when ``include_background`` is set).
    """
    graph = nx.MultiDiGraph(label=dataset.label)
    actors = dataset.actors
    published = {}
    if "published" in dataset.documents.columns:
        published = {
            str(d): iso_date(p) for d, p in zip(dataset.documents["id"], dataset.documents["published"], strict=True)
        }
    for record in actors.to_dict("records"):
        attrs = {}
        for column in NODE_COLUMNS:
            value = record.get(column, "")
            attrs[column] = value if isinstance(value, bool) else ("" if pd.isna(value) else str(value))
        attrs["main_initiative"] = bool(record.get("main_initiative", False))
        attrs["start"], attrs["end"] = iso_date(record.get("start")), iso_date(record.get("end"))
        # the first evidence of the actor: the earliest date of the documents that name it
        attrs["known"] = min(filter(None, (published.get(d) for d in split_list(record.get("documents")))), default="")
        graph.add_node(record["id"], **attrs)
    for record in dataset.relations.to_dict("records"):
        graph.add_edge(
            record["source"],
            record["target"],
            relation=str(record["relation"]),
            document=str(record["document"]),
            inferred=bool(record.get("inferred", False)),
            note=str(record.get("note", "") or ""),
            background=False,
            start=iso_date(record.get("start")),
            end=iso_date(record.get("end")),
            published=published.get(str(record["document"]), ""),
            discrepancy=str(record.get("discrepancy", "") or ""),
        )
    background = dataset.background if include_background else in_every_map(dataset.background)
    for record in background.to_dict("records"):
        graph.add_edge(
            record["source"],
            record["target"],
            relation=str(record["relation"]),
            document="",
            inferred=True,
            note=str(record.get("note", "") or ""),
            background=True,
            start=iso_date(record.get("start")),
            end=iso_date(record.get("end")),
            published="",
            discrepancy="",
        )
    return graph


def in_every_map(background: pd.DataFrame) -> pd.DataFrame:
    """The background facts every map holds: how an actor ended (merged into, renamed as), marked as
    background knowledge; other background facts only where a user asks for them."""
    if background is None or background.empty or "relation" not in background.columns:
        return background.iloc[0:0] if background is not None else pd.DataFrame()
    return background[background["relation"].astype(str).isin(schema.LIFECYCLE_RELATIONS)]


def iso_date(value) -> str:
    """A table's date as ``YYYY-MM-DD`` ("" when there is none).

    >>> iso_date(pd.Timestamp("2021-06-10")), iso_date("2024-01-01"), iso_date(None), iso_date(pd.NaT)
    ('2021-06-10', '2024-01-01', '', '')
    """
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if hasattr(value, "date"):
        return value.date().isoformat()
    return str(value)[:10]


def _parts(graph: nx.MultiDiGraph, node: str) -> Iterable[str]:
    """Nodes directly ``part_of`` ``node``."""
    for source, _, data in graph.in_edges(node, data=True):
        if data["relation"] == "part_of":
            yield source


def _parents(graph: nx.MultiDiGraph, node: str) -> Iterable[str]:
    for _, target, data in graph.out_edges(node, data=True):
        if data["relation"] == "part_of" and graph.nodes[target]["kind"] in schema.CONTEXT_KINDS:
            yield target


def initiative_scope(graph: nx.MultiDiGraph, initiative: str) -> set[str]:
    """The initiative and everything that is part of it, at any depth.

    >>> g = nx.MultiDiGraph()
    >>> for n in "pqr":
    ...     g.add_node(n, kind="initiative")
    >>> g.add_edge("q", "p", relation="part_of")
    0
    >>> g.add_edge("r", "q", relation="part_of")
    0
    >>> sorted(initiative_scope(g, "p"))
    ['p', 'q', 'r']
    """
    scope = {initiative}
    frontier = [initiative]
    while frontier:
        node = frontier.pop()
        for part in _parts(graph, node):
            if part not in scope and graph.nodes[part]["kind"] != "person":
                scope.add(part)
                frontier.append(part)
    return scope


# A plan and the measures it consists of are one initiative (Helse Vest's action plan and its measure 10).
PLAN_TYPES: frozenset[str] = frozenset({"plan", "action_plan"})


def initiative_of(graph: nx.MultiDiGraph, node: str) -> str | None:
    """The initiative that ``node`` counts for: the main initiative it rolls up to through ``part_of``.

    Climbs ``part_of`` links until it meets a node marked ``main_initiative``.
    Without one, an initiative or event is its own, and anything else has
    none; except that a plan (type ``plan`` or ``action_plan``) whose parts
    hold exactly one main initiative counts for that initiative, since a
    plan and its measure are one initiative.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("plan", kind="initiative", type="action_plan")
    >>> g.add_node("measure", kind="initiative", type="action_plan", main_initiative=True)
    >>> g.add_node("group", kind="initiative", type="working_group")
    >>> _ = g.add_edge("measure", "plan", relation="part_of"); _ = g.add_edge("group", "measure", relation="part_of")
    >>> initiative_of(g, "group"), initiative_of(g, "plan")
    ('measure', 'measure')
    """
    seen = {node}
    frontier = [node]
    while frontier:
        current = frontier.pop(0)
        if graph.nodes[current].get("main_initiative"):
            return current
        for parent in _parents(graph, current):
            if parent not in seen:
                seen.add(parent)
                frontier.append(parent)
    data = graph.nodes[node]
    if data["kind"] not in ("initiative", "event"):
        return None
    if data.get("type") in PLAN_TYPES:
        inside = [n for n in initiative_scope(graph, node) if graph.nodes[n].get("main_initiative")]
        if len(inside) == 1:
            return inside[0]
    return node


def main_initiatives(graph: nx.MultiDiGraph) -> list[str]:
    """Initiatives marked as main, or else every initiative and event, in data order."""
    marked = [n for n, d in graph.nodes(data=True) if d.get("main_initiative")]
    if marked:
        return marked
    return [n for n, d in graph.nodes(data=True) if d["kind"] in ("initiative", "event")]


def organisations_of(graph: nx.MultiDiGraph, person: str) -> list[str]:
    """The organisations a person is ``affiliated_with``."""
    return [t for _, t, d in graph.out_edges(person, data=True) if d["relation"] == "affiliated_with"]


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
        for parent in _parents(graph, node):
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
    isolated = [n for n in view.nodes if view.degree(n) == 0 and graph.degree(n) > 0]
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


def short_name(data: dict, lang: str = "nb") -> str:
    """What a crowded label shows for a node's attributes in ``lang``: its short name, or its name
    when it has none. In English: the English short name, else the English name, else the Norwegian
    short name or name (a name nobody has translated is shown as the source writes it).

    >>> short_name({"name": "Helse Vest RHF", "short_name": ""}), short_name({"name": "x", "short_name": "KIN"})
    ('Helse Vest RHF', 'KIN')
    >>> hdir = {"name": "Helsedirektoratet", "short_name": "Hdir", "name_en": "Norwegian Directorate of Health",
    ...         "short_name_en": "Directorate of Health"}
    >>> short_name(hdir, "nb"), short_name(hdir, "en"), short_name({**hdir, "short_name_en": ""}, "en")
    ('Hdir', 'Directorate of Health', 'Norwegian Directorate of Health')
    """
    if lang == "en":
        return data.get("short_name_en") or data.get("name_en") or data.get("short_name") or data["name"]
    return data.get("short_name") or data["name"]


def full_name(data: dict, lang: str = "nb") -> str:
    """A node's whole name in ``lang``: in English its English name where the data has one.

    >>> full_name({"name": "Helsedirektoratet", "name_en": "Norwegian Directorate of Health"}, "en")
    'Norwegian Directorate of Health'
    >>> full_name({"name": "Pågåande prosjekt", "name_en": ""}, "en"), full_name({"name": "KIN"}, "nb")
    ('Pågåande prosjekt', 'KIN')
    """
    if lang == "en":
        return data.get("name_en") or data["name"]
    return data["name"]
