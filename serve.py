"""Serve kidash with its security headers (Content-Security-Policy and friends).

``streamlit run serve.py`` runs the same dashboard as ``streamlit run
dashboard.py``, through Streamlit's ASGI ``App`` with one middleware added,
because Streamlit's configuration has no setting for response headers.
"""

from pathlib import Path

import streamlit as st
from starlette.middleware import Middleware

from kidash.security import SecurityHeaders

app = st.App(Path(__file__).parent / "dashboard.py", middleware=[Middleware(SecurityHeaders)])
