"""The live network on a page: vis-network mounted once (st.components.v2), updated in place.

The component's JavaScript and vis-network are served once as files of the
component's ``asset_dir`` (declared in ``src/kidash/pyproject.toml``); each
rerun sends only the drawing's data. A click, a double-click, a search hit or
a click on a group comes back as a trigger, and the callbacks below make it
part of the view (and so of the URL) like every other choice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import streamlit as st

from kidash import i18n
from kidash.app import cache, living, session, show, state
from kidash.charts.canvas import SLIDE, chart_picture
from kidash.exports.images import figure_bytes
from kidash.map.changes import previous_stop
from kidash.map.graph import full_name
from kidash.map.groups import group_label
from kidash.network.assets import COMPONENT_NAME
from kidash.network.component import COMPONENT_HTML, component_style, joined_json, loader_script
from kidash.network.drawing import MAX_DRAWN_NODES
from kidash.network.shown import ShownNetwork

__all__ = [
    "live_network",
    "show_network",
    "profile_base",
    "network_choices",
    "network_notices",
    "network_downloads",
    "network_tables",
    "TABLES",
]

_MOUNT: list = []  # the component's mount function, made on first use


def _component():
    """The registered component. Made inside a script run: its files are found through the
    manifest Streamlit's runtime reads at start, so a bare import (doctests) must not register it."""
    if not _MOUNT:
        _MOUNT.append(
            st.components.v2.component(
                COMPONENT_NAME,
                html=COMPONENT_HTML,
                css=component_style(),
                js=loader_script(st.get_option("server.baseUrlPath") or ""),
                isolate_styles=True,
            )
        )
    return _MOUNT[0]


_OPEN_PROFILE = "kd_open_profile"  # set by a card's profile link; the page then changes
_PLACEHOLDER = "__kidash_actor__"
_SELECTING = "n_network"  # the network page's drawing: its selection is part of the view


def profile_base() -> str:
    """The link to an actor's profile in this view, without the actor's id at its end."""
    link = state.link_to("aktor", actor=_PLACEHOLDER)
    return link[: -len(_PLACEHOLDER)] if link.endswith(_PLACEHOLDER) else ""


def _event(key: str, name: str) -> dict:
    value = (st.session_state.get(key) or {}).get(name)
    return value if isinstance(value, dict) else {}


def _on_select(key: str) -> None:
    if key == _SELECTING:
        state.change(selected=_event(key, "select").get("id"))


def _on_focus(key: str) -> None:
    actor = _event(key, "focus").get("id")
    state.change(focus=actor, selected=actor)


def _on_open(key: str) -> None:
    actor = _event(key, "open").get("id")
    if state.change(actor=actor, selected=actor):
        st.session_state[_OPEN_PROFILE] = True


def _on_group(key: str) -> None:
    state.change(group=_event(key, "group").get("key"), selected=None)


def live_network(shown: ShownNetwork, lang: str, key: str = _SELECTING, selection: bool = True) -> None:
    """Draw ``shown`` in the live network. A card links to the actor's profile; with
    ``selection`` (the network page) a click selects in the view and the URL, and a
    double-click or the card's button focuses the map on the actor."""
    if not shown.payload:
        return
    view = state.view()
    # JSON text, not a dict: Streamlit would serialise a dict twice on every run (payload and identity)
    data = joined_json(
        shown.payload_json,
        {
            "selected": view.selected if selection else None,
            "profile": profile_base(),
            "interactive": True,
            "focusable": selection,
            "selection": selection,
        },
    )
    _component()(
        key=key,
        data=data,
        height="content",
        on_select_change=lambda: _on_select(key),
        on_focus_change=lambda: _on_focus(key),
        on_open_change=lambda: _on_open(key),
        on_group_change=lambda: _on_group(key),
    )
    if st.session_state.pop(_OPEN_PROFILE, False):
        st.switch_page(state.page_target("aktor"))
    chosen = next((n for n in shown.vis["nodes"] if n["id"] == view.selected), None) if selection else None
    if chosen is not None:
        # The same choice as native elements: a keyboard path to the profile, and what AppTest sees.
        name = chosen["card"][0][1]
        text, link, edit, clear = st.columns([3, 2, 1.4, 1.4], vertical_alignment="center")
        show.line(i18n.html("network.selected", lang, name=name), text)
        state.page_link("aktor", i18n.t("network.profile", lang), icon=":material/badge:", container=link,
                           actor=view.selected)  # fmt: skip
        if living.editing_allowed() and session.map_info() is not None and session.map_choice().at is None:
            state.page_link("rediger", i18n.t("profile.edit", lang), icon=":material/edit:", container=edit,
                            edit_table="actors", edit_row=view.selected)  # fmt: skip
        clear.button(i18n.t("network.clear_selection", lang), key=f"{key}_clear", on_click=state.change,
                     kwargs={"selected": None})  # fmt: skip


def show_network(shown: ShownNetwork, lang: str, key: str = _SELECTING) -> None:
    """The live network (nothing when there is nothing to draw); only the network page's
    drawing (``n_network``) selects for the view."""
    live_network(shown, lang, key=key, selection=key == _SELECTING)


# --- the network page's parts --------------------------------------------------


def network_choices(graph, lang: str) -> dict:
    """The network page's own controls, bound to the view; returns the choices as
    :func:`kidash.app.cache.network_view` takes them."""
    view_column, colour_column, focus_column, depth_column, more_column = st.columns(
        [1.1, 0.9, 1.5, 0.8, 1.2], vertical_alignment="bottom"
    )
    choices = {
        "view": state.choose(
            "network_view", i18n.t("network.view", lang), "network.view", view_column.radio, horizontal=True
        ),
        "colour_by": state.choose(
            "colour_by", i18n.t("network.colour_by", lang), "network.colour", colour_column.selectbox
        ),
        "focus": state.actor_picker(
            "focus", i18n.t("network.focus", lang), graph, i18n.t("network.focus.none", lang), focus_column
        ),
    }
    # Depth only means something with a focus; shown then, so no disabled (low-contrast) control lingers.
    choices["depth"] = 1
    if choices["focus"]:
        choices["depth"] = state.choose("depth", i18n.t("network.depth", lang), widget=depth_column.select_slider)
    # The less-used choices of the drawing, in a popover (closed, the browser draws none of them).
    more = state.more(
        i18n.t("network.more", lang), ("size_by", "physics", "marks"), more_column, icon=":material/tune:"
    )
    choices["size_by"] = state.choose("size_by", i18n.t("network.size_by", lang), "network.size", more.selectbox)
    choices["physics"] = state.bind(
        more.toggle, "physics", i18n.t("network.physics", lang), help=i18n.t("network.physics.help", lang)
    )
    view = state.view()
    choices["group"] = view.group
    # What changed since the map's date before this one (the date in the sidebar, or today).
    marked = state.bind(more.toggle, "marks", i18n.t("network.marks", lang), help=i18n.t("network.marks.help", lang))
    moments = state.choices().options["as_of"]
    choices["since"] = previous_stop(moments, view.as_of or dt.date.today().isoformat()) if marked else None
    return choices


def network_notices(shown: ShownNetwork, graph, focus: str | None, lang: str) -> None:
    """What the drawing shows, in words: counts, a focus hidden by filters, nothing to show,
    the groups of a big map and the group that is open."""
    if shown.focus_outside_filters:
        show.note(i18n.html("network.focus.outside", lang, name=full_name(graph.nodes[focus], lang)))
    st.markdown(i18n.md("network.counts", lang, nodes=shown.node_count, edges=shown.edge_count))
    if state.view().marks:
        if shown.since:
            since = i18n.format_date(dt.date.fromisoformat(shown.since), lang)
            st.markdown(i18n.md("network.marks.summary", lang, since=since, **shown.marks))
        elif not shown.grouped and state.view().network_view == "roles":
            st.caption(i18n.t("network.marks.none", lang))
        else:
            st.caption(i18n.t("network.marks.roles_only", lang))
    if shown.node_count == 0:
        st.warning(i18n.t("network.empty", lang))
    if not shown.grouped:
        return
    numbers = {"nodes": i18n.format_number(shown.node_count, lang), "limit": i18n.format_number(MAX_DRAWN_NODES, lang)}
    st.info(i18n.md("network.grouped", lang, **numbers), icon=":material/hub:")
    if shown.open_group:
        members = i18n.format_number(shown.group_members, lang)
        text, back = st.columns([4, 1.4], vertical_alignment="center")
        text.markdown(i18n.md("network.group_open", lang, name=group_label(shown.open_group, lang), members=members))
        back.button(
            i18n.t("network.group_close", lang), key="n_group_close", on_click=state.change, kwargs={"group": None}
        )
        if shown.cut:
            st.warning(i18n.md("network.group_cut", lang, members=members, limit=numbers["limit"]))


def network_downloads(shown: ShownNetwork, key: tuple, footer: Callable[[], str], lang: str) -> None:
    """The drawing as a slide picture (PNG 1920×1080, drawn on the server by the same renderer as the
    export panel's pictures and decks) and as one offline HTML file; each built on its click and kept
    for the same ``key`` (``footer`` gives the picture's source line, then too)."""
    if not shown.vis:
        return
    picture, page = st.columns(2)
    today = dt.date.today().isoformat()
    if cache.browser():
        # The chart (and the table it carries) is made on the click, not on every rerun.
        picture.download_button(
            i18n.t("network.png_button", lang),
            data=lambda: cache.cached_file(
                ("network-png", *key),
                lambda: figure_bytes(chart_picture(shown.charts()[0], SLIDE, footer(), lang), "png"),
            ),
            file_name=f"kidash-nettverk-{today}.png",
            mime="image/png",
            on_click="ignore",
            key="n_download_png",
            icon=":material/image:",
        )
    page.download_button(
        i18n.t("network.download_html", lang),
        data=lambda: cache.cached_file(("network-html", *key), shown.standalone_html),
        file_name=f"kidash-nettverk-{today}.html",
        mime="text/html",
        on_click="ignore",
        key="n_download_html",
        icon=":material/download:",
    )


TABLES = "n_tables"  # the session key of the tables' open state


def network_tables(shown: ShownNetwork, lang: str) -> None:
    """Everything in view as tables (the drawing's text alternative), on demand: a lazy
    expander, so a filter change does not rebuild two tables nobody opened (in the browser,
    the data grid and its Arrow reader are most of a network page's load)."""
    tables = st.expander(i18n.t("network.tables", lang), icon=":material/table:", key=TABLES, on_change="rerun")
    if not tables.open:
        return
    with tables:
        st.subheader(i18n.t("network.actors_table", lang))
        st.dataframe(shown.actors, hide_index=True, width="stretch")
        st.subheader(i18n.t("network.relations_table", lang))
        st.dataframe(shown.relations, hide_index=True, width="stretch")
