"""Dated events as timeline rows: periods and points, grouped by initiative."""

from __future__ import annotations

import networkx as nx
import pandas as pd

from kidash import i18n, style
from kidash.data.contract import split_list
from kidash.data.dataset import Dataset
from kidash.map.graph import initiative_of, iso_date, main_initiatives, short_name
from kidash.map.time import event_known

__all__ = ["timeline_rows", "timeline_table"]


def _group(full: nx.MultiDiGraph, actors: list[str]) -> str | None:
    """The main initiative an event belongs to: the first its actors roll up to."""
    owners = [
        initiative_of(full, a)
        for a in actors
        if a in full and full.nodes[a]["kind"] in ("initiative", "event", "document")
    ]
    main = [o for o in owners if o and full.nodes[o].get("main_initiative")]
    if main:
        return main[0]
    return next((o for o in owners if o), None)


def timeline_rows(
    dataset: Dataset, full: nx.MultiDiGraph, shown: set[str] | None, lang: str, as_of: str = "",
    time_basis: str = "stated",
) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, str]]:  # fmt: skip
    """Periods (events with an end after the start) and points (single days) for the timeline.

    Only events with at least one actor in ``shown`` (None: all) are kept, and with ``as_of`` only
    those :func:`~kidash.map.time.event_known` keeps for that date.
    Returns ``(periods, points, colours)``: both tables have ``group`` (the
    initiative's short name), ``label``, ``when`` (the date as text, with the
    time of day where known), ``source`` (the document's title), ``inferred``, ``note``; periods have
    ``start``/``end``, points ``date``. ``colours`` maps each group to the
    initiative's colour, the same as on the network page.
    """
    palette = style.initiative_colours(main_initiatives(full))
    colours: dict[str, str] = {}
    documents = {str(r.id): str(r.title) for r in dataset.documents.itertuples(index=False)}
    published = {str(r.id): iso_date(getattr(r, "published", None)) for r in dataset.documents.itertuples(index=False)}
    periods, points = [], []
    title_column = "title_en" if lang == "en" and "title_en" in dataset.events.columns else "title"
    for event in dataset.events.to_dict("records"):
        actors = split_list(event.get("actors", ""))
        if shown is not None and not set(actors) & shown:
            continue
        if as_of and not event_known(
            iso_date(event["start"]), published.get(str(event["document"]), ""), as_of, time_basis
        ):
            continue
        owner = _group(full, actors)
        group = short_name(full.nodes[owner], lang) if owner else i18n.t("timeline.other", lang)
        colours[group] = palette.get(owner, style.NONE_COLOUR) if owner else style.NONE_COLOUR
        precision = str(event.get("date_precision") or "day")
        start, end = event["start"].date(), event["end"].date() if pd.notna(event.get("end")) else None
        when = i18n.format_date(start, lang, precision)
        if end and i18n.format_date(end, lang, precision) != when:
            when += " – " + i18n.format_date(end, lang, precision)
        if event.get("time"):
            when += f", {event['time']}"
        inferred = bool(event.get("inferred"))
        if inferred:
            when += f" ({i18n.t('fig.inferred_date', lang)})"
        row = {
            "group": group,
            "label": str(event.get(title_column) or event["title"]),
            "when": when,
            "source": documents.get(str(event["document"]), str(event["document"])),
            "inferred": inferred,
            "note": str(event.get("note") or ""),
        }
        if end and end > start:
            periods.append({**row, "start": start, "end": end})
        else:
            points.append({**row, "date": start})
    period_columns = ["group", "label", "when", "source", "inferred", "note", "start", "end"]
    point_columns = ["group", "label", "when", "source", "inferred", "note", "date"]
    return (
        pd.DataFrame(periods, columns=period_columns),
        pd.DataFrame(points, columns=point_columns).sort_values("date", kind="stable").reset_index(drop=True),
        colours,
    )


def timeline_table(periods: pd.DataFrame, points: pd.DataFrame, lang: str = "nb") -> pd.DataFrame:
    """Periods and points in one table, oldest first: initiative, when, what, source, note."""
    rows = pd.concat(
        [periods.assign(_sort=periods["start"]), points.assign(_sort=points["date"])], ignore_index=True
    ).sort_values("_sort", kind="stable")
    return pd.DataFrame(
        {
            i18n.t("col.group", lang): rows["group"],
            i18n.t("col.when", lang): rows["when"],
            i18n.t("col.event", lang): rows["label"],
            i18n.t("col.source", lang): rows["source"],
            i18n.in_norwegian("profile.note", lang): rows["note"],
        }
    ).reset_index(drop=True)
