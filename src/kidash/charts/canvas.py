"""Pictures made for the size they are shown at: a canvas in inches, every text in points.

A chart on a page is sized for a screen. On a slide it is shown at a known
size (a whole 16:9 slide, or the picture area of a deck's chart slide), in a
PDF report at A4. :func:`fit` gives a copy of a figure drawn for a canvas:
every font at least :data:`MIN_PT` points there, the title larger, the source
line in the picture's own footer. :func:`chart_picture` also draws a chart
with more rows than fit with the rows that do, and the footer says so.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import plotly.graph_objects as go

from kidash import i18n

if TYPE_CHECKING:
    from kidash.charts.chart import Chart

__all__ = [
    "A4",
    "MIN_PT",
    "SLIDE",
    "SLIDE_PICTURE",
    "TITLE_PT",
    "Canvas",
    "chart_picture",
    "fit",
    "fonts_below",
    "plot_area",
    "text_width",
]

MIN_PT = 12  # no text on a picture smaller than this at the size it is shown at
TITLE_PT = 20
LINE = 1.35  # a line's height as a multiple of its font size
ROW = 1.75  # a category row's height (label and room around it) as a multiple of the font size
MUTED = "#3d3d3d"
_FONT_KEYS = {"font", "textfont", "tickfont", "insidetextfont", "outsidetextfont", "grouptitlefont"}


@dataclass(frozen=True)
class Canvas:
    """Where a picture is shown: its size in inches and the pixels per inch it is drawn at."""

    width_in: float
    height_in: float
    dpi: int = 144

    @property
    def pixels(self) -> tuple[int, int]:
        """Width and height in pixels.

        >>> SLIDE.pixels
        (1920, 1080)
        """
        return round(self.width_in * self.dpi), round(self.height_in * self.dpi)

    def px(self, points: float) -> float:
        """Points at the shown size as pixels of the picture (12 pt on a 144 dpi slide: 24 px)."""
        return points * self.dpi / 72


SLIDE = Canvas(13.333, 7.5)  # a whole 16:9 slide: 1920×1080
SLIDE_PICTURE = Canvas(
    12.133, 5.65
)  # the picture area of a chart slide in the built-in design (build_deck: under the title and the takeaway)
A4 = Canvas(11.69, 8.27)  # landscape A4, for PDF reports


def text_width(text: str, font_px: float) -> float:
    """A generous estimate of a line's width in pixels in the house sans-serif (wide letters counted wider)."""
    wide = sum(1 for c in text if c.isupper() or c in "mwMWÆæ")
    return font_px * (0.52 * len(text) + 0.15 * wide)


def _wrap(text: str, width_px: float, font_px: float) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and text_width(f"{line} {word}", font_px) > width_px:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line] if line else lines


def _raise_fonts(node, minimum: float) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in _FONT_KEYS and isinstance(value, dict) and value.get("size") is not None:
                size = value["size"]
                value["size"] = (
                    [max(minimum, s) for s in size] if isinstance(size, list | tuple) else max(minimum, size)
                )
            _raise_fonts(value, minimum)
    elif isinstance(node, list | tuple):
        for item in node:
            _raise_fonts(item, minimum)


def fonts_below(figure: go.Figure, minimum: float) -> list[str]:
    """Where the figure sets a font smaller than ``minimum`` pixels (its default font included), as paths."""
    found: list[str] = []

    def walk(node, path: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in _FONT_KEYS and isinstance(value, dict) and value.get("size") is not None:
                    sizes = value["size"] if isinstance(value["size"], list | tuple) else [value["size"]]
                    found.extend(f"{path}.{key}.size={s}" for s in sizes if s < minimum)
                walk(value, f"{path}.{key}")
        elif isinstance(node, list | tuple):
            for index, item in enumerate(node):
                walk(item, f"{path}[{index}]")

    spec = figure.to_plotly_json()
    walk(spec, "figure")
    if (spec["layout"].get("font") or {}).get("size") is None:
        found.append("figure.layout.font.size unset (Plotly's 12 px default)")
    return found


@dataclass(frozen=True)
class Area:
    """The plot area inside a fitted picture, in pixels from the top left, and the bands around it."""

    left: float
    top: float
    width: float
    height: float
    footer: list[str]
    band: float  # the band under the plot: the x axis (when it is below) and the footer


def plot_area(
    canvas: Canvas, title: bool, footer: str, axis_below: bool = False, right: float = 0.0, below: float = 0.0
) -> Area:
    """Where :func:`fit` puts the plot on ``canvas``: under the title, over the footer's lines
    (and the x axis when it is below, and ``below`` pixels kept for a legend under the plot), left of
    ``right`` pixels kept for a legend."""
    width, height = canvas.pixels
    small, big = canvas.px(MIN_PT), canvas.px(TITLE_PT)
    side = small
    top = big * LINE * 1.6 if title else small * 0.6
    # Under the plot and the legend; wrapped short of the full width, as it starts where the plot
    # does (after the axis labels).
    lines = _wrap(footer, (width - 2 * side) * 0.8, small)
    band = len(lines) * small * LINE + (small * LINE * 2.6 if axis_below else 0) + (small * 0.4 if lines else 0) + below
    bottom = small * 0.4
    return Area(side, top, width - 2 * side - right, height - top - bottom - band, lines, band)


def fit(
    figure: go.Figure,
    canvas: Canvas,
    footer: str = "",
    title: bool = True,
    right: float = 0.0,
    below: float = 0.0,
) -> go.Figure:
    """A copy of ``figure`` drawn for ``canvas``: fonts ≥ :data:`MIN_PT` pt, title :data:`TITLE_PT` pt
    (or none, where the slide gives the title), legends at the right (``right`` pixels; ``below``
    pixels kept under the plot for one there), ``footer`` under the plot.

    >>> fitted = fit(go.Figure(go.Bar(x=[1], y=["a"], textfont={"size": 8})), SLIDE, "Kilder: x")
    >>> fonts_below(fitted, SLIDE.px(MIN_PT)), fitted.layout.width
    ([], 1920)
    """
    spec = figure.to_plotly_json()
    small, big = canvas.px(MIN_PT), canvas.px(TITLE_PT)
    _raise_fonts(spec, small)
    layout = spec.setdefault("layout", {})
    xaxis = layout.get("xaxis") or {}
    axis_below = xaxis.get("visible", True) is not False and xaxis.get("side") != "top"
    has_legend = any(trace.get("showlegend", True) is not False and trace.get("name") for trace in spec["data"])
    area = plot_area(canvas, title, footer, axis_below, right, below)
    width, height = canvas.pixels
    layout.update(width=width, height=height, autosize=False)
    layout["font"] = {**(layout.get("font") or {}), "size": max(small, (layout.get("font") or {}).get("size") or 0)}
    text = (layout.get("title") or {}).get("text", "") if title else ""
    layout["title"] = {"text": text, "font": {"size": big}, "x": area.left / width, "xref": "container",
                       "xanchor": "left", "y": 1 - big * 0.4 / height, "yanchor": "top", "yref": "container"}  # fmt: skip
    # Names over the columns (x axis at the top, slanted) get their room above the plot, measured
    # here, so the plot's share of the picture (and the footer under it) is known exactly.
    above = 0.0
    if xaxis.get("side") == "top" and xaxis.get("visible", True) is not False:
        names = [str(v) for trace in spec["data"] for v in (trace.get("x") or ()) if isinstance(v, str)]
        slant = math.sin(math.radians(abs(xaxis.get("tickangle") or 90)))
        above = max(
            (max(text_width(line, small) for line in n.split("<br>")) * slant + n.count("<br>") * small * LINE
             for n in names),
            default=0.0,
        ) + small * LINE  # fmt: skip
        layout["xaxis"] = {**xaxis, "automargin": False}
    layout["margin"] = {"l": area.left, "r": area.left + right, "t": area.top + above, "b": small * 0.4, "pad": 4}
    if has_legend and "x" not in (layout.get("legend") or {}):  # a figure that placed its legend keeps it
        legend = layout.get("legend") or {}
        legend.update(orientation="v", x=1.01, xanchor="left", y=1, yanchor="top", font={"size": small})
        layout["legend"] = legend
    paper = height - area.top - above - small * 0.4  # the paper area, of which the band is the bottom part
    layout["yaxis"] = {**(layout.get("yaxis") or {}), "domain": [min(0.6, area.band / paper), 1]}
    if area.footer:
        notes = list(layout.get("annotations") or [])
        notes.append({"text": "<br>".join(area.footer), "x": 0, "y": 0, "xref": "paper", "yref": "paper",
                      "xanchor": "left", "yanchor": "bottom", "align": "left", "showarrow": False,
                      "font": {"size": small, "color": MUTED}})  # fmt: skip
        layout["annotations"] = notes
    return go.Figure(spec)


def rows_that_fit(canvas: Canvas, overhead_lines: float, title: bool, footer: str) -> int:
    """How many category rows a chart can show on ``canvas`` at :data:`MIN_PT` with room to read them."""
    small = canvas.px(MIN_PT)
    area = plot_area(canvas, title, footer, axis_below=True)
    return max(3, math.floor((area.height - overhead_lines * small * LINE) / (small * ROW)))


def chart_picture(chart: Chart, canvas: Canvas, footer: str, lang: str, title: bool = True) -> go.Figure:
    """``chart`` drawn for ``canvas``: its own drawing for that canvas where it has one (the network
    places its labels for it), else the figure with the rows that fit, fitted by :func:`fit`."""
    if chart.for_canvas is not None:
        return chart.for_canvas(canvas, footer, title)
    figure, note = chart.figure, footer
    if chart.redraw is not None and chart.rows:
        shown = rows_that_fit(canvas, chart.overhead, title, footer)
        if shown < chart.rows:
            figure = chart.redraw(shown)
            note = f"{i18n.t('slides.cut', lang, shown=shown, total=chart.rows)} {footer}".strip()
    return fit(figure, canvas, note, title)
