"""A page's deck and the story in slides, from what the pages show."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

import networkx as nx

from kidash import i18n
from kidash.charts import report
from kidash.data.dataset import Dataset
from kidash.exports import deck
from kidash.map.changes import change_counts, changes_between, changes_table
from kidash.map.filters import Filters, filter_graph
from kidash.map.summary import documents_by_id
from kidash.network.cards import document_label
from kidash.network.shown import ShownNetwork

__all__ = ["page_deck", "story_deck"]


def page_deck(
    title: str,
    dataset: Dataset,
    full: nx.MultiDiGraph,
    graph: nx.MultiDiGraph,
    filters: Filters,
    charts: list,
    lang: str,
    template: bytes | None = None,
) -> bytes:
    """A page's PowerPoint deck: a title slide naming the view, a slide per chart, the actors in
    view (``graph``) and the sources."""
    return deck.build_deck(
        title,
        report.deck_context(filters, full, lang),
        charts,
        report.actors_for_slide(graph, lang),
        report.documents_for_slide(dataset, lang),
        report.sources_footnote(dataset, graph, lang, short=True),
        lang,
        template=template,
    )


def story_deck(
    dataset: Dataset,
    full: nx.MultiDiGraph,
    filters: Filters,
    dates: list[str],
    network_at: Callable[[str, str | None], ShownNetwork],
    lang: str,
    template: bytes | None = None,
) -> bytes:
    """The story in slides: one slide per date with the network as of then (the same places, so what
    changes is what moves) and a computed line of what changed since the slide before, every change
    with its source in the speaker notes. ``network_at(date, since)`` gives the shown network as of a
    date, marking what changed since the slide before (the page's cached view)."""

    undated = filter_graph(full, replace(filters, as_of=""))
    documents = documents_by_id(dataset, lang)
    charts, previous = [], None
    for date in dates:
        shown = network_at(date, previous)
        if not shown.vis:
            continue
        words = i18n.format_date(dt.date.fromisoformat(date), lang)
        chart = shown.charts()[0]
        if previous is None:
            takeaway = i18n.t("story.first", lang, date=words, nodes=shown.node_count, edges=shown.edge_count)
            notes = chart.notes
        else:
            found = changes_between(undated, previous, date, filters.time_basis)
            counts = change_counts(found)
            takeaway = i18n.t("story.step", lang, date=words,
                              since=i18n.format_date(dt.date.fromisoformat(previous), lang), **counts)  # fmt: skip
            # the line names where its changes come from (every change with its source is in the notes)
            named = [document_label(documents, d) for d in dict.fromkeys(c.document for c in found) if d in documents]
            if any(not c.document and c.relation for c in found):
                named.append(i18n.t("tip.background_short", lang))
            if named:
                takeaway = f"{takeaway} {i18n.t('story.sources', lang, sources='; '.join(named))}"
            lines = [" – ".join(str(v) for v in row if v) for row in changes_table(found, full, documents, lang).values]
            notes = "\n".join([chart.notes, i18n.t("story.notes", lang), *lines[:60]])
        charts.append(replace(chart, name=f"nettverk-{date}", title=i18n.t("story.title", lang, date=words),
                              takeaway=takeaway, notes=notes))  # fmt: skip
        previous = date
    last = replace(filters, as_of=dates[-1]) if dates else filters
    span = " – ".join(i18n.format_date(dt.date.fromisoformat(d), lang) for d in (dates[0], dates[-1])) if dates else ""
    return deck.build_deck(
        i18n.t("story.deck_title", lang, span=span),
        report.deck_context(last, full, lang),
        charts,
        report.actors_for_slide(filter_graph(full, last), lang),
        report.documents_for_slide(dataset, lang),
        report.sources_footnote(dataset, undated, lang, short=True),
        lang,
        template=template,
    )
