"""networkx graph -> what the live network draws: every node at its place in the whole map, escaped, with legend.

The component that draws it (and the standalone HTML page) is :mod:`kidash.network.component`."""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass

import networkx as nx

from kidash import style
from kidash.map.find import search_names
from kidash.map.graph import short_name
from kidash.map.groups import group_node, groups_of
from kidash.network.cards import Sources, edge_card, node_card
from kidash.network.colours import legend, mark_words, node_colours, node_sizes
from kidash.network.layout import map_layout

__all__ = [
    "MAX_DRAWN_NODES",
    "PHYSICS_NODE_LIMIT",
    "ViewOptions",
    "map_positions",
    "vis_data",
]

# Beyond this many nodes the map is drawn as groups (see network_groups).
MAX_DRAWN_NODES = 2_500
# Beyond this many nodes positions come from networkx and physics stays off.
PHYSICS_NODE_LIMIT = 400
STABILISATION_ITERATIONS = 150
GROUP_RADIUS = 60.0  # map units per square root of members: near the disc layout.map_layout gives a group


@dataclass(frozen=True)
class ViewOptions:
    """How to draw: colour and size by what, physics on or off, language, height in px."""

    colour_by: str = "type"
    size_by: str = "degree"
    physics: bool = False
    lang: str = "nb"
    height: int = 760
    seed: int = 7
    title: str = ""
    file_stem: str = "kidash-nettverk"


_POSITIONS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_LAYING_OUT = threading.Lock()  # one layout at a time: a second caller waits for the places, not redoes them


def map_positions(full: nx.MultiDiGraph, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Every node's place in the whole map, computed once per map and reused by every view.

    Same data and seed, same places; a filter only takes nodes away, so the
    nodes that stay do not move. Safe to call from several threads.
    """
    with _LAYING_OUT:
        found = _POSITIONS.get(full)
        if found is None or found[0] != seed or len(found[1]) != full.number_of_nodes():
            found = _POSITIONS[full] = (seed, map_layout(full, groups_of(full), seed))
        return found[1]


def _group_sizes(graph: nx.Graph) -> dict[str, float]:
    """A group's drawn radius in map units: about the disc its members fill in the whole map, so
    groups and the members of an open group are drawn at one scale."""
    return {node: GROUP_RADIUS * d["members"] ** 0.5 for node, d in graph.nodes(data=True) if d["kind"] == "group"}


def vis_data(
    graph: nx.Graph,
    full: nx.MultiDiGraph,
    documents: dict[str, tuple[str, str]],
    options: ViewOptions,
    positions: dict[str, tuple[float, float]] | None = None,
    aliases: dict[str, tuple[str, ...]] | None = None,
) -> dict:
    """Nodes, edges, vis options and legend for ``graph``, all plain data.

    ``positions`` are the whole map's (:func:`map_positions`), so a node has
    the same place in every view; group nodes sit at the centre of their
    members. Cards and tooltips are lists of ``[tag, text, source]`` that the
    page turns into DOM nodes with ``textContent``: no value is ever parsed as
    HTML. ``sources`` numbers the document labels the cards cite.
    """
    lang = options.lang
    aliases = aliases or {}
    colours = node_colours(graph, full, options.colour_by, lang)
    sizes = node_sizes(graph, full, options.size_by)
    grouped = bool(graph.graph.get("grouped"))
    radii = _group_sizes(graph) if grouped else {}
    use_physics = options.physics and graph.number_of_nodes() <= PHYSICS_NODE_LIMIT
    positions = positions if positions is not None else map_layout(graph, seed=options.seed)
    centres = _group_centres(graph, full, positions) if grouped else {}
    sources = Sources(documents)
    nodes = []
    for node, data in graph.nodes(data=True):
        x, y = centres.get(node) or positions.get(node, (0.0, 0.0))
        entry = {
            "id": node,
            "label": short_name(data, lang),
            "shape": style.GROUP_SHAPE if data["kind"] == "group" else style.KIND_SHAPES.get(data["kind"], "dot"),
            "color": colours[node][0],
            "value": round(sizes.get(node, 12), 1),
            "x": round(x, 1),
            "y": round(y, 1),
            "names": search_names(data, aliases.get(node, ())),
            "card": node_card(graph, full, node, sources, lang),
        }
        if data.get("mark"):  # changed since an earlier date (changes.mark_changes): said in the card too
            entry["mark"] = data["mark"]
            entry["card"].insert(1, ["i", mark_words(graph, data["mark"], lang, "tip")])
        if data["kind"] == "group":
            # Drawn at its true size in the map (not scaled like actors), its name in proportion but
            # never taller on screen than a heading.
            radius, font = round(radii[node], 1), round(max(18.0, radii[node] * 0.45), 1)
            entry["group"] = data["group"]
            entry["value"] = 1
            entry["scaling"] = {
                "min": radius,
                "max": radius,
                "label": {"enabled": True, "min": font, "max": font, "maxVisible": 26, "drawThreshold": 7},
            }
        nodes.append(entry)
    edges = []
    seen_pairs: dict[frozenset, int] = {}
    for source, target, data in graph.edges(data=True):
        pair = frozenset((source, target))
        index = seen_pairs.get(pair, 0)
        seen_pairs[pair] = index + 1
        if grouped:
            colour, dashes, width = "#6B6B6B", False, min(12.0, 1.0 + 1.2 * data.get("weight", 1) ** 0.5)
        elif graph.is_directed():
            colour, dashes, width = style.RELATION_STYLES.get(data["relation"], ("#7F7F7F", False, 1.0))
        else:
            colour, dashes, width = "#6B6B6B", False, 1.0 + 1.5 * data.get("weight", 1)
        edge = {
            "id": f"{source}\u2192{target}#{index}",
            "from": source,
            "to": target,
            "color": colour,
            "dashes": dashes,
            "width": width,
            "card": edge_card(graph, full, source, target, data, sources, lang),
        }
        if data.get("mark"):
            edge["mark"] = data["mark"]
            edge["card"].insert(1, ["i", mark_words(graph, data["mark"], lang, "tip")])
        if index:
            edge["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0.12 * index}
        edges.append(edge)
    return {
        "nodes": nodes,
        "edges": edges,
        "documents": sources.labels,
        "options": _vis_options(graph.is_directed(), use_physics, options.seed, graph.number_of_nodes()),
        "legend": legend(graph, colours, lang, options.colour_by),
        "physics": use_physics,
    }


def _group_centres(graph: nx.Graph, full: nx.MultiDiGraph, positions: dict) -> dict[str, tuple[float, float]]:
    """Each group node at the mean place of all the group's members in the whole map."""
    sums: dict[str, list[float]] = {}
    for node, key in groups_of(full).items():
        if node in positions:
            total = sums.setdefault(group_node(key), [0.0, 0.0, 0])
            total[0] += positions[node][0]
            total[1] += positions[node][1]
            total[2] += 1
    return {node: (sums[node][0] / sums[node][2], sums[node][1] / sums[node][2]) for node in graph if node in sums}


def _vis_options(directed: bool, physics: bool, seed: int, n: int) -> dict:
    return {
        "autoResize": True,
        "height": "100%",
        "width": "100%",
        "layout": {"randomSeed": seed, "improvedLayout": False},
        "physics": {
            "enabled": physics,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -70, "springLength": 120, "avoidOverlap": 0.5},
            "stabilization": {
                "enabled": physics,
                "iterations": STABILISATION_ITERATIONS,
                "updateInterval": 25,
                "fit": False,
            },
            "minVelocity": 1.5,
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "navigationButtons": False,
            "keyboard": {"enabled": True, "bindToWindow": False},
            "hideEdgesOnDrag": n > 800,
            "multiselect": False,
        },
        "nodes": {
            "borderWidth": 1,
            "color": {"border": "#333333"},
            # Sizes come as values; a label is drawn only once it is big enough on screen, so at the
            # first, whole-map zoom only the larger nodes are named and zooming in names the rest.
            "scaling": {
                "min": 8,
                "max": 44,
                "label": {"enabled": True, "min": 18, "max": 44, "drawThreshold": 9, "maxVisible": 22},
            },
            "font": {
                "size": 18,
                "face": "Source Sans Pro, Arial, sans-serif",
                "color": "#1b1b1b",
                "strokeWidth": 4,
                "strokeColor": "#ffffff",
            },
        },
        "edges": {
            "arrows": {"to": {"enabled": directed, "scaleFactor": 0.55}},
            "smooth": {"enabled": n <= 800, "type": "continuous"},
            "selectionWidth": 2,
        },
    }
