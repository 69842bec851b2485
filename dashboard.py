"""kidash entry point: page setup, the view state, the shared sidebar (language, filters) and navigation."""

from pathlib import Path

import streamlit as st

from kidash.app import cache, frame, identity, living, own_data, session, sidebar, state
from kidash.pages import DEFAULT_PAGE

HERE = Path(__file__).parent
# The pages live in app_pages/, not pages/: with a pages/ folder beside this file,
# Streamlit 1.67 runs fresh sessions in its legacy multipage mode, which skips this
# script (and so the shared sidebar) for deep links such as /nettverk?region=...

st.set_page_config(page_title="kidash", page_icon="🕸️", layout="wide")
session.follow_link()  # a link's map and past change, before the data is read
dataset = session.current_dataset()
state.begin(cache.view_choices(dataset))  # a link's language and filters, before anything is drawn
sidebar.play_step()  # playing the dates: the next date, before the URL is written
lang = sidebar.language_switch()
identity.account(lang)  # where sign-in is on: who is signed in, and a way in or out
navigation = st.navigation(list(state.app_pages(HERE, lang, with_store=session.store() is not None).values()))
# The browser tab names the page (WCAG 2.4.2) and the document language follows the switch (3.1.1).
st.set_page_config(page_title=f"{navigation.title} · kidash")
frame.set_document_language(lang)
frame.streamlit_words(lang)  # Streamlit's own words on its widgets in the page's language
frame.keep_session()  # behind a proxy: a tab whose replica died reloads its view on the living one
frame.popover_keyboard()  # a popover's controls come next after its button, for the keyboard too
# the page's own choices from a link; the URL (marked while this session shows its own upload)
page = navigation.url_path or DEFAULT_PAGE
state.enter(page, lang)
own_data.banner(lang)  # while this session explores its own upload: say so, with a way back
living.past_banner(lang)  # while this session looks at the map as it was after a past change
living.news(lang)  # another person's change that made this run
living.map_caption(lang)  # the map shown, when it is not the shared one today
sidebar.filters_sidebar(cache.full_graph(dataset), lang)
sidebar.time_notice(page, lang)  # the map as of a date: said on every page it applies to
living.watch(lang, follow=page != "rediger")  # another person's change shown within seconds
navigation.run()
