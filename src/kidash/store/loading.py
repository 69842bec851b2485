"""A map as the pages read it: its info and typed dataset, now or as it stood after a change."""

from __future__ import annotations

import sqlalchemy as sa

from kidash.data.dataset import Dataset
from kidash.store.content import dataset_of, load_records
from kidash.store.engine import Store
from kidash.store.history import rows_at
from kidash.store.maps import MapInfo, _info
from kidash.store.tables import maps

__all__ = ["load_map"]


def load_map(store: Store, slug: str, at_change: int | None = None) -> tuple[MapInfo, Dataset]:
    """(the map's info, its typed dataset) read in one transaction (so the version is the content's);
    with ``at_change``, the map as it stood just after that change (read only)."""
    with store.read() as connection:
        row = connection.execute(sa.select(maps).where(maps.c.slug == slug)).first()
        if row is None:
            raise KeyError(slug)
        rows = load_records(connection, row.id) if at_change is None else None
    info = _info(row)
    if at_change is not None:
        rows = rows_at(store, slug, at_change)
    return info, dataset_of(rows, label=info.name)
