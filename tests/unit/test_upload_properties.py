"""Property tests of the upload readers: any bytes give problems, never a traceback; any valid text round-trips."""

from __future__ import annotations

import csv
import io
import os

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from kidash import safety
from kidash.data import upload
from kidash.data.dataset import dataset_from_frames
from kidash.data.problems import DataError
from kidash.exports import data_files, template
from tests.fixtures import TINY, frames_from_rows

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text a person could type in a cell: no control characters, no surrogates, nothing to strip at the ends.
CELL_TEXT = (
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc"), whitelist_characters="\n\t"),
        min_size=1,
        max_size=40,
    )
    .map(str.strip)
    .filter(bool)
)
TRICKY = st.sampled_from(
    [
        "=SUM(A1)",
        "'=x",
        "''+1",
        "-",
        "@home",
        "<script>alert(1)</script>",
        'quote "x"',
        "a;b",
        "a,b",
        "æøå ÆØÅ «»",
        "Helse;=cmd|' /C calc'!A0",
        "a;'=b",
        "x,+1",
        "ny\n@linje",
    ]
)
# Text built from what splits cells and what starts formulas: the guard must survive any mix.
SPLIT_AND_FORMULA = st.text(alphabet=";,\t\n\r=+-@'ab ", max_size=12)


@SETTINGS
@given(st.one_of(st.text(max_size=30), TRICKY, SPLIT_AND_FORMULA))
def test_the_formula_guard_is_undone_exactly(text):
    assert safety.restore(safety.neutralise(text)) == text
    guarded = safety.neutralise(text)
    assert not guarded.startswith(safety.FORMULA_STARTS)


@SETTINGS
@given(
    name=st.sampled_from(["actors.csv", "data.xlsx", "data.zip", "events.txt", "x.xls"]),
    raw=st.one_of(st.binary(max_size=2_000), st.sampled_from([b"PK\x03\x04", b"\xef\xbb\xbfid;name\n", b"\xff\xfe"])),
)
def test_any_bytes_give_problems_never_a_traceback(name, raw):
    try:
        upload.load_upload([(name, raw)])
    except DataError as err:
        assert err.problems
        assert all(p.message("nb") and p.message("en") for p in err.problems)


@st.composite
def named_tiny(draw):
    rows = {table: [list(r) for r in body] for table, body in TINY.items()}
    for index in range(1, len(rows["actors"])):
        rows["actors"][index][1] = draw(st.one_of(CELL_TEXT, TRICKY))
    rows["documents"][1][1] = draw(st.one_of(CELL_TEXT, TRICKY))
    rows["relations"][1].append(draw(st.one_of(CELL_TEXT, TRICKY)))  # a note
    rows["relations"][0].append("note")
    for row in rows["relations"][2:]:
        row.append("")
    return rows


# Each example writes and reads three files (~0.1 s each): few in `make test`, many in `make test-long`.
ROUND_TRIPS = int(os.environ.get("KIDASH_ROUND_TRIP_EXAMPLES", "15"))


@settings(max_examples=ROUND_TRIPS, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(named_tiny())
def test_any_valid_names_round_trip_through_workbook_and_zip(rows):
    try:
        dataset = dataset_from_frames(frames_from_rows(rows), label="x")
    except DataError:
        assume(False)  # e.g. a name that looks like a phone number: not valid data to begin with
    tables = template.dataset_tables(dataset)
    for name, raw in (
        ("x.xlsx", template.workbook_bytes(tables)),
        ("excel.zip", data_files.csv_zip(tables, "excel")),
        ("rfc4180.zip", data_files.csv_zip(tables, "rfc4180")),
    ):
        again = upload.load_upload([(name, raw)])
        assert again.fingerprint == dataset.fingerprint, name


@SETTINGS
@given(
    cells=st.lists(st.one_of(CELL_TEXT, TRICKY), min_size=3, max_size=3),
    delimiter=st.sampled_from([",", ";", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]),
)
def test_csv_as_excel_saves_it_reads_back_the_same_text(cells, delimiter, encoding):
    rows = [["id", "title", "publisher", "published", "language"], ["d1", *cells, "nb"]]
    rows[1][3] = "2024-01-02"
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    try:
        raw = buffer.getvalue().encode(encoding)
    except UnicodeEncodeError:
        assume(False)  # Windows-1252 cannot hold every character
    if encoding == "cp1252":  # bytes that are also UTF-8 («Â¡» is «¡») cannot be told apart; UTF-8 wins
        as_utf8 = raw.decode("utf-8", errors="replace")
        assume(as_utf8 == buffer.getvalue() or "\ufffd" in as_utf8)
    frame, problems = upload.read_csv_upload(raw, "documents.csv", "documents")
    assert problems == []
    assert frame.frame.iloc[0].tolist() == [
        "d1",
        safety.restore(cells[0]),
        safety.restore(cells[1]),
        "2024-01-02",
        "nb",
    ]
