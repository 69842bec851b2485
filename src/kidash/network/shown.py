"""Page-level use cases as pure functions: what the network page shows for a set of choices."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from functools import cached_property

import networkx as nx
import pandas as pd

from kidash.charts import report
from kidash.data.contract import split_list
from kidash.data.dataset import Dataset
from kidash.map.changes import mark_changes, mark_counts
from kidash.map.filters import Filters, ego_network, filter_graph
from kidash.map.groups import groups_of
from kidash.map.participation import collaboration_graph
from kidash.map.summary import documents_by_id, shown_actors_table, shown_relations_table
from kidash.network import drawing
from kidash.network.component import component_data, network_html
from kidash.network.drawing import ViewOptions, map_positions, vis_data
from kidash.network.groups import grouped_graph

__all__ = ["ShownNetwork", "shown_network", "aliases_of"]


@dataclass(frozen=True)
class ShownNetwork:
    """What the network page shows for one set of choices.

    The counts are of the map in view (``graph``); the drawing (``vis``) is that
    map, or its groups when it is too big to draw node by node (``grouped``).
    Its tables are built when first read (the page shows them on demand, and at
    20,000 actors they cost about a second).
    """

    node_count: int
    edge_count: int
    focus_outside_filters: bool
    options: ViewOptions
    graph: nx.MultiDiGraph = field(repr=False, compare=False)  # the map in view (read-only)
    full: nx.MultiDiGraph = field(repr=False, compare=False)
    documents: dict = field(repr=False, compare=False)
    vis: dict | None = None  # the drawing's data (also for the static picture in exports)
    payload: dict | None = None  # what the live network is given (without selection and links)
    grouped: bool = False
    open_group: str | None = None  # the group shown node by node in a grouped map
    group_members: int = 0  # how many actors the open group holds
    cut: bool = False  # the open group alone was over the limit: its best-linked members are shown
    since: str | None = None  # the drawing marks what changed since this ISO date (changes.mark_changes)
    marks: dict = field(default_factory=dict)  # how many actors and relations are marked new and ended

    @cached_property
    def payload_json(self) -> str | None:
        """``payload`` as JSON text, serialised once per view (not on every run of every session)."""
        return json.dumps(self.payload, ensure_ascii=False) if self.payload else None

    @cached_property
    def actors(self) -> pd.DataFrame:
        """The actors in view, as the page's table shows them."""
        return shown_actors_table(self.graph, self.options.lang)

    @cached_property
    def relations(self) -> pd.DataFrame:
        """The relations in view, each with its source, as the page's table shows them."""
        return shown_relations_table(self.graph, self.documents, self.options.lang, self.full)

    def charts(self) -> list[report.Chart]:
        """The drawing as a picture for slides (none when nothing is drawn); its table is built then."""
        if not self.vis:
            return []
        return [report.network_chart(self.vis, self.actors, self.edge_count, self.options.lang)]

    def standalone_html(self) -> str | None:
        """The drawing as one HTML file that works offline (built when asked for)."""
        return network_html(self.vis, self.options) if self.vis else None


def aliases_of(dataset: Dataset) -> dict[str, tuple[str, ...]]:
    """Other spellings of each actor's name, as the actors table lists them."""
    if "aliases" not in dataset.actors:
        return {}
    return {
        str(actor): tuple(split_list(value))
        for actor, value in zip(dataset.actors["id"], dataset.actors["aliases"], strict=True)
        if split_list(value)
    }


def _open_group_cut(graph: nx.Graph, full: nx.MultiDiGraph, group: str, limit: int) -> tuple[nx.Graph, int, bool]:
    """``graph`` with the members of ``group`` beyond the ``limit`` best linked taken out."""
    membership = groups_of(full)
    members = [n for n in graph if membership.get(n) == group]
    if len(members) <= limit:
        return graph, len(members), False
    ranked = sorted(members, key=lambda n: (-graph.degree(n), str(n)))
    return graph.subgraph(set(graph) - set(ranked[limit:])).copy(), len(members), True


def shown_network(
    full: nx.MultiDiGraph,
    dataset: Dataset,
    filters: Filters,
    view: str,
    options: ViewOptions,
    focus: str | None = None,
    depth: int = 1,
    only: tuple[str, ...] | None = None,
    group: str | None = None,
    since: str | None = None,
) -> ShownNetwork:
    """Filter, focus and project the map, then prepare its drawing and tables.

    ``view`` is ``roles`` (actors linked to where they hold roles) or
    ``collaboration`` (organisations linked by shared initiatives). With a
    ``focus`` the view is the actor's neighbourhood to ``depth`` inside the
    filtered map, or inside the whole map when the filters hide the actor.
    ``only`` draws exactly these nodes of the whole map (e.g. a path).
    Beyond :data:`~kidash.network.drawing.MAX_DRAWN_NODES` nodes the drawing
    shows groups, with ``group`` (if any) open node by node. Every node is
    drawn at its place in the whole map (:func:`map_positions`). With
    ``since`` (an ISO date) the roles view marks what is new since then and
    draws what ended since then faint (:func:`kidash.map.changes.mark_changes`);
    the counts and tables stay those of the map in view.
    """
    graph = full.subgraph(only).copy() if only else filter_graph(full, filters)
    outside = False
    if focus is not None:
        if focus in graph:
            graph = ego_network(graph, focus, depth)
        elif focus in full:
            graph, outside = ego_network(full, focus, depth), True
    marked = None
    if since and view == "roles" and not only and not outside:
        then = filter_graph(full, replace(filters, as_of=since))
        if focus is not None:
            then = ego_network(then, focus, depth) if focus in then else then.subgraph(()).copy()
        marked = mark_changes(graph, then)
        marked.graph["since"] = since
    if view == "collaboration":
        graph = collaboration_graph(graph, full)
    documents = documents_by_id(dataset, options.lang)
    limit = drawing.MAX_DRAWN_NODES  # read at call time: tests lower it
    drawn, grouped, open_group, members, cut = (marked if marked is not None else graph), False, None, 0, False
    if graph.number_of_nodes() > limit:
        drawn, marked = graph, None  # a map of groups marks nothing
        grouped = True
        present = set(groups_of(full).get(n) for n in graph)
        open_group = group if group in present else None
        if open_group:
            drawn, members, cut = _open_group_cut(graph, full, open_group, limit)
        drawn = grouped_graph(drawn, full, options.lang, open_group)
    vis, payload = None, None
    if drawn.number_of_nodes():
        vis = vis_data(drawn, full, documents, options, map_positions(full, options.seed), aliases_of(dataset))
        frame = "|".join(str(part) for part in (view, focus, depth, grouped, open_group, only))
        payload = component_data(vis, options, grouped=grouped, frame=frame)
    return ShownNetwork(
        node_count=graph.number_of_nodes(),
        edge_count=graph.number_of_edges(),
        focus_outside_filters=outside,
        options=options,
        graph=graph,
        full=full,
        documents=documents,
        vis=vis,
        payload=payload,
        grouped=grouped,
        open_group=open_group,
        group_members=members,
        cut=cut,
        since=since if marked is not None else None,
        marks=mark_counts(marked) if marked is not None else {},
    )
