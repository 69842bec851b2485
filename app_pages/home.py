"""Home: what the map covers, its size, its sources and how it was built."""

import pandas as pd
import streamlit as st

from kidash import i18n, report, summary, ui, ui_export, ui_state
from kidash.pages import PAGES

lang = ui.language()
dataset = ui.current_dataset()
filters = ui.current_filters()
graph = ui.filtered_graph(dataset, filters)
counts = ui.per_view("view-counts", dataset, lambda: summary.view_counts(dataset, graph), filters)
totals = ui.per_view("counts", dataset, lambda: summary.counts(dataset))

st.title(i18n.t("home.heading", lang))
if ui.uploaded_dataset() is None:
    st.markdown(i18n.t("home.intro", lang))
else:
    st.markdown(i18n.md("home.intro.own", lang, label=dataset.label))

st.header(i18n.t("home.counts" if filters.is_default else "home.counts.filtered", lang))
for column, (key, value) in zip(st.columns(5), counts.items(), strict=True):
    shown = i18n.format_number(value, lang)
    if not filters.is_default:
        shown = i18n.t("home.count_of", lang, shown=shown, total=i18n.format_number(totals[key], lang))
    column.metric(i18n.t(f"home.{key}", lang), shown)

st.header(i18n.t("home.pages", lang))
for page in PAGES[1:]:
    ui_state.page_link(
        page.name, i18n.t(page.title_key.replace("nav.", "home.page."), lang), ":material/arrow_forward:"
    )

st.header(i18n.t("home.main_initiatives", lang))
ui.view_table(
    "main-initiatives",
    dataset,
    lambda: summary.initiative_table(ui.full_graph(dataset), lang, None if filters.is_default else set(graph)),
    filters,
    lang,
)

st.header(i18n.t("home.documents", lang))
ui.view_table("documents", dataset, lambda: summary.document_table(dataset, lang), lang)

st.header(i18n.t("home.method", lang))
st.markdown(i18n.t("home.method.text", lang))
ui.view_table("basis", dataset, lambda: pd.DataFrame(summary.basis_table(dataset, lang)), lang)


def whole_map_charts() -> list:
    """Every page's charts and the network picture, built only when the deck is asked for."""
    full = ui.full_graph(dataset)
    charts = report.initiative_charts(graph, full, lang)
    charts += report.timeline_charts(dataset, full, graph, lang, filters)
    charts += report.analysis_charts(ui.centrality(dataset, filters), full, "betweenness", lang)
    return charts + ui_export.network_chart_of_view(dataset, filters, lang)


ui_export.export_panel(
    "home",
    dataset,
    graph,
    lang,
    more_charts=whole_map_charts,
    title=i18n.t("app.title", lang),
)
