"""One look for every chart: the kidash Plotly template and the small helpers every figure shares."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from kidash import i18n, style
from kidash.safety import plotly_plain, plotly_text

__all__ = ["FONT", "TEMPLATE", "wrap", "hover_rows", "titled", "title_of"]

# Quoted: an unquoted «Source Sans 3» is invalid CSS and would drop the whole list (serif fallback).
FONT = '"Source Sans Pro", "Source Sans 3", Arial, "Liberation Sans", "DejaVu Sans", sans-serif'

TEMPLATE = go.layout.Template(
    layout=go.Layout(
        font={"family": FONT, "size": 15, "color": "#1b1b1b"},
        title={"font": {"size": 20}, "x": 0.02, "xanchor": "left"},
        colorway=list(style.OKABE_ITO[:7]),
        paper_bgcolor="#ffffff",
        plot_bgcolor="#ffffff",
        margin={"l": 40, "r": 30, "t": 80, "b": 50},
        xaxis={"gridcolor": "#e5e5e5", "linecolor": "#8c8c8c", "automargin": True},
        yaxis={"gridcolor": "#e5e5e5", "linecolor": "#8c8c8c", "automargin": True},
        legend={"bgcolor": "rgba(255,255,255,0.9)"},
        hoverlabel={"font": {"family": FONT, "size": 14}},
    )
)

pio.templates["kidash"] = TEMPLATE


def wrap(text: str, width: int = 16) -> str:
    """Break a label into lines of about ``width`` characters for axis ticks."""
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "<br>".join(lines)


def hover_rows(rows: pd.DataFrame, lang: str) -> list[tuple[str, str, str]]:
    """(label, when, «Source: title») for hover text, escaped for Plotly."""
    prefix = i18n.t("col.source", lang) + ": "
    return [
        (plotly_text(label), plotly_text(when), plotly_text(prefix + source))
        for label, when, source in zip(rows["label"], rows["when"], rows["source"], strict=True)
    ]


def titled(figure: go.Figure, title: str, height: int | None = None) -> go.Figure:
    """``figure`` in the kidash template with ``title`` (plain text: escaped here, where it enters
    Plotly) and ``height``."""
    figure.update_layout(template="kidash", title={"text": plotly_text(title)})
    if height:
        figure.update_layout(height=height)
    return figure


def title_of(figure: go.Figure) -> str:
    """A figure's title as plain text, for the sinks that take text as it is (a slide, a file, a
    picker): what :func:`titled` was given."""
    return plotly_plain(figure.layout.title.text or "")
