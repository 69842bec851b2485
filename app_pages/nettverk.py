"""Network: the filtered map, live (click, search, focus, groups for big maps), and tables of what is shown."""

from kidash import i18n
from kidash.app import cache, export_panel, frame, network

page = frame.open_page("nettverk")
choices = network.network_choices(page.full, page.lang)
shown = cache.network_view(page.dataset, page.filters, page.lang, **choices)
network.network_notices(shown, page.full, choices["focus"], page.lang)
network.show_network(shown, page.lang)
chosen = tuple(choices.values())
key = (cache.dataset_key(page.dataset), page.filters, page.lang, chosen)
network.network_downloads(shown, key, lambda: export_panel.sources_line(page), page.lang)
focus = choices["focus"]
about = i18n.t("export.about_focus", page.lang, name=page.names[focus]) if focus else ""
export_panel.export_panel(page, shown.charts, choices=chosen, about=about)
network.network_tables(shown, page.lang)
