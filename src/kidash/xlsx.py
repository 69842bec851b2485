"""Writing Excel workbooks: one sheet writer for every download (data out, Kumu, the upload template)."""

from __future__ import annotations

import io
import math

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from kidash.safety import neutralise

__all__ = ["new_book", "write_table", "book_bytes", "workbook_bytes"]

_HEADER_FILL = PatternFill("solid", fgColor="EEF2F6")


def new_book() -> Workbook:
    """An empty workbook (no default sheet)."""
    book = Workbook()
    book.remove(book.active)
    return book


def _cell(value: object) -> object:
    if value is None or value == "" or (isinstance(value, float) and math.isnan(value)):
        return None  # a blank cell, not an empty string
    return neutralise(value)


def write_table(sheet, frame: pd.DataFrame) -> None:
    """A table on a sheet: bold frozen header, widths from the text, text kept as text, never a formula.

    Text is guarded reversibly (:func:`kidash.safety.neutralise`), so reading
    the file back gives exactly these cells; numbers and booleans stay numbers.
    """
    sheet.append([str(c) for c in frame.columns])
    for row in frame.itertuples(index=False):
        sheet.append([_cell(v) for v in row])
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text, never a formula, whatever it looks like
                cell.alignment = Alignment(wrap_text=len(cell.value) > 60, vertical="top")
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
    for index, column in enumerate(frame.columns, start=1):
        longest = max([len(str(column))] + [len(str(v)) for v in frame[column].head(200)])
        sheet.column_dimensions[get_column_letter(index)].width = min(60, max(10, longest + 2))
    sheet.freeze_panes = "A2"


def book_bytes(book: Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def workbook_bytes(tables: dict[str, pd.DataFrame]) -> bytes:
    """One Excel workbook, a sheet per table (names cut to Excel's 31 characters)."""
    book = new_book()
    for name, frame in tables.items():
        write_table(book.create_sheet(title=name[:31]), frame)
    return book_bytes(book)
