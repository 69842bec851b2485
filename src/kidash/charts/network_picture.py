"""The network as a picture for slides: the live map's positions, colours, shapes and legend, drawn
for the size it is shown at — names that never overlap, arrowheads on directed roles.

One renderer for every network picture (the page's PNG button and the export panel's pictures
and decks all call :func:`network_figure`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import plotly.graph_objects as go

from kidash import i18n, style
from kidash.charts.canvas import MIN_PT, SLIDE, Canvas, fit, plot_area, text_width
from kidash.charts.theme import TEMPLATE
from kidash.safety import plotly_text

__all__ = ["MAX_ARROWS", "MAX_LABELLED", "Label", "network_figure", "place_labels"]

# vis-network shape -> Plotly marker symbol
_SYMBOLS = {
    "dot": "circle",
    "triangle": "triangle-up",
    "square": "square",
    "diamond": "diamond",
    "hexagon": "hexagon",
    "star": "star",
}
MAX_ARROWS = 800  # beyond this many lines, arrowheads are noise (and plotly draws each as an annotation)
MAX_LABELLED = 400  # names are tried for this many nodes at most, the best-linked first
ENDED_OPACITY, NEW_BORDER, NEW_WIDTH = (style.MARK_STYLE[k] for k in ("ended_opacity", "new_border", "new_width"))
_PLACES = ("bottom center", "top center", "middle right", "middle left")


def _dash(dashes) -> str:
    if not dashes:
        return "solid"
    return ",".join(f"{d}px" for d in dashes)


@dataclass(frozen=True)
class Label:
    """A node's name as placed on the picture: where it is written and its box in pixels."""

    node: str
    place: str  # a Plotly textposition
    box: tuple[float, float, float, float]  # left, top, right, bottom (pixels, y downwards)


def _overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


class _Grid:
    """Boxes in cells of a coarse grid, so a new box is checked against its neighbours only."""

    def __init__(self, cell: float):
        self.cell, self.cells = cell, {}

    def _keys(self, box):
        c = self.cell
        for i in range(int(box[0] // c), int(box[2] // c) + 1):
            for j in range(int(box[1] // c), int(box[3] // c) + 1):
                yield i, j

    def free(self, box, owner=None) -> bool:
        return not any(
            who != owner and _overlaps(box, other) for key in self._keys(box) for who, other in self.cells.get(key, ())
        )

    def add(self, box, owner=None) -> None:
        for key in self._keys(box):
            self.cells.setdefault(key, []).append((owner, box))


def place_labels(
    points: dict[str, tuple[float, float]],
    radii: dict[str, float],
    texts: dict[str, str],
    order: list[str],
    font_px: float,
    bounds: tuple[float, float, float, float],
) -> list[Label]:
    """Names for the nodes in ``order`` (most important first) where they fit: under, over, right
    of or left of the node, never over another name or another node's marker, inside ``bounds``.

    ``points`` are pixel positions (y downwards), ``radii`` marker radii in pixels. A node whose
    name fits nowhere gets none (the picture's footer says how many are named).

    >>> placed = place_labels({"a": (100, 100), "b": (104, 100)}, {"a": 5, "b": 5}, {"a": "Alfa", "b": "Beta"},
    ...                       ["a", "b"], 20, (0, 0, 400, 400))
    >>> [(label.node, label.place) for label in placed]
    [('a', 'bottom center'), ('b', 'top center')]
    """
    grid = _Grid(cell=font_px * 4)
    for node, (x, y) in points.items():
        r = radii[node]
        grid.add((x - r, y - r, x + r, y + r), owner=node)
    height, gap = font_px * 1.25, font_px * 0.2
    placed: list[Label] = []
    for node in order[:MAX_LABELLED]:
        x, y = points[node]
        r, width = radii[node], text_width(texts[node], font_px)
        candidates = {
            "bottom center": (x - width / 2, y + r + gap, x + width / 2, y + r + gap + height),
            "top center": (x - width / 2, y - r - gap - height, x + width / 2, y - r - gap),
            "middle right": (x + r + gap, y - height / 2, x + r + gap + width, y + height / 2),
            "middle left": (x - r - gap - width, y - height / 2, x - r - gap, y + height / 2),
        }
        for place in _PLACES:
            box = candidates[place]
            inside = box[0] >= bounds[0] and box[1] >= bounds[1] and box[2] <= bounds[2] and box[3] <= bounds[3]
            if inside and grid.free(box, owner=node):
                grid.add(box, owner=("label", node))
                placed.append(Label(node, place, box))
                break
    return placed


def network_figure(
    data: dict,
    title: str,
    lang: str = "nb",
    canvas: Canvas = SLIDE,
    footer: str = "",
    show_title: bool = True,
) -> go.Figure:
    """Draw ``data`` from :func:`kidash.network.drawing.vis_data` for ``canvas``.

    Same places as the live map, scaled equally in x and y to fill the plot
    area; lines grouped by their look (one legend entry per relation in
    view), nodes by colour with the kind as marker shape; an arrowhead at the
    end of each directed role; every name that fits without touching another
    name or marker, the best-linked first (:func:`place_labels`), and the
    footer says how many are named. Every text is at least
    :data:`kidash.charts.canvas.MIN_PT` at the canvas's size.
    """
    small = canvas.px(MIN_PT)
    nodes = {n["id"]: n for n in data["nodes"]}
    legend = data["legend"]
    # A kind whose colour entry already shows its name with its marker (colour by type: «Initiativ» as
    # a square) is not listed again under shapes: the picture's legend holds each thing once.
    coloured = {text for text, _ in legend["colours"]}
    shapes = [(text, shape) for text, shape in legend["shapes"] if text not in coloured]
    groups = [
        ("lines", i18n.t("legend.line_undirected", lang), [text for text, *_ in legend["lines"]]),
        ("colours", i18n.t("legend.title", lang), [plotly_text(text) for text, _ in legend["colours"]]),
        ("shapes", i18n.t("legend.shape", lang), [text for text, _ in shapes]),
        ("marks", i18n.t("legend.marks", lang), [text for text, _ in legend.get("marks", [])]),
    ]
    height = plot_area(canvas, show_title, footer).height
    columns, legend_of = _legend_columns(groups, height, small)
    legend_width = sum(columns) + small * 0.5
    total = len(nodes)
    scale_px = canvas.dpi / 144
    radius = {
        node: max(6.0, (40 if "group" in n else n["value"]) * 0.45) * scale_px * (1.6 if "group" in n else 1.0)
        for node, n in nodes.items()
    }
    order = sorted(nodes, key=lambda node: (-nodes[node]["value"], nodes[node]["label"]))
    texts = {node: n["label"] for node, n in nodes.items()}
    xs = [n["x"] for n in nodes.values()] or [0.0]
    ys = [n["y"] for n in nodes.values()] or [0.0]
    centre_x, centre_y = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    pad = max(radius.values(), default=small) + small * 1.6
    # The footer says how many names fit, and its lines take height from the plot: place the names
    # in the area left by the footer they lead to, until the two agree (once or twice).
    note, labels = footer, {}
    for _ in range(3):
        area = plot_area(canvas, show_title, note, right=legend_width)
        scale = min((area.width - 2 * pad) / span_x, (area.height - 2 * pad) / span_y)
        if not math.isfinite(scale) or scale <= 0:
            scale = 1.0
        pixels = {  # inside the plot area, y downwards as vis-network has it
            node: ((n["x"] - centre_x) * scale + area.width / 2, (n["y"] - centre_y) * scale + area.height / 2)
            for node, n in nodes.items()
        }
        placed = place_labels(pixels, radius, texts, order, small, (0, 0, area.width, area.height))
        labels = {label.node: label.place for label in placed}
        wanted = footer
        if len(labels) < total:
            wanted = f"{i18n.t('slides.labels', lang, shown=len(labels), total=total)} {footer}".strip()
        if wanted == note:
            break
        note = wanted
    half_w, half_h = area.width / 2 / scale, area.height / 2 / scale

    figure = go.Figure()
    line_names = {(colour, str(dashes)): text for text, colour, dashes in legend["lines"]}
    grouped: dict[tuple, list] = {}
    for edge in data["edges"]:
        grouped.setdefault((edge["color"], str(edge["dashes"]), edge["width"], edge.get("mark", "")), []).append(edge)
    named: set[str] = set()
    for (colour, dashes_key, width, mark), edges in grouped.items():
        line_x, line_y = [], []
        for edge in edges:
            a, b = nodes[edge["from"]], nodes[edge["to"]]
            line_x += [a["x"], b["x"], None]
            line_y += [-a["y"], -b["y"], None]
        name = line_names.get((colour, dashes_key), "")
        figure.add_trace(
            go.Scatter(
                x=line_x,
                y=line_y,
                mode="lines",
                line={
                    "color": colour,
                    "width": min(width * (NEW_WIDTH if mark == "new" else 1), 8) * scale_px,
                    "dash": "dot" if mark == "ended" else _dash(edges[0]["dashes"]),
                },
                opacity=ENDED_OPACITY if mark == "ended" else 1.0,
                name=name,
                showlegend=bool(name) and name not in named,
                legend=legend_of.get(("lines", name), "legend"),
                legendgroup="lines",
                legendgrouptitle={"text": i18n.t("legend.line_undirected", lang)},
                hoverinfo="skip",
            )
        )
        named.add(name)
    directed = data.get("options", {}).get("edges", {}).get("arrows", {}).get("to", {}).get("enabled", False)
    if directed and len(data["edges"]) <= MAX_ARROWS:
        for edge in data["edges"]:
            a, b = pixels[edge["from"]], pixels[edge["to"]]
            dx, dy = a[0] - b[0], a[1] - b[1]
            length = math.hypot(dx, dy)
            if length < 1:
                continue
            reach = radius[edge["to"]] + small * 0.9
            figure.add_annotation(
                x=nodes[edge["to"]]["x"],
                y=-nodes[edge["to"]]["y"],
                ax=dx / length * reach,
                ay=dy / length * reach,
                showarrow=True,
                arrowhead=2,
                arrowsize=1.1,
                arrowwidth=max(1.5, min(edge["width"], 4)) * scale_px,
                arrowcolor=edge["color"],
                standoff=radius[edge["to"]],
                text="",
            )
    colour_text = {colour: text for text, colour in legend["colours"]}
    by_colour: dict[str, list] = {}
    for node in data["nodes"]:
        by_colour.setdefault(node["color"], []).append(node)
    # in the legend's own order, so each legend column reads as the columns were sized
    order = {colour: index for index, (_, colour) in enumerate(legend["colours"])}
    for colour, members in sorted(by_colour.items(), key=lambda item: order.get(item[0], len(order))):
        figure.add_trace(
            go.Scatter(
                x=[n["x"] for n in members],
                y=[-n["y"] for n in members],
                mode="markers+text",
                text=[plotly_text(n["label"]) if n["id"] in labels else "" for n in members],
                textposition=[labels.get(n["id"], "bottom center") for n in members],
                textfont={"size": small, "color": "#1b1b1b"},
                cliponaxis=False,
                marker={
                    "opacity": [ENDED_OPACITY if n.get("mark") == "ended" else 1.0 for n in members],
                    "color": colour,
                    "size": [2 * radius[n["id"]] for n in members],
                    "symbol": [_SYMBOLS.get(n["shape"], "circle") for n in members],
                    "line": {
                        "color": ["#1b1b1b" if n.get("mark") == "new" else "#333333" for n in members],
                        "width": [(NEW_BORDER if n.get("mark") == "new" else 1) * scale_px for n in members],
                    },
                },
                name=plotly_text(colour_text.get(colour, "")),
                legend=legend_of.get(("colours", plotly_text(colour_text.get(colour, ""))), "legend"),
                legendgroup="colours",
                legendgrouptitle={"text": i18n.t("legend.title", lang)},
                hovertext=[plotly_text(n["card"][0][1]) for n in members],
                hoverinfo="text",
            )
        )

    def key_entry(group: str, title: str, text: str, marker: dict) -> None:
        """A legend entry with no points: a marker and its words, in ``group``'s column."""
        figure.add_trace(
            go.Scatter(
                x=[None], y=[None], mode="markers", marker={"size": small, **marker}, name=text,
                legend=legend_of.get((group, text), "legend"), legendgroup=group,
                legendgrouptitle={"text": i18n.t(title, lang)},
            )
        )  # fmt: skip

    for text, shape in shapes:
        key_entry("shapes", "legend.shape", text, {"symbol": _SYMBOLS.get(shape, "circle"), "color": "#ffffff",
                                                  "line": {"color": "#1b1b1b", "width": 1.5}})  # fmt: skip
    for text, mark in legend.get("marks", []):
        new = mark == "new"
        key_entry("marks", "legend.marks", text, {
            "symbol": "circle", "color": "#ffffff" if new else "#999999", "opacity": 1.0 if new else ENDED_OPACITY,
            "line": {"color": "#1b1b1b", "width": NEW_BORDER * scale_px if new else 1},
        })  # fmt: skip
    figure.update_layout(
        template=TEMPLATE,
        title={"text": title},
        xaxis={"visible": False, "range": [centre_x - half_w, centre_x + half_w], "fixedrange": True},
        yaxis={"visible": False, "range": [-centre_y - half_h, -centre_y + half_h], "fixedrange": True},
        hovermode="closest",
        plot_bgcolor="#ffffff",
    )
    left = small * 0.5
    for index, width in enumerate(columns):
        figure.update_layout({
            "legend" if index == 0 else f"legend{index + 1}": {
                "x": 1 + left / area.width, "xanchor": "left", "y": 1, "yanchor": "top",
                "font": {"size": small}, "groupclick": "toggleitem", "itemsizing": "constant",
                "tracegroupgap": small * 0.6, "bgcolor": "rgba(255,255,255,0)",
            }
        })  # fmt: skip
        left += width
    return fit(figure, canvas, note, show_title, right=legend_width)


def _legend_columns(groups, height: float, font_px: float) -> tuple[list[float], dict[tuple[str, str], str]]:
    """The legend's entries in as many columns as the plot's ``height`` needs, a group's title where
    it starts or goes on: each column's width, and the legend (``legend``, ``legend2`` …) of each entry."""
    row = font_px * 1.5
    capacity = max(3, int(height // row))
    widths: list[float] = [0.0]
    used, legend_of = 0, {}
    for key, title, texts in groups:
        if not texts:
            continue
        if used and used + 2 > capacity:
            widths.append(0.0)
            used = 0
        used += 1.6  # the group's title and the gap before it
        widths[-1] = max(widths[-1], text_width(title, font_px) + font_px)
        for text in texts:
            if used + 1 > capacity:
                widths.append(0.0)
                used = 1.6  # the title again, over the rest of the group
                widths[-1] = max(widths[-1], text_width(title, font_px) + font_px)
            used += 1
            legend_of[(key, text)] = "legend" if len(widths) == 1 else f"legend{len(widths)}"
            widths[-1] = max(widths[-1], text_width(text, font_px) + font_px * 3.5)
    return widths, legend_of
