"""Page-level use cases as pure functions: what the network page shows for a set of choices."""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
import pandas as pd

from kidash import export_deck, network_view, report
from kidash.data import Dataset
from kidash.graph import Filters, ego_network, filter_graph
from kidash.network_view import ViewOptions, network_html, vis_data
from kidash.participation import collaboration_graph
from kidash.summary import documents_by_id, shown_actors_table, shown_relations_table

__all__ = ["ShownNetwork", "shown_network", "page_deck"]


@dataclass(frozen=True)
class ShownNetwork:
    """What the network page shows for one set of choices."""

    html: str | None  # None when there is nothing to draw or too much for a browser
    node_count: int
    edge_count: int
    actors: pd.DataFrame
    relations: pd.DataFrame
    focus_outside_filters: bool
    height: int
    vis: dict | None = None  # the drawing's data, for the static picture in exports


def shown_network(
    full: nx.MultiDiGraph,
    dataset: Dataset,
    filters: Filters,
    view: str,
    options: ViewOptions,
    focus: str | None = None,
    depth: int = 1,
    only: tuple[str, ...] | None = None,
) -> ShownNetwork:
    """Filter, focus and project the map, then draw it and tabulate it.

    ``view`` is ``roles`` (actors linked to where they hold roles) or
    ``collaboration`` (organisations linked by shared initiatives). With a
    ``focus`` the view is the actor's neighbourhood to ``depth`` inside the
    filtered map, or inside the whole map when the filters hide the actor.
    ``only`` draws exactly these nodes of the whole map (e.g. a path).
    """
    graph = full.subgraph(only).copy() if only else filter_graph(full, filters)
    outside = False
    if focus is not None:
        if focus in graph:
            graph = ego_network(graph, focus, depth)
        elif focus in full:
            graph, outside = ego_network(full, focus, depth), True
    if view == "collaboration":
        graph = collaboration_graph(graph, full)
    documents = documents_by_id(dataset, options.lang)
    html, vis = None, None
    if 0 < graph.number_of_nodes() <= network_view.MAX_DRAWN_NODES:  # read at call time: tests lower it
        vis = vis_data(graph, full, documents, options)
        html = network_html(vis, options)
    return ShownNetwork(
        html=html,
        node_count=graph.number_of_nodes(),
        edge_count=graph.number_of_edges(),
        actors=shown_actors_table(graph, options.lang),
        relations=shown_relations_table(graph, documents, options.lang, full),
        focus_outside_filters=outside,
        height=options.height,
        vis=vis,
    )


def page_deck(
    title: str,
    dataset: Dataset,
    full: nx.MultiDiGraph,
    graph: nx.MultiDiGraph,
    filters: Filters,
    charts: list,
    lang: str,
) -> bytes:
    """A page's PowerPoint deck: a title slide naming the view, a slide per chart, the actors in
    view (``graph``) and the sources."""
    return export_deck.build_deck(
        title,
        report.deck_context(filters, full, lang),
        charts,
        report.actors_for_slide(graph, lang),
        report.documents_for_slide(dataset, lang),
        report.sources_footnote(dataset, graph, lang),
        lang,
    )
