"""networkx graph -> self-contained PyVis/vis-network HTML: escaped, offline, with legend."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import networkx as nx
import pyvis
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from pyvis.network import Network

from kidash import i18n, style
from kidash.layout import force_layout
from kidash.network_colours import legend, node_colours, node_sizes

__all__ = [
    "MAX_DRAWN_NODES",
    "PHYSICS_NODE_LIMIT",
    "ViewOptions",
    "layout_positions",
    "vis_data",
    "network_html",
]

# Beyond this many nodes the browser is asked to draw no full picture: use focus.
MAX_DRAWN_NODES = 1_000
# Beyond this many nodes positions come from networkx and physics stays off.
PHYSICS_NODE_LIMIT = 400
STABILISATION_ITERATIONS = 150
_VIS_DIR = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
_TEMPLATES = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class ViewOptions:
    """How to draw: colour and size by what, physics on or off, language, height in px."""

    colour_by: str = "type"
    size_by: str = "degree"
    physics: bool = True
    lang: str = "nb"
    height: int = 760
    seed: int = 7
    title: str = ""
    file_stem: str = "kidash-nettverk"


def layout_positions(graph: nx.Graph, seed: int = 7, scale: float = 600.0) -> dict[str, tuple[float, float]]:
    """Seeded positions (same graph and seed, same picture), in vis-network pixels."""
    size = scale * max(1.0, (graph.number_of_nodes() / 60) ** 0.5)
    return {node: ((x - 0.5) * 2 * size, (y - 0.5) * 2 * size) for node, (x, y) in force_layout(graph, seed).items()}


def _document_label(documents: dict[str, tuple[str, str]], document: str) -> str:
    title, date = documents.get(document, (document, ""))
    return f"{title} ({date})" if date else title


def _node_tip(graph, full, node, documents, lang) -> list[list[str]]:
    data = graph.nodes[node]
    lines = [["h", data["name"]]]
    if lang == "en" and data.get("name_en") and data["name_en"] != data["name"]:
        lines.append(["i", data["name_en"]])
    lines.append(["p", f"{i18n.t('col.type', lang)}: {i18n.label('type', data['type'], lang)}"])
    lines.append(["p", f"{i18n.t('col.region', lang)}: {i18n.label('region', data['region'], lang)}"])
    if data.get("role_title"):
        lines.append(["p", f"{i18n.t('tip.role_title', lang)}: {data['role_title']}"])
    roles, sources = [], set()
    if graph.is_directed():
        for _, target, edge in graph.out_edges(node, data=True):
            via = f" ({i18n.t('tip.via', lang)} {full.nodes[edge['via']]['name']})" if edge.get("via") in full else ""
            roles.append(f"{i18n.label('relation', edge['relation'], lang)} – {graph.nodes[target]['name']}{via}")
        for _, _, edge in graph.edges(node, data=True):
            if edge.get("document"):
                sources.add(edge["document"])
        for _, _, edge in graph.in_edges(node, data=True):
            if edge.get("document"):
                sources.add(edge["document"])
    else:
        initiatives = data.get("initiatives", [])
        roles = [full.nodes[i]["name"] for i in initiatives if i in full]
    if roles:
        lines.append(["b", i18n.t("tip.roles" if graph.is_directed() else "tip.initiatives", lang)])
        lines.extend(["li", role] for role in sorted(roles))
    if sources:
        lines.append(["b", i18n.t("tip.sources", lang)])
        lines.extend(["li", _document_label(documents, doc)] for doc in sorted(sources))
    return lines


def _edge_tip(graph, full, source, target, edge, documents, lang) -> list[list[str]]:
    if not graph.is_directed():
        names = [full.nodes[i]["name"] for i in edge.get("initiatives", []) if i in full]
        return [
            ["h", f"{graph.nodes[source]['name']} – {graph.nodes[target]['name']}"],
            ["b", i18n.t("tip.shared", lang, count=len(names))],
        ] + [["li", name] for name in names]
    lines = [
        [
            "h",
            f"{graph.nodes[source]['name']} {i18n.label('relation', edge['relation'], lang)} {graph.nodes[target]['name']}",
        ]
    ]
    if edge.get("via") in full:
        lines.append(["p", f"{i18n.t('tip.via', lang)} {full.nodes[edge['via']]['name']}"])
    if edge.get("document"):
        lines.append(["p", f"{i18n.t('col.source', lang)}: {_document_label(documents, edge['document'])}"])
    if edge.get("background"):
        lines.append(["p", i18n.t("tip.background", lang)])
    elif edge.get("inferred"):
        lines.append(["p", f"{i18n.t('tip.inferred', lang)}: {edge.get('note', '')}"])
    return lines


def vis_data(
    graph: nx.Graph,
    full: nx.MultiDiGraph,
    documents: dict[str, tuple[str, str]],
    options: ViewOptions,
    positions: dict[str, tuple[float, float]] | None = None,
) -> dict:
    """Nodes, edges, vis options and legend for ``graph``, all plain data.

    Tooltips are lists of ``[tag, text]`` pairs that the page turns into DOM
    nodes with ``textContent``, so no value is ever parsed as HTML.
    """
    lang = options.lang
    colours = node_colours(graph, full, options.colour_by, lang)
    sizes = node_sizes(graph, full, options.size_by)
    use_physics = options.physics and graph.number_of_nodes() <= PHYSICS_NODE_LIMIT
    positions = positions if positions is not None else layout_positions(graph, options.seed)
    nodes = []
    for node, data in graph.nodes(data=True):
        x, y = positions.get(node, (0.0, 0.0))
        nodes.append(
            {
                "id": node,
                "label": data.get("short_name") or data["name"],
                "shape": style.KIND_SHAPES.get(data["kind"], "dot"),
                "color": colours[node][0],
                "size": round(sizes.get(node, 12), 1),
                "x": round(x, 1),
                "y": round(y, 1),
                "tip": _node_tip(graph, full, node, documents, lang),
            }
        )
    edges = []
    seen_pairs: dict[frozenset, int] = {}
    for source, target, data in graph.edges(data=True):
        pair = frozenset((source, target))
        index = seen_pairs.get(pair, 0)
        seen_pairs[pair] = index + 1
        if graph.is_directed():
            colour, dashes, width = style.RELATION_STYLES.get(data["relation"], ("#7F7F7F", False, 1.0))
        else:
            colour, dashes, width = "#6B6B6B", False, 1.0 + 1.5 * data.get("weight", 1)
        edge = {
            "from": source,
            "to": target,
            "color": colour,
            "dashes": dashes,
            "width": width,
            "tip": _edge_tip(graph, full, source, target, data, documents, lang),
        }
        if index:
            edge["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0.12 * index}
        edges.append(edge)
    return {
        "nodes": nodes,
        "edges": edges,
        "options": _vis_options(graph.is_directed(), use_physics, options.seed, graph.number_of_nodes()),
        "legend": legend(graph, colours, lang),
        "physics": use_physics,
    }


def _vis_options(directed: bool, physics: bool, seed: int, n: int) -> dict:
    return {
        "autoResize": True,
        "layout": {"randomSeed": seed, "improvedLayout": False},
        "physics": {
            "enabled": physics,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -70, "springLength": 120, "avoidOverlap": 0.5},
            "stabilization": {
                "enabled": physics,
                "iterations": STABILISATION_ITERATIONS,
                "updateInterval": 25,
                "fit": True,
            },
            "minVelocity": 1.5,
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "navigationButtons": True,
            "keyboard": {"enabled": True, "bindToWindow": False},
            "hideEdgesOnDrag": n > 800,
        },
        "nodes": {
            "borderWidth": 1,
            "color": {"border": "#333333"},
            "font": {
                "size": 20,
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
def _vis_library() -> tuple[str, str]:
    return (_VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8"), (_VIS_DIR / "vis-network.css").read_text(
        encoding="utf-8"
    )


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(_TEMPLATES), autoescape=select_autoescape(["html"]))


def _script_json(value: object) -> Markup:
    """JSON that is safe inside a <script> element: no '<', '>' or '&' characters."""
    text = json.dumps(value, ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(text)  # noqa: S704 - escaped just above for a JSON script block


def network_html(data: dict, options: ViewOptions) -> str:
    """A complete HTML page that draws ``data`` (from :func:`vis_data`) offline.

    vis-network comes inline from the pyvis package; nothing loads from
    another host. The same string is used in the app and as the download.
    """
    net = Network(height=f"{options.height}px", width="100%", directed=True, cdn_resources="in_line")
    net.nodes, net.edges, net.options = data["nodes"], data["edges"], data["options"]
    nodes, edges, _, _, _, vis_options = net.get_network_data()
    script, css = _vis_library()
    lang = options.lang
    texts = {
        "png": i18n.t("network.png_button", lang),
        "fit": i18n.t("network.fit_button", lang),
        "legend": i18n.t("legend.title", lang),
        "colour": i18n.t(f"legend.colour_by.{options.colour_by}", lang),
        "shape": i18n.t("legend.shape", lang),
        "line": i18n.t(
            "legend.line" if data["options"]["edges"]["arrows"]["to"]["enabled"] else "legend.line_undirected", lang
        ),
        "settling": i18n.t("network.settling", lang),
        "aria": i18n.t("network.aria", lang, nodes=len(nodes), edges=len(edges)),
    }
    return (
        _environment()
        .get_template("network.html")
        .render(
            lang=lang,
            title=options.title or "kidash",
            height=options.height,
            vis_js=Markup(script),  # noqa: S704 - the vendored library, not data
            vis_css=Markup(css),  # noqa: S704 - the vendored library, not data
            payload=_script_json(
                {
                    "nodes": nodes,
                    "edges": edges,
                    "options": json.loads(vis_options),
                    "physics": data["physics"],
                    "file": options.file_stem,
                }
            ),
            legend=data["legend"],
            texts=texts,
        )
    )
