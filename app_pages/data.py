"""Data: the tables, their sources and quality; upload your own data, download the data shown."""

import streamlit as st

from kidash import i18n, summary, ui, ui_data, ui_state

lang = ui.language()
dataset = ui.current_dataset()

st.title(i18n.t("data.heading", lang))
st.markdown(i18n.t("data.intro", lang))
if not ui.current_filters().is_default:
    st.info(i18n.t("filters.not_applied", lang))

st.header(i18n.t("data.shown_heading", lang))
if ui.uploaded_dataset() is None:
    st.markdown(
        i18n.md(
            "data.shown_shipped",
            lang,
            actors=i18n.format_number(len(dataset.actors), lang),
            relations=i18n.format_number(len(dataset.relations), lang),
            documents=i18n.format_number(len(dataset.documents), lang),
        )
    )
else:
    st.markdown(f"**{i18n.t('data.files_read', lang)}**")
    ui.table_of(summary.files_table(dataset, lang))
st.markdown(f"**{i18n.t('data.download_again', lang)}**")
ui_data.download_panel(dataset, lang)

st.header(i18n.t("data.upload_heading", lang))
ui_data.upload_panel(lang)

st.header(i18n.t("data.quality_heading", lang))
found = ui.data_quality(dataset, lang)
left, middle, right = st.columns(3)
with left:
    st.subheader(i18n.t("data.quality.kinds", lang))
    ui.table_of(found.kinds)
with middle:
    st.subheader(i18n.t("data.quality.regions", lang))
    ui.table_of(found.regions)
    missing = found.regions[found.regions.iloc[:, 1] == 0].iloc[:, 0].tolist()
    if missing:
        st.markdown(i18n.md("data.quality.missing_regions", lang, regions=", ".join(missing)))
with right:
    st.subheader(i18n.t("data.quality.inferred", lang))
    ui.table_of(found.inferred)
st.subheader(i18n.t("data.quality.per_document", lang))
ui.table_of(found.per_document)
st.subheader(i18n.md("data.quality.unconnected", lang, count=len(found.unconnected)))
if found.unconnected.empty:
    st.markdown(i18n.t("data.quality.unconnected.none", lang))
else:
    ui.table_of(found.unconnected)
st.subheader(i18n.md("data.quality.leaderless", lang, count=len(found.leaderless)))
if found.leaderless.empty:
    st.markdown(i18n.t("data.quality.leaderless.none", lang))
else:
    st.markdown(i18n.t("data.quality.leaderless.help", lang))
    ui.table_of(found.leaderless)
with st.expander(i18n.t("data.quality.types", lang)):
    ui.table_of(found.types)

st.header(i18n.t("data.tables_heading", lang))
table = ui_state.choose("table", i18n.t("data.table", lang), "table", st.segmented_control)
frame = dataset.raw[table].frame
query = st.text_input(i18n.t("data.search", lang), key="d_search", help=i18n.t("data.search.help", lang))
shown = summary.search_rows(frame, query)
st.markdown(
    i18n.md(
        "data.rows_shown",
        lang,
        shown=i18n.format_number(len(shown), lang),
        total=i18n.format_number(len(frame), lang),
    )
)
st.dataframe(shown, hide_index=True, width="stretch", key="d_frame")

st.header(i18n.t("data.documents_heading", lang))
ui.table_of(summary.document_table(dataset, lang))
