"""Read a user's own tables: an Excel workbook, the CSV files, or a ZIP of them.

Lenient where spreadsheets differ (semicolons, Windows-1252, a byte-order
mark, Excel or Norwegian dates) and strict where it matters (size, rows,
cell length, formulas, zip bombs). Nothing here writes a file; every finding
is a :class:`~kidash.data.problems.Problem` naming the file or sheet, the row as
the spreadsheet shows it and the column. The readers are in :mod:`kidash.data.reading`.
"""

from __future__ import annotations

import csv
import difflib
from collections.abc import Sequence
from pathlib import PurePosixPath

from kidash.data import schema
from kidash.data.dataset import Dataset, dataset_from_frames
from kidash.data.problems import DataError, Problem
from kidash.data.reading.raw import RawTable, decode_text, parse_csv_text
from kidash.data.reading.spreadsheet import ALL_TABLES, KNOWN_COLUMNS, TABLE_NAMES, normalise_date, table_for, tidy
from kidash.data.reading.workbook import megabytes, open_zip, read_workbook
from kidash.data.validate import validate_frames

__all__ = [
    "merge_upload",
    "MAX_UPLOAD_BYTES",
    "TABLE_NAMES",
    "read_csv_upload",
    "read_workbook",
    "read_zip",
    "read_upload",
    "load_upload",
    "normalise_date",
]

MAX_UPLOAD_BYTES = 20 * 1024 * 1024  # the same as server.maxUploadSize in .streamlit/config.toml


def _sniff_delimiter(text: str, table: str | None) -> str:
    """Comma, semicolon or tab: whichever splits the first line into the most known column names."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    known = KNOWN_COLUMNS.get(table or "", set()) | set().union(*KNOWN_COLUMNS.values())

    def score(delimiter: str) -> tuple[int, int]:
        try:
            fields = next(csv.reader([first], delimiter=delimiter))
        except (csv.Error, StopIteration):
            return (0, 0)
        return (sum(f.strip().lower() in known for f in fields), len(fields))

    return max((",", ";", "\t"), key=score)


def read_csv_upload(raw: bytes, file: str, table: str | None = None) -> tuple[RawTable | None, list[Problem]]:
    """One CSV file as Excel writes it, as a table of strings that says how it was read."""
    text, encoding, problems = decode_text(raw, file)
    if text is None:
        return None, problems
    delimiter = _sniff_delimiter(text, table)
    found, problems = parse_csv_text(text, file, delimiter)
    if found is not None:
        found = tidy(found, table, f"{encoding}, «{'TAB' if delimiter == chr(9) else delimiter}»")
    return found, problems


def _read_csv_files(files: Sequence[tuple[str, bytes]]) -> tuple[dict[str, RawTable], list[Problem]]:
    tables: dict[str, RawTable] = {}
    problems: list[Problem] = []
    for name, raw in files:
        table = table_for(name)
        if table is None:
            known = [f"{t}.csv" for t in ALL_TABLES]
            member = PurePosixPath(name.split(" › ")[-1]).name.lower()
            suggestion = difflib.get_close_matches(member, known, n=1, cutoff=0.5)
            params = {"names": ", ".join(known), "suggestion": suggestion[0] if suggestion else ""}
            problems.append(Problem(name, None, None, "unknown_table", params))
            continue
        if table in tables:
            problems.append(Problem(name, None, None, "same_table_twice", {"other": tables[table].file}))
            continue
        found, more = read_csv_upload(raw, name, table)
        problems += more
        tables[table] = found if found is not None else RawTable.unreadable(name)
    for table in schema.TABLES:  # name the missing file as the user should call it
        if table not in tables:
            problems.append(Problem(f"{table}.csv", None, None, "missing_file", {}))
            tables[table] = RawTable.unreadable(f"{table}.csv")
    return tables, problems


def read_zip(raw: bytes, file: str) -> tuple[dict[str, RawTable], list[Problem]]:
    """The CSV files inside a ZIP (as kidash's own CSV download is packed)."""
    archive, problems = open_zip(raw, file)
    if archive is None:
        return {}, problems
    members = [
        (f"{file} › {m.filename}", archive.read(m))
        for m in archive.infolist()
        if not m.is_dir() and m.filename.lower().endswith((".csv", ".txt")) and "__MACOSX" not in m.filename
    ]
    if not members:
        return {}, [Problem(file, None, None, "no_tables_in_zip", {})]
    return _read_csv_files(members)


def read_upload(files: Sequence[tuple[str, bytes]]) -> tuple[dict[str, RawTable], list[Problem]]:
    """The string tables in what a user uploaded: one workbook, one ZIP, or CSV files.

    ``files`` are (file name, bytes) pairs; nothing is written anywhere.
    """
    if not files:
        return {}, [Problem("—", None, None, "no_files", {})]
    total = sum(len(raw) for _, raw in files)
    if total > MAX_UPLOAD_BYTES:
        size, limit = megabytes(total), megabytes(MAX_UPLOAD_BYTES)
        return {}, [Problem(name, None, None, "upload_too_big", {"size": size, "limit": limit}) for name, _ in files]
    kinds = {name: PurePosixPath(name.lower()).suffix for name, _ in files}
    unknown = [n for n, suffix in kinds.items() if suffix not in (".xlsx", ".xlsm", ".xls", ".csv", ".txt", ".zip")]
    if unknown:
        return {}, [Problem(name, None, None, "unknown_file_type", {}) for name in unknown]
    books = [(n, raw) for n, raw in files if kinds[n] in (".xlsx", ".xlsm", ".xls", ".zip")]
    if books and len(files) > 1:
        return {}, [Problem(", ".join(n for n, _ in files), None, None, "one_workbook", {})]
    if books:
        name, raw = books[0]
        return read_zip(raw, name) if kinds[name] == ".zip" else read_workbook(raw, name)
    return _read_csv_files(files)


_BOOKS = (".xlsx", ".xlsm", ".xls", ".zip")


def merge_upload(kept: Sequence[tuple[str, bytes]], new: Sequence[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
    """The files of an upload tried again: the ``new`` ones, the newest replacing what they stand for
    among the files ``kept`` from the try before (a workbook or ZIP replaces everything; a CSV file
    replaces the file of the same table; the other CSV files stay).

    >>> names = lambda files: [name for name, _ in files]
    >>> names(merge_upload([("broken.xlsx", b"")], [("valid.xlsx", b"")]))
    ['valid.xlsx']
    >>> csvs = [("actors.csv", b"1"), ("relations.csv", b"1"), ("events.csv", b"1"), ("documents.csv", b"1")]
    >>> names(merge_upload(csvs, [("Aktører (1).csv", b"2")]))
    ['relations.csv', 'events.csv', 'documents.csv', 'Aktører (1).csv']
    >>> names(merge_upload(csvs, [("a.zip", b""), ("b.xlsx", b"")]))
    ['b.xlsx']
    """
    books = [(name, raw) for name, raw in new if PurePosixPath(name.lower()).suffix in _BOOKS]
    if books:
        return [books[-1]]
    if any(PurePosixPath(name.lower()).suffix in _BOOKS for name, _ in kept):
        return list(new)
    replaced = {table_for(name) for name, _ in new} - {None}
    return [(name, raw) for name, raw in kept if table_for(name) not in replaced] + list(new)


def load_upload(files: Sequence[tuple[str, bytes]]) -> Dataset:
    """Read, validate and type an upload; raise :class:`DataError` with every problem otherwise."""
    tables, problems = read_upload(files)
    if problems:
        if tables:  # report what the validator finds in the readable tables too: every problem at once
            problems += validate_frames(tables)
        raise DataError(problems)
    label = ", ".join(name for name, _ in files)
    return dataset_from_frames(tables, label=label)
