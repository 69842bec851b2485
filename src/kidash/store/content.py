"""A map's content: its records as the data contract's tables, and back.

A record holds one row of a table as the CSV files hold it (every cell text). Actors, events and
documents are keyed by their ``id``; relations and background facts by a key of their own (``id``
in an export). Columns come in the contract's order, then any others in the order first seen, so
a map exported and imported again gives the same files.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import pandas as pd
import sqlalchemy as sa

from kidash.data import schema
from kidash.data.contract import TABLE_SPEC
from kidash.data.dataset import Dataset, dataset_from_frames, read_directory
from kidash.data.document_text import content_hash
from kidash.data.privacy import redact
from kidash.data.problems import DataError
from kidash.data.reading.raw import RawTable
from kidash.store.engine import Store
from kidash.store.tables import documents, maps, records

__all__ = [
    "ALL_TABLES",
    "KEYED",
    "record_key",
    "new_key",
    "tables_from_directory",
    "tables_from_frames",
    "load_records",
    "frames_of",
    "dataset_of",
    "document_texts",
    "document_text",
    "document_hashes",
    "map_rows",
]

ALL_TABLES: tuple[str, ...] = schema.TABLES + schema.OPTIONAL_TABLES
KEYED = {table for table in ALL_TABLES if schema.ID_COLUMN.get(table)}  # keyed by their own id column


def new_key(table: str) -> str:
    """A key for a new row of a table without ids (a relation, a background fact)."""
    return f"{table[0]}-{uuid.uuid4().hex[:12]}"


def record_key(table: str, data: dict, position: int | None = None) -> str:
    """The key of a row: its ``id`` where the table has ids (or an export gave relations one)."""
    if data.get("id"):
        return str(data["id"])
    return f"{table[0]}{position:05d}" if position is not None else new_key(table)


def _rows(frame: pd.DataFrame, table: str) -> list[tuple[str, dict]]:
    rows = []
    for position, record in enumerate(frame.astype(object).fillna("").to_dict("records")):
        cells = {str(k): ("" if v is None else str(v)) for k, v in record.items()}
        key = record_key(table, cells, position)
        if table not in KEYED:
            cells.pop("id", None)  # a relation's key is not one of its cells
        rows.append((key, cells))
    return rows


def tables_from_frames(frames: dict[str, pd.DataFrame | RawTable]) -> dict[str, list[tuple[str, dict]]]:
    """Records of string tables (as read from files, an upload or an export)."""
    result = {}
    for table in ALL_TABLES:
        if table in frames:
            frame = frames[table].frame if isinstance(frames[table], RawTable) else frames[table]
            result[table] = _rows(frame, table)
    return result


def tables_from_directory(directory: Path) -> tuple[dict[str, list[tuple[str, dict]]], dict]:
    """A folder of the contract's CSV files as records, and its sources' text (``sources/`` or files
    named in documents.csv's ``file`` column), each as (text, read as, hash)."""
    frames, problems = read_directory(directory)
    if problems:
        raise DataError(problems)
    tables = tables_from_frames(frames)
    texts = {}
    for key, cells in tables.get("documents", []):
        places = [directory / "sources" / cells["file"]] if cells.get("file") else []
        places.append(directory / "texts" / f"{key}.txt")  # an export's texts
        place = next((p for p in places if p.is_file()), None)
        if place is not None:
            text = redact(place.read_text(encoding="utf-8"))
            texts[key] = (text, "text", content_hash(text))
    return tables, texts


def load_records(connection: sa.Connection, map_id: int) -> dict[str, list]:
    """The map's rows per table, in order: (key, revision, cells)."""
    query = (
        sa.select(records.c.table_name, records.c.key, records.c.revision, records.c.data)
        .where(records.c.map_id == map_id)
        .order_by(records.c.table_name, records.c.position, records.c.id)
    )
    found: dict[str, list] = {table: [] for table in ALL_TABLES}
    for row in connection.execute(query):
        found.setdefault(row.table_name, []).append((row.key, row.revision, row.data))
    return found


def _columns(table: str, rows: list[dict]) -> list[str]:
    known = [c.name for c in TABLE_SPEC.get(table, ())]
    seen = dict.fromkeys(name for cells in rows for name in cells)
    present = [c for c in known if c in seen]
    required = [c for c in schema.REQUIRED_COLUMNS.get(table, ()) if c not in present]
    return present + required + [c for c in seen if c not in known]


def frames_of(rows_by_table: dict[str, list[tuple[str, dict]]], with_keys: bool = False) -> dict[str, pd.DataFrame]:
    """The map's tables as string frames (``with_keys``: relations and background facts carry their
    key as ``id``, as an export writes them)."""
    frames = {}
    for table in ALL_TABLES:
        rows = rows_by_table.get(table, [])
        if table in schema.OPTIONAL_TABLES and not rows:
            continue
        cells = [data for _, data in rows]
        columns = _columns(table, cells)
        frame = pd.DataFrame([[data.get(c, "") for c in columns] for data in cells], columns=columns, dtype=object)
        if with_keys and table not in KEYED:
            frame.insert(0, "id", [key for key, _ in rows])
        frames[table] = frame
    return frames


def dataset_of(rows_by_table: dict[str, list], label: str) -> Dataset:
    """The typed, validated dataset of a map's rows ({table: [(key, revision, cells)]})."""
    plain = {table: [(key, data) for key, _, data in rows] for table, rows in rows_by_table.items()}
    return dataset_from_frames(frames_of(plain), label=label, allow_empty=True)


def map_rows(store: Store, slug: str) -> tuple[int, dict[str, list]]:
    """(the map's version, its rows by table as (key, revision, cells)), read in one transaction."""
    with store.read() as connection:
        row = connection.execute(sa.select(maps.c.id, maps.c.version).where(maps.c.slug == slug)).first()
        if row is None:
            raise KeyError(slug)
        return row.version, load_records(connection, row.id)


def document_text(store: Store, map_id: int, key: str) -> tuple[str, str] | None:
    """(the stored text, how it was read) of one document, or None."""
    with store.read() as connection:
        query = sa.select(documents.c.text, documents.c.read_as).where(
            documents.c.map_id == map_id, documents.c.key == key
        )
        found = connection.execute(query).first()
    return (found.text, found.read_as) if found else None


def document_texts(store: Store, map_id: int) -> dict[str, str]:
    """The stored text of each of the map's documents, by key."""
    with store.read() as connection:
        query = sa.select(documents.c.key, documents.c.text).where(documents.c.map_id == map_id)
        return {row.key: row.text for row in connection.execute(query)}


def document_hashes(store: Store, map_id: int) -> dict[str, str]:
    """The hash of each of the map's documents' text, by key (which document a text already is)."""
    with store.read() as connection:
        query = sa.select(documents.c.key, documents.c.hash).where(documents.c.map_id == map_id)
        return {row.key: row.hash for row in connection.execute(query)}
