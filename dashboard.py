"""kidash entry point: page setup, language switch and navigation."""

from pathlib import Path

import streamlit as st

from kidash import i18n, ui

HERE = Path(__file__).parent

st.set_page_config(page_title="kidash", page_icon="🕸️", layout="wide")
lang = ui.choose_language()
pages = [
    st.Page(HERE / "pages" / "home.py", title=i18n.t("nav.home", lang), icon=":material/home:", default=True),
]
st.navigation(pages).run()
