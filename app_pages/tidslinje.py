"""Timeline: how the landscape grew, periods and dated events per initiative."""

import streamlit as st

from kidash import figures, i18n, timeline, ui

lang = ui.language()
dataset = ui.current_dataset()
full = ui.full_graph(dataset)
graph = ui.filtered_graph(dataset, ui.current_filters())

st.title(i18n.t("timeline.heading", lang))
st.markdown(i18n.t("timeline.intro", lang))
periods, points, colours = timeline.timeline_rows(dataset, full, set(graph.nodes), lang)
if periods.empty and points.empty:
    st.info(i18n.t("timeline.empty", lang))
    st.stop()
ui.chart(figures.timeline_figure(periods, points, colours, lang), "tidslinje", key="c_timeline")
st.header(i18n.t("timeline.table", lang))
ui.table_of(timeline.timeline_table(periods, points, lang))
