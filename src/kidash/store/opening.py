"""Opening the store: connected, migrated to the newest schema, the shipped map seeded on first start."""

from __future__ import annotations

from kidash.store.engine import Store, connect, migrate
from kidash.store.maps import seed_shipped_map

__all__ = ["open_store"]


def open_store(url: str | None = None, seed: bool = True) -> Store:
    """The store at ``url`` (``KIDASH_DATABASE_URL``, else the SQLite file), migrated, with the
    shipped map seeded into it when it holds no map (``seed``)."""
    store = connect(url)
    migrate(store)
    if seed:
        seed_shipped_map(store)
    return store
