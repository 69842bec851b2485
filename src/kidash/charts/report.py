"""Each page's charts with a one-line takeaway computed from the data, for the page and its deck."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

import networkx as nx
import pandas as pd

from kidash import i18n
from kidash.charts import figures, time_figures
from kidash.charts.chart import Chart
from kidash.charts.network_picture import network_figure
from kidash.charts.theme import title_of
from kidash.data.dataset import Dataset
from kidash.map import analysis, labelled
from kidash.map.filters import Filters
from kidash.map.graph import full_name, main_initiatives, short_name
from kidash.map.profile import role_spans
from kidash.map.summary import document_table, shown_actors_table
from kidash.map.timeline import timeline_rows, timeline_table

__all__ = [
    "initiative_charts",
    "timeline_charts",
    "analysis_charts",
    "network_chart",
    "roles_time_chart",
    "describe_filters",
    "sources_footnote",
    "deck_context",
    "actors_for_slide",
    "documents_for_slide",
]


# A chart shows at most this many rows (the table beside it shows all): a slide cannot hold more.
CHART_ROWS = 40
CHART_INITIATIVES = 15  # the largest initiatives in the overlap heatmap; 20 bars in the breakdowns


def _short(full: nx.MultiDiGraph, lang: str) -> dict[str, str]:
    return {node: short_name(data, lang) for node, data in full.nodes(data=True)}


def initiative_charts(graph: nx.MultiDiGraph, full: nx.MultiDiGraph, lang: str) -> list[Chart]:
    """Role matrix, bridges, overlap and the two breakdowns, each with its takeaway (empty ones left out)."""
    names = _short(full, lang)
    charts: list[Chart] = []
    matrix = analysis.role_matrix(graph, full)
    if not matrix.empty:
        figure = figures.role_matrix_figure(matrix.head(CHART_ROWS), names, lang)
        takeaway = labelled.bridge_takeaway(graph, full, lang)
        charts.append(
            Chart(
                "rollematrise",
                title_of(figure),
                figure,
                takeaway,
                labelled.matrix(matrix, full, lang),
                redraw=lambda n: figures.role_matrix_figure(matrix.head(n), names, lang),
                rows=len(matrix),
                overhead=5,  # the initiatives' names, slanted, over the columns
                notes=i18n.t("notes.role_matrix", lang),
            )
        )
    bridges = analysis.bridges(graph, full, lang)
    if not bridges.empty:
        figure = figures.bridges_figure(bridges.head(CHART_ROWS), lang)
        takeaway = i18n.t("takeaway.bridges", lang, count=len(bridges), total=len(main_initiatives(full)))
        charts.append(
            Chart(
                "brobyggere",
                title_of(figure),
                figure,
                takeaway,
                labelled.bridges(bridges, lang),
                redraw=lambda n: figures.bridges_figure(bridges.head(n), lang),
                rows=len(bridges),
                notes=i18n.t("notes.bridges", lang),
            )
        )
    overlap = analysis.overlap_matrix(graph, full)
    if len(overlap) > 1:
        pairs = [
            (overlap.iat[i, j], a, b)
            for i, a in enumerate(overlap.index)
            for j, b in enumerate(overlap.columns)
            if i < j
        ]
        shared, a, b = max(pairs, key=lambda p: p[0])
        by_size = list(overlap.index[list(overlap.values.diagonal().argsort()[::-1])])

        def overlap_of(n: int):
            largest = by_size[:n]
            return figures.overlap_figure(overlap.loc[largest, largest], names, lang)

        figure = overlap_of(CHART_INITIATIVES)
        takeaway = i18n.t("takeaway.overlap", lang, a=names[a], b=names[b], count=shared)
        table = overlap.rename(index=names, columns=names).reset_index(names=i18n.t("col.initiative", lang))
        charts.append(
            Chart(
                "overlapp",
                title_of(figure),
                figure,
                takeaway,
                table,
                redraw=overlap_of,
                rows=min(len(by_size), CHART_INITIATIVES),
                overhead=6,  # the initiatives' names under the columns
                notes=i18n.t("notes.overlap", lang),
            )
        )
    for by in ("region", "type"):
        table = analysis.breakdown(graph, by, full)
        if table.empty:
            continue
        if by == "region":
            # Which regions an initiative lacks is a fact about the map, not about a view of it: a filter
            # that hides regions would read as their absence. In a view, said of the whole map.
            whole = graph is full or (graph.number_of_nodes(), graph.number_of_edges()) == (
                full.number_of_nodes(), full.number_of_edges())  # fmt: skip
            missing = labelled.missing_regions(table if whole else analysis.breakdown(full, by, full), names, lang)
            takeaway = missing[0] if missing else i18n.t("takeaway.all_regions", lang)
            if not whole:
                takeaway = i18n.t("takeaway.whole_map", lang, sentence=takeaway)
        else:
            totals = table.sum().sort_values(ascending=False)
            takeaway = i18n.t(
                "takeaway.types", lang, type=i18n.label("type", totals.index[0], lang), count=int(totals.iloc[0])
            )
        ordered = table.loc[table.sum(axis=1).sort_values(ascending=False).index]
        figure = figures.breakdown_figure(ordered.head(20), by, names, lang)
        labels = {column: i18n.label(by, column, lang) for column in table.columns}
        readable = table.rename(index=names, columns=labels).reset_index(names=i18n.t("col.initiative", lang))
        charts.append(
            Chart(
                f"fordeling-{by}",
                title_of(figure),
                figure,
                takeaway,
                readable,
                redraw=lambda n, ordered=ordered, by=by: figures.breakdown_figure(ordered.head(n), by, names, lang),
                rows=min(len(ordered), 20),
                notes=i18n.t(f"notes.breakdown.{by}", lang),
            )
        )
    return charts


def timeline_charts(dataset: Dataset, full: nx.MultiDiGraph, graph: nx.MultiDiGraph, lang: str,
                    filters: Filters | None = None) -> list[Chart]:  # fmt: skip
    """The timeline chart with its takeaway and the events as a table (none when nothing is dated);
    with ``filters`` of a date, the events known as of then."""
    dated = {"as_of": filters.as_of, "time_basis": filters.time_basis} if filters else {}
    periods, points, colours = timeline_rows(dataset, full, set(graph.nodes), lang, **dated)
    if periods.empty and points.empty:
        return []
    dates = list(points["date"]) + list(periods["start"]) + list(periods["end"])
    figure = time_figures.timeline_figure(periods, points, colours, lang)
    takeaway = i18n.t(
        "takeaway.timeline",
        lang,
        count=len(periods) + len(points),
        first=i18n.format_date(min(dates), lang),
        last=i18n.format_date(max(dates), lang),
    )
    table = timeline_table(periods, points, lang)
    return [Chart("tidslinje", title_of(figure), figure, takeaway, table, notes=i18n.t("notes.timeline", lang))]


def analysis_charts(centrality: pd.DataFrame, full: nx.MultiDiGraph, measure: str, lang: str) -> list[Chart]:
    """The top actors by one centrality measure, with who comes first."""
    values = centrality[measure].dropna()
    if values.empty:
        return []
    best = values.idxmax()
    names = _short(full, lang)
    figure = figures.centrality_figure(centrality, measure, names, lang)
    takeaway = i18n.t(
        "takeaway.centrality",
        lang,
        name=full_name(full.nodes[best], lang),
        measure=i18n.t(f"centrality.{measure}", lang).lower(),
        value=i18n.format_number(values.max(), lang, 2),
    )
    return [
        Chart(
            f"sentralitet-{measure}",
            title_of(figure),
            figure,
            takeaway,
            labelled.centrality(centrality, full, lang),
            redraw=lambda n: figures.centrality_figure(centrality, measure, names, lang, top=n),
            rows=min(len(values), 15),
            notes=i18n.t(f"notes.centrality.{measure}", lang),
        )
    ]


def roles_time_chart(full: nx.MultiDiGraph, actor: str, documents: dict, lang: str, as_of: str = "",
                     today: dt.date | None = None) -> list[Chart]:  # fmt: skip
    """One actor's roles over time (none when no role is dated), the map's date marked."""
    spans = role_spans(full, actor, documents, lang, today or dt.date.today())
    if spans.empty:
        return []
    name = full_name(full.nodes[actor], lang)
    figure = time_figures.roles_over_time_figure(spans, name, lang, dt.date.fromisoformat(as_of) if as_of else None)
    takeaway = i18n.t("takeaway.roles_time", lang, name=name, count=len(spans),
                      first=i18n.format_date(min(spans["start"]), lang), open=int((~spans["ended"]).sum()))  # fmt: skip
    table = pd.DataFrame({
        i18n.t("col.role", lang): spans["label"],
        i18n.t("col.date", lang): spans["when"],
        i18n.t("col.source", lang): spans["source"],
    })  # fmt: skip
    return [Chart("roller-over-tid", title_of(figure), figure, takeaway, table,
                  notes=i18n.t("notes.roles_time", lang))]  # fmt: skip


def network_chart(vis: dict, actors: pd.DataFrame, edges: int, lang: str) -> Chart:
    """The network picture for slides, from the interactive view's own positions and colours."""
    title = i18n.t("export.network_title", lang)
    takeaway = i18n.t("takeaway.network", lang, nodes=len(actors), edges=edges)
    return Chart(
        "nettverk",
        title,
        lambda: network_figure(vis, title, lang),
        takeaway,
        actors,
        for_canvas=lambda canvas, footer, show_title: network_figure(vis, title, lang, canvas, footer, show_title),
        notes=i18n.t("notes.network", lang),
    )


def _chosen(filters: Filters, full: nx.MultiDiGraph, lang: str, short: bool = False) -> list[tuple[str, list[str]]]:
    """Each filter that is set, as (its label key, the chosen values in words; ``short``: initiatives
    by their short names)."""
    chosen = [
        (label_key, [i18n.label(vocabulary, v, lang) for v in values])
        for label_key, values, vocabulary in (
            ("filters.region", filters.regions, "region"),
            ("filters.type", filters.org_types, "type"),
            ("filters.kind", filters.kinds, "kind"),
            ("filters.relation", filters.relations, "relation"),
        )
        if values
    ]
    if filters.initiatives:
        name = short_name if short else full_name
        chosen.append(("filters.initiative", [name(full.nodes[i], lang) for i in filters.initiatives if i in full]))
    if filters.as_of:
        when = i18n.format_date(dt.date.fromisoformat(filters.as_of), lang)
        chosen.append(("filters.as_of", [i18n.t(f"filters.time_basis.{filters.time_basis}.short", lang, date=when)]))
    return chosen


def describe_filters(filters: Filters, full: nx.MultiDiGraph, lang: str) -> str:
    """The filters in words for a title slide, «none» when the whole map is shown."""
    parts = [f"{i18n.t(key, lang)}: {', '.join(values)}" for key, values in _chosen(filters, full, lang)]
    if not filters.show_people:
        parts.append(i18n.t("export.people_hidden", lang))
    return "; ".join(parts) if parts else i18n.t("export.no_filters", lang)


def view_words(filters: Filters, full: nx.MultiDiGraph, lang: str, about: str = "") -> str:
    """The view in a few words for a title: the values chosen (or «the whole map») and ``about``
    (a page's own choice: an actor, a focus, a measure).

    >>> view_words(Filters(), nx.MultiDiGraph(), "en")
    'the whole map'
    """
    values = [value for _, chosen in _chosen(filters, full, lang, short=True) for value in chosen]
    if not filters.show_people:
        values.append(i18n.t("export.people_hidden", lang))
    words = ", ".join(values) if values else i18n.t("export.whole_map", lang)
    return f"{about} – {words}" if about else words


def file_name(what: str, filters: Filters, full: nx.MultiDiGraph, extension: str, about: str = "",
              today: dt.date | None = None) -> str:  # fmt: skip
    """A file name that says what the file holds: page, view and date, in plain letters.

    >>> file_name("Initiativer", Filters(regions=("Helse Vest",)), nx.MultiDiGraph(), "pptx",
    ...           today=dt.date(2026, 11, 24))
    'kidash-initiativer-helse-vest-2026-11-24.pptx'
    """
    today = today or dt.date.today()
    view = "" if filters.is_default and not about else view_words(filters, full, "nb", about)
    plain = f"{what} {view}".lower().translate(str.maketrans({"æ": "ae", "ø": "o", "å": "a", "é": "e"}))
    slug = re.sub(r"[^a-z0-9]+", "-", unicodedata.normalize("NFKD", plain).encode("ascii", "ignore").decode())
    slug = slug.strip("-")[:70].rstrip("-") or "kidash"
    return f"kidash-{slug}-{today.isoformat()}.{extension}"


def _short_title(title: str, published, words: int = 4) -> str:
    parts = title.split()
    short = " ".join(parts[:words]) + (" …" if len(parts) > words else "")
    year = str(published)[:4] if published is not None and str(published)[:4].isdigit() else ""
    return f"{short} ({year})" if year else short


def sources_footnote(dataset: Dataset, graph: nx.MultiDiGraph, lang: str, short: bool = False) -> str:
    """«Sources: …» naming the documents behind the relations in view; ``short``: each title's first
    words and its year (a deck picture's footer; the slide's notes and the last slide give them whole)."""
    cited = {d.get("document") for *_, d in graph.edges(data=True) if d.get("document")}
    rows = [r for r in dataset.documents.itertuples(index=False) if r.id in cited] or list(
        dataset.documents.itertuples(index=False)
    )
    titles = [_short_title(str(r.title), getattr(r, "published", None)) if short else str(r.title) for r in rows]
    return i18n.t("export.footnote", lang, titles="; ".join(titles))


def deck_context(filters: Filters, full: nx.MultiDiGraph, lang: str, today: dt.date | None = None) -> list[str]:
    """The title slide's lines: the filters, the date, the language."""
    today = today or dt.date.today()
    return [
        i18n.t("export.context.filters", lang, filters=describe_filters(filters, full, lang)),
        i18n.t("export.context.date", lang, date=i18n.format_date(today, lang)),
        i18n.t("export.context.language", lang, language=i18n.t(f"lang.{lang}", lang)),
    ]


def actors_for_slide(graph: nx.MultiDiGraph, lang: str) -> pd.DataFrame:
    """Name, kind, type and region of the actors in view, most linked first."""
    return shown_actors_table(graph, lang).iloc[:, :4]


def documents_for_slide(dataset: Dataset, lang: str) -> pd.DataFrame:
    """Title, publisher and date of every source document."""
    return document_table(dataset, lang).iloc[:, :3]
