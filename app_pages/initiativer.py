"""Initiatives: who leads, takes part and observes; role matrix, bridges, overlap, breakdowns."""

import streamlit as st

from kidash import analysis, i18n, labelled, report, summary, ui, ui_export, ui_state

lang = ui.language()
dataset = ui.current_dataset()
filters = ui.current_filters()
full = ui.full_graph(dataset)
graph = ui.filtered_graph(dataset, filters)

st.title(i18n.t("initiatives.heading", lang))
st.markdown(i18n.t("initiatives.intro", lang))

names = ui.names(dataset, lang)
chosen = ui_state.choose("initiative", i18n.t("initiatives.choose", lang), format_func=names.__getitem__)
if chosen:
    st.header(i18n.md("initiatives.roster", lang, name=names[chosen]))
    roster = ui.per_view(
        "roster", dataset, lambda: analysis.initiative_roles(full, chosen, shown=set(graph)), chosen, filters
    )
    if roster.empty:
        st.info(i18n.t("initiatives.none", lang))
    else:
        summary_lines = ui.per_view(
            "roster-summary", dataset, lambda: labelled.roster_summary(roster, full, lang), chosen, filters, lang
        )
        for role, names_in_role in summary_lines:
            st.markdown(i18n.md("initiatives.summary", lang, role=role.capitalize(), names=names_in_role))
        ui.view_table(
            "roster",
            dataset,
            lambda: labelled.roster(roster, full, summary.documents_by_id(dataset, lang), lang),
            chosen,
            filters,
            lang,
        )

charts = ui.per_view("initiative-charts", dataset, lambda: report.initiative_charts(graph, full, lang), filters, lang)
if not charts:
    st.info(i18n.t("initiatives.none", lang))
headings = {
    "rollematrise": ("initiatives.matrix", "initiatives.matrix.help"),
    "brobyggere": ("initiatives.bridges", None),
    "overlapp": ("initiatives.overlap", None),
    "fordeling-region": ("initiatives.breakdown", None),
}
for chart in charts:
    heading, help_key = headings.get(chart.name, (None, None))
    if heading:
        st.header(i18n.t(heading, lang))
    if help_key:
        st.markdown(i18n.t(help_key, lang))
    ui.show_chart(chart)

ui_export.export_panel(
    "initiatives",
    dataset,
    graph,
    lang,
    charts,
    more_charts=lambda: ui_export.network_chart_of_view(dataset, filters, lang),
)
