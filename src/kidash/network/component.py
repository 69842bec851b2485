"""The live network's component: its words, the data it is given (through PyVis), its markup, and the
standalone HTML page that draws the same module offline."""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from pyvis.network import Network

from kidash import i18n, style
from kidash.network.assets import ASSET_DIR, ASSET_URL, COMPONENT_SCRIPT, COMPONENT_STYLE, VIS_SCRIPT
from kidash.network.drawing import ViewOptions
from kidash.pages import path_prefix

__all__ = [
    "joined_json",
    "loader_script",
    "module_version",
    "component_style",
    "COMPONENT_HTML",
    "component_data",
    "network_html",
    "texts",
]


_TEMPLATES = Path(__file__).parent / "templates"


@lru_cache(maxsize=1)
def _assets() -> tuple[str, str, str]:
    """vis-network, the kidash network module and its stylesheet: the files the app serves."""
    return tuple(
        (ASSET_DIR / name).read_text(encoding="utf-8") for name in (VIS_SCRIPT, COMPONENT_SCRIPT, COMPONENT_STYLE)
    )


def texts(lang: str, colour_by: str, directed: bool, grouped: bool, nodes: int, edges: int) -> dict[str, str]:
    """Every word the drawing shows, in ``lang`` (set with textContent)."""
    line = "legend.line" if directed and not grouped else "legend.line_undirected"
    keys = {
        "png": "network.png_button",
        "fit": "network.fit_button",
        "legend": "legend.title",
        "shape": "legend.shape",
        "marks": "legend.marks",
        "settling": "network.settling",
        "search": "network.search",
        "search_placeholder": "network.search_placeholder",
        "not_found": "network.not_found",
        "zoom_in": "network.zoom_in",
        "zoom_out": "network.zoom_out",
        "close": "network.close",
        "card": "network.card",
        "profile": "network.profile",
        "focus": "network.focus_button",
    }
    result = {name: i18n.t(key, lang) for name, key in keys.items()}
    result["found"] = i18n.t("network.found", lang)  # the module fills in {count}
    result["colour"] = i18n.t(f"legend.colour_by.{colour_by}", lang)
    result["line"] = i18n.t(line, lang)
    result["aria"] = i18n.t("network.aria", lang, nodes=nodes, edges=edges)
    return result


def component_data(
    vis: dict,
    options: ViewOptions,
    *,
    grouped: bool = False,
    selected: str | None = None,
    frame: str = "",
    profile: str = "",
    interactive: bool = True,
) -> dict:
    """What the live network (and the standalone page) is given: the drawing's data passed
    through PyVis (the translator from networkx to vis-network), its words and state.

    ``frame`` names the view; when it changes the drawing fits itself to the
    new nodes, otherwise the camera stays where the person left it.
    ``profile`` is the link to an actor's profile without the id at the end.
    """
    net = Network(directed=True, cdn_resources="in_line")
    net.nodes, net.edges, net.options = vis["nodes"], vis["edges"], vis["options"]
    nodes, edges, _, _, _, vis_options = net.get_network_data()
    directed = vis["options"]["edges"]["arrows"]["to"]["enabled"]
    return {
        "nodes": nodes,
        "edges": edges,
        "documents": vis["documents"],
        "options": json.loads(vis_options),
        "legend": vis["legend"],
        "markStyle": style.MARK_STYLE,
        "physics": vis["physics"],
        "texts": texts(options.lang, options.colour_by, directed, grouped, len(nodes), len(edges)),
        "height": options.height,
        "file": options.file_stem,
        "selected": selected,
        "frame": frame,
        "profile": profile,
        "interactive": interactive,
        "focusable": False,
        "selection": False,
    }


# The component's markup: empty elements that the module fills with textContent (hidden until it has).
COMPONENT_HTML = """<div class="kd-net" hidden>
  <div class="kd-toolbar">
    <label class="kd-search-label" for="kd-search"></label>
    <input class="kd-search" id="kd-search" type="search" autocomplete="off">
    <ul class="kd-suggestions"></ul>
    <span class="kd-search-status" role="status" aria-live="polite"></span>
    <button type="button" class="kd-fit"></button>
    <button type="button" class="kd-zoom-in"></button>
    <button type="button" class="kd-zoom-out"></button>
    <button type="button" class="kd-png"></button>
    <span class="kd-status" role="status" aria-live="polite"></span>
  </div>
  <div class="kd-body">
    <div class="kd-canvas" role="img" tabindex="0"></div>
    <div class="kd-side">
      <aside class="kd-card" hidden aria-live="polite">
        <button type="button" class="kd-close"></button>
        <div class="kd-card-body"></div>
        <div class="kd-card-actions"></div>
      </aside>
      <section class="kd-legend"></section>
    </div>
  </div>
</div>"""


def module_version() -> str:
    """The first 12 hex digits of the network module's SHA-256: its URL carries them, so a browser
    may keep the file for a year and still gets a new release's at once."""
    return hashlib.sha256(_assets()[1].encode("utf-8")).hexdigest()[:12]


def loader_script(base_path: str = "") -> str:
    """The component's inline JavaScript: three lines that import the network module (by its
    versioned URL) from the component's files under the app's ``base_path`` and hand it each update.

    Streamlit loads a component's script *file* through a new ``<script>`` element and waits for its
    load event on every update, a task queued behind the page's rendering (80–110 ms of a filter
    change here); an inline module is imported once and each update calls it at once. The module
    and vis-network stay files the browser caches.

    >>> print(loader_script("kidash").splitlines()[0])  # doctest: +ELLIPSIS
    const MODULE = "/kidash/_stcore/bidi-components/kidash.network/kidash-network.js?v=...";
    """
    path = f"{path_prefix(base_path)}{ASSET_URL}{COMPONENT_SCRIPT}?v={module_version()}"
    return (
        f"const MODULE = {json.dumps(path)};\n"
        "const loaded = import(new URL(MODULE, document.baseURI).href);\n"
        "export default async function (component) { return (await loaded).default(component); }\n"
    )


def component_style() -> str:
    """The network's stylesheet, given to the component inline (a file would be one more request
    before the module's on every page load)."""
    return _assets()[2]


def joined_json(base: str, extra: dict) -> str:
    """The JSON object ``base`` (text of a non-empty object) with ``extra``'s keys added after its
    own, without parsing ``base`` again: the live network's per-view data is serialised once and
    each run adds only its session's few values (a later key wins in JSON.parse, as in ``{**a, **b}``).

    >>> json.loads(joined_json('{"a": 1, "b": 2}', {"b": 3, "c": "<x>"}))
    {'a': 1, 'b': 3, 'c': '<x>'}
    """
    if not (base.startswith("{") and base.endswith("}")) or base.strip("{} ") == "":
        raise ValueError("base must be a non-empty JSON object")
    if not extra:
        return base
    return base[:-1] + "," + json.dumps(extra, ensure_ascii=False)[1:]


def _script_json(value: object) -> Markup:
    """JSON that is safe inside a <script> element: no '<', '>' or '&' characters."""
    text = json.dumps(value, ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(text)  # noqa: S704 - escaped just above for a JSON script block


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(_TEMPLATES), autoescape=select_autoescape(["html"]))


def network_html(data: dict, options: ViewOptions) -> str:
    """A complete HTML page that draws ``data`` (from :func:`vis_data`) offline, with the same
    module, search, card and legend as the app's live network.

    vis-network and the module come inline; nothing loads from another host.
    """
    payload = component_data(data, options, interactive=False)
    vis_js, module_js, css = _assets()
    return (
        _environment()
        .get_template("network.html")
        .render(
            lang=options.lang,
            title=options.title or "kidash",
            markup=Markup(COMPONENT_HTML),  # noqa: S704 - our own fixed markup, no data
            vis_js=Markup(vis_js),  # noqa: S704 - the vendored library, not data
            module_js=Markup(module_js),  # noqa: S704 - our own module, not data
            css=Markup(css),  # noqa: S704 - our own stylesheet, not data
            payload=_script_json(payload),
        )
    )
