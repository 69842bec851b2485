"""Alembic's environment for kidash's store: run on the connection the store opens (never a URL of
its own), in batch mode on SQLite (it cannot ALTER most columns)."""

from __future__ import annotations

from alembic import context

from kidash.store.tables import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
