"""A bare Streamlit page with one chart: the yardstick for bench_browser.py."""

import plotly.graph_objects as go
import streamlit as st

st.title("Bare")
st.plotly_chart(go.Figure(go.Bar(x=["a", "b", "c"], y=[1, 3, 2])))
