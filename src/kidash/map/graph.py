"""The actor graph and the views the pages show: filters, ego network, collaboration."""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx
import pandas as pd

from kidash.data import schema
from kidash.data.contract import split_list
from kidash.data.dataset import Dataset

__all__ = [
    "iso_date",
    "in_every_map",
    "build_graph",
    "initiative_scope",
    "parents_of",
    "parts_of",
    "initiative_of",
    "main_initiatives",
    "organisations_of",
    "short_name",
    "full_name",
    "names_of",
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


def parts_of(graph: nx.MultiDiGraph, node: str) -> Iterable[str]:
    """Nodes directly ``part_of`` ``node``."""
    for source, _, data in graph.in_edges(node, data=True):
        if data["relation"] == "part_of":
            yield source


def parents_of(graph: nx.MultiDiGraph, node: str) -> Iterable[str]:
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
        for part in parts_of(graph, node):
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
        for parent in parents_of(graph, current):
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


def names_of(graph: nx.MultiDiGraph, lang: str, nodes=None) -> dict[str, str]:
    """The whole names in ``lang`` (:func:`full_name`) of ``nodes`` (every actor when None), by id:
    what every picker and list of actors shows.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("hdir", name="Helsedirektoratet", name_en="Norwegian Directorate of Health")
    >>> names_of(g, "en")
    {'hdir': 'Norwegian Directorate of Health'}
    """
    return {node: str(full_name(graph.nodes[node], lang)) for node in (graph.nodes if nodes is None else nodes)}
