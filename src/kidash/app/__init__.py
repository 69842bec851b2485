"""The Streamlit frame: the only place that imports streamlit (pages, session, caches, widgets)."""
