"""Time reading, validating and writing uploads: workbook, CSV (Excel's semicolon/cp1252) and ZIP.

Usage: python bench/bench_upload.py
For the shipped data and synthetic sets of 5,000 and 25,000 actors (the
relations table grows with them); sizes are the upload's bytes.
"""

from __future__ import annotations

import time

from kidash.data import upload
from kidash.data.dataset import dataset_from_frames, load_dataset
from kidash.data.synthetic import synthetic_tables
from kidash.exports import data_files, template


def timed(function, *args):
    start = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - start


def run(label: str, dataset) -> dict[str, str]:
    tables = template.dataset_tables(dataset)
    workbook, write_s = timed(template.workbook_bytes, tables)
    archive = data_files.csv_zip(tables)
    csv_files = [(f"{name}.csv", frame.to_csv(index=False, sep=";").encode("cp1252")) for name, frame in tables.items()]
    row = {
        "data": label,
        "actors": str(len(dataset.actors)),
        "relations": str(len(dataset.relations)),
        "write xlsx s": f"{write_s:.2f}",
        "xlsx MB": f"{len(workbook) / 1e6:.2f}",
    }
    for name, files in (("xlsx", [("x.xlsx", workbook)]), ("zip", [("x.zip", archive)]), ("csv;cp1252", csv_files)):
        again, seconds = timed(upload.load_upload, files)
        assert again.fingerprint == dataset.fingerprint, name  # the round trip is exact
        row[f"read {name} s"] = f"{seconds:.2f}"
    return row


def main() -> None:
    rows = [run("shipped", load_dataset())]
    for size in (5_000, 25_000):
        rows.append(run(f"synthetic {size}", dataset_from_frames(synthetic_tables(size), label="synthetic")))
    columns = list(rows[0])
    print(" | ".join(columns))
    for row in rows:
        print(" | ".join(row[c] for c in columns))


if __name__ == "__main__":
    main()
