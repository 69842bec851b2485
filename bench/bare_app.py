"""A bare Streamlit page with one chart and one sidebar filter: the yardstick for bench_browser.py."""

import plotly.graph_objects as go
import streamlit as st

chosen = st.sidebar.multiselect("Filter", ["a", "b", "c", "d", "e"])
shown = chosen or ["a", "b", "c", "d", "e"]
st.title("Bare")
st.plotly_chart(go.Figure(go.Bar(x=shown, y=list(range(1, len(shown) + 1))), layout={"title": f"bars={len(shown)}"}))
