"""Where the server answers whether it holds a session: the path, under the app's base URL path.

``serve.py`` answers it (204: this server holds the session, 404: it does not) and
:func:`kidash.app.frame.keep_session` asks it every few seconds, so a tab whose
replica died behind a proxy reloads its view on the living one.
"""

from __future__ import annotations

from kidash.pages import path_prefix

__all__ = ["SESSION_PATH", "session_path"]

SESSION_PATH = "/_kidash/session/"


def session_path(base_url_path: str | None) -> str:
    """:data:`SESSION_PATH` under Streamlit's ``server.baseUrlPath``.

    >>> session_path(""), session_path("kidash/")
    ('/_kidash/session/', '/kidash/_kidash/session/')
    """
    return path_prefix(base_url_path) + SESSION_PATH
