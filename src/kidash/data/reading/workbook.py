"""Excel workbooks and ZIP archives, opened only when they unpack to a sane size."""

from __future__ import annotations

import difflib
import io
import zipfile

from kidash.data import schema
from kidash.data.problems import Problem
from kidash.data.reading import raw
from kidash.data.reading.raw import RawTable, table_of_rows
from kidash.data.reading.spreadsheet import (
    ALL_TABLES,
    Literal,
    as_written,
    cell_text,
    column_letter,
    find_table_name,
    is_table,
    tidy,
)

__all__ = ["MAX_UNZIPPED_BYTES", "MAX_ZIP_MEMBERS", "MAX_COLUMNS", "open_zip", "read_workbook", "megabytes"]

MAX_UNZIPPED_BYTES = 200 * 1024 * 1024  # what a workbook or ZIP may grow to when unpacked
MAX_ZIP_MEMBERS = 2_000
MAX_COLUMNS = 200


def megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}"


def _too_big_unpacked(file: str, found: int) -> Problem:
    return Problem(file, None, None, "zip_bomb", {"found": megabytes(found), "limit": megabytes(MAX_UNZIPPED_BYTES)})


def open_zip(data: bytes, file: str) -> tuple[zipfile.ZipFile | None, list[Problem]]:
    """Open a ZIP only if it unpacks to a sane size (every member is actually inflated, with a cap)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
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


def _sheet_table(sheet, label: str, table: str, literal: bool = False) -> tuple[RawTable | None, list[Problem]]:
    date_columns = schema.DATE_COLUMNS.get(table, ())
    problems: list[Problem] = []
    header: list[str] | None = None
    header_row = 0
    body: list[list[str]] = []
    numbers: list[int] = []
    for number, cells in enumerate(sheet.iter_rows(), start=1):
        if header is None:
            texts = [cell_text(c, "", ())[0].strip() if hasattr(c, "value") else "" for c in cells]
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
        if len(body) >= raw.MAX_ROWS:
            rows = max(sheet.max_row or 0, number) - header_row  # the sheet's own count, else where reading stopped
            return None, [Problem(label, None, None, "too_many_rows", {"rows": rows, "limit": raw.MAX_ROWS})]
        record: list[str] = []
        extra = False
        for index, cell in enumerate(cells):
            column = header[index] if index < len(header) else ""
            text, code = cell_text(cell, column, date_columns) if hasattr(cell, "value") else ("", None)
            if literal and type(text) is str:
                text = Literal(text)
            if code:
                problems.append(Problem(label, number, column or column_letter(index), code, {}))
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
            letter = column_letter(index)
            problems.append(Problem(label, header_row, letter, "blank_header", {"letter": letter}))
    if any(p.code == "blank_header" for p in problems):
        return None, problems
    keep = [i for i, name in enumerate(header) if name]
    header = [header[i] for i in keep]
    body = [[r[i] for i in keep] for r in body]
    found_table, found = table_of_rows(header, body, label, numbers, header_row)
    if found_table is not None:
        found_table = tidy(found_table, table, "Excel")
    return found_table, problems + found


def read_workbook(data: bytes, file: str) -> tuple[dict[str, RawTable], list[Problem]]:
    """The tables of an Excel workbook, one sheet per table (other sheets, such as the explanation, ignored)."""
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return {}, [Problem(file, None, None, "old_excel", {})]
    archive, problems = open_zip(data, file)
    if archive is None:
        return {}, [Problem(file, None, None, "not_xlsx", {})] if problems[0].code == "not_zip" else problems
    if "xl/workbook.xml" not in archive.namelist():
        return {}, [Problem(file, None, None, "not_xlsx", {})]
    from openpyxl import load_workbook  # imported here: only uploads need it

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as err:  # noqa: BLE001 - any reader failure becomes a message, never a traceback
        return {}, [Problem(file, None, None, "unreadable", {"detail": type(err).__name__})]
    tables: dict[str, RawTable] = {}
    try:
        literal = as_written(book)
        names = book.sheetnames
        for table in ALL_TABLES:
            label = f"{file} › {table}"
            name = find_table_name(names, table)
            if name is None:
                if table in schema.TABLES:
                    close = difflib.get_close_matches(table, [n for n in names if not is_table(n)], n=1, cutoff=0.5)
                    code, params = "missing_sheet", {"sheet": table, "sheets": ", ".join(names)}
                    if close:
                        code, params = "rename_sheet", {"sheet": table, "found": close[0]}
                    problems.append(Problem(label, None, None, code, params))
                    tables[table] = RawTable.unreadable(label)
                continue
            label = f"{file} › {name}"
            found_table, found = _sheet_table(book[name], label, table, literal)
            problems += found
            tables[table] = found_table if found_table is not None else RawTable.unreadable(label)
    except Exception as err:  # noqa: BLE001
        return {}, [Problem(file, None, None, "unreadable", {"detail": type(err).__name__})]
    finally:
        book.close()
    return tables, problems
