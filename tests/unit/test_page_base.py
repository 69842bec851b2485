"""The page's HTML tells Streamlit's frontend where the server is (kidash.server.base_url)."""

import asyncio
from concurrent.futures import ThreadPoolExecutor

from hypothesis import given
from hypothesis import strategies as st

from kidash.pages import DEFAULT_PAGE, PAGE_NAMES
from kidash.server.base_url import PageBase, base_script, page_of, with_base

HTML = b'<html><head><script>window.prerenderReady = false</script><script type="module" src="./x.js"></script></head></html>'


def test_each_page_but_the_home_page_is_known_by_its_path():
    for name in PAGE_NAMES:
        expected = None if name == DEFAULT_PAGE else name
        assert page_of(f"/{name}") == expected
        assert page_of(f"/{name}/") == expected
        assert page_of(f"/kidash/{name}", "kidash") == expected
        assert page_of(f"/{name}", "kidash") is None  # outside the app's base path
    assert page_of("/") is None and page_of("/kidash/", "/kidash/") is None
    assert page_of("/nettverk/_stcore/health") is None and page_of("/static/js/index.js") is None
    assert page_of("/nettverk/aktor") is None  # not a page of this app


@given(st.text(), st.text())
def test_any_path_is_a_page_name_or_nothing(path, base):
    assert page_of(path, base) in (None, *PAGE_NAMES)


def test_the_script_goes_before_the_frontend_module_and_names_only_the_page():
    changed = with_base(HTML, "nettverk")
    script = base_script("nettverk")
    assert changed == HTML.replace(b'<script type="module"', script + b'<script type="module"')
    assert b'"/nettverk"' in script and b"BACKEND_BASE_URL" in script
    assert with_base(b"<html>no module</html>", "nettverk") == b"<html>no module</html>"


def _serve(path: str, body_parts: list[bytes], kind: bytes = b"text/html; charset=utf-8", status: int = 200):
    """Run the middleware over a fake app; what the app was asked and what went out."""
    seen: dict = {}
    sent: list = []

    async def app(scope, receive, send):
        seen["headers"] = dict(scope["headers"])
        headers = [
            (b"content-type", kind),
            (b"content-length", b"1"),
            (b"etag", b'"x"'),
            (b"cache-control", b"no-cache"),
        ]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        for i, part in enumerate(body_parts):
            await send({"type": "http.response.body", "body": part, "more_body": i < len(body_parts) - 1})

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": "GET", "path": path, "headers": [
        (b"accept-encoding", b"gzip"), (b"if-none-match", b'"x"'), (b"cookie", b"a=b")]}  # fmt: skip
    # in a thread of its own: the browser tests' driver may hold this thread's event loop
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, PageBase(app)(scope, None, send)).result()
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return seen["headers"], dict(sent[0]["headers"]), body


def test_a_page_gets_its_html_whole_and_with_the_script():
    asked, headers, body = _serve("/nettverk", [HTML[:30], HTML[30:]])
    assert body == with_base(HTML, "nettverk")
    assert headers[b"content-length"] == str(len(body)).encode()
    assert b"etag" not in headers and headers[b"cache-control"] == b"no-cache"
    # never an old copy (304) or a compressed one, which the script could not go into
    assert b"accept-encoding" not in asked and b"if-none-match" not in asked and asked[b"cookie"] == b"a=b"


def test_everything_else_passes_unchanged():
    for path, kind, status in (("/", b"text/html", 200), ("/_stcore/health", b"text/plain", 200),
                               ("/nettverk", b"text/plain", 200), ("/nettverk", b"text/html", 404)):  # fmt: skip
        asked, headers, body = _serve(path, [HTML], kind, status)
        assert body == HTML and headers[b"etag"] == b'"x"', path
        if path == "/":
            assert asked[b"if-none-match"] == b'"x"'
