"""Tell a page where its server is before Streamlit's frontend has to guess.

Streamlit's frontend does not know the app's base path. Opened at
``/nettverk`` it first asks ``/nettverk/_stcore/health``, gets a 404, waits its
100 ms retry delay and only then asks ``/_stcore/health``. That costs every deep
link and every reload of a page other than the home page about 140 ms before
the websocket opens (measured in Chromium on the network page: websocket
created at 0.33 s instead of 0.21 s).

The frontend takes the answer from ``window.__streamlit.BACKEND_BASE_URL`` when
the page sets it before the frontend's module runs. :class:`PageBase` is ASGI
middleware that writes that setting into the HTML Streamlit serves for each of
kidash's page paths. The browser works the address out from its own location,
by taking the page's name off the end. A proxy that adds a path prefix in front
is kept that way, because the server sees the path after the prefix is removed
and the browser sees it before.

Any path that is not one of the pages gets Streamlit's HTML unchanged, and so
does a page whose HTML lacks the place to write. The frontend then guesses as
before.
"""

from __future__ import annotations

import json

from kidash.pages import DEFAULT_PAGE, PAGE_NAMES, path_prefix

__all__ = ["PageBase", "page_of", "base_script", "with_base"]

_MODULE_SCRIPT = b'<script type="module"'
# Headers that would let Streamlit answer with a body this middleware cannot change: a 304 to
# a browser that kept the page from before, or a compressed page.
_DROPPED_REQUEST_HEADERS = {b"if-none-match", b"if-modified-since", b"accept-encoding"}
# The page is made per request now: the file's own validators would describe another body.
_DROPPED_RESPONSE_HEADERS = {b"content-length", b"etag", b"last-modified"}


def page_of(path: str, base_url_path: str = "") -> str | None:
    """The kidash page that ``path`` opens (under Streamlit's ``server.baseUrlPath``), or None.

    The home page has no name in its path, so nothing is guessed wrong there.

    >>> page_of("/nettverk"), page_of("/nettverk/"), page_of("/kidash/aktor", "/kidash/")
    ('nettverk', 'nettverk', 'aktor')
    >>> page_of("/"), page_of("/home"), page_of("/static/js/x.js"), page_of("/kidash", "kidash")
    (None, None, None, None)
    """
    base = path_prefix(base_url_path)
    rest = path.rstrip("/")
    if not rest.startswith(base + "/"):
        return None
    name = rest[len(base) + 1 :]
    return name if name in PAGE_NAMES and name != DEFAULT_PAGE else None


def base_script(page: str) -> bytes:
    """The inline script that gives the frontend its server's address on ``page``'s path.

    >>> print(base_script("nettverk").decode())  # doctest: +ELLIPSIS
    <script>(function(){var p=location.pathname.replace(/\\/+$/,""),s="/nettverk";...</script>
    """
    suffix = json.dumps("/" + page)
    return (
        "<script>(function(){"
        f'var p=location.pathname.replace(/\\/+$/,""),s={suffix};'
        "if(p.slice(-s.length)!==s)return;"
        "window.__streamlit=Object.assign({},window.__streamlit,"
        '{BACKEND_BASE_URL:location.origin+p.slice(0,-s.length)+"/"});'
        "})()</script>"
    ).encode()


def with_base(html: bytes, page: str) -> bytes:
    """``html`` with :func:`base_script` just before the frontend's module script
    (unchanged when that is not found).

    >>> with_base(b'<head><script type="module" src="x.js"></script>', "aktor").count(b"BACKEND_BASE_URL")
    1
    >>> with_base(b"<p>not Streamlit's page</p>", "aktor")
    b"<p>not Streamlit's page</p>"
    """
    at = html.find(_MODULE_SCRIPT)
    return html if at < 0 else html[:at] + base_script(page) + html[at:]


class PageBase:
    """ASGI middleware: the HTML of a kidash page path carries :func:`base_script`.

    ``base_url_path`` is Streamlit's ``server.baseUrlPath``, which prefixes every path the
    server answers.
    """

    def __init__(self, app, base_url_path: str = "") -> None:
        self.app = app
        self.base_url_path = base_url_path

    async def __call__(self, scope, receive, send) -> None:
        page = None
        if scope["type"] == "http" and scope.get("method") == "GET":
            page = page_of(scope.get("path", ""), self.base_url_path)
        if page is None:
            await self.app(scope, receive, send)
            return
        headers = [(n, v) for n, v in scope.get("headers", []) if n.lower() not in _DROPPED_REQUEST_HEADERS]
        start: dict = {}
        body: list[bytes] = []

        async def rewrite(message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
                return
            if message["type"] != "http.response.body":
                await send(message)
                return
            body.append(message.get("body", b""))
            if message.get("more_body", False):
                return
            content = b"".join(body)
            response_headers = list(start.get("headers", []))
            kind = dict((n.lower(), v) for n, v in response_headers).get(b"content-type", b"")
            if start.get("status") == 200 and kind.startswith(b"text/html"):
                content = with_base(content, page)
                response_headers = [(n, v) for n, v in response_headers if n.lower() not in _DROPPED_RESPONSE_HEADERS]
                response_headers.append((b"content-length", str(len(content)).encode()))
            await send({**start, "headers": response_headers})
            await send({"type": "http.response.body", "body": content, "more_body": False})

        await self.app({**scope, "headers": headers}, receive, rewrite)
