"""Edit: add or change an actor, a role, an event, a source document or a background fact, saved with who and why."""

from kidash.app import editing, frame

page = frame.open_page("rediger")
editing.edit_page(page.lang)
