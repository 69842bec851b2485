"""Reading tables from files: the shipped ``data/`` folder and a user's upload.

- :mod:`kidash.data.reading.raw`: the raw-table type every reader returns (cells as
  strings, each record's spreadsheet row, how the file was read), text decoding
  and CSV parsing.
- :mod:`kidash.data.reading.spreadsheet`: what spreadsheet programs do to a table
  (table and sheet names, Excel and Norwegian dates, cell values, guard marks).
- :mod:`kidash.data.reading.workbook`: Excel workbooks and ZIP archives, opened only
  when they unpack to a sane size.

The upload use case (which files, limits, validate, type) is :mod:`kidash.data.upload`;
the shipped folder is :func:`kidash.data.dataset.load_dataset`.
"""
