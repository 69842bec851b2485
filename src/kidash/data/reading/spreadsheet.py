"""What spreadsheet programs do to a table, undone: table and sheet names, dates, cell values, guard marks."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from pathlib import PurePosixPath

from kidash.data import schema
from kidash.data.contract import TABLE_SPEC
from kidash.data.reading.raw import RawTable
from kidash.safety import restore

__all__ = [
    "TABLE_NAMES",
    "KNOWN_COLUMNS",
    "ALL_TABLES",
    "find_table_name",
    "is_table",
    "table_for",
    "normalise_date",
    "tidy",
    "cell_text",
    "column_letter",
]

ALL_TABLES = schema.TABLES + schema.OPTIONAL_TABLES
# Sheet or file names accepted for each table (compared in lower case).
TABLE_NAMES: dict[str, tuple[str, ...]] = {
    "actors": ("actors", "aktorer", "aktører"),
    "relations": ("relations", "relasjoner"),
    "events": ("events", "hendelser"),
    "documents": ("documents", "dokumenter", "kilder"),
    "background": ("background", "bakgrunn"),
}
# The column names each table may have: every column of the contract's table spec.
KNOWN_COLUMNS: dict[str, set[str]] = {table: {c.name for c in columns} for table, columns in TABLE_SPEC.items()}
_COPY_SUFFIX = re.compile(r"\s*\(\d+\)$")  # «actors (1).csv» as browsers save a second download
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_NORWEGIAN_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_LOOSE_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00(?:\.0+)?)?)?$")


def find_table_name(names: Sequence[str], table: str) -> str | None:
    """The first of ``names`` that names ``table`` (in either language, a browser's «(1)» ignored)."""
    wanted = TABLE_NAMES[table]
    for name in names:
        if _COPY_SUFFIX.sub("", name.strip()).lower() in wanted:
            return name
    return None


def is_table(name: str) -> bool:
    return any(find_table_name([name], table) for table in TABLE_NAMES)


def table_for(file: str) -> str | None:
    """The table a CSV file holds, from its name (a file inside a ZIP is labelled «zip › member»).

    >>> table_for("Aktører (1).csv"), table_for("eksport.zip › kidash/relations.csv"), table_for("x.csv")
    ('actors', 'relations', None)
    """
    member = file.split(" › ")[-1].replace("\\", "/")
    stem = _COPY_SUFFIX.sub("", PurePosixPath(member).stem.strip()).lower()
    return next((t for t, names in TABLE_NAMES.items() if stem in names), None)


def normalise_date(value: str) -> str:
    """ISO date from the ways a spreadsheet writes one; anything else is returned unchanged.

    >>> normalise_date("03.04.2024"), normalise_date("2024-4-3"), normalise_date("2024-04-03 00:00:00")
    ('2024-04-03', '2024-04-03', '2024-04-03')
    >>> normalise_date("45385"), normalise_date("våren 2024")
    ('45385', 'våren 2024')
    """
    for pattern, order in ((_NORWEGIAN_DATE, (3, 2, 1)), (_LOOSE_ISO, (1, 2, 3))):
        match = pattern.match(value)
        if match:
            year, month, day = (int(match.group(i)) for i in order)
            try:
                return dt.date(year, month, day).isoformat()
            except ValueError:
                return value  # the validator says the date does not exist
    return value


def tidy(table: RawTable, name: str | None, read_as: str) -> RawTable:
    """Known column names in their contract spelling, guard apostrophes undone, dates as ISO."""
    frame = table.frame
    known = KNOWN_COLUMNS.get(name or "", set()) | set(schema.REQUIRED_COLUMNS.get(name or "", ()))
    renames = {c: c.strip().lower() for c in frame.columns if c != c.strip().lower() and c.strip().lower() in known}
    if renames and not set(renames.values()) & set(frame.columns):
        frame = frame.rename(columns=renames)
    frame = frame.map(lambda v: str(v) if isinstance(v, Literal) else restore(v) if isinstance(v, str) else v)
    frame = frame.astype(object)
    for column in schema.DATE_COLUMNS.get(name or "", ()):
        if column in frame.columns:
            frame[column] = frame[column].map(normalise_date).astype(object)
    return table.with_frame(frame, read_as=read_as)


def column_letter(index: int) -> str:
    """The spreadsheet letter of a 0-based column.

    >>> column_letter(0), column_letter(25), column_letter(26)
    ('A', 'Z', 'AA')
    """
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# A workbook kidash writes holds every text as it is (no guard apostrophes: a cell typed as text never
# runs), and says so in this custom document property; older ones and people's own are guarded or not.
AS_WRITTEN = ("kidash cells", "as written")


def as_written(book) -> bool:
    """Whether an openpyxl workbook says its text cells hold the text as it is (:data:`AS_WRITTEN`)."""
    props = getattr(getattr(book, "custom_doc_props", None), "props", ())
    return any((prop.name, prop.value) == AS_WRITTEN for prop in props)


class Literal(str):
    """A cell's text that a spreadsheet keeps as text whatever it starts with (Excel's quote prefix,
    which kidash's own workbooks set): no guard apostrophe to undo."""


def _quote_prefixed(cell) -> bool:
    style = getattr(cell, "style_array", None)  # read-only cells carry their style here
    return bool(style.quotePrefix if style is not None else getattr(cell, "quotePrefix", False))


def cell_text(cell, column: str, date_columns: tuple[str, ...]) -> tuple[str, str | None]:
    """(text, problem code or None) for one workbook cell."""
    value = cell.value
    if value is None:
        return "", None
    if isinstance(value, str) and cell.data_type == "s" and _quote_prefixed(cell):
        return Literal(value), None
    if cell.data_type == "f":
        return str(value), "formula"  # kept as written, so no second problem («blank») is reported
    if cell.data_type == "e":
        return "", "cell_error"
    if isinstance(value, bool):
        return ("true" if value else "false"), None
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0) or column in date_columns:
            return value.date().isoformat(), None
        return value.isoformat(sep=" ", timespec="minutes"), None
    if isinstance(value, dt.date):
        return value.isoformat(), None
    if isinstance(value, dt.time):
        return value.strftime("%H:%M"), None
    if isinstance(value, int | float):
        if column in date_columns and 1 <= value < 2958466:  # an Excel serial date in a General cell
            return (_EXCEL_EPOCH + dt.timedelta(days=int(value))).isoformat(), None
        if isinstance(value, float) and value.is_integer():
            return str(int(value)), None
        return str(value), None
    return str(value), None
