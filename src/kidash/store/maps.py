"""The maps a store holds: the shipped one and those a team made (empty, copied, from a workbook);
renamed and archived, never lost."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

import sqlalchemy as sa

from kidash.store.engine import Store
from kidash.store.tables import changes, documents, maps, records

__all__ = [
    "record_map_change",
    "MapInfo",
    "copy_map",
    "SHIPPED_SLUG",
    "list_maps",
    "get_map",
    "slug_for",
    "create_map",
    "rename_map",
    "archive_map",
    "map_version",
    "seed_shipped_map",
    "now",
]

SHIPPED_SLUG = "kidash"  # the shipped map's address (?map=kidash, the default)
SHIPPED_NAME = "KI-styring i helsesektoren"  # the shared map's name as seeded (a team may rename it)
SYSTEM = "kidash"  # the author of what no person did (the seed)


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class MapInfo:
    """What a map is: its id, address (slug), name, version, whether it is archived, who may see it."""

    id: int
    slug: str
    name: str
    version: int
    archived: bool
    visibility: str
    created_at: dt.datetime
    created_by: str
    copied_from: int | None = None


def _info(row) -> MapInfo:
    return MapInfo(row.id, row.slug, row.name, row.version, bool(row.archived), row.visibility, row.created_at,
                   row.created_by, row.copied_from)  # fmt: skip


def list_maps(store: Store, archived: bool = False) -> list[MapInfo]:
    """The store's maps by name (the archived ones too with ``archived``)."""
    query = sa.select(maps).order_by(maps.c.id)
    if not archived:
        query = query.where(maps.c.archived.is_(False))
    with store.read() as connection:
        return [_info(row) for row in connection.execute(query)]


def get_map(store: Store, slug: str) -> MapInfo | None:
    with store.read() as connection:
        row = connection.execute(sa.select(maps).where(maps.c.slug == slug)).first()
    return _info(row) if row else None


def map_version(store: Store, map_id: int) -> int:
    """The map's version now (it goes up with every change): the key of everything cached about it."""
    with store.read() as connection:
        return int(connection.execute(sa.select(maps.c.version).where(maps.c.id == map_id)).scalar_one())


def slug_for(name: str) -> str:
    """A map's address from its name: plain letters, digits and dashes.

    >>> slug_for("Helse Vest – KI-kart 2025!"), slug_for("Ære og Øst"), slug_for("!!!")
    ('helse-vest-ki-kart-2025', 'aere-og-ost', 'kart')
    """
    plain = name.lower().translate(str.maketrans({"æ": "ae", "ø": "o", "å": "a"}))
    plain = unicodedata.normalize("NFKD", plain).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:60].strip("-") or "kart"


def _free_slug(connection: sa.Connection, name: str) -> str:
    base = slug_for(name)
    taken = set(connection.execute(sa.select(maps.c.slug).where(maps.c.slug.like(f"{base}%"))).scalars())
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _record_rows(map_id: int, tables: dict[str, list[tuple[str, dict]]]) -> list[dict]:
    return [
        {"map_id": map_id, "table_name": table, "key": key, "position": position, "revision": 1, "data": data}
        for table, rows in tables.items()
        for position, (key, data) in enumerate(rows)
    ]


def create_map(
    store: Store,
    name: str,
    author: str,
    tables: dict[str, list[tuple[str, dict]]] | None = None,
    texts: dict[str, tuple[str, str, str]] | None = None,
    comment: str = "",
    copied_from: int | None = None,
    slug: str | None = None,
    visibility: str = "public",
) -> MapInfo:
    """A new map named ``name``: empty, or holding ``tables`` ({table: [(key, cells)]}) and the
    documents' ``texts`` ({key: (text, read as, hash)}), with its creation as its first change."""
    with store.write() as connection:
        slug = slug or _free_slug(connection, name)
        at = now()
        map_id = connection.execute(
            sa.insert(maps).values(
                slug=slug,
                name=name.strip() or slug,
                version=1,
                archived=False,
                visibility=visibility,
                copied_from=copied_from,
                created_at=at,
                created_by=author,
            )  # fmt: skip
        ).inserted_primary_key[0]
        rows = _record_rows(map_id, tables or {})
        if rows:
            connection.execute(sa.insert(records), rows)
        if texts:
            connection.execute(
                sa.insert(documents),
                [
                    {"map_id": map_id, "key": key, "text": t, "read_as": how, "hash": h}
                    for key, (t, how, h) in texts.items()
                ],
            )
        connection.execute(
            sa.insert(changes).values(
                map_id=map_id,
                at=at,
                author=author,
                action="create_map",
                comment=comment,
                after={"name": name, "records": len(rows)},
                map_version=1,
            )  # fmt: skip
        )
    info = get_map(store, slug)
    assert info is not None  # noqa: S101 - just written
    return info


def copy_map(store: Store, slug: str, name: str, author: str, comment: str = "", visibility: str = "public") -> MapInfo:
    """A new map holding everything the map ``slug`` holds now (rows and documents' text), to work
    on apart; its first change says where it came from. The original is not touched."""
    with store.read() as connection:
        source = connection.execute(sa.select(maps).where(maps.c.slug == slug)).first()
        if source is None:
            raise KeyError(slug)
        found = connection.execute(
            sa.select(records.c.table_name, records.c.key, records.c.data)
            .where(records.c.map_id == source.id).order_by(records.c.table_name, records.c.position, records.c.id)
        ).all()  # fmt: skip
        texts = {
            row.key: (row.text, row.read_as, row.hash)
            for row in connection.execute(sa.select(documents).where(documents.c.map_id == source.id))
        }
    tables: dict[str, list[tuple[str, dict]]] = {}
    for row in found:
        tables.setdefault(row.table_name, []).append((row.key, row.data))
    return create_map(store, name, author, tables, texts, comment or f"copy of {slug}", copied_from=source.id,
                      visibility=visibility)  # fmt: skip


def record_map_change(
    connection: sa.Connection,
    map_id: int,
    author: str,
    action: str,
    before: dict,
    after: dict,
    comment: str = "",
    values: dict | None = None,
) -> int:
    """A change of the map itself (its name, who sees it, its members): the map's next version,
    with ``values`` set on its row, and the change kept in its history. Returns the new version."""
    version = connection.execute(
        sa.update(maps).where(maps.c.id == map_id).values(version=maps.c.version + 1, **(values or {}))
        .returning(maps.c.version)
    ).scalar_one()  # fmt: skip
    connection.execute(
        sa.insert(changes).values(
            map_id=map_id,
            at=now(),
            author=author,
            action=action,
            before=before,
            after=after,
            comment=comment,
            map_version=version,
        )  # fmt: skip
    )
    return version


def _map_change(store: Store, slug: str, author: str, action: str, values: dict, comment: str = "") -> MapInfo:
    with store.write() as connection:
        row = connection.execute(sa.select(maps).where(maps.c.slug == slug)).first()
        if row is None:
            raise KeyError(slug)
        before = {key: getattr(row, key) for key in values}
        record_map_change(connection, row.id, author, action, before, values, comment, values)
    return get_map(store, slug)


def rename_map(store: Store, slug: str, name: str, author: str, comment: str = "") -> MapInfo:
    """The map under a new name (its address stays, so links keep working)."""
    return _map_change(store, slug, author, "rename", {"name": name.strip()}, comment)


def archive_map(store: Store, slug: str, author: str, archived: bool = True, comment: str = "") -> MapInfo:
    """The map out of the list (or back in): nothing of it is deleted."""
    return _map_change(store, slug, author, "archive" if archived else "unarchive", {"archived": archived}, comment)


def seed_shipped_map(store: Store) -> MapInfo | None:
    """The shipped map from ``data/`` (and its sources' text), when the store holds no map yet."""
    from kidash.store.content import tables_from_directory

    with store.read() as connection:
        if connection.execute(sa.select(sa.func.count()).select_from(maps)).scalar_one():
            return None
    from kidash.data.dataset import DATA_DIR

    tables, texts = tables_from_directory(DATA_DIR)
    try:
        return create_map(store, SHIPPED_NAME, SYSTEM, tables, texts, comment="Kartet fra data/ (de fem kildene)",
                          slug=SHIPPED_SLUG)  # fmt: skip
    except sa.exc.IntegrityError:  # another process seeded it at the same moment
        return get_map(store, SHIPPED_SLUG)
