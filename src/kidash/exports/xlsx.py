"""Writing Excel workbooks: one rule for what a cell holds and how wide a column is, two writers.

Downloads (the data in view, Kumu) stream through xlsxwriter: 5,000 actors in well under a
second, where openpyxl's cell objects took seconds. The upload template, small but with drop-down
lists and a hidden sheet, is built with openpyxl.
"""

from __future__ import annotations

import io
import math
import numbers

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.packaging.custom import StringProperty
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from xlsxwriter import Workbook as StreamingWorkbook

from kidash.data.reading.spreadsheet import AS_WRITTEN
from kidash.safety import FORMULA_STARTS

__all__ = ["new_book", "write_table", "book_bytes", "workbook_bytes"]

HEADER_COLOUR = "EEF2F6"  # the header row's shade, in both writers
_HEADER_FILL = PatternFill("solid", fgColor=HEADER_COLOUR)


def new_book() -> Workbook:
    """An empty workbook (no default sheet) that says its text is as written (:data:`AS_WRITTEN`)."""
    book = Workbook()
    book.remove(book.active)
    book.custom_doc_props.append(StringProperty(name=AS_WRITTEN[0], value=AS_WRITTEN[1]))
    return book


def _cell(value: object) -> object:
    if value is None or value == "" or (isinstance(value, float) and math.isnan(value)):
        return None  # a blank cell, not an empty string
    return value


def _formula_like(text: str) -> bool:
    """Text a spreadsheet would read as a formula if it were typed in: written as text with Excel's
    quote prefix, so it shows exactly as it is and stays text when the cell is edited."""
    return text.startswith((*FORMULA_STARTS, "'"))


def write_table(sheet, frame: pd.DataFrame) -> None:
    """A table on a sheet: bold frozen header, widths from the text, text kept as text, never a formula.

    Text is written as it is, typed as text; text that starts like a formula also carries Excel's
    quote prefix (shown as written, never run, text when edited), so reading the file back gives
    exactly these cells; numbers and booleans stay numbers.
    """
    sheet.append([str(c) for c in frame.columns])
    for row in frame.itertuples(index=False):
        sheet.append([_cell(v) for v in row])
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text, never a formula, whatever it looks like
                cell.alignment = Alignment(wrap_text=len(cell.value) > 60, vertical="top")
                cell.quotePrefix = _formula_like(cell.value)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
    for index, column in enumerate(frame.columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column_width(frame, column)
    sheet.freeze_panes = "A2"


def column_width(frame: pd.DataFrame, column) -> int:
    """A column's width in characters: its longest text among the first 200 rows, 10 to 60."""
    longest = max([len(str(column))] + [len(str(v)) for v in frame[column].head(200)])
    return min(60, max(10, longest + 2))


def book_bytes(book: Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def workbook_bytes(tables: dict[str, pd.DataFrame]) -> bytes:
    """One Excel workbook, a sheet per table (names cut to Excel's 31 characters), written as
    :func:`write_table` writes a sheet: bold shaded frozen header, widths from the text, long text
    wrapped, text kept as text exactly (never a formula: quote-prefixed where it starts like one), numbers
    and booleans as such."""
    buffer = io.BytesIO()
    book = StreamingWorkbook(buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
                                      "strings_to_numbers": False, "nan_inf_to_errors": True})  # fmt: skip
    book.set_custom_property(*AS_WRITTEN)
    header = book.add_format({"bold": True, "bg_color": f"#{HEADER_COLOUR}", "valign": "top"})
    formats = {
        (wrap, quoted): book.add_format({"valign": "top", "text_wrap": wrap, "quote_prefix": quoted})
        for wrap in (False, True)
        for quoted in (False, True)
    }
    for name, frame in tables.items():
        sheet = book.add_worksheet(name[:31])
        for index, column in enumerate(frame.columns):
            sheet.write_string(0, index, str(column), header)
            sheet.set_column(index, index, column_width(frame, column))
        sheet.freeze_panes(1, 0)
        for row_number, row in enumerate(frame.itertuples(index=False), start=1):
            for index, value in enumerate(row):
                value = _cell(value)
                if value is None:
                    continue
                if isinstance(value, str):
                    sheet.write_string(row_number, index, value, formats[(len(value) > 60, _formula_like(value))])
                elif isinstance(value, bool | np.bool_):
                    sheet.write_boolean(row_number, index, bool(value))
                elif isinstance(value, numbers.Real):
                    sheet.write_number(row_number, index, float(value) if isinstance(value, float) else int(value))
                else:
                    text = str(value)
                    sheet.write_string(row_number, index, text, formats[(False, _formula_like(text))])
    book.close()
    return buffer.getvalue()
