"""Initiatives: who leads, takes part and observes; role matrix, bridges, overlap, breakdowns."""

import streamlit as st

from kidash import i18n
from kidash.app import export_panel, frame, show, state
from kidash.charts import report
from kidash.map import analysis, labelled

page = frame.open_page("initiativer")
lang, full, filters = page.lang, page.full, page.filters

chosen = state.choose("initiative", i18n.t("initiatives.choose", lang), format_func=page.names.__getitem__)
if chosen:
    show.heading(i18n.t("initiatives.roster", lang, name=page.names[chosen]))
    roster = page.per_view(
        "roster", lambda: analysis.initiative_roles(full, chosen, shown=set(page.graph)), chosen, filters
    )
    if roster.empty:
        st.info(i18n.t("initiatives.none", lang))
    else:
        lines = page.per_view(
            "roster-summary", lambda: labelled.roster_summary(roster, full, lang), chosen, filters, lang
        )
        for role, names_in_role in lines:
            show.line(i18n.html("initiatives.summary", lang, role=role.capitalize(), names=names_in_role))
        page.table("roster", lambda: labelled.roster(roster, full, page.documents, lang), chosen, filters, lang)

charts = page.per_view("initiative-charts", lambda: report.initiative_charts(page.graph, full, lang), filters, lang)
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
    show.chart(chart)

export_panel.export_panel(page, charts, more_charts=lambda: export_panel.network_charts(page))
