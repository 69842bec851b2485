"""Network: the filtered map, live (click, search, focus, groups for big maps), and tables of what is shown."""

import datetime as dt

import streamlit as st

from kidash import i18n, report, ui, ui_export, ui_state
from kidash.network_groups import group_label
from kidash.network_view import MAX_DRAWN_NODES

lang = ui.language()
dataset = ui.current_dataset()
graph = ui.full_graph(dataset)
filters = ui.current_filters()

st.title(i18n.t("network.heading", lang))
st.markdown(i18n.t("network.intro", lang))

view_column, colour_column, size_column, focus_column, depth_column = st.columns([1.2, 1, 1, 1.6, 0.8])
view = ui_state.choose("network_view", i18n.t("network.view", lang), "network.view", view_column.radio, horizontal=True)
colour_by = ui_state.choose("colour_by", i18n.t("network.colour_by", lang), "network.colour", colour_column.selectbox)
size_by = ui_state.choose("size_by", i18n.t("network.size_by", lang), "network.size", size_column.selectbox)
focus = ui_state.actor_picker(
    "focus", i18n.t("network.focus", lang), graph, i18n.t("network.focus.none", lang), focus_column
)
# Depth only means something with a focus; shown then, so no disabled (low-contrast) control lingers.
depth = ui_state.view().depth
if focus:
    depth = ui_state.choose("depth", i18n.t("network.depth", lang), widget=depth_column.select_slider)
physics = ui_state.bind(
    st.toggle, "physics", i18n.t("network.physics", lang), help=i18n.t("network.physics.help", lang)
)

shown = ui.network_view(
    dataset,
    filters,
    lang,
    view=view,
    colour_by=colour_by,
    size_by=size_by,
    focus=focus,
    depth=depth if focus else 1,
    physics=physics,
    group=ui_state.view().group,
)
if shown.focus_outside_filters:
    st.info(i18n.md("network.focus.outside", lang, name=graph.nodes[focus]["name"]))
st.markdown(i18n.md("network.counts", lang, nodes=shown.node_count, edges=shown.edge_count))
if shown.node_count == 0:
    st.warning(i18n.t("network.empty", lang))
if shown.grouped:
    numbers = {"nodes": i18n.format_number(shown.node_count, lang), "limit": i18n.format_number(MAX_DRAWN_NODES, lang)}
    st.info(i18n.md("network.grouped", lang, **numbers), icon=":material/hub:")
    if shown.open_group:
        name = group_label(shown.open_group, lang)
        members = i18n.format_number(shown.group_members, lang)
        text, back = st.columns([4, 1.4], vertical_alignment="center")
        text.markdown(i18n.md("network.group_open", lang, name=name, members=members))
        back.button(
            i18n.t("network.group_close", lang), key="n_group_close", on_click=ui_state.change, kwargs={"group": None}
        )
        if shown.cut:
            st.warning(i18n.md("network.group_cut", lang, members=members, limit=numbers["limit"]))
ui.show_network(shown, lang)
if shown.vis:
    st.download_button(
        i18n.t("network.download_html", lang),
        data=lambda: ui.cached_file(
            ("network-html", ui.dataset_key(dataset), filters, shown.options, view, focus, depth, shown.open_group),
            shown.standalone_html,
        ),  # fmt: skip
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
    state=(view, colour_by, size_by, focus, depth, shown.open_group),
)

st.header(i18n.t("network.tables", lang))
st.subheader(i18n.t("network.actors_table", lang))
st.dataframe(shown.actors, hide_index=True, width="stretch")
st.subheader(i18n.t("network.relations_table", lang))
st.dataframe(shown.relations, hide_index=True, width="stretch")
