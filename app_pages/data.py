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
    ui.table_of(summary.files_table(dataset, lang))  # how the files were read: not part of the content key
st.markdown(f"**{i18n.t('data.download_again', lang)}**")
ui_data.download_panel(dataset, lang)

st.header(i18n.t("data.upload_heading", lang))
ui_data.upload_panel(lang)

st.header(i18n.t("data.quality_heading", lang))
ui_data.quality_panel(dataset, lang)

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
ui.view_table("documents", dataset, lambda: summary.document_table(dataset, lang), lang)
