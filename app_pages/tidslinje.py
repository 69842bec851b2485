"""Timeline: how the landscape grew, periods and dated events per initiative."""

import streamlit as st

from kidash import i18n, report, ui, ui_export

lang = ui.language()
dataset = ui.current_dataset()
filters = ui.current_filters()
full = ui.full_graph(dataset)
graph = ui.filtered_graph(dataset, filters)

st.title(i18n.t("timeline.heading", lang))
st.markdown(i18n.t("timeline.intro", lang))
charts = ui.per_view(
    "timeline-charts", dataset, lambda: report.timeline_charts(dataset, full, graph, lang), filters, lang
)
if not charts:
    st.info(i18n.t("timeline.empty", lang))
    st.stop()
(chart,) = charts
ui.show_chart(chart, table_heading=i18n.t("timeline.table", lang))
ui_export.export_panel(
    "timeline",
    dataset,
    graph,
    lang,
    charts,
    more_charts=lambda: ui_export.network_chart_of_view(dataset, filters, lang),
)
