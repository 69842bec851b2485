"""Read a user's own tables: an Excel workbook, the CSV files, or a ZIP of them.

Lenient where spreadsheets differ (semicolons, Windows-1252, a byte-order
mark, Excel or Norwegian dates) and strict where it matters (size, rows,
cell length, formulas, zip bombs). Nothing here writes a file; every finding
is a :class:`~kidash.validate.Problem` naming the file or sheet, the row as
the spreadsheet shows it and the column.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import difflib
import io
import re
import zipfile
from collections.abc import Sequence
from pathlib import PurePosixPath

import pandas as pd

from kidash import schema
from kidash.contract import TABLE_SPEC
from kidash.data import MAX_ROWS, DataError, Dataset, dataset_from_frames, parse_csv_text, table_of_rows
from kidash.safety import restore
from kidash.validate import Problem, validate_frames

__all__ = [
    "MAX_UPLOAD_BYTES",
    "MAX_UNZIPPED_BYTES",
    "MAX_COLUMNS",
    "TABLE_NAMES",
    "decode_text",
    "read_csv_upload",
    "read_workbook",
    "read_zip",
    "read_upload",
    "load_upload",
    "normalise_date",
]

MAX_UPLOAD_BYTES = 20 * 1024 * 1024  # the same as server.maxUploadSize in .streamlit/config.toml
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024  # what a workbook or ZIP may grow to when unpacked
MAX_ZIP_MEMBERS = 2_000
MAX_COLUMNS = 200

# Sheet or file names accepted for each table (compared in lower case).
TABLE_NAMES: dict[str, tuple[str, ...]] = {
    "actors": ("actors", "aktorer", "aktører"),
    "relations": ("relations", "relasjoner"),
    "events": ("events", "hendelser"),
    "documents": ("documents", "dokumenter", "kilder"),
    "background": ("background", "bakgrunn"),
}
_ALL_TABLES = schema.TABLES + schema.OPTIONAL_TABLES
# The column names each table may have: every column of the contract's table spec.
_KNOWN_COLUMNS: dict[str, set[str]] = {table: {c.name for c in columns} for table, columns in TABLE_SPEC.items()}
_COPY_SUFFIX = re.compile(r"\s*\(\d+\)$")  # «actors (1).csv» as browsers save a second download
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_NORWEGIAN_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_LOOSE_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00(?:\.0+)?)?)?$")


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}"


# --- text ----------------------------------------------------------------------


def decode_text(raw: bytes, file: str) -> tuple[str | None, str, list[Problem]]:
    """Decode a text file as Excel may have saved it: UTF-8 (with or without BOM), UTF-16, Windows-1252.

    Returns (text, encoding name, problems); text is None when the bytes are
    not text at all.
    """
    if raw.startswith(codecs.BOM_UTF8):
        encoding = "UTF-8 (BOM)"
        try:
            return raw[3:].decode("utf-8"), encoding, []
        except UnicodeDecodeError as err:
            return None, encoding, [Problem(file, None, None, "not_utf8", {"position": err.start + 3})]
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # Excel's «Unicode text»
        try:
            return raw.decode("utf-16"), "UTF-16", []
        except UnicodeDecodeError:
            return None, "UTF-16", [Problem(file, None, None, "binary", {})]
    if b"\x00" in raw[:65536] or raw.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"%PDF", b"\x89PNG")):
        return None, "", [Problem(file, None, None, "binary", {})]
    try:
        return raw.decode("utf-8"), "UTF-8", []
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252"), "Windows-1252", []
    except UnicodeDecodeError as err:
        return None, "", [Problem(file, None, None, "unknown_encoding", {"position": err.start})]


def _sniff_delimiter(text: str, table: str | None) -> str:
    """Comma, semicolon or tab: whichever splits the first line into the most known column names."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    known = _KNOWN_COLUMNS.get(table or "", set()) | set().union(*_KNOWN_COLUMNS.values())

    def score(delimiter: str) -> tuple[int, int]:
        try:
            fields = next(csv.reader([first], delimiter=delimiter))
        except (csv.Error, StopIteration):
            return (0, 0)
        return (sum(f.strip().lower() in known for f in fields), len(fields))

    return max((",", ";", "\t"), key=score)


def read_csv_upload(raw: bytes, file: str, table: str | None = None) -> tuple[pd.DataFrame | None, list[Problem]]:
    """One CSV file as Excel writes it, as a table of strings (how it was read in ``attrs["read_as"]``)."""
    text, encoding, problems = decode_text(raw, file)
    if text is None:
        return None, problems
    delimiter = _sniff_delimiter(text, table)
    frame, problems = parse_csv_text(text, file, delimiter)
    if frame is not None:
        frame = _tidy(frame, table)
        frame.attrs["read_as"] = f"{encoding}, «{'TAB' if delimiter == chr(9) else delimiter}»"
    return frame, problems


# --- dates and cells ---------------------------------------------------------------


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


def _tidy(frame: pd.DataFrame, table: str | None) -> pd.DataFrame:
    """Known column names in their contract spelling, guard apostrophes undone, dates as ISO."""
    attrs = dict(frame.attrs)
    known = _KNOWN_COLUMNS.get(table or "", set()) | set(schema.REQUIRED_COLUMNS.get(table or "", ()))
    renames = {c: c.strip().lower() for c in frame.columns if c != c.strip().lower() and c.strip().lower() in known}
    if renames and not set(renames.values()) & set(frame.columns):
        frame = frame.rename(columns=renames)
    frame = frame.map(lambda v: restore(v) if isinstance(v, str) else v).astype(object)
    for column in schema.DATE_COLUMNS.get(table or "", ()):
        if column in frame.columns:
            frame[column] = frame[column].map(normalise_date).astype(object)
    frame.attrs = attrs
    return frame


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _cell_text(cell, column: str, date_columns: tuple[str, ...]) -> tuple[str, str | None]:
    """(text, problem code or None) for one workbook cell."""
    value = cell.value
    if value is None:
        return "", None
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


# --- workbooks -----------------------------------------------------------------------


def _too_big_unpacked(file: str, found: int) -> Problem:
    return Problem(file, None, None, "zip_bomb", {"found": _mb(found), "limit": _mb(MAX_UNZIPPED_BYTES)})


def _check_zip(raw: bytes, file: str) -> tuple[zipfile.ZipFile | None, list[Problem]]:
    """Open a ZIP only if it unpacks to a sane size (every member is actually inflated, with a cap)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return None, [Problem(file, None, None, "not_zip", {})]
    if len(members) > MAX_ZIP_MEMBERS:
        return None, [
            Problem(file, None, None, "zip_too_many_files", {"found": len(members), "limit": MAX_ZIP_MEMBERS})
        ]
    declared = sum(member.file_size for member in members)
    if declared > MAX_UNZIPPED_BYTES:
        return None, [_too_big_unpacked(file, declared)]
    total = 0
    try:
        for member in members:
            with archive.open(member) as stream:  # declared sizes can lie: count what really comes out
                while chunk := stream.read(1 << 20):
                    total += len(chunk)
                    if total > MAX_UNZIPPED_BYTES:
                        return None, [_too_big_unpacked(file, total)]
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError) as err:
        return None, [Problem(file, None, None, "unreadable", {"detail": type(err).__name__})]
    return archive, []


def _is_table(name: str) -> bool:
    return any(_find_table_name([name], table) for table in TABLE_NAMES)


def _find_table_name(names: Sequence[str], table: str) -> str | None:
    wanted = TABLE_NAMES[table]
    for name in names:
        if _COPY_SUFFIX.sub("", name.strip()).lower() in wanted:
            return name
    return None


def _sheet_frame(sheet, label: str, table: str) -> tuple[pd.DataFrame | None, list[Problem]]:
    date_columns = schema.DATE_COLUMNS.get(table, ())
    problems: list[Problem] = []
    header: list[str] | None = None
    header_row = 0
    body: list[list[str]] = []
    numbers: list[int] = []
    for number, cells in enumerate(sheet.iter_rows(), start=1):
        if header is None:
            texts = [_cell_text(c, "", ())[0].strip() if hasattr(c, "value") else "" for c in cells]
            if not any(texts):
                continue
            while texts and not texts[-1]:
                texts.pop()
            if len(texts) > MAX_COLUMNS:
                return None, [
                    Problem(label, number, None, "too_many_columns", {"found": len(texts), "limit": MAX_COLUMNS})
                ]
            header, header_row = texts, number
            continue
        if len(body) >= MAX_ROWS:
            rows = max(sheet.max_row or 0, number) - header_row  # the sheet's own count, else where reading stopped
            return None, [Problem(label, None, None, "too_many_rows", {"rows": rows, "limit": MAX_ROWS})]
        record: list[str] = []
        extra = False
        for index, cell in enumerate(cells):
            column = header[index] if index < len(header) else ""
            text, code = _cell_text(cell, column, date_columns) if hasattr(cell, "value") else ("", None)
            if code:
                problems.append(Problem(label, number, column or _column_letter(index), code, {}))
            if index < len(header):
                record.append(text)
            elif text.strip():
                extra = True
        if not any(v.strip() for v in record) and not extra:
            continue
        record += [""] * (len(header) - len(record))
        if extra:
            problems.append(Problem(label, number, None, "cell_outside_header", {}))
        body.append(record)
        numbers.append(number)
    if header is None:
        return None, [Problem(label, None, None, "empty_sheet", {})]
    for index, name in enumerate(header):
        if not name and any(r[index].strip() for r in body):  # e.g. a header cell merged over two columns
            letter = _column_letter(index)
            problems.append(Problem(label, header_row, letter, "blank_header", {"letter": letter}))
    if any(p.code == "blank_header" for p in problems):
        return None, problems
    keep = [i for i, name in enumerate(header) if name]
    header = [header[i] for i in keep]
    body = [[r[i] for i in keep] for r in body]
    frame, found = table_of_rows(header, body, label, numbers, header_row)
    if frame is not None:
        frame = _tidy(frame, table)
        frame.attrs["read_as"] = "Excel"
    return frame, problems + found


def read_workbook(raw: bytes, file: str) -> tuple[dict[str, pd.DataFrame], list[Problem]]:
    """The tables of an Excel workbook, one sheet per table (other sheets, such as the explanation, ignored)."""
    if raw.startswith(b"\xd0\xcf\x11\xe0"):
        return {}, [Problem(file, None, None, "old_excel", {})]
    archive, problems = _check_zip(raw, file)
    if archive is None:
        return {}, [Problem(file, None, None, "not_xlsx", {})] if problems[0].code == "not_zip" else problems
    if "xl/workbook.xml" not in archive.namelist():
        return {}, [Problem(file, None, None, "not_xlsx", {})]
    from openpyxl import load_workbook  # imported here: only uploads need it

    try:
        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=False)
    except Exception as err:  # noqa: BLE001 - any reader failure becomes a message, never a traceback
        return {}, [Problem(file, None, None, "unreadable", {"detail": type(err).__name__})]
    frames: dict[str, pd.DataFrame] = {}
    try:
        names = book.sheetnames
        for table in _ALL_TABLES:
            label = f"{file} › {table}"
            name = _find_table_name(names, table)
            if name is None:
                if table in schema.TABLES:
                    close = difflib.get_close_matches(table, [n for n in names if not _is_table(n)], n=1, cutoff=0.5)
                    code, params = "missing_sheet", {"sheet": table, "sheets": ", ".join(names)}
                    if close:
                        code, params = "rename_sheet", {"sheet": table, "found": close[0]}
                    problems.append(Problem(label, None, None, code, params))
                    frames[table] = _unreadable(label)
                continue
            label = f"{file} › {name}"
            frame, found = _sheet_frame(book[name], label, table)
            problems += found
            frames[table] = frame if frame is not None else _unreadable(label)
            frames[table].attrs["file"] = label
    except Exception as err:  # noqa: BLE001
        return {}, [Problem(file, None, None, "unreadable", {"detail": type(err).__name__})]
    finally:
        book.close()
    return frames, problems


def _unreadable(label: str) -> pd.DataFrame:
    frame = pd.DataFrame()
    frame.attrs.update(unreadable=True, file=label)
    return frame


# --- CSV files and ZIPs -----------------------------------------------------------------


def _table_for(file: str) -> str | None:
    member = file.split(" › ")[-1].replace("\\", "/")  # a file inside a ZIP is labelled «zip › member»
    stem = _COPY_SUFFIX.sub("", PurePosixPath(member).stem.strip()).lower()
    return next((t for t, names in TABLE_NAMES.items() if stem in names), None)


def _read_csv_files(files: Sequence[tuple[str, bytes]]) -> tuple[dict[str, pd.DataFrame], list[Problem]]:
    frames: dict[str, pd.DataFrame] = {}
    problems: list[Problem] = []
    for name, raw in files:
        table = _table_for(name)
        if table is None:
            known = [f"{t}.csv" for t in _ALL_TABLES]
            member = PurePosixPath(name.split(" › ")[-1]).name.lower()
            suggestion = difflib.get_close_matches(member, known, n=1, cutoff=0.5)
            problems.append(
                Problem(
                    name,
                    None,
                    None,
                    "unknown_table",
                    {"names": ", ".join(known), "suggestion": suggestion[0] if suggestion else ""},
                )
            )
            continue
        if table in frames:
            problems.append(Problem(name, None, None, "same_table_twice", {"other": frames[table].attrs["file"]}))
            continue
        frame, found = read_csv_upload(raw, name, table)
        problems += found
        frames[table] = frame if frame is not None else _unreadable(name)
        frames[table].attrs["file"] = name
    for table in schema.TABLES:  # name the missing file as the user should call it
        if table not in frames:
            problems.append(Problem(f"{table}.csv", None, None, "missing_file", {}))
            frames[table] = _unreadable(f"{table}.csv")
    return frames, problems


def read_zip(raw: bytes, file: str) -> tuple[dict[str, pd.DataFrame], list[Problem]]:
    """The CSV files inside a ZIP (as kidash's own CSV download is packed)."""
    archive, problems = _check_zip(raw, file)
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


def read_upload(files: Sequence[tuple[str, bytes]]) -> tuple[dict[str, pd.DataFrame], list[Problem]]:
    """The string tables in what a user uploaded: one workbook, one ZIP, or CSV files.

    ``files`` are (file name, bytes) pairs; nothing is written anywhere.
    """
    if not files:
        return {}, [Problem("—", None, None, "no_files", {})]
    total = sum(len(raw) for _, raw in files)
    if total > MAX_UPLOAD_BYTES:
        size, limit = _mb(total), _mb(MAX_UPLOAD_BYTES)
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


def load_upload(files: Sequence[tuple[str, bytes]]) -> Dataset:
    """Read, validate and type an upload; raise :class:`DataError` with every problem otherwise."""
    frames, problems = read_upload(files)
    if problems:
        if frames:  # report what the validator finds in the readable tables too: every problem at once
            problems += validate_frames(frames)
        raise DataError(problems)
    label = ", ".join(name for name, _ in files)
    return dataset_from_frames(frames, label=label)
