"""Plotly figures of who takes part and who is central: data in, go.Figure out."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from kidash import i18n, style
from kidash.charts.theme import titled, wrap
from kidash.map.analysis import ROLE_ORDER
from kidash.safety import plotly_text

__all__ = [
    "role_matrix_figure",
    "bridges_figure",
    "overlap_figure",
    "breakdown_figure",
    "centrality_figure",
    "ROLE_COLOURS",
    "ROLE_SYMBOLS",
]


# One colour per role, the same as the network's line colours where they can be told apart.
ROLE_COLOURS: dict[str, str] = {role: style.RELATION_STYLES[role][0] for role in ROLE_ORDER}

ROLE_COLOURS.update(
    {"leads": "#000000", "owner": "#882255", "involved": "#A6A6A6", "contact": "#DDCC77", "publishes": "#8C6D46"}
)

# A marker shape per role as well, so the matrix never relies on colour alone.
ROLE_SYMBOLS: dict[str, str] = {
    "leads": "star",
    "owner": "diamond",
    "secretariat": "square",
    "organiser": "triangle-up",
    "moderator": "triangle-down",
    "member": "circle",
    "speaker": "hexagon",
    "observer": "circle-open",
    "involved": "cross",
    "contact": "x",
    "publishes": "pentagon",
}

_OPEN_SYMBOLS = {"observer", "involved", "contact"}


def role_matrix_figure(matrix: pd.DataFrame, names: dict[str, str], lang: str) -> go.Figure:
    """Organisations × initiatives, one marker per role held, with a colour *and* a shape per role.

    ``matrix`` comes from :func:`kidash.map.analysis.role_matrix`; ``names`` maps
    ids to display names. Roles appear in the legend (one trace per role)
    and in the hover text, so colour is never the only cue.
    """
    figure = go.Figure()
    rows = [plotly_text(names.get(o, o)) for o in matrix.index]
    columns = [wrap(plotly_text(names.get(i, i)), 26) for i in matrix.columns]
    for role in ROLE_ORDER:
        xs, ys, texts = [], [], []
        for organisation, row in zip(rows, matrix.itertuples(index=False), strict=True):
            for initiative, cell in zip(columns, row, strict=True):
                if cell == role:
                    xs.append(initiative)
                    ys.append(organisation)
                    texts.append(i18n.label("relation", role, lang))
        if not xs:
            continue
        figure.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                mode="markers",
                name=i18n.label("relation", role, lang),
                text=texts,
                marker={
                    "symbol": ROLE_SYMBOLS[role],
                    "size": 20,
                    "color": ROLE_COLOURS[role],
                    "line": {
                        "color": ROLE_COLOURS[role] if role in _OPEN_SYMBOLS else "#333333",
                        "width": 2 if role in _OPEN_SYMBOLS else 1,
                    },
                },
                hovertemplate="%{y}<br>%{x}<br>" + i18n.t("col.role", lang) + ": %{text}<extra></extra>",
            )
        )
    figure.update_xaxes(categoryorder="array", categoryarray=columns, side="top", tickangle=-35)
    figure.update_yaxes(categoryorder="array", categoryarray=list(reversed(rows)), showgrid=False)
    figure.update_xaxes(showgrid=False)
    return titled(figure, i18n.t("fig.role_matrix", lang), height=max(380, 30 * len(rows) + 220))


def bridges_figure(bridges: pd.DataFrame, lang: str) -> go.Figure:
    """Horizontal bars: how many initiatives each bridging organisation takes part in."""
    ordered = bridges.iloc[::-1]
    figure = go.Figure(
        go.Bar(
            x=ordered["count"],
            y=[plotly_text(n) for n in ordered["name"]],
            orientation="h",
            marker_color=style.OKABE_ITO[0],
            text=ordered["count"],
            textposition="outside",
            customdata=[plotly_text("; ".join(i)) for i in ordered["initiatives"]],
            hovertemplate="%{y}: %{x}<br>%{customdata}<extra></extra>",
        )
    )
    figure.update_xaxes(title=i18n.t("fig.initiatives_count", lang), dtick=1)
    return titled(figure, i18n.t("fig.bridges", lang), height=max(320, 30 * len(bridges) + 140))


def overlap_figure(overlap: pd.DataFrame, names: dict[str, str], lang: str) -> go.Figure:
    """Initiatives × initiatives heatmap of shared organisations, numbers written in the cells."""
    labels = [plotly_text(names.get(i, i)) for i in overlap.index]
    figure = go.Figure(
        go.Heatmap(
            z=overlap.values,
            x=labels,
            y=labels,
            colorscale=[[0, "#f7fbff"], [1, "#0072B2"]],
            text=overlap.values,
            texttemplate="%{text}",
            hovertemplate="%{y} + %{x}: %{z}<extra></extra>",
            colorbar={"title": {"text": i18n.t("fig.organisations", lang)}},
        )
    )
    figure.update_yaxes(autorange="reversed")
    # The names over the columns, slanted, as in the role matrix: under the plot they ran into the
    # slide's source line (seen in LibreOffice's rendering of a deck).
    figure.update_xaxes(side="top", tickangle=-30)
    return titled(figure, i18n.t("fig.overlap", lang), height=max(380, 60 * len(labels) + 160))


def breakdown_figure(table: pd.DataFrame, by: str, names: dict[str, str], lang: str) -> go.Figure:
    """Stacked horizontal bars per initiative (names readable on the axis, largest first) by region
    or organisation type, counts written on the bars."""
    figure = go.Figure()
    initiatives = [plotly_text(names.get(i, i)) for i in table.index]
    for column in table.columns:
        colour = style.REGION_COLOURS.get(column) if by == "region" else style.TYPE_COLOURS.get(column)
        figure.add_trace(
            go.Bar(
                name=i18n.label(by, column, lang),
                y=initiatives,
                x=table[column],
                orientation="h",
                marker_color=colour,
                text=[v if v else "" for v in table[column]],
                textposition="inside",
                insidetextanchor="middle",
                hovertemplate="%{y}<br>" + i18n.label(by, column, lang) + ": %{x}<extra></extra>",
            )
        )
    figure.update_layout(barmode="stack")
    figure.update_yaxes(categoryorder="array", categoryarray=list(reversed(initiatives)))
    figure.update_xaxes(title=i18n.t("fig.organisations", lang), dtick=2)
    return titled(figure, i18n.t(f"fig.breakdown.{by}", lang), height=max(380, 34 * len(initiatives) + 200))


def centrality_figure(table: pd.DataFrame, measure: str, names: dict[str, str], lang: str, top: int = 15) -> go.Figure:
    """The ``top`` actors by one centrality measure, as horizontal bars."""
    best = table[measure].dropna().sort_values(ascending=False).head(top).iloc[::-1]
    figure = go.Figure(
        go.Bar(
            x=best.values,
            y=[plotly_text(names.get(i, i)) for i in best.index],
            orientation="h",
            marker_color=style.OKABE_ITO[2],
            text=[f"{v:.2f}" for v in best.values],
            textposition="outside",
            hovertemplate="%{y}: %{x:.3f}<extra></extra>",
        )
    )
    figure.update_xaxes(title=i18n.t(f"centrality.{measure}", lang))
    return titled(
        figure,
        i18n.t("fig.centrality", lang, measure=i18n.t(f"centrality.{measure}", lang).lower()),
        height=max(360, 28 * len(best) + 140),
    )
