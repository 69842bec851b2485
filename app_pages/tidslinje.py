"""Timeline: how the landscape grew, periods and dated events per initiative, and what changed between two dates."""

import datetime as dt
from dataclasses import replace

import streamlit as st

from kidash import changes, i18n, report, summary, ui, ui_export, ui_state
from kidash.view_state import FIRST_DATE, LAST_DATE

lang = ui.language()
dataset = ui.current_dataset()
filters = ui.current_filters()
full = ui.full_graph(dataset)
graph = ui.filtered_graph(dataset, filters)

st.title(i18n.t("timeline.heading", lang))
st.markdown(i18n.t("timeline.intro", lang))
charts = ui.per_view(
    "timeline-charts", dataset, lambda: report.timeline_charts(dataset, full, graph, lang, filters), filters, lang
)
if charts:
    ui.show_chart(charts[0], table_heading=i18n.t("timeline.table", lang))
else:
    st.info(i18n.t("timeline.empty", lang))

# What changed: the map as of a chosen date against the map as of the sidebar's date (or today),
# with the other filters; each change with its source and the date that placed it.
st.header(i18n.t("changes.heading", lang))
until = filters.as_of or dt.date.today().isoformat()
until_words = i18n.format_date(dt.date.fromisoformat(until), lang) if filters.as_of else i18n.t("changes.today", lang)
basis = i18n.t(f"filters.time_basis.{filters.time_basis}", lang).lower()
st.markdown(i18n.md("changes.intro", lang, end=until_words, basis=basis))
since = ui_state.bind(
    st.columns([1, 2])[0].date_input, "since", i18n.t("changes.since", lang), min_value=FIRST_DATE, max_value=LAST_DATE,
    format="DD.MM.YYYY",
)  # fmt: skip
if since:
    undated = ui.filtered_graph(dataset, replace(filters, as_of=""))
    found = ui.per_view(
        "changes", dataset, lambda: changes.changes_between(undated, since, until, filters.time_basis),
        replace(filters, as_of=""), since, until,
    )  # fmt: skip
    start, end = sorted((since, until))
    words = {
        "start": i18n.format_date(dt.date.fromisoformat(start), lang),
        "end": until_words if end == until else i18n.format_date(dt.date.fromisoformat(end), lang),
    }
    if found:
        st.markdown(i18n.md("changes.summary", lang, **words, **changes.change_counts(found)))
        ui.view_table(
            "changes", dataset,
            lambda: changes.changes_table(found, full, summary.documents_by_id(dataset, lang), lang),
            replace(filters, as_of=""), since, until, lang,
        )  # fmt: skip
        ui_export.story_download(dataset, filters, since, until, lang)
    else:
        st.info(i18n.md("changes.empty", lang, **words))

if charts:
    ui_export.export_panel(
        "timeline",
        dataset,
        graph,
        lang,
        charts,
        more_charts=lambda: ui_export.network_chart_of_view(dataset, filters, lang),
    )
