"""HTTP security headers for serving kidash: nothing may load from or talk to another host."""

from __future__ import annotations

from kidash.network.assets import ASSET_URL, COMPONENT_SCRIPT, VIS_SCRIPT

__all__ = [
    "CONTENT_SECURITY_POLICY",
    "SECURITY_HEADERS",
    "SecurityHeaders",
    "IMMUTABLE_ASSETS",
    "VERSIONED_ASSETS",
    "cache_control",
]

# Everything from the app's own origin; inline script and style because Streamlit's frontend,
# Plotly and the network drawing use them; data:/blob: for pictures and downloads built in the
# browser. No outside host anywhere: a name that smuggles in <img src="http://…"> cannot fetch it.
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline' 'unsafe-eval' blob:",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "media-src 'self' data: blob:",
        "worker-src 'self' blob:",
        "frame-src 'self' blob: data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    )
)
SECURITY_HEADERS: dict[str, str] = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


# Files whose name carries their version: a browser may keep them for a year. Streamlit serves
# component files with «Cache-Control: public» and no validator, so without this every new tab
# fetches vis-network (470 kB) again.
IMMUTABLE_ASSETS: tuple[str, ...] = (ASSET_URL + VIS_SCRIPT,)
# Files asked for with their version in the query (``?v=`` and a hash of their content,
# network_component.module_version): kept as long, and a new release's URL is a new one.
VERSIONED_ASSETS: tuple[str, ...] = (ASSET_URL + COMPONENT_SCRIPT,)
_IMMUTABLE = "public, max-age=31536000, immutable"


def cache_control(path: str, query: str = "") -> str | None:
    """The Cache-Control this app sets itself for ``path`` with ``query`` (None: leave Streamlit's).

    >>> cache_control("/_stcore/bidi-components/kidash.network/vis-network-9.1.2.min.js")
    'public, max-age=31536000, immutable'
    >>> cache_control("/_stcore/bidi-components/kidash.network/kidash-network.js") is None
    True
    >>> cache_control("/_stcore/bidi-components/kidash.network/kidash-network.js", "v=0123abcd4567")
    'public, max-age=31536000, immutable'
    """
    versioned = path.endswith(VERSIONED_ASSETS) and query.startswith("v=")
    return _IMMUTABLE if path.endswith(IMMUTABLE_ASSETS) or versioned else None


class SecurityHeaders:
    """ASGI middleware that adds :data:`SECURITY_HEADERS` to every HTTP response, and a long
    cache life to the versioned files (:data:`IMMUTABLE_ASSETS`, :data:`VERSIONED_ASSETS`).

    Used by ``serve.py`` (Streamlit's ``st.App``); the reverse proxy in
    ``deploy/`` sets the same headers in front of it.
    """

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        caching = cache_control(scope.get("path", ""), scope.get("query_string", b"").decode("latin-1"))

        async def send_with_headers(message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                if caching and message.get("status") == 200:
                    headers = [(n, v) for n, v in headers if n.lower() != b"cache-control"]
                    headers.append((b"cache-control", caching.encode()))
                present = {name.lower() for name, _ in headers}
                for name, value in SECURITY_HEADERS.items():
                    if name.lower().encode() not in present:
                        headers.append((name.lower().encode(), value.encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)
