"""kidash entry point: page setup, the shared sidebar (language, filters) and navigation."""

from pathlib import Path

import streamlit as st

from kidash import i18n, ui, ui_data

HERE = Path(__file__).parent
# The pages live in app_pages/, not pages/: with a pages/ folder beside this file,
# Streamlit 1.67 runs fresh sessions in its legacy multipage mode, which skips this
# script (and so the shared sidebar) for deep links such as /nettverk?region=...
PAGES = (  # (file and URL path, title key, icon)
    ("home", "nav.home", ":material/home:"),
    ("nettverk", "nav.network", ":material/hub:"),
    ("initiativer", "nav.initiatives", ":material/groups:"),
    ("aktor", "nav.actor", ":material/badge:"),
    ("tidslinje", "nav.timeline", ":material/timeline:"),
    ("analyse", "nav.analysis", ":material/insights:"),
    ("data", "nav.data", ":material/table_view:"),
)

st.set_page_config(page_title="kidash", page_icon="🕸️", layout="wide")
lang = ui.choose_language()
pages = [
    st.Page(
        HERE / "app_pages" / f"{name}.py", title=i18n.t(title, lang), icon=icon, url_path=name, default=name == "home"
    )
    for name, title, icon in PAGES
]
navigation = st.navigation(pages)
# The browser tab names the page (WCAG 2.4.2) and the document language follows the switch (3.1.1).
st.set_page_config(page_title=f"{navigation.title} · kidash")
ui.set_document_language(lang)
ui_data.banner(lang)  # while this session explores its own upload: say so, with a way back
dataset = ui.current_dataset()
ui.sidebar_filters(ui.full_graph(dataset), lang)
navigation.run()
