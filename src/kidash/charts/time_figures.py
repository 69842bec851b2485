"""Plotly figures of time: the timeline of initiatives and an actor's roles over time."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go

from kidash import i18n, style
from kidash.charts.theme import hover_rows, titled, wrap
from kidash.safety import plotly_text

__all__ = ["timeline_figure"]


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


def date_range(dates: list, least_days: int = 120) -> list[str] | None:
    """The axis's span for ``dates``: theirs with a margin, and never less than ``least_days`` (a lone
    date otherwise fills the axis with hours: «23:59:59.9995»).

    >>> date_range([dt.date(2021, 6, 15)])
    ['2021-04-16', '2021-08-14']
    >>> date_range([dt.date(2020, 1, 1), dt.date(2024, 1, 1)])
    ['2019-10-20', '2024-03-14']
    """
    if not dates:
        return None
    first, last = min(dates), max(dates)
    first, last = (getattr(d, "date", lambda d=d: d)() for d in (first, last))  # timestamps as dates
    pad = max(dt.timedelta(days=least_days) - (last - first), dt.timedelta(0)) / 2 + (last - first) * 0.05
    pad = max(pad, dt.timedelta(days=1))
    return [(first - pad).isoformat(), (last + pad).isoformat()]


def timeline_figure(
    periods: pd.DataFrame, points: pd.DataFrame, colours: dict[str, str], lang: str, today: dt.date | None = None
) -> go.Figure:
    """Periods as bars and dated events as markers, one row per group (initiative).

    ``periods`` and ``points`` come from :func:`kidash.map.timeline.timeline_rows`:
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
                    customdata=hover_rows(rows, lang),
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
                customdata=hover_rows(subset, lang),
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
        ticktext=[wrap(g, 22) for g in groups],
        showgrid=False,
        zeroline=False,
    )
    figure.update_xaxes(type="date", title=i18n.t("fig.date", lang), range=date_range(dates))
    years = sorted({d.year for d in dates})
    span_text = f"{years[0]}–{years[-1]}" if years and years[0] != years[-1] else (str(years[0]) if years else "")
    title = i18n.t("fig.timeline", lang, years=span_text).strip()
    return titled(figure, title, height=max(380, 80 * len(groups) + 200))


def roles_over_time_figure(spans: pd.DataFrame, name: str, lang: str, as_of: dt.date | None = None) -> go.Figure:
    """One row per role (:func:`kidash.map.profile.role_spans`), earliest at the top: a line from its start
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
                customdata=hover_rows(subset.assign(label=subset["label"]), lang),
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
    shown = [*spans["start"], *spans["end"], *([as_of] if as_of is not None else [])]
    figure.update_xaxes(type="date", range=date_range(shown))  # dates need no axis title
    figure.update_layout(legend={"orientation": "v", "x": 1.01, "xanchor": "left", "y": 1, "yanchor": "top"})
    title = i18n.t("fig.roles_time", lang, name=name)
    return titled(figure, title, height=max(360, 30 * len(rows) + 200))
