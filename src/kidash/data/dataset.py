"""Read the kidash tables, validate them, and hand back a typed Dataset."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pandas as pd

from kidash.data import schema
from kidash.data.contract import TRUE_VALUES
from kidash.data.problems import DataError, Problem
from kidash.data.reading.raw import RawTable, as_raw, decode_text, parse_csv_text
from kidash.data.validate import validate_frames

__all__ = [
    "DATA_DIR",
    "Dataset",
    "read_csv_bytes",
    "read_directory",
    "dataset_from_frames",
    "load_dataset",
]

DATA_DIR = Path(__file__).resolve().parents[3] / "data"  # the repository's data/ folder


@dataclass(frozen=True)
class Dataset:
    """The four tables (plus background facts), typed and known to be valid."""

    actors: pd.DataFrame
    relations: pd.DataFrame
    events: pd.DataFrame
    documents: pd.DataFrame
    background: pd.DataFrame
    label: str = "data"
    raw: dict[str, RawTable] = field(default_factory=dict, repr=False, compare=False)  # as read, for the Data page

    @cached_property
    def fingerprint(self) -> str:
        """A hash of the content, for cache keys that must never mix two datasets (computed once)."""
        digest = hashlib.sha256()
        for frame in (self.actors, self.relations, self.events, self.documents, self.background):
            digest.update(pd.util.hash_pandas_object(frame.astype(str), index=False).values.tobytes())
        return digest.hexdigest()

    def actor_name(self, actor_id: str) -> str:
        """The actor's name, or the id itself when unknown."""
        match = self.actors.loc[self.actors["id"] == actor_id, "name"]
        return str(match.iloc[0]) if len(match) else actor_id


def read_csv_bytes(raw: bytes, file: str) -> tuple[RawTable | None, list[Problem]]:
    """Parse one UTF-8 CSV file's bytes (the format of ``data/``) into a table of strings.

    Returns the table (every cell a string, blanks as ``""``) and the problems
    that stop it being read; the table is ``None`` when it cannot be read at
    all. Rows whose field count differs from the header are reported and
    left out.
    """
    text, encoding, problems = decode_text(raw, file, lenient=False)
    if text is None:
        return None, problems
    table, problems = parse_csv_text(text, file)
    return (table.with_frame(table.frame, read_as=f"{encoding}, «,»") if table else None), problems


def read_directory(directory: str | Path) -> tuple[dict[str, RawTable], list[Problem]]:
    """Read ``<table>.csv`` for every table from a folder (read-only)."""
    directory = Path(directory)
    frames: dict[str, RawTable] = {}
    problems: list[Problem] = []
    if not directory.is_dir():
        return frames, [Problem(str(directory), None, None, "no_directory", {})]
    for table in schema.TABLES + schema.OPTIONAL_TABLES:
        path = directory / f"{table}.csv"
        if not path.exists():
            continue
        try:
            raw = path.read_bytes()
        except OSError as err:
            problems.append(Problem(path.name, None, None, "unreadable", {"detail": err.strerror}))
            continue
        table_read, found = read_csv_bytes(raw, path.name)
        problems.extend(found)
        frames[table] = table_read if table_read is not None else RawTable.unreadable(path.name)
    return frames, problems


def _to_dates(column: pd.Series) -> pd.Series:
    return pd.to_datetime(column.where(column != "", None), format="%Y-%m-%d")


def _typed(tables: dict[str, RawTable], label: str) -> Dataset:
    typed: dict[str, pd.DataFrame] = {}
    for table in schema.TABLES + schema.OPTIONAL_TABLES:
        frame = tables[table].frame.copy() if table in tables else None
        if frame is None:
            frame = pd.DataFrame(columns=list(schema.REQUIRED_COLUMNS[table]), dtype=object)
        for column in schema.DATE_COLUMNS.get(table, ()):
            if column in frame:
                frame[column] = _to_dates(frame[column].astype(object))
        for column in schema.BOOL_COLUMNS.get(table, ()):
            if column in frame:
                frame[column] = frame[column].astype(str).str.lower().isin(TRUE_VALUES)
            else:
                frame[column] = False
        typed[table] = frame
    for column, vocab in (("kind", schema.KINDS), ("type", schema.TYPES), ("region", schema.REGIONS)):
        typed["actors"][column] = pd.Categorical(typed["actors"][column], categories=vocab)
    typed["relations"]["relation"] = pd.Categorical(typed["relations"]["relation"], categories=schema.RELATIONS)
    return Dataset(
        actors=typed["actors"],
        relations=typed["relations"],
        events=typed["events"],
        documents=typed["documents"],
        background=typed["background"],
        label=label,
        raw={k: v.with_frame(v.frame.copy()) for k, v in tables.items()},
    )


def dataset_from_frames(
    frames: Mapping[str, RawTable | pd.DataFrame], label: str = "data", allow_empty: bool = False
) -> Dataset:
    """Validate string tables and return them typed; raise DataError otherwise.

    A plain DataFrame (a table built in code) reads as ``<table>.csv``. ``allow_empty``: a map
    with no actor yet (a new map in the store) is a map, not an error.
    """
    tables = as_raw(frames)
    problems = validate_frames(tables)
    if allow_empty:
        problems = [p for p in problems if p.code != "no_actors"]
    if problems:
        raise DataError(problems)
    return _typed(tables, label)


def load_dataset(directory: str | Path = DATA_DIR) -> Dataset:
    """Read and validate the tables in ``directory`` (never written to).

    Raises
    ------
    DataError
        With every problem found, when anything is missing or invalid.
    """
    frames, problems = read_directory(directory)
    problems += validate_frames(frames)
    if problems:
        raise DataError(problems)
    return _typed(frames, Path(directory).name)
