"""Timeline: how the landscape grew, periods and dated events per initiative, and what changed between two dates."""

import datetime as dt
from dataclasses import replace

import streamlit as st

from kidash import i18n
from kidash.app import cache, export_panel, frame, show, state
from kidash.charts import report
from kidash.map import changes

page = frame.open_page("tidslinje")
lang, dataset, filters, full = page.lang, page.dataset, page.filters, page.full

charts = page.per_view(
    "timeline-charts", lambda: report.timeline_charts(dataset, full, page.graph, lang, filters), filters, lang
)
if charts:
    show.chart(charts[0], table_heading=i18n.t("timeline.table", lang))
else:
    st.info(i18n.t("timeline.empty", lang))

# What changed: the map as of a chosen date against the map as of the sidebar's date (or today),
# with the other filters; each change with its source and the date that placed it.
st.header(i18n.t("changes.heading", lang))
until = filters.as_of or dt.date.today().isoformat()
until_words = i18n.format_date(dt.date.fromisoformat(until), lang) if filters.as_of else i18n.t("changes.today", lang)
basis = i18n.t(f"filters.time_basis.{filters.time_basis}", lang).lower()
st.markdown(i18n.md("changes.intro", lang, end=until_words, basis=basis))
since = state.bind(
    st.columns([1, 2])[0].text_input,
    "since",
    i18n.t("changes.since", lang),
    placeholder=i18n.t("date.placeholder", lang),
)
if since:
    undated = replace(filters, as_of="")
    whole = cache.filtered_graph(dataset, undated)
    found = page.per_view(
        "changes", lambda: changes.changes_between(whole, since, until, filters.time_basis), undated, since, until
    )
    start, end = sorted((since, until))
    words = {
        "start": i18n.format_date(dt.date.fromisoformat(start), lang),
        "end": until_words if end == until else i18n.format_date(dt.date.fromisoformat(end), lang),
    }
    if found:
        st.markdown(i18n.md("changes.summary", lang, **words, **changes.change_counts(found)))
        page.table(
            "changes", lambda: changes.changes_table(found, full, page.documents, lang), undated, since, until, lang
        )
        export_panel.story_download(page, since, until)
    else:
        st.info(i18n.md("changes.empty", lang, **words))

if charts:
    export_panel.export_panel(page, charts, more_charts=lambda: export_panel.network_charts(page))
