"""The table every reader returns, text decoding and CSV parsing.

A :class:`RawTable` is a table as found in a file: every cell a stripped
string, and beside it what the validator needs to name a place the way the
user's spreadsheet shows it (the file or sheet, the header row, each record's
row number) and what the Data page says about how the file was read.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace

import pandas as pd

from kidash.data.problems import Problem

__all__ = ["MAX_ROWS", "MAX_CELL_CHARS", "RawTable", "as_raw", "decode_text", "parse_csv_text", "table_of_rows"]

MAX_ROWS = 100_000
MAX_CELL_CHARS = 5_000


@dataclass(frozen=True, eq=False)
class RawTable:
    """A table of strings and where each of its records stood in the file.

    ``row_numbers[i]`` is the spreadsheet row of record ``i`` (header = its own
    row; blank lines keep counting), or ``None`` for a table built in code,
    whose header is row 1 and records follow from row 2. ``skipped`` holds the
    records the reader already reported (wrong number of fields); they keep
    their row numbers so the others keep theirs.
    """

    frame: pd.DataFrame
    file: str
    row_numbers: tuple[int, ...] | None = None
    header_row: int = 1
    skipped: frozenset[int] = frozenset()
    read_as: str = "UTF-8, «,»"
    readable: bool = True

    @classmethod
    def unreadable(cls, file: str) -> RawTable:
        """The place of a table that could not be read (its problem was reported by the reader)."""
        return cls(pd.DataFrame(), file, readable=False, read_as="")

    def records(self) -> Iterator[tuple[int, dict[str, str]]]:
        """(spreadsheet row, record) for every record that could be read.

        >>> table = RawTable(pd.DataFrame({"id": ["a", "b"]}), "actors.csv")
        >>> list(table.records())
        [(2, {'id': 'a'}), (3, {'id': 'b'})]
        """
        numbers = self.row_numbers
        for offset, record in enumerate(self.frame.to_dict("records")):
            if offset in self.skipped:
                continue
            row = numbers[offset] if numbers is not None and offset < len(numbers) else self.header_row + 1 + offset
            yield row, {k: ("" if v is None else str(v)) for k, v in record.items()}

    def with_frame(self, frame: pd.DataFrame, **changes) -> RawTable:
        """The same place with cells tidied (same records in the same order) or other facts changed."""
        return replace(self, frame=frame, **changes)


def as_raw(tables: Mapping[str, RawTable | pd.DataFrame]) -> dict[str, RawTable]:
    """Tables as the validator takes them; a DataFrame built in code reads as ``<table>.csv``."""
    return {
        name: table if isinstance(table, RawTable) else RawTable(table, f"{name}.csv") for name, table in tables.items()
    }


def decode_text(raw: bytes, file: str, *, lenient: bool = True) -> tuple[str | None, str, list[Problem]]:
    """Decode a text file; returns (text or None, encoding name, problems).

    Strict (``lenient=False``, the shipped ``data/`` folder): UTF-8, with or
    without a byte-order mark. Lenient (uploads, as Excel may have saved them):
    also UTF-16 with a mark and Windows-1252, and binary files named as such.

    >>> decode_text("Tromsø".encode("cp1252"), "a.csv")[:2]
    ('Tromsø', 'Windows-1252')
    >>> decode_text("Tromsø".encode("cp1252"), "a.csv", lenient=False)[2][0].code
    'not_utf8'
    """
    if raw.startswith(codecs.BOM_UTF8):
        try:
            return raw[3:].decode("utf-8"), "UTF-8 (BOM)", []
        except UnicodeDecodeError as err:
            return None, "UTF-8 (BOM)", [Problem(file, None, None, "not_utf8", {"position": err.start + 3})]
    if lenient:
        if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # Excel's «Unicode text»
            try:
                return raw.decode("utf-16"), "UTF-16", []
            except UnicodeDecodeError:
                return None, "UTF-16", [Problem(file, None, None, "binary", {})]
        if b"\x00" in raw[:65536] or raw.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"%PDF", b"\x89PNG")):
            return None, "", [Problem(file, None, None, "binary", {})]
    try:
        return raw.decode("utf-8"), "UTF-8", []
    except UnicodeDecodeError as err:
        if not lenient:
            return None, "", [Problem(file, None, None, "not_utf8", {"position": err.start})]
    try:
        return raw.decode("cp1252"), "Windows-1252", []
    except UnicodeDecodeError as err:
        return None, "", [Problem(file, None, None, "unknown_encoding", {"position": err.start})]


def parse_csv_text(text: str, file: str, delimiter: str = ",") -> tuple[RawTable | None, list[Problem]]:
    """Split decoded CSV text into a table of strings, rows numbered as a spreadsheet shows them.

    A spreadsheet counts blank lines as rows, so row numbers keep counting
    across them; the first non-blank row is the header. The table is ``None``
    when it cannot be read at all.
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
) -> tuple[RawTable | None, list[Problem]]:
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
            found = {"found": len(record), "expected": len(header)}
            problems.append(Problem(file, row_numbers[offset], None, "row_length", found))
            rows.append([""] * len(header))  # keep numbering; skipped in checks below
            skip.add(offset)
            continue
        rows.append([type(cell)(cell.strip()) for cell in record])  # a cell's kind of text kept (spreadsheet.Literal)
    frame = pd.DataFrame(rows, columns=header, dtype=object).fillna("")
    return RawTable(frame, file, tuple(row_numbers), header_row, frozenset(skip)), problems
