"""The sidebar every page shares: the language switch and the filters, bound to the view state."""

from __future__ import annotations

import datetime as dt
import time

import streamlit as st

from kidash import i18n
from kidash.app import state
from kidash.map.filters import Filters
from kidash.map.graph import names_of
from kidash.pages import PAGES
from kidash.view.dates import step

__all__ = ["language_switch", "filters_sidebar", "time_filter", "time_notice", "play_step", "PLAY_SECONDS"]

_LANGUAGE_NAMES = {"nb": "Norsk (bokmål)", "en": "English"}
# (view attribute, i18n key of the label, vocabulary for option labels or None for actor names), in sidebar order
_FILTERS = (
    ("regions", "filters.region", "region"),
    ("org_types", "filters.type", "type"),
    ("initiatives", "filters.initiative", None),
)
# In «More filters», a closed popover (the browser draws nothing of it until it is opened).
_MORE_FILTERS = (
    ("kinds", "filters.kind", "kind"),
    ("relations", "filters.relation", "relation"),
)


def language_switch() -> str:
    """The language switch at the top of the sidebar; returns the language chosen."""
    return state.bind(
        st.sidebar.selectbox,
        "lang",
        i18n.t("sidebar.language"),
        state.choices().options["lang"],
        format_func=_LANGUAGE_NAMES.__getitem__,
    )


def filters_sidebar(graph, lang: str) -> Filters:
    """Draw the filters (options: what the map holds) and return the view's filters."""
    st.sidebar.header(i18n.t("filters.heading", lang))
    for attr, label_key, vocabulary in _FILTERS:
        _multiselect(st.sidebar, graph, lang, attr, label_key, vocabulary)
    attrs = [attr for attr, *_ in _MORE_FILTERS] + ["show_people"]
    more = state.more(i18n.t("filters.more", lang), attrs, st.sidebar, icon=":material/filter_list:", width="stretch")
    for attr, label_key, vocabulary in _MORE_FILTERS:
        _multiselect(more, graph, lang, attr, label_key, vocabulary)
    state.bind(more.toggle, "show_people", i18n.t("filters.people", lang), help=i18n.t("filters.people.help", lang))
    time_filter(lang)
    st.sidebar.button(i18n.t("filters.reset", lang), on_click=state.reset_filters, key="f_reset")
    return state.view().filters()


def _multiselect(container, graph, lang: str, attr: str, label_key: str, vocabulary: str | None) -> None:
    """One filter: a choice of many among what the map holds; none chosen means all."""
    options = state.choices().options[attr]
    if vocabulary is None:
        label = names_of(graph, lang, options).__getitem__
    else:
        label = lambda value: i18n.label(vocabulary, value, lang)  # noqa: E731
    state.bind(
        container.multiselect,
        attr,
        i18n.t(label_key, lang),
        options,
        format_func=label,
        placeholder=i18n.t("filters.all", lang),
        select_all=False,  # «Select all» is English on every page, and all is what none chosen means
    )


def time_filter(lang: str) -> None:
    """The map as of a date (empty: everything, today) and whether that means what the sources had
    said by then or what was in force then; with steps through the map's dates, play, and a way back
    to the whole map. All in a popover whose label says the date shown (closed, the browser draws
    none of its controls: the date field alone is a script of its own to load on every page)."""
    moments = state.choices().options["as_of"]
    view = state.view()
    current = view.as_of
    dated = current is not None
    when = ""
    if dated:
        when = i18n.t(f"filters.time_basis.{view.time_basis}.short", lang,
                      date=i18n.format_date(dt.date.fromisoformat(current), lang))  # fmt: skip
    controls = st.sidebar.popover(
        i18n.md("filters.as_of.label", lang, when=when) if dated else i18n.t("filters.as_of.today", lang),
        icon=":material/history:", width="stretch",
    )  # fmt: skip
    state.tuck(("as_of", "time_basis"))
    state.bind(
        controls.text_input,
        "as_of",
        i18n.t("filters.as_of", lang),
        placeholder=i18n.t("date.placeholder", lang),
        help=i18n.t("filters.as_of.help", lang),
    )
    # Step through the map's own dates (publications, starts, ends): the layout stays, the change moves.
    for direction, key, icon in ((-1, "f_as_of_prev", "skip_previous"), (1, "f_as_of_next", "skip_next")):
        target = step(moments, current, direction)
        words = i18n.format_date(dt.date.fromisoformat(target), lang) if target else ""
        controls.button(
            i18n.t("filters.as_of.prev" if direction < 0 else "filters.as_of.next", lang), key=key,
            disabled=target is None, on_click=state.change, kwargs={"as_of": target}, icon=f":material/{icon}:",
            help=i18n.md("filters.as_of.step_help", lang, date=words) if target else None, width="stretch",
        )  # fmt: skip
    playing = bool(st.session_state.get(_PLAYING))
    controls.button(
        i18n.t("filters.as_of.stop" if playing else "filters.as_of.play", lang), key="f_play", width="stretch",
        icon=":material/pause:" if playing else ":material/play_arrow:", on_click=_stop if playing else _start,
        args=() if playing else (moments,), disabled=len(moments) < 2,
        help=i18n.md("filters.as_of.play_help", lang, seconds=i18n.format_number(PLAY_SECONDS, lang, 1)),
    )  # fmt: skip
    if playing:
        with st.sidebar:
            _player()
    if dated:
        # What «as of» means only matters with a date: shown then, so no disabled (low-contrast) choice lingers.
        state.choose(
            "time_basis",
            i18n.t("filters.time_basis", lang),
            labels="filters.time_basis",
            widget=controls.radio,
            help=i18n.t("filters.time_basis.help", lang),
        )
        controls.button(
            i18n.t("filters.as_of.clear", lang), key="f_as_of_clear", on_click=state.change, kwargs={"as_of": None, "time_basis": "stated"},
            icon=":material/update:",
        )  # fmt: skip


# Play: the date steps through the map's own dates, one every PLAY_SECONDS, on every page that follows
# the filters; each step is a real view (in the URL, the network updated in place, its places kept).
PLAY_SECONDS = 2.5
_PLAYING = "kd_playing"  # session keys: not in the URL, so a copied link never starts playing
_PLAY_NEXT = "kd_play_next"
_PLAY_AT = "kd_play_at"


def _start(moments: tuple[str, ...]) -> None:
    """Play from the date shown (from the first date when none is chosen or the last is reached)."""
    if step(moments, state.view().as_of, 1) is None or state.view().as_of is None:
        state.change(as_of=moments[0])
    st.session_state[_PLAYING] = True
    st.session_state[_PLAY_AT] = time.monotonic()


def _stop() -> None:
    st.session_state[_PLAYING] = False


def play_step() -> None:
    """If a tick of the player asked for the next date, take it (at the last date, stop there). Called
    once per run before the URL is written and any widget drawn, so the URL, the date widget and every
    page show the same date."""
    if not (st.session_state.pop(_PLAY_NEXT, False) and st.session_state.get(_PLAYING)):
        return
    moments = state.choices().options["as_of"]
    following = step(moments, state.view().as_of, 1)
    if following is not None:
        state.change(as_of=following)
        st.session_state[_PLAY_AT] = time.monotonic()
    if following is None or step(moments, following, 1) is None:
        _stop()


@st.fragment(run_every=PLAY_SECONDS)
def _player() -> None:
    """Ticks while playing: every PLAY_SECONDS the whole page runs again one date further. Only a tick
    that comes a step's time after the last step moves (the fragment also runs with the page)."""
    if st.session_state.get(_PLAYING) and time.monotonic() - st.session_state.get(_PLAY_AT, 0.0) >= PLAY_SECONDS * 0.8:
        st.session_state[_PLAY_NEXT] = True
        st.rerun(scope="app")


def time_notice(page: str, lang: str) -> None:
    """On a page that follows the filters, say plainly that the map is shown as of a date, and how."""
    view = state.view()
    if view.as_of and any(spec.name == page and spec.follows_filters for spec in PAGES):
        when = i18n.format_date(dt.date.fromisoformat(view.as_of), lang)
        st.info(i18n.md(f"time.notice.{view.time_basis}", lang, date=when), icon=":material/history:")
