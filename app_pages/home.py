"""Home: what the map covers, its size, its sources and how it was built."""

import pandas as pd
import streamlit as st

from kidash import i18n
from kidash.app import export_panel, frame, session, state
from kidash.map import summary
from kidash.pages import PAGES

page = frame.open_page("home")
lang, dataset, filters = page.lang, page.dataset, page.filters
counts = page.per_view("view-counts", lambda: summary.view_counts(dataset, page.graph), filters)
totals = page.per_view("counts", lambda: summary.counts(dataset))

st.header(i18n.t("home.counts" if filters.is_default else "home.counts.filtered", lang))
for column, (key, value) in zip(st.columns(5), counts.items(), strict=True):
    shown = i18n.format_number(value, lang)
    if not filters.is_default:
        shown = i18n.t("home.count_of", lang, shown=shown, total=i18n.format_number(totals[key], lang))
    background = summary.background_count(dataset) if key == "relations" and filters.is_default else 0
    words = {"stated": i18n.format_number(value - background, lang), "background": background}
    column.metric(
        i18n.t(f"home.{key}", lang), shown, help=i18n.md("home.relations.help", lang, **words) if background else None
    )

st.header(i18n.t("home.pages", lang))
for spec in PAGES[1:]:
    if spec.store and session.store() is None:
        continue  # the living map's pages are not in the menu while the dashboard reads files only
    state.page_link(spec.name, i18n.t(spec.title_key.replace("nav.", "home.page."), lang), ":material/arrow_forward:")

st.header(i18n.t("home.main_initiatives", lang))
in_view = None if filters.is_default else set(page.graph)
page.table(
    "main-initiatives",
    lambda: summary.initiative_table(page.full, lang, in_view),
    filters,
    lang,
    caption=i18n.t("home.main_initiatives.caption", lang),
)

st.header(i18n.t("home.documents", lang))
page.table("documents", lambda: summary.document_table(dataset, lang), lang)

st.header(i18n.t("home.method", lang))
st.markdown(i18n.t("home.method.text", lang))
page.table("basis", lambda: pd.DataFrame(summary.basis_table(dataset, lang)), lang)

export_panel.export_panel(
    page, more_charts=lambda: export_panel.whole_map_charts(page), title=i18n.t("app.title", lang)
)
