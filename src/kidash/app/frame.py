"""What every page opens with: one call that gives the page its language, data and maps, and draws
its title, intro and the notice when the filters do not apply to it; and the frame's own scripts
(document language, a dead replica's tab, the keyboard in popovers).

Modelled on datasette's ``resolve_table(request)``: every page makes the one call
:func:`open_page` and gets one object with what it needs, built when first read.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cached_property

import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from kidash import i18n
from kidash.app import cache, keyboard, session, show, state, widget_words
from kidash.data.dataset import Dataset
from kidash.map.filters import Filters
from kidash.map.summary import documents_by_id
from kidash.pages import PAGE_BY_NAME, PageSpec
from kidash.server.session import session_path

__all__ = ["Page", "open_page", "set_document_language", "streamlit_words", "keep_session", "popover_keyboard"]


@dataclass
class Page:
    """One page's run: its spec, the language, the dataset and filters of this session's view, and
    (built when first read, cached across sessions) the whole map, the map in view and the names."""

    spec: PageSpec
    lang: str
    dataset: Dataset
    filters: Filters

    @cached_property
    def full(self):
        """The whole map."""
        return cache.full_graph(self.dataset)

    @cached_property
    def graph(self):
        """The map in view: as the filters leave it on a page they apply to, else the whole map."""
        return cache.filtered_graph(self.dataset, self.filters) if self.spec.follows_filters else self.full

    @cached_property
    def names(self) -> dict[str, str]:
        """Every actor's whole name in the page's language, by id."""
        return cache.names(self.dataset, self.lang)

    @cached_property
    def documents(self) -> dict[str, tuple[str, str]]:
        """Each source document's label and date in the page's language, by id."""
        return self.per_view("documents-by-id", lambda: documents_by_id(self.dataset, self.lang), self.lang)

    @property
    def own_data(self) -> bool:
        """Whether this session explores its own upload."""
        return session.uploaded_dataset() is not None

    def per_view(self, what: str, build, *parts):
        """``build()`` once per dataset content, ``what`` and ``parts`` (:func:`kidash.app.cache.per_view`)."""
        return cache.per_view(what, self.dataset, build, *parts)

    def table(self, what: str, build, *parts, caption: str | None = None) -> None:
        """The table ``build()`` gives, shown as an HTML table built once per ``what`` and ``parts``."""
        show.view_table(what, self.dataset, build, *parts, caption=caption)


def open_page(name: str) -> Page:
    """Open the page ``name``: its title, its intro and, when filters are set that do not apply to
    it, a notice saying so; returns what the page needs."""
    spec = PAGE_BY_NAME[name]
    lang = state.language()
    page = Page(spec, lang, session.current_dataset(), state.current_filters())
    st.title(i18n.t(f"{spec.words}.heading", lang))
    if spec.own_intro and page.own_data:
        show.line(i18n.html(spec.own_intro, lang, label=page.dataset.label))
    elif spec.intro:
        st.markdown(i18n.t(f"{spec.words}.intro", lang))
    if spec.notice and not page.filters.is_default:
        st.info(i18n.t(spec.notice, lang))
    if page.dataset.actors.empty and (spec.follows_filters or spec.name == "aktor"):
        st.info(i18n.t("map.empty", lang), icon=":material/draw:")  # a new map: nothing to draw yet
        state.page_link("rediger", i18n.t("map.empty.add", lang), icon=":material/add:")
        st.stop()
    return page


def popover_keyboard() -> None:
    """A popover's controls next in the keyboard's order after its button (:mod:`kidash.app.keyboard`)."""
    st.html(keyboard.POPOVER_FOCUS, unsafe_allow_javascript=True)


def streamlit_words(lang: str) -> None:
    """Streamlit's own words on a widget (Upload, Press Enter to apply …) in the page's language
    (:mod:`kidash.app.widget_words`)."""
    st.html(widget_words.script(lang), unsafe_allow_javascript=True)


def set_document_language(lang: str) -> None:
    """Set ``<html lang>`` to the chosen language, which Streamlit itself leaves at «en»."""
    code = lang if lang in i18n.LANGUAGES else i18n.DEFAULT_LANGUAGE  # a fixed code, never user text
    # Re-applied for a few seconds: under load the frontend may mount this before its own re-renders.
    script = (
        f"<script>(function () {{ var n = 0; function set() {{ document.documentElement.lang = {code!r}; }}"
        " set(); var t = setInterval(function () { set(); if (++n > 20) clearInterval(t); }, 500); })();</script>"
    )
    st.html(script, unsafe_allow_javascript=True)


def keep_session() -> None:
    """Reload the page from its URL when the server it is connected to does not hold its session.

    Streamlit's page reconnects by itself when its websocket drops, but since 1.37 it reruns
    only if a run was interrupted: behind a proxy, a tab whose replica died would keep
    showing the old page on a replica that knows nothing of it. Every few seconds the page
    asks (``serve.py``); on «unknown session» it reloads, and the new session opens the same
    view from the URL (an upload is gone, and the page says so). A short network break to the
    same server keeps the session: it is still known there.
    """
    ctx = get_script_run_ctx()
    if ctx is None or not re.fullmatch(r"[0-9a-f-]{36}", ctx.session_id):
        return
    url = json.dumps(session_path(st.get_option("server.baseUrlPath")) + ctx.session_id)
    script = (
        "<script>(function () { var w = window; w.kdSessionUrl = " + url + ";"
        " if (w.kdSessionTimer) { return; }"
        " w.kdSessionTimer = setInterval(function () {"
        " fetch(w.kdSessionUrl, {cache: 'no-store', credentials: 'same-origin'})"
        ".then(function (r) { if (r.status === 404) { clearInterval(w.kdSessionTimer); w.location.reload(); } })"
        ".catch(function () {}); }, 3000); })();</script>"
    )
    st.html(script, unsafe_allow_javascript=True)
