"""What changed in the map between two dates: relations and actors that appeared or ended, each with
its source and the date that placed it in time."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

import networkx as nx
import pandas as pd

from kidash import i18n
from kidash.data.schema import LIFECYCLE_RELATIONS
from kidash.map.graph import full_name
from kidash.map.time import as_of

__all__ = [
    "CHANGES",
    "MARKS",
    "Change",
    "changes_between",
    "changes_table",
    "change_counts",
    "mark_changes",
    "mark_counts",
    "previous_stop",
    "story_dates",
    "MAX_STORY_SLIDES",
]

CHANGES: tuple[str, ...] = ("appeared", "ended")


class Change(NamedTuple):
    """One difference between two dates' maps."""

    change: str  # "appeared" or "ended"
    kind: str  # "relation" or "actor"
    source: str  # who holds the role (or the actor)
    relation: str  # the role ("" for an actor)
    target: str  # where the role is held ("" for an actor)
    document: str  # the source of the relation ("" for background knowledge and actors)
    when: str  # the date that placed it in time ("" when nothing dates it)


def _relations(graph: nx.MultiDiGraph) -> dict[tuple, dict]:
    return {_key(d, u, v): d for u, v, d in graph.edges(data=True)}


def _placed(data: dict, basis: str, change: str) -> str:
    """The date that put a relation on or off the map in this sense."""
    if change == "ended" and basis == "in_force":
        return data.get("end", "")
    if basis == "stated":
        return data.get("published") or data.get("start") or ""
    return data.get("start") or data.get("published") or ""


def _actor_date(graph: nx.MultiDiGraph, view: nx.MultiDiGraph, node: str, basis: str, change: str) -> str:
    """When an actor came onto (or left) the map: its own start (end) where it is the reason in force,
    else its first relation's date then (its last relation's end)."""
    own = graph.nodes[node].get("start" if change == "appeared" else "end", "")
    if own and basis == "in_force":
        return own
    dates = [_placed(d, basis, change) for *_, d in view.edges(node, data=True)]
    dates += [_placed(d, basis, change) for *_, d in view.in_edges(node, data=True)]
    dates = [d for d in dates if d]
    if not dates:  # an actor with no relation: its own date, else the first document naming it
        return own or (graph.nodes[node].get("known", "") if change == "appeared" else "")
    return min(dates) if change == "appeared" else max(dates)


def changes_between(graph: nx.MultiDiGraph, before: str, after: str, basis: str = "stated") -> list[Change]:
    """Everything that differs between the map as of ``before`` and as of ``after`` (ISO dates, in
    either order: the earlier is the start), in date order: relations and actors that appeared, and
    (in force) ended. Nothing is dropped silently: a relation or actor in one map and not the other
    is listed."""
    first, last = sorted((before, after))
    then, now = as_of(graph, first, basis), as_of(graph, last, basis)
    found: list[Change] = []
    old, new = _relations(then), _relations(now)
    for key in new.keys() - old.keys():
        source, target, relation, document = key
        found.append(
            Change("appeared", "relation", source, relation, target, document, _placed(new[key], basis, "appeared"))
        )
    for key in old.keys() - new.keys():
        source, target, relation, document = key
        found.append(Change("ended", "relation", source, relation, target, document, _placed(old[key], basis, "ended")))
    for node in set(now.nodes) - set(then.nodes):
        found.append(Change("appeared", "actor", node, "", "", "", _actor_date(graph, now, node, basis, "appeared")))
    for node in set(then.nodes) - set(now.nodes):
        # an actor that ended by becoming another says so: «merged into Helsedirektoratet»
        relation, target = next(
            (
                (d["relation"], v)
                for _, v, d in graph.out_edges(node, data=True)
                if d["relation"] in LIFECYCLE_RELATIONS
            ),
            ("", ""),
        )
        found.append(
            Change("ended", "actor", node, relation, target, "", _actor_date(graph, then, node, basis, "ended"))
        )
    return sorted(
        found, key=lambda c: (c.when or "9999", CHANGES.index(c.change), c.kind != "actor", c.source, c.target)
    )


def change_counts(changes: list[Change]) -> dict[str, int]:
    """How many relations and actors appeared and ended."""
    counts = {f"{kind}_{change}": 0 for kind in ("relation", "actor") for change in CHANGES}
    for change in changes:
        counts[f"{change.kind}_{change.change}"] += 1
    return counts


def changes_table(changes: list[Change], graph: nx.MultiDiGraph, documents: dict[str, tuple[str, str]],
                  lang: str) -> pd.DataFrame:  # fmt: skip
    """The changes as a table people read: when, what happened, who, the role, where, and the source
    (``documents``: id → (title, date) as :func:`kidash.map.summary.documents_by_id` gives them)."""

    def name(node: str) -> str:
        return full_name(graph.nodes[node], lang) if node in graph else node

    def when(value: str) -> str:
        return i18n.format_date(dt.date.fromisoformat(value), lang) if value else i18n.t("changes.undated", lang)

    rows = [
        {
            i18n.t("col.date", lang): when(c.when),
            i18n.t("col.change", lang): i18n.t(f"changes.{c.kind}.{c.change}", lang),
            i18n.t("col.holder", lang): name(c.source),
            i18n.t("col.role", lang): i18n.label("relation", c.relation, lang) if c.relation else "",
            i18n.t("col.target", lang): name(c.target) if c.target else "",
            i18n.t("col.source", lang): documents.get(c.document, ("", ""))[0]
            if c.document
            else (i18n.t("changes.background", lang) if c.relation else ""),
        }
        for c in changes
    ]
    columns = [
        i18n.t(k, lang) for k in ("col.date", "col.change", "col.holder", "col.role", "col.target", "col.source")
    ]
    return pd.DataFrame(rows, columns=columns)


MAX_STORY_SLIDES = 10  # dates in one story deck: a slide each


def story_dates(moments: tuple[str, ...] | list[str], start: str, end: str, limit: int = MAX_STORY_SLIDES) -> list[str]:
    """The dates of a story from ``start`` to ``end`` (ISO): both ends and the map's own dates between,
    at most ``limit`` (evenly chosen, the first and last always kept).

    >>> story_dates(("2021-06-10", "2022-03-16", "2024-03-21", "2025-08-12"), "2021-01-01", "2024-06-01")
    ['2021-01-01', '2021-06-10', '2022-03-16', '2024-03-21', '2024-06-01']
    >>> len(story_dates([f"2020-01-{d:02d}" for d in range(1, 29)], "2020-01-01", "2020-01-28", 5))
    5
    """
    first, last = sorted((start, end))
    dates = sorted({first, last} | {m for m in moments if first < m < last})
    if len(dates) <= limit:
        return dates
    step = (len(dates) - 1) / (limit - 1)
    return [dates[round(i * step)] for i in range(limit)]


MARKS: tuple[str, ...] = ("new", "ended")  # how a drawing marks what changed since an earlier date


def previous_stop(moments: tuple[str, ...] | list[str], date: str) -> str | None:
    """What «since the previous date» compares ``date`` (ISO) with: the map's dated moment before the
    last moment on or before ``date``. At a moment, the one before it; between two, the one before
    the last that has passed; None before the second moment.

    >>> moments = ("2021-06-10", "2022-03-16", "2024-04-03", "2025-08-12")
    >>> previous_stop(moments, "2022-03-16"), previous_stop(moments, "2023-01-01"), previous_stop(moments, "2026-11-24")
    ('2021-06-10', '2021-06-10', '2024-04-03')
    >>> previous_stop(moments, "2021-06-10"), previous_stop(moments, "2020-01-01")
    (None, None)
    """
    passed = [m for m in sorted(moments) if m <= date]
    return passed[-2] if len(passed) >= 2 else None


def mark_changes(now: nx.MultiDiGraph, then: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """``now`` with what changed since ``then`` marked for a drawing: actors and relations ``then``
    lacked get ``mark="new"``; those ``then`` had and ``now`` lacks are put back with
    ``mark="ended"`` (drawn faint, never silently dropped). Relations are the same when holder,
    role, place and source are. Neither graph is changed."""
    marked = now.copy()
    old, new = _relations(then), _relations(now)
    for node, data in marked.nodes(data=True):
        if node not in then:
            data["mark"] = "new"
    for source, target, data in marked.edges(data=True):
        if _key(data, source, target) not in old:
            data["mark"] = "new"
    for node, data in then.nodes(data=True):
        if node not in marked:
            marked.add_node(node, **{**data, "mark": "ended"})
    for key, data in old.items():
        if key not in new:
            marked.add_edge(key[0], key[1], **{**data, "mark": "ended"})
    return marked


def _key(data: dict, source: str, target: str) -> tuple:
    return (source, target, data["relation"], data.get("document", ""))


def mark_counts(graph: nx.MultiDiGraph) -> dict[str, int]:
    """How many actors and relations a marked graph (:func:`mark_changes`) shows as new and ended."""
    counts = {f"{kind}_{mark}": 0 for kind in ("actor", "relation") for mark in MARKS}
    for _, data in graph.nodes(data=True):
        if data.get("mark") in MARKS:
            counts[f"actor_{data['mark']}"] += 1
    for *_, data in graph.edges(data=True):
        if data.get("mark") in MARKS:
            counts[f"relation_{data['mark']}"] += 1
    return counts
