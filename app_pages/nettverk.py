"""Network: the filtered map, live (click, search, focus, groups for big maps), and tables of what is shown."""

import streamlit as st

from kidash import i18n, ui, ui_export, ui_network

lang = ui.language()
dataset = ui.current_dataset()
graph = ui.full_graph(dataset)
filters = ui.current_filters()

st.title(i18n.t("network.heading", lang))
st.markdown(i18n.t("network.intro", lang))
choices = ui_network.network_choices(graph, lang)
shown = ui.network_view(dataset, filters, lang, **choices)
ui_network.network_notices(shown, graph, choices["focus"], lang)
ui.show_network(shown, lang)
state = tuple(choices.values())
in_view = ui.filtered_graph(dataset, filters)
footer = lambda: ui_export.sources_line(dataset, in_view, lang)  # noqa: E731 - needed only on the PNG's click
ui_network.network_downloads(shown, (ui.dataset_key(dataset), filters, lang, state), footer, lang)
about = i18n.t("export.about_focus", lang, name=ui.names(dataset, lang)[choices["focus"]]) if choices["focus"] else ""
ui_export.export_panel("network", dataset, in_view, lang, shown.charts, state=state, about=about)
ui_network.network_tables(shown, lang)
