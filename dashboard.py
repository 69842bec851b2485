"""kidash entry point: page setup, the view state, the shared sidebar (language, filters) and navigation."""

from pathlib import Path

import streamlit as st

from kidash import ui, ui_data, ui_sidebar, ui_state
from kidash.pages import DEFAULT_PAGE

HERE = Path(__file__).parent
# The pages live in app_pages/, not pages/: with a pages/ folder beside this file,
# Streamlit 1.67 runs fresh sessions in its legacy multipage mode, which skips this
# script (and so the shared sidebar) for deep links such as /nettverk?region=...

st.set_page_config(page_title="kidash", page_icon="🕸️", layout="wide")
dataset = ui.current_dataset()
ui_state.begin(ui.view_choices(dataset))  # a link's language and filters, before anything is drawn
ui_sidebar.play_step()  # playing the dates: the next date, before the URL is written
lang = ui_sidebar.language_switch()
navigation = st.navigation(list(ui_state.app_pages(HERE, lang).values()))
# The browser tab names the page (WCAG 2.4.2) and the document language follows the switch (3.1.1).
st.set_page_config(page_title=f"{navigation.title} · kidash")
ui.set_document_language(lang)
ui.keep_session()  # behind a proxy: a tab whose replica died reloads its view on the living one
ui.popover_keyboard()  # a popover's controls come next after its button, for the keyboard too
# the page's own choices from a link; the URL (marked while this session shows its own upload)
ui_state.enter(navigation.url_path or DEFAULT_PAGE, lang, own_data=ui.uploaded_dataset() is not None)
ui_data.banner(lang)  # while this session explores its own upload: say so, with a way back
ui_sidebar.filters_sidebar(ui.full_graph(dataset), lang)
ui_sidebar.time_notice(
    navigation.url_path or DEFAULT_PAGE, lang
)  # the map as of a date: said on every page it applies to
navigation.run()
