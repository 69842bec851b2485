"""Editing a map, without Streamlit: what each form asks for, the source's words in a note, names
spelt nearly alike, and a change told as people read it."""
