"""Add a document: paste or upload it, and accept, change or reject the roles and events the reader proposes from it."""

from kidash.app import frame, reader_view

page = frame.open_page("dokument")
reader_view.reader_page(page.lang)
