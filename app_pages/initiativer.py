"""Initiatives: who leads, takes part and observes; role matrix, bridges, overlap, breakdowns."""

import streamlit as st

from kidash import analysis, figures, i18n, summary, ui
from kidash.graph import main_initiatives

lang = ui.language()
dataset = ui.current_dataset()
full = ui.full_graph(dataset)
graph = ui.filtered_graph(dataset, ui.current_filters())
documents = summary.documents_by_id(dataset, lang)
names = {node: data["short_name"] or data["name"] for node, data in full.nodes(data=True)}

st.title(i18n.t("initiatives.heading", lang))
st.markdown(i18n.t("initiatives.intro", lang))

initiatives = main_initiatives(full)
ui.seed_from_url("i_initiative", "i", initiatives, initiatives[0] if initiatives else None)
chosen = st.selectbox(
    i18n.t("initiatives.choose", lang), initiatives, key="i_initiative", format_func=lambda n: full.nodes[n]["name"]
)
ui.write_url("i", chosen, initiatives[0] if initiatives else None)
if chosen:
    st.header(i18n.t("initiatives.roster", lang, name=full.nodes[chosen]["name"]))
    roster = analysis.initiative_roles(full, chosen, documents, lang, shown=set(graph.nodes))
    if roster.empty:
        st.info(i18n.t("initiatives.none", lang))
    else:
        for role, names_in_role in analysis.roster_summary(roster, lang):
            st.markdown(i18n.t("initiatives.summary", lang, role=role.capitalize(), names=ui.escape(names_in_role)))
        ui.table_of(roster)

st.header(i18n.t("initiatives.matrix", lang))
st.markdown(i18n.t("initiatives.matrix.help", lang))
matrix = analysis.role_matrix(graph, full)
if matrix.empty:
    st.info(i18n.t("initiatives.none", lang))
else:
    ui.chart(figures.role_matrix_figure(matrix, names, lang), "rollematrise", key="c_matrix")
    ui.table_of(analysis.labelled_matrix(matrix, full, lang))

st.header(i18n.t("initiatives.bridges", lang))
bridges = analysis.bridges(graph, full)
if bridges.empty:
    st.info(i18n.t("initiatives.bridges.none", lang))
else:
    st.markdown(ui.escape(analysis.bridge_takeaway(graph, full, lang)))
    ui.chart(figures.bridges_figure(bridges, lang), "brobyggere", key="c_bridges")
    ui.table_of(analysis.labelled_bridges(bridges, lang))

overlap = analysis.overlap_matrix(graph, full)
if not overlap.empty:
    st.header(i18n.t("initiatives.overlap", lang))
    ui.chart(figures.overlap_figure(overlap, names, lang), "overlapp", key="c_overlap")
    ui.table_of(overlap.rename(index=names, columns=names).reset_index(names=i18n.t("col.initiative", lang)))

st.header(i18n.t("initiatives.breakdown", lang))
for by in ("region", "type"):
    table = analysis.breakdown(graph, by, full)
    if table.empty:
        continue
    ui.chart(figures.breakdown_figure(table, by, names, lang), f"fordeling-{by}", key=f"c_breakdown_{by}")
    for sentence in analysis.missing_regions(table, names, lang) if by == "region" else []:
        st.markdown(ui.escape(sentence))
    labels = {column: i18n.label(by, column, lang) for column in table.columns}
    ui.table_of(table.rename(index=names, columns=labels).reset_index(names=i18n.t("col.initiative", lang)))
