"""Maps: the store's maps, which one is shown, a new one (empty, a copy, one's upload kept), rename, archive."""

from kidash.app import frame, maps_view

page = frame.open_page("kart")
maps_view.maps_page(page.lang)
