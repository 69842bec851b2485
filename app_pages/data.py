"""Data: the tables, their sources and quality; upload your own data, download the data shown."""

import streamlit as st

from kidash import i18n
from kidash.app import frame, own_data, show, state
from kidash.map import summary

page = frame.open_page("data")
lang, dataset = page.lang, page.dataset

st.header(i18n.t("data.shown_heading", lang))
if page.own_data:
    st.markdown(f"**{i18n.t('data.files_read', lang)}**")
    show.table(summary.files_table(dataset, lang))  # how the files were read: not part of the content key
else:
    size = summary.counts(dataset)  # the one rule for the map's size: the home page says the same
    numbers = {"actors": len(dataset.actors), "relations": size["relations"], "documents": len(dataset.documents),
               "background": summary.background_count(dataset)}  # fmt: skip
    st.markdown(i18n.md("data.shown_shipped", lang, **{k: i18n.format_number(v, lang) for k, v in numbers.items()}))
st.markdown(f"**{i18n.t('data.download_again', lang)}**")
own_data.download_panel(dataset, lang)

st.header(i18n.t("data.upload_heading", lang))
own_data.upload_panel(lang)

st.header(i18n.t("data.quality_heading", lang))
own_data.quality_panel(dataset, lang)

st.header(i18n.t("data.tables_heading", lang))
table = state.choose("table", i18n.t("data.table", lang), "table", st.segmented_control)
frame_of_table = dataset.raw[table].frame
query = st.text_input(i18n.t("data.search", lang), key="d_search", help=i18n.t("data.search.help", lang))
found = summary.search_rows(frame_of_table, query)
numbers = {"shown": i18n.format_number(len(found), lang), "total": i18n.format_number(len(frame_of_table), lang)}
st.markdown(i18n.md("data.rows_shown", lang, **numbers))
st.dataframe(found, hide_index=True, width="stretch", key="d_frame")

st.header(i18n.t("data.documents_heading", lang))
page.table("documents", lambda: summary.document_table(dataset, lang), lang)
