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
ui_network.standalone_download(shown, (ui.dataset_key(dataset), filters, lang, state), lang)
ui_export.export_panel("network", dataset, ui.filtered_graph(dataset, filters), lang, shown.charts, state=state)
ui_network.network_tables(shown, lang)
