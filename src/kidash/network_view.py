"""networkx graph -> what the live network draws (and the standalone HTML): escaped, offline, with legend."""

from __future__ import annotations

import json
import weakref
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import networkx as nx
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from pyvis.network import Network

from kidash import i18n, style
from kidash.layout import map_layout
from kidash.network_colours import legend, node_colours, node_sizes
from kidash.network_groups import group_node, groups_of

__all__ = [
    "MAX_DRAWN_NODES",
    "PHYSICS_NODE_LIMIT",
    "ViewOptions",
    "map_positions",
    "component_data",
    "COMPONENT_HTML",
    "vis_data",
    "network_html",
]

# Beyond this many nodes the map is drawn as groups (see network_groups).
MAX_DRAWN_NODES = 2_500
# Beyond this many nodes positions come from networkx and physics stays off.
PHYSICS_NODE_LIMIT = 400
STABILISATION_ITERATIONS = 150
GROUP_RADIUS = 60.0  # map units per square root of members: near the disc layout.map_layout gives a group
ASSET_DIR = Path(__file__).parent / "network_assets"  # served by Streamlit as the component's asset_dir
VIS_SCRIPT = "vis-network-9.1.2.min.js"
COMPONENT_SCRIPT = "kidash-network.js"
COMPONENT_STYLE = "kidash-network.css"
_TEMPLATES = Path(__file__).parent / "templates"


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


def map_positions(full: nx.MultiDiGraph, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Every node's place in the whole map, computed once per map and reused by every view.

    Same data and seed, same places; a filter only takes nodes away, so the
    nodes that stay do not move.
    """
    found = _POSITIONS.get(full)
    if found is None or found[0] != seed or len(found[1]) != full.number_of_nodes():
        found = _POSITIONS[full] = (seed, map_layout(full, groups_of(full), seed))
    return found[1]


def _document_label(documents: dict[str, tuple[str, str]], document: str) -> str:
    title, date = documents.get(document, (document, ""))
    return f"{title} ({date})" if date else title


class _Sources:
    """The documents a drawing cites, each label sent once and referred to by number."""

    def __init__(self, documents: dict[str, tuple[str, str]]) -> None:
        self.documents = documents
        self.labels: list[str] = []
        self._index: dict[str, int] = {}

    def __call__(self, document: str | None) -> int | None:
        if not document:
            return None
        if document not in self._index:
            self._index[document] = len(self.labels)
            self.labels.append(_document_label(self.documents, document))
        return self._index[document]


def _role_line(full, edge: dict, other: str, lang: str, sources: _Sources) -> list:
    via = f" ({i18n.t('tip.via', lang)} {full.nodes[edge['via']]['name']})" if edge.get("via") in full else ""
    text = f"{i18n.label('relation', edge['relation'], lang)} – {full.nodes[other]['name']}{via}"
    return ["li", text, sources(edge.get("document"))]


def _node_card(graph, full, node, sources: _Sources, lang) -> list[list]:
    """The actor's card: who it is and every role it holds and others hold in it, each with its source.

    Roles come from the whole map, so the card tells the same truth under every filter.
    """
    data = graph.nodes[node]
    if data["kind"] == "group":
        return [
            ["h", data["name"]],
            ["p", i18n.t("tip.group_members", lang, count=data["members"])],
            ["p", i18n.t("tip.group_open", lang)],
        ]
    lines: list[list] = [["h", data["name"]]]
    if lang == "en" and data.get("name_en") and data["name_en"] != data["name"]:
        lines.append(["i", data["name_en"]])
    lines.append(["p", f"{i18n.t('col.type', lang)}: {i18n.label('type', data['type'], lang)}"])
    lines.append(["p", f"{i18n.t('col.region', lang)}: {i18n.label('region', data['region'], lang)}"])
    if data.get("role_title"):
        lines.append(["p", f"{i18n.t('tip.role_title', lang)}: {data['role_title']}"])
    source_graph = full if node in full else graph
    if source_graph.is_directed():
        held = sorted(
            (
                _role_line(full, edge, target, lang, sources)
                for _, target, edge in source_graph.out_edges(node, data=True)
            ),
            key=lambda line: line[1],
        )
        received = sorted(
            (
                _role_line(full, edge, holder, lang, sources)
                for holder, _, edge in source_graph.in_edges(node, data=True)
            ),
            key=lambda line: line[1],
        )
        if held:
            lines.append(["b", i18n.t("tip.held", lang)])
            lines.extend(held)
        if received:
            lines.append(["b", i18n.t("tip.received", lang)])
            lines.extend(received)
    return lines


def _edge_card(graph, full, source, target, edge, sources: _Sources, lang) -> list[list]:
    if graph.graph.get("grouped"):
        return [
            ["h", f"{graph.nodes[source]['name']} – {graph.nodes[target]['name']}"],
            ["p", i18n.t("tip.group_links", lang, count=edge.get("weight", 1))],
        ]
    if not graph.is_directed():
        names = [full.nodes[i]["name"] for i in edge.get("initiatives", []) if i in full]
        return [
            ["h", f"{graph.nodes[source]['name']} – {graph.nodes[target]['name']}"],
            ["b", i18n.t("tip.shared", lang, count=len(names))],
        ] + [["li", name] for name in names]
    lines: list[list] = [
        [
            "h",
            f"{graph.nodes[source]['name']} {i18n.label('relation', edge['relation'], lang)} {graph.nodes[target]['name']}",
        ]
    ]
    if edge.get("via") in full:
        lines.append(["p", f"{i18n.t('tip.via', lang)} {full.nodes[edge['via']]['name']}"])
    if edge.get("document"):
        lines.append(["p", f"{i18n.t('col.source', lang)}: {_document_label(sources.documents, edge['document'])}"])
    if edge.get("background"):
        lines.append(["p", i18n.t("tip.background", lang)])
    elif edge.get("inferred"):
        lines.append(["p", f"{i18n.t('tip.inferred', lang)}: {edge.get('note', '')}"])
    return lines


def _names(data: dict, aliases: dict[str, tuple[str, ...]], node: str) -> list[str]:
    """What a search may match: the name first, then short name, English name and aliases."""
    names = [data["name"], data.get("short_name"), data.get("name_en"), *aliases.get(node, ())]
    return list(dict.fromkeys(str(name) for name in names if name))


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
    sources = _Sources(documents)
    nodes = []
    for node, data in graph.nodes(data=True):
        x, y = centres.get(node) or positions.get(node, (0.0, 0.0))
        entry = {
            "id": node,
            "label": data.get("short_name") or data["name"],
            "shape": style.GROUP_SHAPE if data["kind"] == "group" else style.KIND_SHAPES.get(data["kind"], "dot"),
            "color": colours[node][0],
            "value": round(sizes.get(node, 12), 1),
            "x": round(x, 1),
            "y": round(y, 1),
            "names": _names(data, aliases, node),
            "card": _node_card(graph, full, node, sources, lang),
        }
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
            "card": _edge_card(graph, full, source, target, data, sources, lang),
        }
        if index:
            edge["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0.12 * index}
        edges.append(edge)
    return {
        "nodes": nodes,
        "edges": edges,
        "documents": sources.labels,
        "options": _vis_options(graph.is_directed(), use_physics, options.seed, graph.number_of_nodes()),
        "legend": legend(graph, colours, lang),
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


@lru_cache(maxsize=1)
def _assets() -> tuple[str, str, str]:
    """vis-network, the kidash network module and its stylesheet: the files the app serves."""
    return tuple(
        (ASSET_DIR / name).read_text(encoding="utf-8") for name in (VIS_SCRIPT, COMPONENT_SCRIPT, COMPONENT_STYLE)
    )


def texts(lang: str, colour_by: str, directed: bool, grouped: bool, nodes: int, edges: int) -> dict[str, str]:
    """Every word the drawing shows, in ``lang`` (set with textContent)."""
    line = "legend.line" if directed and not grouped else "legend.line_undirected"
    keys = {
        "png": "network.png_button",
        "fit": "network.fit_button",
        "legend": "legend.title",
        "shape": "legend.shape",
        "settling": "network.settling",
        "search": "network.search",
        "search_placeholder": "network.search_placeholder",
        "not_found": "network.not_found",
        "zoom_in": "network.zoom_in",
        "zoom_out": "network.zoom_out",
        "close": "network.close",
        "card": "network.card",
        "profile": "network.profile",
        "focus": "network.focus_button",
    }
    result = {name: i18n.t(key, lang) for name, key in keys.items()}
    result["found"] = i18n.t("network.found", lang)  # the module fills in {count}
    result["colour"] = i18n.t(f"legend.colour_by.{colour_by}", lang)
    result["line"] = i18n.t(line, lang)
    result["aria"] = i18n.t("network.aria", lang, nodes=nodes, edges=edges)
    return result


def component_data(
    vis: dict,
    options: ViewOptions,
    *,
    grouped: bool = False,
    selected: str | None = None,
    frame: str = "",
    profile: str = "",
    interactive: bool = True,
) -> dict:
    """What the live network (and the standalone page) is given: the drawing's data passed
    through PyVis (the translator from networkx to vis-network), its words and state.

    ``frame`` names the view; when it changes the drawing fits itself to the
    new nodes, otherwise the camera stays where the person left it.
    ``profile`` is the link to an actor's profile without the id at the end.
    """
    net = Network(directed=True, cdn_resources="in_line")
    net.nodes, net.edges, net.options = vis["nodes"], vis["edges"], vis["options"]
    nodes, edges, _, _, _, vis_options = net.get_network_data()
    directed = vis["options"]["edges"]["arrows"]["to"]["enabled"]
    return {
        "nodes": nodes,
        "edges": edges,
        "documents": vis["documents"],
        "options": json.loads(vis_options),
        "legend": vis["legend"],
        "physics": vis["physics"],
        "texts": texts(options.lang, options.colour_by, directed, grouped, len(nodes), len(edges)),
        "height": options.height,
        "file": options.file_stem,
        "selected": selected,
        "frame": frame,
        "profile": profile,
        "interactive": interactive,
        "focusable": False,
        "selection": False,
    }


# The component's markup: empty elements that the module fills with textContent (hidden until it has).
COMPONENT_HTML = """<div class="kd-net" hidden>
  <div class="kd-toolbar">
    <label class="kd-search-label" for="kd-search"></label>
    <input class="kd-search" id="kd-search" type="search" autocomplete="off">
    <ul class="kd-suggestions"></ul>
    <span class="kd-search-status" role="status" aria-live="polite"></span>
    <button type="button" class="kd-fit"></button>
    <button type="button" class="kd-zoom-in"></button>
    <button type="button" class="kd-zoom-out"></button>
    <button type="button" class="kd-png"></button>
    <span class="kd-status" role="status" aria-live="polite"></span>
  </div>
  <div class="kd-body">
    <div class="kd-canvas" role="img" tabindex="0"></div>
    <div class="kd-side">
      <aside class="kd-card" hidden aria-live="polite">
        <button type="button" class="kd-close"></button>
        <div class="kd-card-body"></div>
        <div class="kd-card-actions"></div>
      </aside>
      <section class="kd-legend"></section>
    </div>
  </div>
</div>"""


def _script_json(value: object) -> Markup:
    """JSON that is safe inside a <script> element: no '<', '>' or '&' characters."""
    text = json.dumps(value, ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(text)  # noqa: S704 - escaped just above for a JSON script block


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(_TEMPLATES), autoescape=select_autoescape(["html"]))


def network_html(data: dict, options: ViewOptions) -> str:
    """A complete HTML page that draws ``data`` (from :func:`vis_data`) offline, with the same
    module, search, card and legend as the app's live network.

    vis-network and the module come inline; nothing loads from another host.
    """
    payload = component_data(data, options, interactive=False)
    vis_js, module_js, css = _assets()
    return (
        _environment()
        .get_template("network.html")
        .render(
            lang=options.lang,
            title=options.title or "kidash",
            markup=Markup(COMPONENT_HTML),  # noqa: S704 - our own fixed markup, no data
            vis_js=Markup(vis_js),  # noqa: S704 - the vendored library, not data
            module_js=Markup(module_js),  # noqa: S704 - our own module, not data
            css=Markup(css),  # noqa: S704 - our own stylesheet, not data
            payload=_script_json(payload),
        )
    )
