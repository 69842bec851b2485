"""The export panel every page ends with: pictures, a deck and the data in view, built on a click."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import replace

import streamlit as st

from kidash import changes, export_data, export_deck, export_images, i18n, report, slides, ui, ui_state, views
from kidash.data import Dataset
from kidash.export_deck import Chart
from kidash.graph import Filters

__all__ = ["OPEN", "browser", "export_panel", "network_chart_of_view", "sources_line", "story_download"]

OPEN = "x_open_"  # + the page's name: the session key of its export panel's open state


@st.cache_resource(show_spinner=False)
def browser() -> str | None:
    """The Chrome/Chromium kaleido will use (looked up once per server; nothing is downloaded)."""
    path = export_images.browser_path()
    if path:
        export_images.warm_up()
    return path


TEMPLATE_MB = 20  # a corporate template with its pictures; larger is not a template


def sources_line(dataset: Dataset, graph, lang: str) -> str:
    """«Sources: …» for the relations in ``graph`` (the view of the current filters), once per view."""
    return ui.per_view("sources-line", dataset, lambda: report.sources_footnote(dataset, graph, lang),
                       ui.current_filters(), lang)  # fmt: skip


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
        st.error(i18n.md("export.template.bad", lang, name=upload.name, reason=reason))
        return None
    data = upload.getvalue()
    try:
        export_deck.check_template(data)
    except export_deck.TemplateError as err:
        st.error(i18n.md("export.template.bad", lang, name=upload.name, reason=str(err)))
        return None
    return data


def export_panel(
    page: str,
    dataset: Dataset,
    graph,
    lang: str,
    charts: Sequence[Chart] | Callable[[], list[Chart]] = (),
    more_charts=None,
    state: tuple = (),
    title: str | None = None,
    about: str = "",
) -> None:
    """Downloads for this page: each chart as PNG/SVG/PDF, a deck, and the data in view.

    ``charts`` are the ones already on screen (offered as pictures too), or a
    function giving them (called only when the panel is open);
    ``more_charts`` is a function giving further slides, called only when
    the deck is asked for. ``graph`` is the view (its actors and relations go
    into the table slide and the data files); ``state`` names page choices
    that change the charts; ``about`` names them in words (an actor, a focus)
    for the deck's title and the files' names. The panel runs only while it is open (a lazy
    expander): closed, it costs a run nothing and the browser one element.
    Files are built only on a click, then kept for the same view.
    """
    panel = st.expander(i18n.t("export.heading", lang), icon=":material/download:", key=f"{OPEN}{page}",
                        on_change="rerun")  # fmt: skip
    if not panel.open:
        return
    if callable(charts):
        charts = charts()
    filters = ui.current_filters()
    key = (ui.dataset_key(dataset), page, filters, lang, state)
    full = ui.full_graph(dataset)
    footer = sources_line(dataset, ui.filtered_graph(dataset, filters), lang)
    page_words = i18n.t(f"nav.{page}", "nb")

    def name(what: str, extension: str) -> str:
        return report.file_name(what, filters, full, extension, about)

    with panel:
        st.markdown(f"**{i18n.t('export.pictures', lang)}**")
        if browser() is None:
            st.warning(i18n.t("export.no_browser", lang))
        elif not charts:
            st.markdown(i18n.t("export.pictures_elsewhere", lang))
        else:
            names = [chart.name for chart in charts]
            chosen = st.selectbox(
                i18n.t("export.chart", lang),
                names,
                key=f"x_chart_{page}",
                format_func=lambda n: next(c.title for c in charts if c.name == n),
            )
            chart = charts[names.index(chosen)]
            columns = st.columns(3)
            for column, fmt in zip(columns, export_images.FORMATS, strict=True):
                column.download_button(
                    i18n.t(f"export.{fmt}", lang),
                    data=lambda fmt=fmt, chart=chart: ui.cached_file(
                        (*key, chart.name, fmt),
                        lambda: export_images.figure_bytes(
                            slides.chart_picture(chart, slides.A4 if fmt == "pdf" else slides.SLIDE, footer, lang),
                            fmt,
                        ),
                    ),
                    file_name=name(chart.name, fmt),
                    mime=export_images.FORMATS[fmt],
                    on_click="ignore",
                    key=f"x_{page}_{fmt}",
                )

        template = _template(page, lang)

        def deck() -> bytes:
            shown = list(charts) + (more_charts() if more_charts else [])
            deck_title = (
                f"{title or 'kidash – ' + i18n.t(f'nav.{page}', lang)}: {report.view_words(filters, full, lang)}"
            )
            return views.page_deck(deck_title, dataset, full, graph, filters, shown, lang, template=template)

        st.download_button(
            i18n.t("export.deck_all" if page == "home" else "export.deck", lang),
            # A deck on the session's own template is built for it alone, never kept in a shared cache.
            data=(lambda: deck()) if template else (lambda: ui.cached_file((*key, "deck"), deck)),
            file_name=name(f"{page_words} presentasjon", "pptx"),
            mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
            on_click="ignore",
            key=f"x_{page}_deck",
            type="primary",
            icon=":material/slideshow:",
        )
        st.markdown(f"**{i18n.t('export.data', lang)}**")
        tables = lambda: export_data.view_tables(dataset, set(graph.nodes))  # noqa: E731
        files = (
            ("csv", "zip", "application/zip", lambda: export_data.csv_zip(tables(), "excel")),
            ("rfc4180", "zip", "application/zip", lambda: export_data.csv_zip(tables(), "rfc4180")),
            (
                "xlsx",
                "xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                lambda: export_data.workbook_bytes(tables()),
            ),
            ("gexf", "gexf", "application/xml", lambda: export_data.gexf_bytes(graph)),
            ("graphml", "graphml", "application/xml", lambda: export_data.graphml_bytes(graph)),
            (
                "kumu",
                "xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                lambda: export_data.kumu_bytes(graph, lang, export_data.document_provenance(dataset)),
            ),
        )
        columns = st.columns(len(files))
        for column, (what, extension, mime, build) in zip(columns, files, strict=True):
            column.download_button(
                i18n.t(f"export.{what}", lang),
                data=lambda what=what, build=build: ui.cached_file((*key, what), build),
                file_name=name(
                    {"kumu": "kumu", "gexf": "nettverk", "graphml": "nettverk", "rfc4180": "tabeller-komma"}.get(
                        what, "tabeller"
                    ),
                    extension,
                ),
                mime=mime,
                on_click="ignore",
                key=f"x_{page}_{what}",
                help=i18n.t(f"export.{what}.help", lang) if f"export.{what}.help" in i18n.STRINGS else None,
            )


def network_chart_of_view(dataset: Dataset, filters: Filters, lang: str) -> list:
    """The network picture of the filtered map for a deck (its groups when the map is big)."""
    return ui.network_view(dataset, filters, lang).charts()


def story_download(dataset: Dataset, filters: Filters, start: str, end: str, lang: str) -> None:
    """The story from ``start`` to ``end`` as slides (:func:`kidash.views.story_deck`): one slide per
    date with the network then and what changed, built on the click and kept for the same view."""
    if browser() is None:
        st.warning(i18n.t("export.no_browser", lang))
        return
    full = ui.full_graph(dataset)
    undated = replace(filters, as_of="")
    dates = changes.story_dates(ui_state.choices().options["as_of"], start, end)
    span = " – ".join(i18n.format_date(dt.date.fromisoformat(d), lang) for d in (dates[0], dates[-1]))

    def build() -> bytes:
        return views.story_deck(
            dataset,
            full,
            filters,
            dates,
            lambda date, since: ui.network_view(dataset, replace(undated, as_of=date), lang, since=since),
            lang,
        )

    st.download_button(
        i18n.t("story.button", lang),
        data=lambda: ui.cached_file((ui.dataset_key(dataset), "story", undated, tuple(dates), lang), build),
        file_name=report.file_name(i18n.t("story.file", "nb"), undated, full, "pptx", about=span),
        mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
        on_click="ignore",
        key="t_story",
        help=i18n.t("story.help", lang),
        icon=":material/slideshow:",
    )
