"""The live network on a page: vis-network mounted once (st.components.v2), updated in place.

The component's JavaScript and vis-network are served once as files of the
component's ``asset_dir`` (declared in ``src/kidash/pyproject.toml``); each
rerun sends only the drawing's data. A click, a double-click, a search hit or
a click on a group comes back as a trigger, and the callbacks below make it
part of the view (and so of the URL) like every other choice.
"""

from __future__ import annotations

import streamlit as st

from kidash import i18n, ui_state
from kidash.network_view import COMPONENT_HTML, COMPONENT_SCRIPT, COMPONENT_STYLE
from kidash.pages import page_file
from kidash.views import ShownNetwork

__all__ = ["live_network", "profile_base"]

_MOUNT: list = []  # the component's mount function, made on first use


def _component():
    """The registered component. Made inside a script run: its files are found through the
    manifest Streamlit's runtime reads at start, so a bare import (doctests) must not register it."""
    if not _MOUNT:
        _MOUNT.append(
            st.components.v2.component(
                "kidash.network", html=COMPONENT_HTML, css=COMPONENT_STYLE, js=COMPONENT_SCRIPT, isolate_styles=True
            )
        )
    return _MOUNT[0]


_OPEN_PROFILE = "kd_open_profile"  # set by a card's profile link; the page then changes
_PLACEHOLDER = "__kidash_actor__"
_SELECTING = "n_network"  # the network page's drawing: its selection is part of the view


def profile_base() -> str:
    """The link to an actor's profile in this view, without the actor's id at its end."""
    link = ui_state.link_to("aktor", actor=_PLACEHOLDER)
    return link[: -len(_PLACEHOLDER)] if link.endswith(_PLACEHOLDER) else ""


def _event(key: str, name: str) -> dict:
    value = (st.session_state.get(key) or {}).get(name)
    return value if isinstance(value, dict) else {}


def _on_select(key: str) -> None:
    if key == _SELECTING:
        ui_state.change(selected=_event(key, "select").get("id"))


def _on_focus(key: str) -> None:
    actor = _event(key, "focus").get("id")
    ui_state.change(focus=actor, selected=actor)


def _on_open(key: str) -> None:
    actor = _event(key, "open").get("id")
    if ui_state.change(actor=actor, selected=actor):
        st.session_state[_OPEN_PROFILE] = True


def _on_group(key: str) -> None:
    ui_state.change(group=_event(key, "group").get("key"), selected=None)


def live_network(shown: ShownNetwork, lang: str, key: str = _SELECTING, selection: bool = True) -> None:
    """Draw ``shown`` in the live network. A card links to the actor's profile; with
    ``selection`` (the network page) a click selects in the view and the URL, and a
    double-click or the card's button focuses the map on the actor."""
    if not shown.payload:
        return
    view = ui_state.view()
    data = {
        **shown.payload,
        "selected": view.selected if selection else None,
        "profile": profile_base(),
        "interactive": True,
        "focusable": selection,
        "selection": selection,
    }
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
        st.switch_page(page_file("aktor"))
    if selection and view.selected and shown.vis and any(n["id"] == view.selected for n in shown.vis["nodes"]):
        # The same choice as native elements: a keyboard path to the profile, and what AppTest sees.
        name = next(n["card"][0][1] for n in shown.vis["nodes"] if n["id"] == view.selected)
        text, link, clear = st.columns([3, 2, 1.4], vertical_alignment="center")
        text.markdown(i18n.md("network.selected", lang, name=name))
        ui_state.page_link("aktor", i18n.t("network.profile", lang), icon=":material/badge:", container=link,
                           actor=view.selected)  # fmt: skip
        clear.button(i18n.t("network.clear_selection", lang), key=f"{key}_clear", on_click=ui_state.change,
                     kwargs={"selected": None})  # fmt: skip
