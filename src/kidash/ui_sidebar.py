"""The sidebar every page shares: the language switch and the filters, bound to the view state."""

from __future__ import annotations

import streamlit as st

from kidash import i18n, ui_state
from kidash.graph import Filters

__all__ = ["language_switch", "filters_sidebar"]

_LANGUAGE_NAMES = {"nb": "Norsk (bokmål)", "en": "English"}
# (view attribute, i18n key of the label, vocabulary for option labels or None for actor names), in sidebar order
_FILTERS = (
    ("regions", "filters.region", "region"),
    ("org_types", "filters.type", "type"),
    ("initiatives", "filters.initiative", None),
    ("kinds", "filters.kind", "kind"),
    ("relations", "filters.relation", "relation"),
)


def language_switch() -> str:
    """The language switch at the top of the sidebar; returns the language chosen."""
    return ui_state.bind(
        st.sidebar.selectbox,
        "lang",
        i18n.t("sidebar.language"),
        ui_state.choices().options["lang"],
        format_func=_LANGUAGE_NAMES.__getitem__,
    )


def filters_sidebar(graph, lang: str) -> Filters:
    """Draw the filters (options: what the map holds) and return the view's filters."""
    options = ui_state.choices().options
    st.sidebar.header(i18n.t("filters.heading", lang))
    for attr, label_key, vocabulary in _FILTERS:
        if vocabulary is None:
            names = {node: str(graph.nodes[node]["name"]) for node in options[attr]}
            label = names.__getitem__
        else:
            label = lambda value, vocabulary=vocabulary: i18n.label(vocabulary, value, lang)  # noqa: E731
        ui_state.bind(
            st.sidebar.multiselect,
            attr,
            i18n.t(label_key, lang),
            options[attr],
            format_func=label,
            placeholder=i18n.t("filters.all", lang),
        )
    ui_state.bind(
        st.sidebar.toggle, "show_people", i18n.t("filters.people", lang), help=i18n.t("filters.people.help", lang)
    )
    st.sidebar.button(i18n.t("filters.reset", lang), on_click=ui_state.reset_filters, key="f_reset")
    return ui_state.view().filters()
