"""Analysis: centrality, brokers, communities, and how two actors are connected."""

import streamlit as st

from kidash import i18n
from kidash.app import cache, export_panel, frame, network, show, state
from kidash.charts import report
from kidash.map import connections, labelled, metrics
from kidash.map.filters import Filters

page = frame.open_page("analyse")
lang, dataset, filters, full, graph, names = page.lang, page.dataset, page.filters, page.full, page.graph, page.names

st.header(i18n.t("analysis.centrality", lang))
centrality = cache.centrality(dataset, filters)
st.markdown(
    "\n".join(
        "- " + i18n.t(f"analysis.explain.{m}", lang) for m in ("degree", "betweenness", "closeness", "eigenvector")
    )
)
if centrality["eigenvector"].isna().all():
    st.info(i18n.t("analysis.eigenvector_undefined", lang))
measure = state.choose("measure", i18n.t("analysis.measure", lang), "centrality")
charts = page.per_view(
    "analysis-charts", lambda: report.analysis_charts(centrality, full, measure, lang), filters, measure, lang
)
for chart in charts:
    show.chart(chart, grid=True)

st.header(i18n.t("analysis.brokers", lang))
st.markdown(i18n.t("analysis.brokers.help", lang))
brokers = page.per_view("brokers", lambda: metrics.brokers(graph), filters)
if brokers.empty:
    st.info(i18n.t("analysis.brokers.none", lang))
else:
    page.table("brokers", lambda: labelled.brokers(brokers, full, lang), filters, lang)

st.header(i18n.t("analysis.communities", lang))
st.markdown(i18n.t("analysis.communities.help", lang))
for number, members in enumerate(page.per_view("communities", lambda: metrics.communities(graph), filters), 1):
    with st.expander(i18n.md("analysis.community", lang, number=number, size=len(members)), expanded=number == 1):
        st.markdown(show.actor_link_list(dataset, members, names))

st.header(i18n.t("analysis.paths", lang))
left, right = st.columns(2)
choose = i18n.t("profile.choose.help", lang)
source = state.actor_picker("path_from", i18n.t("analysis.from", lang), full, choose, left)
target = state.actor_picker("path_to", i18n.t("analysis.to", lang), full, choose, right)
hidden = [names[a] for a in (source, target) if a is not None and a not in graph]
if hidden:
    show.note(i18n.html("analysis.outside_filters", lang, names=", ".join(hidden)))
elif source is None or target is None or source == target:
    st.info(i18n.t("analysis.pick_two", lang))
else:
    found = connections.connections(graph, source, target, page.documents, lang)
    if not found:
        st.warning(i18n.t("analysis.no_path", lang))
    for number, connection in enumerate(found, start=1):
        st.subheader(i18n.md("analysis.path", lang, number=number))
        show.steps(connection.sentences)
    if found:
        only = tuple(sorted({n for c in found for n in c.nodes}))
        network.show_network(
            cache.network_view(dataset, Filters(), lang, height=420, only=only), lang, key="an_network"
        )

export_panel.export_panel(page, charts, more_charts=lambda: export_panel.network_charts(page), choices=(measure,))
