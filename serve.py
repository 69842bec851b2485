"""Serve kidash with its security headers (Content-Security-Policy and friends).

``streamlit run serve.py`` runs the same dashboard as ``streamlit run
dashboard.py``, through Streamlit's ASGI ``App`` with two middlewares added,
because Streamlit's configuration has no setting for response headers or for
the page's HTML (``kidash.server.base_url``: each page's HTML tells the frontend
where the server is, which it would otherwise guess wrong first on every
page but the home page), and one route: ``/_kidash/session/<id>`` answers whether this server holds a session
(404: it does not), so a page that reconnected to another replica after its own
died can reload itself from its URL (see ``kidash.app.frame.keep_session``).
"""

from pathlib import Path

import streamlit as st
from starlette.middleware import Middleware
from starlette.responses import Response
from starlette.routing import Route
from streamlit.runtime import Runtime

from kidash.server.base_url import PageBase
from kidash.server.headers import SecurityHeaders
from kidash.server.session import session_path


async def _session(request) -> Response:
    known = Runtime.exists() and Runtime.instance()._session_mgr.get_session_info(request.path_params["id"])
    return Response(status_code=204 if known else 404, headers={"Cache-Control": "no-store"})


app = st.App(
    Path(__file__).parent / "dashboard.py",
    routes=[Route(session_path(st.get_option("server.baseUrlPath")) + "{id}", _session)],
    middleware=[Middleware(SecurityHeaders), Middleware(PageBase, base_url_path=st.get_option("server.baseUrlPath"))],
)
