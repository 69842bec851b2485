"""The export panel every page ends with: pictures, a deck and the data in view, built on a click."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import replace

import streamlit as st

from kidash import i18n
from kidash.app import cache, show, state
from kidash.app.frame import Page
from kidash.charts import report
from kidash.charts.canvas import A4, SLIDE, chart_picture
from kidash.charts.chart import Chart
from kidash.exports import data_files, images
from kidash.exports.deck import TemplateError, check_template
from kidash.exports.page_decks import page_deck, story_deck
from kidash.map import changes

__all__ = ["OPEN", "export_panel", "network_charts", "whole_map_charts", "sources_line", "story_download"]

OPEN = "x_open_"  # + the page's name: the session key of its export panel's open state


TEMPLATE_MB = 20  # a corporate template with its pictures; larger is not a template


def sources_line(page: Page) -> str:
    """«Sources: …» for the relations in the page's view of the filters, once per view."""
    in_view = page.graph if page.spec.follows_filters else cache.filtered_graph(page.dataset, page.filters)
    return page.per_view("sources-line", lambda: report.sources_footnote(page.dataset, in_view, page.lang),
                         page.filters, page.lang)  # fmt: skip


def _template(page: str, lang: str) -> bytes | None:
    """The organisation's PowerPoint template this session uploaded for its decks, checked; None
    (and a message) when there is none or it cannot be used. Kept in the session's widget only,
    never in a shared cache."""
    upload = st.file_uploader(
        i18n.t("export.template", lang),
        type=["pptx", "potx"],
        key=f"x_template_{page}",
        help=i18n.t("export.template.help", lang),
    )
    if upload is None:
        return None
    if upload.size > TEMPLATE_MB * 1024 * 1024:
        reason = i18n.t("export.template.too_big", lang, mb=TEMPLATE_MB)
        show.note(i18n.html("export.template.bad", lang, name=upload.name, reason=reason), "error")
        return None
    data = upload.getvalue()
    try:
        check_template(data)
    except TemplateError as err:
        show.note(i18n.html("export.template.bad", lang, name=upload.name, reason=str(err)), "error")
        return None
    return data


def export_panel(
    page: Page,
    charts: Sequence[Chart] | Callable[[], list[Chart]] = (),
    more_charts=None,
    choices: tuple = (),
    title: str | None = None,
    about: str = "",
    graph=None,
) -> None:
    """Downloads for this page: each chart as PNG/SVG/PDF, a deck, and the data in view.

    ``charts`` are the ones already on screen (offered as pictures too), or a
    function giving them (called only when the panel is open);
    ``more_charts`` is a function giving further slides, called only when
    the deck is asked for. ``graph`` is the view when it is not the page's map in
    view (its actors and relations go into the table slide and the data files); ``choices`` names page choices
    that change the charts; ``about`` names them in words (an actor, a focus)
    for the deck's title and the files' names. The panel runs only while it is open (a lazy
    expander): closed, it costs a run nothing and the browser one element.
    Files are built only on a click, then kept for the same view.
    """
    lang, dataset, filters, full, name_of = page.lang, page.dataset, page.filters, page.full, page.spec.id
    panel = st.expander(i18n.t("export.heading", lang), icon=":material/download:", key=f"{OPEN}{name_of}",
                        on_change="rerun")  # fmt: skip
    if not panel.open:
        return
    if callable(charts):
        charts = charts()
    graph = page.graph if graph is None else graph
    key = (cache.dataset_key(dataset), name_of, filters, lang, choices)
    footer = sources_line(page)
    page_words = i18n.t(f"nav.{name_of}", "nb")

    def name(what: str, extension: str) -> str:
        return report.file_name(what, filters, full, extension, about)

    with panel:
        st.markdown(f"**{i18n.t('export.pictures', lang)}**")
        if cache.browser() is None:
            st.warning(i18n.t("export.no_browser", lang))
        elif not charts:
            st.markdown(i18n.t("export.pictures_elsewhere", lang))
        else:
            names = [chart.name for chart in charts]
            chosen = st.selectbox(
                i18n.t("export.chart", lang),
                names,
                key=f"x_chart_{name_of}",
                format_func=lambda n: next(c.title for c in charts if c.name == n),
            )
            chart = charts[names.index(chosen)]
            columns = st.columns(3)
            for column, fmt in zip(columns, images.FORMATS, strict=True):
                column.download_button(
                    i18n.t(f"export.{fmt}", lang),
                    data=lambda fmt=fmt, chart=chart: cache.cached_file(
                        (*key, chart.name, fmt),
                        lambda: images.figure_bytes(
                            chart_picture(chart, A4 if fmt == "pdf" else SLIDE, footer, lang),
                            fmt,
                        ),
                    ),
                    file_name=name(chart.name, fmt),
                    mime=images.FORMATS[fmt],
                    on_click="ignore",
                    key=f"x_{name_of}_{fmt}",
                )

        template = _template(name_of, lang)

        def deck() -> bytes:
            slides = list(charts) + (more_charts() if more_charts else [])
            deck_title = (
                f"{title or 'kidash – ' + i18n.t(f'nav.{name_of}', lang)}: {report.view_words(filters, full, lang)}"
            )
            return page_deck(deck_title, dataset, full, graph, filters, slides, lang, template=template)

        st.download_button(
            i18n.t("export.deck_all" if name_of == "home" else "export.deck", lang),
            # A deck on the session's own template is built for it alone, never kept in a shared cache.
            data=(lambda: deck()) if template else (lambda: cache.cached_file((*key, "deck"), deck)),
            file_name=name(f"{page_words} presentasjon", "pptx"),
            mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
            on_click="ignore",
            key=f"x_{name_of}_deck",
            type="primary",
            icon=":material/slideshow:",
        )
        st.markdown(f"**{i18n.t('export.data', lang)}**")
        tables = lambda: data_files.view_tables(dataset, set(graph.nodes))  # noqa: E731
        files = (
            ("csv", "zip", "application/zip", lambda: data_files.csv_zip(tables(), "excel")),
            ("rfc4180", "zip", "application/zip", lambda: data_files.csv_zip(tables(), "rfc4180")),
            (
                "xlsx",
                "xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                lambda: data_files.workbook_bytes(tables()),
            ),
            ("gexf", "gexf", "application/xml", lambda: data_files.gexf_bytes(graph)),
            ("graphml", "graphml", "application/xml", lambda: data_files.graphml_bytes(graph)),
            (
                "kumu",
                "xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                lambda: data_files.kumu_bytes(graph, lang, data_files.document_provenance(dataset)),
            ),
        )
        columns = st.columns(len(files))
        for column, (what, extension, mime, build) in zip(columns, files, strict=True):
            column.download_button(
                i18n.t(f"export.{what}", lang),
                data=lambda what=what, build=build: cache.cached_file((*key, what), build),
                file_name=name(
                    {"kumu": "kumu", "gexf": "nettverk", "graphml": "nettverk", "rfc4180": "tabeller-komma"}.get(
                        what, "tabeller"
                    ),
                    extension,
                ),
                mime=mime,
                on_click="ignore",
                key=f"x_{name_of}_{what}",
                help=i18n.t(f"export.{what}.help", lang) if f"export.{what}.help" in i18n.STRINGS else None,
            )


def network_charts(page: Page) -> list:
    """The network picture of the filtered map for a deck (its groups when the map is big)."""
    return cache.network_view(page.dataset, page.filters, page.lang).charts()


def whole_map_charts(page: Page) -> list:
    """Every page's charts and the network picture of the view, for the deck of the whole map (built
    only when it is asked for)."""
    lang, dataset, filters, full, graph = page.lang, page.dataset, page.filters, page.full, page.graph
    charts = report.initiative_charts(graph, full, lang)
    charts += report.timeline_charts(dataset, full, graph, lang, filters)
    charts += report.analysis_charts(cache.centrality(dataset, filters), full, "betweenness", lang)
    return charts + network_charts(page)


def story_download(page: Page, start: str, end: str) -> None:
    """The story from ``start`` to ``end`` as slides (:func:`kidash.exports.page_decks.story_deck`): one
    slide per date with the network then and what changed, built on the click and kept for the same view."""
    lang, dataset, filters, full = page.lang, page.dataset, page.filters, page.full
    if cache.browser() is None:
        st.warning(i18n.t("export.no_browser", lang))
        return
    undated = replace(filters, as_of="")
    dates = changes.story_dates(state.choices().options["as_of"], start, end)
    span = " – ".join(i18n.format_date(dt.date.fromisoformat(d), lang) for d in (dates[0], dates[-1]))

    def build() -> bytes:
        return story_deck(
            dataset,
            full,
            filters,
            dates,
            lambda date, since: cache.network_view(dataset, replace(undated, as_of=date), lang, since=since),
            lang,
        )

    st.download_button(
        i18n.t("story.button", lang),
        data=lambda: cache.cached_file((cache.dataset_key(dataset), "story", undated, tuple(dates), lang), build),
        file_name=report.file_name(i18n.t("story.file", "nb"), undated, full, "pptx", about=span),
        mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
        on_click="ignore",
        key="t_story",
        help=i18n.t("story.help", lang),
        icon=":material/slideshow:",
    )
