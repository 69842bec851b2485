"""The network as a static Plotly figure: same positions, colours, shapes and legend as the interactive one."""

from __future__ import annotations

import plotly.graph_objects as go

from kidash import i18n
from kidash.figures import TEMPLATE
from kidash.safety import plotly_text

__all__ = ["network_figure"]

# vis-network shape -> Plotly marker symbol
_SYMBOLS = {
    "dot": "circle",
    "triangle": "triangle-up",
    "square": "square",
    "diamond": "diamond",
    "hexagon": "hexagon",
    "star": "star",
}


def _dash(dashes) -> str:
    if not dashes:
        return "solid"
    return ",".join(f"{d}px" for d in dashes)


def network_figure(data: dict, title: str, lang: str = "nb", labels: bool = True) -> go.Figure:
    """Draw ``data`` from :func:`kidash.network_view.vis_data` as a Plotly figure for slides.

    Lines are grouped by their look (one legend entry per relation), nodes by
    colour (one legend entry per colour meaning) with the kind as marker
    shape, so the legend explains everything the picture uses.
    """
    figure = go.Figure()
    nodes = {n["id"]: n for n in data["nodes"]}
    legend = data["legend"]
    line_names = {(colour, str(dashes)): text for text, colour, dashes in legend["lines"]}
    grouped: dict[tuple, list] = {}
    for edge in data["edges"]:
        grouped.setdefault((edge["color"], str(edge["dashes"]), edge["width"]), []).append(edge)
    for (colour, dashes_key, width), edges in grouped.items():
        xs, ys = [], []
        for edge in edges:
            a, b = nodes[edge["from"]], nodes[edge["to"]]
            xs += [a["x"], b["x"], None]
            ys += [-a["y"], -b["y"], None]
        name = line_names.get((colour, dashes_key), "")
        figure.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                mode="lines",
                line={"color": colour, "width": min(width, 6), "dash": _dash(edges[0]["dashes"])},
                name=name,
                showlegend=bool(name) and name not in {t.name for t in figure.data},
                legendgroup="lines",
                legendgrouptitle={"text": i18n.t("legend.line_undirected", lang)},
                hoverinfo="skip",
            )
        )
    colour_text = {colour: text for text, colour in legend["colours"]}
    by_colour: dict[str, list] = {}
    for node in data["nodes"]:
        by_colour.setdefault(node["color"], []).append(node)
    for colour, members in by_colour.items():
        figure.add_trace(
            go.Scatter(
                x=[n["x"] for n in members],
                y=[-n["y"] for n in members],
                mode="markers+text" if labels else "markers",
                text=[plotly_text(n["label"]) for n in members],
                textposition="bottom center",
                textfont={"size": 11},
                marker={
                    "opacity": 1.0,
                    "color": colour,
                    "size": [max(8, (40 if "group" in n else n["value"]) * 0.8) for n in members],
                    "symbol": [_SYMBOLS.get(n["shape"], "circle") for n in members],
                    "line": {"color": "#333333", "width": 1},
                },
                name=plotly_text(colour_text.get(colour, "")),
                legendgroup="colours",
                legendgrouptitle={"text": i18n.t("legend.title", lang)},
                hovertext=[plotly_text(n["card"][0][1]) for n in members],
                hoverinfo="text",
            )
        )
    for text, shape in legend["shapes"]:
        figure.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                marker={
                    "symbol": _SYMBOLS.get(shape, "circle"),
                    "size": 12,
                    "color": "#ffffff",
                    "line": {"color": "#1b1b1b", "width": 1.5},
                },
                name=text,
                legendgroup="shapes",
                legendgrouptitle={"text": i18n.t("legend.shape", lang)},
            )
        )
    figure.update_layout(
        template=TEMPLATE,
        title={"text": title},
        xaxis={"visible": False},
        yaxis={"visible": False, "scaleanchor": "x"},
        legend={"groupclick": "toggleitem", "font": {"size": 12}},
        hovermode="closest",
        plot_bgcolor="#ffffff",
    )
    return figure
