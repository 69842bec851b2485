"""A map out of the store and back, and the whole store from one database to another.

:func:`export_map` writes the data contract's CSV files (UTF-8, comma, as ``data/`` holds them),
the documents' text (``texts/<id>.txt``) and the history (``history.csv``); :func:`import_map`
reads such a folder into a new map, so a round trip gives the same files. :func:`backup` writes
every map with its history into one file and :func:`restore` reads it into an empty store, on
SQLite or PostgreSQL alike.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import zipfile
from pathlib import Path

import sqlalchemy as sa

from kidash.store.content import frames_of, load_records, tables_from_directory
from kidash.store.engine import Store
from kidash.store.history import history, history_frame
from kidash.store.maps import MapInfo, create_map, get_map
from kidash.store.tables import changes, documents, maps, members, metadata, records, refusals, rejections, visits

__all__ = ["export_map", "import_map", "backup", "restore", "StoreNotEmpty", "tables_in"]

_ORDER = (maps, records, documents, changes, visits, members, refusals, rejections)  # parents first
FORMAT = "kidash-backup-1"


def _write_csv(path: Path, frame) -> None:
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(list(frame.columns))
        writer.writerows(frame.astype(str).values.tolist())


def export_map(store: Store, slug: str, directory: Path) -> Path:
    """The map ``slug`` as the data contract's files in ``directory`` (made if missing): a table per
    file, the documents' text under ``texts/``, the history in ``history.csv``."""
    info = get_map(store, slug)
    if info is None:
        raise KeyError(slug)
    directory.mkdir(parents=True, exist_ok=True)
    with store.read() as connection:
        rows = load_records(connection, info.id)
        texts = connection.execute(
            sa.select(documents.c.key, documents.c.text).where(documents.c.map_id == info.id)
        ).all()  # fmt: skip
    plain = {table: [(key, data) for key, _, data in found] for table, found in rows.items()}
    for table, frame in frames_of(plain, with_keys=True).items():
        _write_csv(directory / f"{table}.csv", frame)
    (directory / "texts").mkdir(exist_ok=True)
    for key, text in texts:
        (directory / "texts" / f"{key}.txt").write_text(text, encoding="utf-8")
    _write_csv(directory / "history.csv", history_frame(list(reversed(history(store, slug)))))
    return directory


def import_map(store: Store, directory: Path, name: str, author: str, comment: str = "") -> MapInfo:
    """A new map from a folder of the contract's CSV files (an export, or ``data/``), validated as
    an upload is; the documents' text from ``texts/`` (or ``sources/``)."""
    from kidash.data.dataset import dataset_from_frames

    tables, texts = tables_from_directory(directory)
    dataset_from_frames(frames_of(tables))  # the validator's word before anything is written
    return create_map(store, name, author, tables, texts, comment=comment or f"importert fra {directory.name}")


def _plain(value):
    if isinstance(value, dt.datetime):
        return {"$datetime": value.isoformat()}
    return value


def _back(value):
    if isinstance(value, dict) and set(value) == {"$datetime"}:
        return dt.datetime.fromisoformat(value["$datetime"])
    return value


def backup(store: Store, file: Path) -> Path:
    """Every map, its records, documents' text, history, visits and members into ``file`` (a ZIP of
    JSON lines, one per table), read in one transaction."""
    with store.read() as connection, zipfile.ZipFile(file, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("format.txt", FORMAT)
        for table in _ORDER:
            lines = (
                json.dumps({k: _plain(v) for k, v in row._mapping.items()}, ensure_ascii=False, sort_keys=True)
                for row in connection.execute(sa.select(table).order_by(*table.primary_key.columns))
            )
            archive.writestr(f"{table.name}.jsonl", "\n".join(lines))
    return file


class StoreNotEmpty(RuntimeError):
    """A restore goes into an empty store only: nothing there is overwritten."""


def restore(store: Store, file: Path) -> int:
    """The backup ``file`` into this store, which must hold no map; returns how many maps it holds."""
    with zipfile.ZipFile(file) as archive:
        if archive.read("format.txt").decode() != FORMAT:
            raise ValueError(f"{file} is not a kidash backup")
        names = set(archive.namelist())  # a backup made before a table existed has none of its rows
        content = {table.name: archive.read(f"{table.name}.jsonl").decode("utf-8") if f"{table.name}.jsonl" in names
                   else "" for table in _ORDER}  # fmt: skip
    with store.write() as connection:
        if connection.execute(sa.select(sa.func.count()).select_from(maps)).scalar_one():
            raise StoreNotEmpty("the store already holds maps")
        for table in _ORDER:
            rows = [
                {k: _back(v) for k, v in json.loads(line).items()} for line in content[table.name].splitlines() if line
            ]
            if rows:
                connection.execute(sa.insert(table), rows)
        if store.dialect == "postgresql":  # the next id after those restored
            for table in _ORDER:
                if "id" in table.c and table.c.id.autoincrement:
                    highest = connection.execute(sa.select(sa.func.max(table.c.id))).scalar()
                    sequence = sa.func.pg_get_serial_sequence(table.name, "id")
                    connection.execute(sa.select(sa.func.setval(sequence, highest or 1, highest is not None)))
        count = connection.execute(sa.select(sa.func.count()).select_from(maps)).scalar_one()
    store._cache.clear()
    return int(count)


def tables_in(store: Store) -> dict[str, list[dict]]:
    """Every row of every table (for comparing two stores in tests)."""
    with store.read() as connection:
        return {
            table.name: [
                dict(row._mapping) for row in connection.execute(sa.select(table).order_by(*table.primary_key.columns))
            ]
            for table in metadata.sorted_tables
        }
