"""History: every change to the map, who made it, when, why and on which source; the map as it was; undo."""

from kidash.app import frame, history_view

page = frame.open_page("historikk")
history_view.history_page(page)
