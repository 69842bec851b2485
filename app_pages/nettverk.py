"""Network: the filtered map drawn with PyVis, focus on one actor, tables of what is shown."""

import datetime as dt

import streamlit as st

from kidash import i18n, report, ui, ui_export
from kidash.metrics import MEASURES
from kidash.network_view import COLOUR_BY, MAX_DRAWN_NODES

lang = ui.language()
dataset = ui.current_dataset()
graph = ui.full_graph(dataset)
filters = ui.current_filters()

st.title(i18n.t("network.heading", lang))
st.markdown(i18n.t("network.intro", lang))

ui.seed_from_url("n_view", "view", ("roles", "collaboration"), "roles")
ui.seed_from_url("n_colour", "colour", COLOUR_BY, "type")
ui.seed_from_url("n_size", "size", MEASURES, "degree")
ui.seed_from_url("n_depth", "depth", (1, 2, 3), 1)
ui.seed_from_url("n_physics", "physics", (True, False), True)

view_column, colour_column, size_column, focus_column, depth_column = st.columns([1.2, 1, 1, 1.6, 0.8])
view = view_column.radio(
    i18n.t("network.view", lang),
    ("roles", "collaboration"),
    key="n_view",
    format_func=lambda v: i18n.t(f"network.view.{v}", lang),
    horizontal=True,
)
colour_by = colour_column.selectbox(
    i18n.t("network.colour_by", lang),
    COLOUR_BY,
    key="n_colour",
    format_func=lambda v: i18n.t(f"network.colour.{v}", lang),
)
size_by = size_column.selectbox(
    i18n.t("network.size_by", lang), MEASURES, key="n_size", format_func=lambda v: i18n.t(f"network.size.{v}", lang)
)
focus = ui.actor_picker(
    i18n.t("network.focus", lang), graph, "n_focus", "focus", i18n.t("network.focus.none", lang), focus_column
)
# Depth only means something with a focus; shown then, so no disabled (low-contrast) control lingers.
depth = depth_column.select_slider(i18n.t("network.depth", lang), (1, 2, 3), key="n_depth") if focus else 1
physics = st.toggle(i18n.t("network.physics", lang), key="n_physics", help=i18n.t("network.physics.help", lang))
for param, value, default in (
    ("view", view, "roles"),
    ("colour", colour_by, "type"),
    ("size", size_by, "degree"),
    ("focus", focus, None),
    ("depth", depth if focus else 1, 1),
    ("physics", physics, True),
):
    ui.write_url(param, value, default)

shown = ui.network_view(dataset, filters, view, colour_by, size_by, focus, depth, physics, lang)
if shown.focus_outside_filters:
    st.info(i18n.t("network.focus.outside", lang, name=graph.nodes[focus]["name"]))
st.markdown(i18n.t("network.counts", lang, nodes=shown.node_count, edges=shown.edge_count))
if shown.node_count == 0:
    st.warning(i18n.t("network.empty", lang))
elif shown.html is None:
    st.warning(
        i18n.t(
            "network.too_big",
            lang,
            nodes=i18n.format_number(shown.node_count, lang),
            limit=i18n.format_number(MAX_DRAWN_NODES, lang),
        )
    )
else:
    st.iframe(
        shown.html,
        height=shown.height + 16,
        alt=i18n.t("network.aria", lang, nodes=shown.node_count, edges=shown.edge_count),
    )
    st.download_button(
        i18n.t("network.download_html", lang),
        data=shown.html,
        file_name=f"kidash-nettverk-{dt.date.today().isoformat()}.html",
        mime="text/html",
        on_click="ignore",
        key="n_download_html",
        icon=":material/download:",
    )

charts = [report.network_chart(shown.vis, shown.actors, shown.edge_count, lang)] if shown.vis else []
ui_export.export_panel(
    "network",
    dataset,
    ui.filtered_graph(dataset, filters),
    lang,
    charts,
    state=(view, colour_by, size_by, focus, depth),
)

st.header(i18n.t("network.tables", lang))
st.subheader(i18n.t("network.actors_table", lang))
st.dataframe(shown.actors, hide_index=True, width="stretch")
st.subheader(i18n.t("network.relations_table", lang))
st.dataframe(shown.relations, hide_index=True, width="stretch")
