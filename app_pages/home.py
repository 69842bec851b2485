"""Home: what the map covers, its size, its sources and how it was built."""

import pandas as pd
import streamlit as st

from kidash import i18n, report, summary, ui, ui_export

lang = ui.language()
dataset = ui.current_dataset()
counts = summary.counts(dataset)

st.title(i18n.t("home.heading", lang))
if ui.uploaded_dataset() is None:
    st.markdown(i18n.t("home.intro", lang))
else:
    st.markdown(i18n.t("home.intro.own", lang, label=f"«{ui.escape(dataset.label)}»"))

st.header(i18n.t("home.counts", lang))
columns = st.columns(5)
for column, (key, value) in zip(columns, counts.items(), strict=True):
    column.metric(i18n.t(f"home.{key}", lang), i18n.format_number(value, lang))

st.header(i18n.t("home.pages", lang))
for name, key in (
    ("nettverk", "network"),
    ("initiativer", "initiatives"),
    ("aktor", "actor"),
    ("tidslinje", "timeline"),
    ("analyse", "analysis"),
    ("data", "data"),
):
    st.page_link(f"app_pages/{name}.py", label=i18n.t(f"home.page.{key}", lang), icon=":material/arrow_forward:")

st.header(i18n.t("home.main_initiatives", lang))
ui.table_of(summary.initiative_table(dataset, lang))

st.header(i18n.t("home.documents", lang))
ui.table_of(summary.document_table(dataset, lang))

st.header(i18n.t("home.method", lang))
st.markdown(i18n.t("home.method.text", lang))
ui.table_of(pd.DataFrame(summary.basis_table(dataset, lang)))


def whole_map_charts() -> list:
    """Every page's charts and the network picture, built only when the deck is asked for."""
    filters = ui.current_filters()
    full, graph = ui.full_graph(dataset), ui.filtered_graph(dataset, filters)
    charts = report.initiative_charts(graph, full, lang)
    charts += report.timeline_charts(dataset, full, graph, lang)
    charts += report.analysis_charts(ui.centrality(dataset, filters), full, "betweenness", lang)
    return charts + ui_export.network_chart_of_view(dataset, filters, lang)


ui_export.export_panel(
    "home",
    dataset,
    ui.filtered_graph(dataset, ui.current_filters()),
    lang,
    more_charts=whole_map_charts,
    title=i18n.t("app.title", lang),
)
