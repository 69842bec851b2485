"""Read the kidash tables, validate them, and hand back a typed Dataset."""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pandas as pd

from kidash import schema
from kidash.contract import TRUE_VALUES
from kidash.validate import MAX_CELL_CHARS, Problem, validate_frames

__all__ = [
    "DATA_DIR",
    "MAX_ROWS",
    "DataError",
    "Dataset",
    "Problem",
    "read_csv_bytes",
    "parse_csv_text",
    "table_of_rows",
    "read_directory",
    "dataset_from_frames",
    "load_dataset",
]

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
MAX_ROWS = 100_000


class DataError(Exception):
    """Every problem found in a set of tables, raised together.

    ``problems`` holds one :class:`Problem` per finding, each naming the file,
    the row as a spreadsheet shows it (header = row 1) and the column.
    """

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        lines = [p.message("en") for p in self.problems[:20]]
        more = len(self.problems) - len(lines)
        if more > 0:
            lines.append(f"... and {more} more")
        super().__init__(f"{len(self.problems)} problem(s) in the data:\n" + "\n".join(lines))


@dataclass(frozen=True)
class Dataset:
    """The four tables (plus background facts), typed and known to be valid."""

    actors: pd.DataFrame
    relations: pd.DataFrame
    events: pd.DataFrame
    documents: pd.DataFrame
    background: pd.DataFrame
    label: str = "data"
    raw: dict[str, pd.DataFrame] = field(default_factory=dict, repr=False, compare=False)

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


class RowNumbers(tuple):
    """The spreadsheet row of each record; immutable, so pandas need not deep-copy it with ``attrs``.

    (pandas deep-copies ``DataFrame.attrs`` on most operations; for a 100,000-row
    table a plain list made every column access cost milliseconds.)
    """

    __slots__ = ()

    def __deepcopy__(self, memo: dict) -> RowNumbers:
        return self


def _decode(raw: bytes, file: str) -> tuple[str | None, list[Problem]]:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as err:
        return None, [Problem(file, None, None, "not_utf8", {"position": err.start})]


def read_csv_bytes(raw: bytes, file: str) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Parse one UTF-8 CSV file's bytes (the format of ``data/``) into a table of strings.

    Returns the table (every cell a string, blanks as ``""``) and the problems
    that stop it being read; the table is ``None`` when it cannot be read at
    all. Rows whose field count differs from the header are reported and
    left out.
    """
    text, problems = _decode(raw, file)
    if text is None:
        return None, problems
    return parse_csv_text(text, file)


def parse_csv_text(text: str, file: str, delimiter: str = ",") -> tuple[pd.DataFrame | None, list[Problem]]:
    """Split decoded CSV text into a table of strings, rows numbered as a spreadsheet shows them.

    A spreadsheet counts blank lines as rows, so row numbers keep counting
    across them; the first non-blank row is the header.
    """
    if "\x00" in text:
        return None, [Problem(file, None, None, "binary", {})]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    numbered: list[tuple[int, list[str]]] = []
    records = 0  # non-blank records, header included; only the first MAX_ROWS + 1 are kept
    number = 0  # the spreadsheet row of the last record read; the next one failed if csv raises
    try:
        for number, record in enumerate(reader, start=1):  # noqa: B007 - number is used after the loop
            if any(cell.strip() for cell in record):
                records += 1
                if records <= MAX_ROWS + 1:
                    numbered.append((number, record))
        if records > MAX_ROWS + 1:
            return None, [Problem(file, None, None, "too_many_rows", {"rows": records - 1, "limit": MAX_ROWS})]
    except csv.Error as err:
        if "field larger than field limit" in str(err):
            return None, [Problem(file, number + 1, None, "cell_too_big", {"limit": MAX_CELL_CHARS})]
        return None, [Problem(file, number + 1, None, "unparseable", {"detail": str(err)})]
    if not numbered:
        return None, [Problem(file, None, None, "empty_file", {})]
    header_row, header = numbered[0]
    header = [h.strip() for h in header]
    rows = [number for number, _ in numbered[1:]]
    return table_of_rows(header, [record for _, record in numbered[1:]], file, rows, header_row)


def table_of_rows(
    header: list[str], body: list[list[str]], file: str, row_numbers: list[int], header_row: int = 1
) -> tuple[pd.DataFrame | None, list[Problem]]:
    """A table of stripped strings from a header and records, each record's spreadsheet row kept.

    Duplicate column names stop the table; records with the wrong number of
    fields are reported and skipped by the validator (their row numbers stay).
    """
    problems: list[Problem] = []
    seen: set[str] = set()
    for name in header:
        if name in seen:
            problems.append(Problem(file, header_row, name, "duplicate_column", {}))
        seen.add(name)
    if problems:
        return None, problems
    if len(body) > MAX_ROWS:
        return None, [Problem(file, None, None, "too_many_rows", {"rows": len(body), "limit": MAX_ROWS})]
    rows: list[list[str]] = []
    skip: set[int] = set()
    for offset, record in enumerate(body):
        if len(record) != len(header):
            problems.append(
                Problem(
                    file,
                    row_numbers[offset],
                    None,
                    "row_length",
                    {"found": len(record), "expected": len(header)},
                )
            )
            rows.append([""] * len(header))  # keep numbering; skipped in checks below
            skip.add(offset)
            continue
        rows.append([cell.strip() for cell in record])
    frame = pd.DataFrame(rows, columns=header, dtype=object).fillna("")
    if skip:
        frame.attrs["skip_rows"] = frozenset(skip)
    frame.attrs["row_numbers"] = RowNumbers(row_numbers)
    frame.attrs["header_row"] = header_row
    return frame, problems


def read_directory(directory: str | Path) -> tuple[dict[str, pd.DataFrame], list[Problem]]:
    """Read ``<table>.csv`` for every table from a folder (read-only)."""
    directory = Path(directory)
    frames: dict[str, pd.DataFrame] = {}
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
        frame, found = read_csv_bytes(raw, path.name)
        problems.extend(found)
        if frame is None:
            frame = pd.DataFrame()
            frame.attrs["unreadable"] = True
        frame.attrs["file"] = path.name
        frames[table] = frame
    return frames, problems


def _to_dates(column: pd.Series) -> pd.Series:
    return pd.to_datetime(column.where(column != "", None), format="%Y-%m-%d")


def _typed(frames: dict[str, pd.DataFrame], label: str) -> Dataset:
    typed: dict[str, pd.DataFrame] = {}
    for table in schema.TABLES + schema.OPTIONAL_TABLES:
        frame = frames.get(table)
        if frame is None:
            frame = pd.DataFrame(columns=list(schema.REQUIRED_COLUMNS[table]), dtype=object)
        frame = frame.copy()
        frame.attrs = {}
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
        raw={k: v.copy() for k, v in frames.items()},
    )


def dataset_from_frames(frames: dict[str, pd.DataFrame], label: str = "data") -> Dataset:
    """Validate string tables and return them typed; raise DataError otherwise."""
    problems = validate_frames(frames)
    if problems:
        raise DataError(problems)
    return _typed(frames, label)


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
