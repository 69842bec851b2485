"""Analysis: centrality, brokers, communities, and how two actors are connected."""

import streamlit as st

from kidash import i18n, labelled, metrics, paths, report, summary, ui, ui_export, ui_state
from kidash.graph import Filters

lang = ui.language()
dataset = ui.current_dataset()
filters = ui.current_filters()
full = ui.full_graph(dataset)
graph = ui.filtered_graph(dataset, filters)
names = ui.names(dataset, lang)

st.title(i18n.t("analysis.heading", lang))
st.markdown(i18n.t("analysis.intro", lang))

st.header(i18n.t("analysis.centrality", lang))
centrality = ui.centrality(dataset, filters)
for measure in ("degree", "betweenness", "closeness", "eigenvector"):
    st.markdown("- " + i18n.t(f"analysis.explain.{measure}", lang))
if centrality["eigenvector"].isna().all():
    st.info(i18n.t("analysis.eigenvector_undefined", lang))
measure = ui_state.choose("measure", i18n.t("analysis.measure", lang), "centrality")
charts = ui.per_view(
    "analysis-charts", dataset, lambda: report.analysis_charts(centrality, full, measure, lang), filters, measure, lang
)
for chart in charts:
    ui.show_chart(chart, grid=True)

st.header(i18n.t("analysis.brokers", lang))
st.markdown(i18n.t("analysis.brokers.help", lang))
brokers = ui.per_view("brokers", dataset, lambda: metrics.brokers(graph), filters)
if brokers.empty:
    st.info(i18n.t("analysis.brokers.none", lang))
else:
    ui.view_table("brokers", dataset, lambda: labelled.brokers(brokers, full, lang), filters, lang)

st.header(i18n.t("analysis.communities", lang))
st.markdown(i18n.t("analysis.communities.help", lang))
for number, members in enumerate(ui.per_view("communities", dataset, lambda: metrics.communities(graph), filters), 1):
    with st.expander(i18n.md("analysis.community", lang, number=number, size=len(members)), expanded=number == 1):
        st.markdown(ui.actor_link_list(dataset, members, names))

st.header(i18n.t("analysis.paths", lang))
left, right = st.columns(2)
choose = i18n.t("profile.choose.help", lang)
source = ui_state.actor_picker("path_from", i18n.t("analysis.from", lang), full, choose, left)
target = ui_state.actor_picker("path_to", i18n.t("analysis.to", lang), full, choose, right)
hidden = [names[a] for a in (source, target) if a is not None and a not in graph]
if hidden:
    st.info(i18n.md("analysis.outside_filters", lang, names=", ".join(hidden)))
elif source is None or target is None or source == target:
    st.info(i18n.t("analysis.pick_two", lang))
else:
    found = paths.connections(graph, source, target, summary.documents_by_id(dataset, lang), lang)
    if not found:
        st.warning(i18n.t("analysis.no_path", lang))
    for number, connection in enumerate(found, start=1):
        st.subheader(i18n.md("analysis.path", lang, number=number))
        st.markdown(
            "\n".join(
                i18n.md("analysis.step", lang, number=i, sentence=sentence)
                for i, sentence in enumerate(connection.sentences, start=1)
            )
        )
    if found:
        only = tuple(sorted({n for c in found for n in c.nodes}))
        shown = ui.network_view(dataset, Filters(), lang, height=420, only=only)
        ui.show_network(shown, lang, key="an_network")

ui_export.export_panel(
    "analysis",
    dataset,
    graph,
    lang,
    charts,
    more_charts=lambda: ui_export.network_chart_of_view(dataset, filters, lang),
    state=(measure,),
)
