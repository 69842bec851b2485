"""Plotly figure builders: data in, go.Figure out, one look for every chart."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from kidash import i18n, style
from kidash.analysis import ROLE_ORDER
from kidash.safety import plotly_text

__all__ = [
    "TEMPLATE",
    "role_matrix_figure",
    "bridges_figure",
    "overlap_figure",
    "breakdown_figure",
    "centrality_figure",
    "timeline_figure",
    "ROLE_COLOURS",
    "ROLE_SYMBOLS",
]

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


def _wrap(text: str, width: int = 16) -> str:
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


def _hover_rows(rows: pd.DataFrame, lang: str) -> list[tuple[str, str, str]]:
    """(label, when, «Source: title») for hover text, escaped for Plotly."""
    prefix = i18n.t("col.source", lang) + ": "
    return [
        (plotly_text(label), plotly_text(when), plotly_text(prefix + source))
        for label, when, source in zip(rows["label"], rows["when"], rows["source"], strict=True)
    ]


def _layout(figure: go.Figure, title: str, height: int | None = None) -> go.Figure:
    figure.update_layout(template="kidash", title={"text": title})
    if height:
        figure.update_layout(height=height)
    return figure


def role_matrix_figure(matrix: pd.DataFrame, names: dict[str, str], lang: str) -> go.Figure:
    """Organisations × initiatives, one marker per role held, with a colour *and* a shape per role.

    ``matrix`` comes from :func:`kidash.analysis.role_matrix`; ``names`` maps
    ids to display names. Roles appear in the legend (one trace per role)
    and in the hover text, so colour is never the only cue.
    """
    figure = go.Figure()
    rows = [plotly_text(names.get(o, o)) for o in matrix.index]
    columns = [_wrap(plotly_text(names.get(i, i)), 26) for i in matrix.columns]
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
    return _layout(figure, i18n.t("fig.role_matrix", lang), height=max(380, 30 * len(rows) + 220))


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
    return _layout(figure, i18n.t("fig.bridges", lang), height=max(320, 30 * len(bridges) + 140))


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
    return _layout(figure, i18n.t("fig.overlap", lang), height=max(380, 60 * len(labels) + 160))


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
    return _layout(figure, i18n.t(f"fig.breakdown.{by}", lang), height=max(380, 34 * len(initiatives) + 200))


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
    return _layout(
        figure,
        i18n.t("fig.centrality", lang, measure=i18n.t(f"centrality.{measure}", lang).lower()),
        height=max(360, 28 * len(best) + 140),
    )


def _lanes(dates: list[dt.date], gap_days: float) -> list[int]:
    """A lane per date (in the order given) so that dates closer than ``gap_days`` never share one.

    >>> _lanes([dt.date(2022, 3, 1), dt.date(2022, 3, 2), dt.date(2022, 9, 1), dt.date(2022, 3, 3)], 30)
    [0, 1, 0, 2]
    """
    ends: list[list[dt.date]] = []
    result = []
    for date in dates:
        for lane, taken in enumerate(ends):
            if all(abs((date - other).days) >= gap_days for other in taken):
                taken.append(date)
                result.append(lane)
                break
        else:
            ends.append([date])
            result.append(len(ends) - 1)
    return result


def timeline_figure(
    periods: pd.DataFrame, points: pd.DataFrame, colours: dict[str, str], lang: str, today: dt.date | None = None
) -> go.Figure:
    """Periods as bars and dated events as markers, one row per group (initiative).

    ``periods`` and ``points`` come from :func:`kidash.timeline.timeline_rows`:
    columns ``group``, ``label``, ``start``, ``end`` (periods), ``date``,
    ``inferred``, ``source``, ``when`` (text). Events too close to tell apart
    (the workshops of one week) go in lanes under their row; inferred dates
    are hollow markers drawn over the stated ones (and say so in the hover
    text). The rows name the groups, so the legend explains the marks: a
    stated date, an inferred date, a period.
    """
    figure = go.Figure()
    names = list(dict.fromkeys(list(periods["group"]) + list(points["group"])))
    groups = [plotly_text(name) for name in names]
    dates = list(points["date"]) + list(periods["start"]) + list(periods["end"])
    span = max(((max(dates) - min(dates)).days if dates else 0), 365)
    gap = span / 45  # closer than this, two markers of 14 px touch on a slide-wide axis
    hollow = []
    for row, (name, group) in enumerate(zip(names, groups, strict=True)):
        colour = colours.get(name, style.NONE_COLOUR)
        rows = periods[periods["group"] == name]
        if len(rows):
            figure.add_trace(
                go.Bar(
                    base=[d.isoformat() for d in rows["start"]],
                    x=[(e - s).days * 86_400_000 + 86_400_000 for s, e in zip(rows["start"], rows["end"], strict=True)],
                    y=[row] * len(rows),
                    orientation="h",
                    marker={"color": colour, "opacity": 0.35, "line": {"color": colour, "width": 1.5}},
                    name=group,
                    showlegend=False,
                    customdata=_hover_rows(rows, lang),
                    hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]}<br>%{customdata[2]}<extra></extra>",
                    width=0.28,
                    offset=-0.42,
                )
            )
        dots = points[points["group"] == name].sort_values("date", kind="stable")
        lanes = _lanes(list(dots["date"]), gap)
        pitch = min(0.14, 0.8 / (max(lanes, default=0) + 1))  # many lanes share the row's height
        dots = dots.assign(y=[row + 0.05 + pitch * lane for lane in lanes])
        for inferred in (False, True):
            subset = dots[dots["inferred"] == inferred]
            if not len(subset):
                continue
            trace = go.Scatter(
                x=[d.isoformat() for d in subset["date"]],
                y=list(subset["y"]),
                mode="markers",
                name=group,
                showlegend=False,
                marker={
                    "symbol": "circle-open" if inferred else "circle",
                    "size": 14,
                    "color": colour,
                    "line": {"width": 2.5, "color": colour},
                },
                customdata=_hover_rows(subset, lang),
                hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]}<br>%{customdata[2]}<extra></extra>",
            )
            (hollow.append if inferred else figure.add_trace)(trace)
    for trace in hollow:  # last, so no stated date covers an inferred one
        figure.add_trace(trace)
    key = [
        ("circle", i18n.t("fig.stated_date", lang), bool(len(points)) and not points["inferred"].all()),
        ("circle-open", i18n.t("fig.inferred_date_key", lang), bool(len(points)) and points["inferred"].any()),
        ("square", i18n.t("fig.period", lang), bool(len(periods))),
    ]
    for symbol, text, used in key:
        if used:
            figure.add_trace(
                go.Scatter(
                    x=[None],
                    y=[None],
                    mode="markers",
                    name=text,
                    marker={
                        "symbol": symbol,
                        "size": 14,
                        "color": "#6b6b6b",
                        "line": {"width": 2.5, "color": "#6b6b6b"},
                        "opacity": 0.6 if symbol == "square" else 1,
                    },  # fmt: skip
                )
            )
    figure.update_layout(barmode="overlay", hovermode="closest", showlegend=True)
    figure.update_yaxes(
        autorange="reversed",
        tickmode="array",
        tickvals=list(range(len(groups))),
        ticktext=[_wrap(g, 22) for g in groups],
        showgrid=False,
        zeroline=False,
    )
    figure.update_xaxes(type="date", title=i18n.t("fig.date", lang))
    years = sorted({d.year for d in dates})
    span_text = f"{years[0]}–{years[-1]}" if years and years[0] != years[-1] else (str(years[0]) if years else "")
    title = i18n.t("fig.timeline", lang, years=span_text).strip()
    return _layout(figure, title, height=max(380, 80 * len(groups) + 200))


def roles_over_time_figure(spans: pd.DataFrame, name: str, lang: str, as_of: dt.date | None = None) -> go.Figure:
    """One row per role (:func:`kidash.profile.role_spans`), earliest at the top: a line from its start
    to its end, solid where a source (or its actor's end) ends it and dotted where it runs on; a
    filled marker where a source gives the start, a hollow one where only the document's date
    places it, a cross for a role named after its actor had ended. With ``as_of``, a vertical
    line marks the map's date."""
    figure = go.Figure()
    rows = list(range(len(spans)))
    colour = style.OKABE_ITO[4]
    for ended in (True, False):
        subset = spans[spans["ended"] == ended]
        xs, ys = [], []
        for index, span in subset.iterrows():
            xs += [span["start"].isoformat(), span["end"].isoformat(), None]
            ys += [index, index, None]
        if xs:
            figure.add_trace(
                go.Scatter(
                    x=xs, y=ys, mode="lines", hoverinfo="skip",
                    line={"color": colour, "width": 5, "dash": "solid" if ended else "dot"},
                    name=i18n.t("fig.roles_time.ended" if ended else "fig.roles_time.open", lang),
                )
            )  # fmt: skip
    kinds = (("start", spans["from_start"] & ~spans["discrepancy"], "circle"),
             ("known", ~spans["from_start"] & ~spans["discrepancy"], "circle-open"),
             ("discrepancy", spans["discrepancy"], "x-thin-open"))  # fmt: skip
    for kind, chosen, symbol in kinds:
        subset = spans[chosen]
        if not len(subset):
            continue
        figure.add_trace(
            go.Scatter(
                x=[d.isoformat() for d in subset["start"]],
                y=list(subset.index),
                mode="markers",
                marker={"symbol": symbol, "size": 14, "color": "#1b1b1b" if kind == "discrepancy" else colour,
                        "line": {"width": 2.5, "color": "#1b1b1b" if kind == "discrepancy" else colour}},
                name=i18n.t(f"fig.roles_time.{kind}", lang),
                customdata=_hover_rows(subset.assign(label=subset["label"]), lang),
                hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]}<br>%{customdata[2]}<extra></extra>",
            )
        )  # fmt: skip
    if as_of is not None:
        figure.add_vline(x=as_of.isoformat(), line={"color": "#1b1b1b", "width": 2, "dash": "dash"})
        figure.add_annotation(
            x=as_of.isoformat(), y=1, yref="paper", yanchor="bottom", showarrow=False,
            text=plotly_text(i18n.t("fig.roles_time.as_of", lang, date=i18n.format_date(as_of, lang))),
        )  # fmt: skip
    figure.update_yaxes(
        tickvals=rows, ticktext=[plotly_text(label) for label in spans["label"]], autorange="reversed",
        range=[len(rows) - 0.5, -0.5], zeroline=False,
    )  # fmt: skip
    figure.update_xaxes(type="date")  # dates need no axis title
    figure.update_layout(legend={"orientation": "v", "x": 1.01, "xanchor": "left", "y": 1, "yanchor": "top"})
    title = i18n.t("fig.roles_time", lang, name=name)
    return _layout(figure, plotly_text(title), height=max(360, 30 * len(rows) + 200))
