"""The network as a picture for slides: the live map's positions, colours, shapes and legend, drawn
for the size it is shown at — names that never overlap, arrowheads on directed roles.

One renderer for every network picture (the page's PNG button and the export panel's pictures
and decks all call :func:`network_figure`).
"""

from __future__ import annotations

import math

import plotly.graph_objects as go

from kidash import i18n, style
from kidash.charts.canvas import MIN_PT, SLIDE, Canvas, fit, plot_area, text_width
from kidash.charts.labels import MAX_LABELLED, hubs, place_labels
from kidash.charts.theme import TEMPLATE
from kidash.safety import plotly_text

__all__ = ["MAX_ARROWS", "MAX_LABELLED", "LEGEND_SHARE", "network_figure", "named_nodes"]

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
LEGEND_SHARE = 0.25  # the legend takes at most this share of the picture's width
ENDED_OPACITY, NEW_BORDER, NEW_WIDTH = (style.MARK_STYLE[k] for k in ("ended_opacity", "new_border", "new_width"))


def _dash(dashes) -> str:
    if not dashes:
        return "solid"
    return ",".join(f"{d}px" for d in dashes)


def named_nodes(figure: go.Figure) -> set[str]:
    """The nodes a picture names (beside their marker or at the end of a leader line), read from the
    figure itself: what its footer's count must agree with."""
    named = {meta for trace in figure.data if trace.meta for meta, text in zip(trace.meta, trace.text or (), strict=False)
             if text}  # fmt: skip
    return named | {note.name for note in figure.layout.annotations if note.name and note.text}


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
    end of each directed role. Names never touch another name or marker: the
    best-linked actors are always named (beside the marker, or further out
    with a leader line), then every other name that fits (:func:`place_labels`),
    and the footer says how many are named. The legend lists only what is
    drawn, under a heading per kind of mark, in at most :data:`LEGEND_SHARE` of
    the width. Every text is at least :data:`kidash.charts.canvas.MIN_PT` at the
    canvas's size.
    """
    small = canvas.px(MIN_PT)
    nodes = {n["id"]: n for n in data["nodes"]}
    legend = data["legend"]
    directed = data.get("options", {}).get("edges", {}).get("arrows", {}).get("to", {}).get("enabled", False)
    # A kind whose colour entry already shows its name with its marker (colour by type: «Initiativ» as
    # a square) is not listed again under shapes: the picture's legend holds each thing once.
    coloured = {text for text, _ in legend["colours"]}
    shapes = [(text, shape) for text, shape in legend["shapes"] if text not in coloured]
    titles = {
        "colours": legend.get("colour_title") or i18n.t("legend.title", lang),
        "shapes": i18n.t("legend.shape", lang),
        "lines": i18n.t("legend.line_short" if directed else "legend.line_undirected", lang),
        "marks": i18n.t("legend.marks", lang),
    }
    # What the colours mean, at the right; what shapes, lines and marks mean, in a band under the plot
    # (on a slide, every relation in one column would take half the picture's width).
    side = [("colours", [text for text, _ in legend["colours"]])]
    band = [
        ("shapes", [text for text, _ in shapes]),
        ("lines", [text for text, *_ in legend["lines"]]),
        ("marks", [text for text, _ in legend.get("marks", [])]),
    ]
    height = plot_area(canvas, show_title, footer).height
    key = _Legend(side, band, titles, height, small, canvas.pixels[0] * LEGEND_SHARE, lang)
    below = key.band_height(plot_area(canvas, show_title, footer, right=key.width).width)
    total = len(nodes)
    scale_px = canvas.dpi / 144
    radius = {
        node: max(6.0, (40 if "group" in n else n["value"]) * 0.45) * scale_px * (1.6 if "group" in n else 1.0)
        for node, n in nodes.items()
    }
    degree = {node: 0 for node in nodes}
    for edge in data["edges"]:
        degree[edge["from"]] = degree.get(edge["from"], 0) + 1
        degree[edge["to"]] = degree.get(edge["to"], 0) + 1
    order = sorted(nodes, key=lambda node: (-degree[node], -nodes[node]["value"], nodes[node]["label"]))
    must = hubs(order, degree)
    texts = {node: n["label"] for node, n in nodes.items()}
    xs = [n["x"] for n in nodes.values()] or [0.0]
    ys = [n["y"] for n in nodes.values()] or [0.0]
    centre_x, centre_y = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    pad = max(radius.values(), default=small) + small * 1.6
    # The footer says how many names fit, and its lines take height from the plot: place the names
    # in the area left by the footer they lead to, until the two agree (once or twice).
    note, placed = footer, []
    for _ in range(3):
        area = plot_area(canvas, show_title, note, right=key.width, below=below)
        scale = min((area.width - 2 * pad) / span_x, (area.height - 2 * pad) / span_y)
        if not math.isfinite(scale) or scale <= 0:
            scale = 1.0
        pixels = {  # inside the plot area, y downwards as vis-network has it
            node: ((n["x"] - centre_x) * scale + area.width / 2, (n["y"] - centre_y) * scale + area.height / 2)
            for node, n in nodes.items()
        }
        placed = place_labels(pixels, radius, texts, order, small, (0, 0, area.width, area.height), must)
        wanted = footer
        if len(placed) < total:
            wanted = f"{i18n.t('slides.labels', lang, shown=len(placed), total=total)} {footer}".strip()
        if wanted == note:
            break
        note = wanted
    beside = {label.node: label.place for label in placed if label.place != "leader"}
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
                showlegend=bool(name) and name not in named,
                hoverinfo="skip",
                **key.entry("lines", name),
            )
        )
        named.add(name)
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
    rank = {colour: index for index, (_, colour) in enumerate(legend["colours"])}
    for colour, members in sorted(by_colour.items(), key=lambda item: rank.get(item[0], len(rank))):
        figure.add_trace(
            go.Scatter(
                x=[n["x"] for n in members],
                y=[-n["y"] for n in members],
                mode="markers",
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
                hovertext=[plotly_text(n["card"][0][1]) for n in members],
                hoverinfo="text",
                **key.entry("colours", colour_text.get(colour, "")),
            )
        )
    # The names beside their markers, as a trace of their own: in the legend a colour shows its marker
    # only (a trace with text would add a sample of text to each entry and widen the legend).
    shown = [n for n in data["nodes"] if n["id"] in beside]
    figure.add_trace(
        go.Scatter(
            x=[n["x"] for n in shown],
            y=[-n["y"] for n in shown],
            mode="text",
            meta=[n["id"] for n in shown],
            text=[plotly_text(n["label"]) for n in shown],
            textposition=[beside[n["id"]] for n in shown],
            textfont={"size": small, "color": "#1b1b1b"},
            cliponaxis=False,
            showlegend=False,
            hoverinfo="skip",
        )
    )
    # Names further out, each joined to its marker by a thin line (the best-linked in a crowded middle).
    for label in placed:
        if label.place != "leader":
            continue
        px, py = pixels[label.node]
        cx, cy = label.centre
        figure.add_annotation(
            x=nodes[label.node]["x"], y=-nodes[label.node]["y"], ax=cx - px, ay=cy - py, name=label.node,
            text=plotly_text(texts[label.node]), showarrow=True, arrowhead=0, arrowwidth=1.6 * scale_px,
            arrowcolor="#1b1b1b", standoff=radius[label.node], font={"size": small, "color": "#1b1b1b"},
            bgcolor="rgba(255,255,255,0.85)", borderpad=1,
        )  # fmt: skip

    def key_entry(group: str, text: str, marker: dict) -> None:
        """A legend entry with no points: a marker and its words, in ``group``'s column."""
        figure.add_trace(
            go.Scatter(x=[None], y=[None], mode="markers", marker={"size": small, **marker}, **key.entry(group, text))
        )

    for text, shape in shapes:
        key_entry("shapes", text, {"symbol": _SYMBOLS.get(shape, "circle"), "color": "#ffffff",
                                   "line": {"color": "#1b1b1b", "width": 1.5}})  # fmt: skip
    for text, mark in legend.get("marks", []):
        new = mark == "new"
        key_entry("marks", text, {
            "symbol": "circle", "color": "#ffffff" if new else "#999999", "opacity": 1.0 if new else ENDED_OPACITY,
            "line": {"color": "#1b1b1b", "width": NEW_BORDER * scale_px if new else 1},
        })  # fmt: skip
    figure.update_layout(
        template=TEMPLATE,
        title={"text": plotly_text(title)},
        xaxis={"visible": False, "range": [centre_x - half_w, centre_x + half_w], "fixedrange": True},
        yaxis={"visible": False, "range": [-centre_y - half_h, -centre_y + half_h], "fixedrange": True},
        hovermode="closest",
        plot_bgcolor="#ffffff",
    )
    key.lay_out(figure, area.width, small)
    fitted = fit(figure, canvas, note, show_title, right=key.width, below=below)
    key.place_band(fitted)
    return fitted


class _Legend:
    """The picture's legend, listing only what is drawn, one group under each heading.

    What the colours mean stands at the right, in one column of at most ``limit`` pixels where it
    fits the plot's height (else two, the group's heading repeated with «(forts.)»); what shapes,
    lines and marks mean stands in a band across the plot's foot, each group a row (or rows) of its
    own: on a slide, every relation in a column as well would take half the picture's width.
    """

    SWATCH = 1.9  # a legend entry's symbol and the gap after it, in font sizes
    ROW = 1.43  # an entry's height, in font sizes (measured on Plotly's legends: a heading takes one too)

    def __init__(self, side, band, titles, height: float, font_px: float, limit: float, lang: str):
        self.titles, self.font, self.lang = titles, font_px, lang
        side = [(group, texts) for group, texts in side if texts]
        self.columns, self.where, self.names = [], {}, {}
        for count in (1, 2):
            self.columns, self.where, self.names = self._pack(side, height, limit / count)
            if len(self.columns) <= count:
                break
        self.width = sum(self.columns) + (font_px * 0.5 if self.columns else 0.0)
        self.band_groups = [(group, texts) for group, texts in band if texts]
        first = len(self.columns) + 1
        self.band_names = {group: f"legend{first + index}" for index, (group, _) in enumerate(self.band_groups)}
        self.entry_width = {group: max(text_width(text, font_px) for text in texts) + font_px * (self.SWATCH + 0.6)
                            for group, texts in self.band_groups}  # fmt: skip
        self.heights: list[float] = []

    def _pack(self, groups, height: float, cap: float):
        """Columns of at most ``cap`` pixels (wider only for a word longer than that) as tall as
        ``height``: their widths, each entry's (column, part of its group) and its wrapped words."""
        capacity = max(3.0, height / (self.font * self.ROW))
        swatch = self.font * self.SWATCH
        columns, used, where, names = [0.0], 0.0, {}, {}

        def room(text: str, extra: float = 0.0) -> None:
            columns[-1] = max(columns[-1], text_width(text, self.font) + extra + self.font * 0.6)

        words = [word for _, texts in groups for text in texts for word in str(text).split()]
        # Lines of at most the column's room, or the longest word where that is longer: never a word alone.
        text_room = max(cap - swatch - self.font * 1.1, *(text_width(word, self.font) for word in words or [""]))
        for group, texts in groups:
            if used and used + 2.5 > capacity:
                columns.append(0.0)
                used = 0.0
            used += 1.05  # the heading
            room(self.titles[group])
            part = 0
            for text in texts:
                lines = _wrap_label(text, text_room, self.font)
                if used + len(lines) > capacity:
                    columns.append(0.0)
                    used, part = 1.05, part + 1  # the heading again, saying the group goes on
                    room(f"{self.titles[group]} ({i18n.t('legend.continued', self.lang)})")
                used += len(lines)
                for line in lines:
                    room(line, swatch)
                where[(group, text)] = (len(columns) - 1, part)
                names[(group, text)] = "<br>".join(plotly_text(line) for line in lines)
        return ([] if columns == [0.0] else columns), where, names

    def _rows(self, group: str, texts, width: float) -> int:
        """How many rows a horizontal legend of ``texts`` takes ``width`` pixels wide: its entries
        stand in columns as wide as the widest (:attr:`entry_width`), after the heading at the left."""
        heading = text_width(self.titles[group], self.font) + self.font
        across = max(1, int((width - heading) // self.entry_width[group]))
        return math.ceil(len(texts) / across)

    def band_height(self, width: float) -> float:
        """The band's height under a plot ``width`` pixels wide (and each group's, kept for lay_out)."""
        self.heights = [self._rows(g, texts, width) * self.font * self.ROW + self.font * 0.6
                        for g, texts in self.band_groups]  # fmt: skip
        return sum(self.heights) + (self.font * 0.4 if self.heights else 0.0)

    def entry(self, group: str, text: str) -> dict:
        """A trace's legend settings for ``text`` in ``group``: its words, its legend, its heading."""
        if group in self.band_names:
            return {"name": plotly_text(text), "legend": self.band_names[group]}
        column, part = self.where.get((group, text), (0, 0))
        heading = self.titles[group] + (f" ({i18n.t('legend.continued', self.lang)})" if part else "")
        return {
            "name": self.names.get((group, text), plotly_text(text)),
            "legend": "legend" if column == 0 else f"legend{column + 1}",
            "legendgroup": f"{group}-{part}",
            "legendgrouptitle": {"text": plotly_text(heading)},
        }

    def lay_out(self, figure: go.Figure, plot_width: float, font_px: float) -> None:
        common = {"font": {"size": font_px}, "groupclick": "toggleitem", "itemsizing": "constant",
                  "bgcolor": "rgba(255,255,255,0)", "grouptitlefont": {"size": font_px}}  # fmt: skip
        left = font_px * 0.5
        for index, width in enumerate(self.columns):
            figure.update_layout({"legend" if index == 0 else f"legend{index + 1}": {
                **common, "x": 1 + left / plot_width, "xanchor": "left", "y": 1, "yanchor": "top",
                "tracegroupgap": font_px * 0.6}})  # fmt: skip
            left += width
        for group, name in self.band_names.items():
            figure.update_layout({name: {**common, "orientation": "h", "x": 0, "xanchor": "left", "y": 0,
                                         "yanchor": "top", "entrywidth": self.entry_width[group],
                                         "entrywidthmode": "pixels", "title": {"text": plotly_text(self.titles[group]),
                                                                     "side": "left", "font": {"size": font_px}}}})  # fmt: skip

    def place_band(self, figure: go.Figure) -> None:
        """Stack the band's legends from the plot's foot down (once the figure's size is fixed)."""
        if not self.band_names:
            return
        layout = figure.layout
        paper = layout.height - layout.margin.t - layout.margin.b
        top = layout.yaxis.domain[0] - self.font * 0.4 / paper
        for name, height in zip(self.band_names.values(), self.heights, strict=True):
            figure.update_layout({name: {"y": top}})
            top -= height / paper


def _wrap_label(text: str, width_px: float, font_px: float) -> list[str]:
    """A legend entry's words in lines of at most ``width_px`` (a word longer than that on its own)."""
    lines, line = [], ""
    for word in str(text).split():
        if line and text_width(f"{line} {word}", font_px) > width_px:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line] if line else [""]
