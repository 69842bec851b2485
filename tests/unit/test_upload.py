"""The upload readers on the files people really send: Excel workbooks, Excel's CSVs, ZIPs, and broken ones."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from openpyxl import Workbook

from kidash.data import upload
from kidash.data.problems import DataError
from kidash.data.reading import raw as raw_tables
from kidash.data.reading import workbook as workbook_reader
from kidash.exports import data_files, template
from tests.fixtures import TINY, csv_text, tiny_csv_files, tiny_sheets, workbook


def codes(problems) -> list[str]:
    return [p.code for p in problems]


def problems_of(files) -> list:
    with pytest.raises(DataError) as caught:
        upload.load_upload(files)
    return caught.value.problems


# --- workbooks ------------------------------------------------------------------


def test_a_workbook_with_the_four_sheets_loads():
    dataset = upload.load_upload([("mine.xlsx", workbook(tiny_sheets()))])
    assert dataset.label == "mine.xlsx"
    assert sorted(dataset.actors["id"]) == sorted(r[0] for r in TINY["actors"][1:])
    assert len(dataset.relations) == len(TINY["relations"]) - 1


def test_norwegian_sheet_names_and_extra_sheets_are_fine():
    sheets = tiny_sheets()
    renamed = {"Aktører": sheets["actors"], "relasjoner": sheets["relations"], "Hendelser": sheets["events"]}
    renamed |= {"Dokumenter": sheets["documents"], "Notater": [["fritt", "ark"]]}
    dataset = upload.load_upload([("norsk.xlsx", workbook(renamed))])
    assert len(dataset.actors) == len(TINY["actors"]) - 1


def test_a_wrong_sheet_name_is_named_with_the_sheets_there_and_a_suggestion():
    sheets = tiny_sheets()
    sheets["actor"] = sheets.pop("actors")
    problems = problems_of([("feil.xlsx", workbook(sheets))])
    assert [(p.file, p.code) for p in problems] == [("feil.xlsx › actors", "rename_sheet")]
    assert problems[0].text("en") == "there is no sheet «actors»; rename the sheet «actor» to «actors»"
    sheets["Ark1"] = sheets.pop("actor")
    problems = problems_of([("feil.xlsx", workbook(sheets))])
    assert [(p.file, p.code) for p in problems] == [("feil.xlsx › actors", "missing_sheet")]
    assert "(the workbook has: relations, events, documents, Ark1)" in problems[0].text("en")


def test_a_missing_column_names_sheet_and_header_row():
    sheets = tiny_sheets()
    sheets["actors"] = [[cell for i, cell in enumerate(row) if i != 4] for row in sheets["actors"]]  # no «kind»
    sheets["actors"].insert(0, [])  # the header on row 2
    problems = problems_of([("k.xlsx", workbook(sheets))])
    assert [(p.file, p.row, p.column) for p in problems if p.code == "missing_column"] == [
        ("k.xlsx › actors", 2, "kind")
    ]


def test_merged_header_cells_are_named_by_column_letter():
    sheets = tiny_sheets()
    # «id» merged over A1:B1: the name column has data but no header.
    problems = problems_of([("m.xlsx", workbook(sheets, merge={"actors": "A1:B1"}))])
    blank = [p for p in problems if p.code == "blank_header"]
    assert [(p.file, p.row, p.column) for p in blank] == [("m.xlsx › actors", 1, "B")]
    assert "merged" in blank[0].text("en")


def test_an_empty_sheet_is_named():
    sheets = tiny_sheets()
    sheets["events"] = []
    problems = problems_of([("e.xlsx", workbook(sheets))])
    assert [(p.file, p.code) for p in problems] == [("e.xlsx › events", "empty_sheet")]


def test_a_sheet_with_only_a_header_is_an_empty_table():
    sheets = tiny_sheets()
    sheets["events"] = sheets["events"][:1]
    dataset = upload.load_upload([("h.xlsx", workbook(sheets))])
    assert dataset.events.empty


def test_excel_dates_serials_and_norwegian_text_dates_become_iso():
    sheets = tiny_sheets()
    sheets["events"][1][2] = dt.datetime(2021, 6, 15)  # a real date cell
    sheets["events"][2][2] = 43831  # 2020-01-01 as a serial number in a General cell
    sheets["events"][2][3] = "31.12.2023"  # typed as text, Norwegian style
    sheets["documents"][1][3] = dt.date(2021, 6, 10)
    dataset = upload.load_upload([("d.xlsx", workbook(sheets))])
    events = dataset.raw["events"].frame
    assert events["start"].tolist() == ["2021-06-15", "2020-01-01"]
    assert events["end"].tolist() == ["", "2023-12-31"]
    assert dataset.raw["documents"].frame["published"].tolist()[0] == "2021-06-10"


def test_numbers_and_booleans_in_text_columns_read_as_text():
    sheets = tiny_sheets()
    sheets["actors"][1][1] = 2024  # a name that Excel stored as a number
    sheets["relations"][1][4] = True
    dataset = upload.load_upload([("n.xlsx", workbook(sheets))])
    assert "2024" in dataset.actors["name"].tolist()
    assert bool(dataset.relations["inferred"].iloc[0]) is True


def test_a_formula_is_refused_with_sheet_row_and_column():
    sheets = tiny_sheets()
    sheets["actors"][3][1] = '=HYPERLINK("http://example.invalid","klikk")'
    problems = problems_of([("f.xlsx", workbook(sheets))])
    assert [(p.file, p.row, p.column, p.code) for p in problems] == [("f.xlsx › actors", 4, "name", "formula")]
    assert "Paste values" in problems[0].text("en")


def test_text_that_looks_like_a_formula_is_kept_as_text():
    book = Workbook()
    book.remove(book.active)
    for name, rows in tiny_sheets().items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    cell = book["actors"]["B2"]
    cell.value, cell.data_type = "=not a formula", "s"
    buffer = io.BytesIO()
    book.save(buffer)
    dataset = upload.load_upload([("t.xlsx", buffer.getvalue())])
    assert "=not a formula" in dataset.actors["name"].tolist()


def test_a_huge_cell_in_a_workbook_is_reported_not_loaded():
    sheets = tiny_sheets()
    sheets["actors"][2][1] = "x" * 6_000
    problems = problems_of([("big.xlsx", workbook(sheets))])
    assert [(p.row, p.column, p.code) for p in problems] == [(3, "name", "too_long")]


def test_blank_rows_keep_the_spreadsheet_row_numbers():
    sheets = tiny_sheets()
    sheets["actors"].insert(3, [None] * 8)
    sheets["actors"][5][4] = "organisasjon"  # now on spreadsheet row 6
    problems = problems_of([("b.xlsx", workbook(sheets))])
    assert [(p.row, p.column, p.code) for p in problems] == [(6, "kind", "bad_vocab")]


def test_values_right_of_the_header_are_reported():
    sheets = tiny_sheets()
    sheets["actors"][2].append("stray")
    problems = problems_of([("s.xlsx", workbook(sheets))])
    assert [(p.row, p.code) for p in problems] == [(3, "cell_outside_header")]


# --- CSV as Excel writes it ---------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "delimiter", "bom"),
    [("utf-8", ",", False), ("utf-8", ";", True), ("cp1252", ";", False), ("utf-8", "\t", False)],
)
def test_excel_csv_flavours_read_the_same(encoding, delimiter, bom):
    files = tiny_csv_files(encoding, delimiter, bom)
    files[0] = (
        files[0][0],
        files[0][1].replace("Helseforetaket".encode(encoding), "Helse Sør-Øst «HF»".encode(encoding)),
    )
    dataset = upload.load_upload(files)
    assert "Helse Sør-Øst «HF»" in dataset.actors["name"].tolist()
    assert list(dataset.raw["actors"].frame.columns)[0] == "id"  # no BOM in the first column name


def test_how_each_csv_was_read_is_recorded():
    files = tiny_csv_files("cp1252", ";")
    files[0] = ("actors.csv", files[0][1].replace(b"Helseforetaket", "Helse Sør-Øst".encode("cp1252")))
    frames, problems = upload.read_upload(files)
    assert problems == []
    assert frames["actors"].read_as == "Windows-1252, «;»"


def test_utf16_text_from_excel_reads():
    files = [(f"{name}.txt", b"\xff\xfe" + csv_text(rows, "\t").encode("utf-16-le")) for name, rows in TINY.items()]
    assert len(upload.load_upload(files).actors) == len(TINY["actors"]) - 1


def test_copies_named_by_the_browser_are_matched():
    files = [(name.replace(".csv", " (1).csv"), raw) for name, raw in tiny_csv_files()]
    assert len(upload.load_upload(files).actors) == len(TINY["actors"]) - 1


def test_an_unknown_file_name_and_the_missing_table_are_both_named():
    files = tiny_csv_files()
    files[0] = ("aktor.csv", files[0][1])
    problems = problems_of(files)
    assert [(p.file, p.code) for p in problems] == [("aktor.csv", "unknown_table"), ("actors.csv", "missing_file")]
    assert "actors.csv" in problems[0].text("en")


def test_a_norwegian_date_in_a_csv_becomes_iso_and_a_wrong_one_is_named():
    rows = [list(r) for r in TINY["events"]]
    rows[1][2] = "15.06.2021"
    rows[2][2] = "31.02.2020"
    files = tiny_csv_files()
    files[2] = ("events.csv", csv_text(rows, ";").encode())
    problems = problems_of(files)
    assert [(p.file, p.row, p.column, p.code) for p in problems] == [("events.csv", 3, "start", "bad_date")]


def test_a_huge_csv_cell_is_reported_with_its_row():
    files = tiny_csv_files()
    rows = [list(r) for r in TINY["documents"]]
    rows[2][1] = "x" * 200_000
    files[3] = ("documents.csv", csv_text(rows).encode())
    problems = problems_of(files)
    assert [(p.file, p.row, p.code) for p in problems] == [("documents.csv", 3, "cell_too_big")]


def test_a_blank_line_in_a_csv_keeps_row_numbers():
    rows = [list(r) for r in TINY["actors"]]
    rows[3][4] = "persn"
    text = csv_text(rows[:2]) + "\n" + csv_text(rows[2:])
    files = tiny_csv_files()
    files[0] = ("actors.csv", text.encode())
    problems = problems_of(files)
    assert [(p.row, p.column, p.code) for p in problems] == [(5, "kind", "bad_vocab")]
    assert "Did you mean «person»?" in problems[0].text("en")


def test_guard_apostrophes_from_exports_are_undone():
    rows = [list(r) for r in TINY["actors"]]
    rows[1][1] = "'=SUM(1)"
    files = tiny_csv_files()
    files[0] = ("actors.csv", csv_text(rows).encode())
    assert "=SUM(1)" in upload.load_upload(files).actors["name"].tolist()


# --- limits and hostile files ------------------------------------------------------


PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


@pytest.mark.parametrize(
    ("name", "raw", "code"),
    [
        ("actors.xlsx", PNG, "not_xlsx"),
        ("data.xlsx", b"just some text", "not_xlsx"),
        ("data.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "old_excel"),
        ("data.zip", b"PK\x03\x04broken", "not_zip"),
        ("bilde.png", PNG, "unknown_file_type"),
    ],
)
def test_renamed_and_foreign_files_are_refused_by_name(name, raw, code):
    problems = problems_of([(name, raw)])
    assert codes(problems) == [code]
    assert problems[0].file == name


def test_a_binary_renamed_to_csv_is_refused():
    files = tiny_csv_files()
    files[0] = ("actors.csv", PNG)
    problems = problems_of(files)
    assert [(p.file, p.code) for p in problems] == [("actors.csv", "binary")]


def test_a_word_document_renamed_to_xlsx_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    assert codes(problems_of([("cv.xlsx", buffer.getvalue())])) == ["not_xlsx"]


def test_a_zip_bomb_is_refused_without_unpacking_it_all(monkeypatch):
    monkeypatch.setattr(workbook_reader, "MAX_UNZIPPED_BYTES", 1_000_000)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("actors.csv", b"0" * 5_000_000)
    raw = buffer.getvalue()
    assert len(raw) < 20_000  # 5 MB of zeros packs to a few kB
    for name in ("bomb.zip", "bomb.xlsx"):
        problems = problems_of([(name, raw)])
        assert codes(problems) == ["zip_bomb"], name


def test_a_zip_bomb_message_names_the_size_found_and_the_limit(monkeypatch):
    monkeypatch.setattr(workbook_reader, "MAX_UNZIPPED_BYTES", 1024 * 1024)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("actors.csv", b"0" * 3 * 1024 * 1024)
    (problem,) = problems_of([("bomb.zip", buffer.getvalue())])
    assert problem.text("en") == (
        "the file unpacks to at least 3.0 MB, over the limit of 1.0 MB, and is refused; upload a smaller file"
    )


def test_a_zip_of_many_small_files_says_how_many_files_not_megabytes():
    """5,000 tiny files: the limit hit is the number of files, and the message says so."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for number in range(5_000):
            archive.writestr(f"f{number}.csv", b"x")
    (problem,) = problems_of([("many.zip", buffer.getvalue())])
    assert problem.code == "zip_too_many_files"
    assert "5000 files" in problem.text("en") and f"limit of {workbook_reader.MAX_ZIP_MEMBERS}" in problem.text("en")
    assert "MB" not in problem.text("nb")


def test_too_many_columns_names_the_count_and_the_limit(monkeypatch):
    monkeypatch.setattr(workbook_reader, "MAX_COLUMNS", 4)
    (problem, *_) = problems_of([("w.xlsx", workbook(tiny_sheets()))])
    assert problem.code == "too_many_columns"
    assert problem.text("en").startswith("the header has 8 columns, over the limit of 4")


def test_a_zip_whose_sizes_lie_is_still_stopped(monkeypatch):
    monkeypatch.setattr(workbook_reader, "MAX_UNZIPPED_BYTES", 1_000_000)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("actors.csv", b"0" * 3_000_000)
    raw = bytearray(buffer.getvalue())
    # Rewrite the declared uncompressed size (local header offset 22, central directory +24) to 10 bytes.
    raw[22:26] = (10).to_bytes(4, "little")
    central = raw.rfind(b"PK\x01\x02")
    raw[central + 24 : central + 28] = (10).to_bytes(4, "little")
    problems = problems_of([("liar.zip", bytes(raw))])
    assert codes(problems) in (["zip_bomb"], ["unreadable"])


def test_an_upload_over_the_size_limit_is_refused(monkeypatch):
    monkeypatch.setattr(upload, "MAX_UPLOAD_BYTES", 1_000)
    problems = problems_of([("stor.xlsx", b"PK" + b"0" * 2_000)])
    assert codes(problems) == ["upload_too_big"]
    assert "MB" in problems[0].text("en")


def test_too_many_rows_are_refused_in_csv_and_workbooks(monkeypatch):
    monkeypatch.setattr(raw_tables, "MAX_ROWS", 3)
    problems = problems_of(tiny_csv_files())
    assert ("actors.csv", "too_many_rows") in [(p.file, p.code) for p in problems]
    (actors,) = [p for p in problems if p.file == "actors.csv"]
    assert actors.text("en") == "the table has 7 rows, over the limit of 3"
    problems = problems_of([("w.xlsx", workbook(tiny_sheets()))])
    assert ("w.xlsx › actors", "too_many_rows") in [(p.file, p.code) for p in problems]
    (actors,) = [p for p in problems if p.file == "w.xlsx › actors"]
    assert actors.text("en") == "the table has 7 rows, over the limit of 3"


def test_mixing_a_workbook_with_csv_files_is_explained():
    files = [("w.xlsx", workbook(tiny_sheets())), *tiny_csv_files()]
    assert codes(problems_of(files)) == ["one_workbook"]


def test_nothing_uploaded_is_a_problem_not_a_crash():
    assert codes(problems_of([])) == ["no_files"]


def test_a_control_character_is_named():
    rows = [list(r) for r in TINY["actors"]]
    rows[2][1] = "Helse\x0bforetaket"
    files = tiny_csv_files()
    files[0] = ("actors.csv", csv_text(rows).encode())
    problems = problems_of(files)
    assert [(p.row, p.column, p.code) for p in problems] == [(3, "name", "control_char")]


# --- round trips ---------------------------------------------------------------------


def test_the_template_uploads_as_valid_data():
    dataset = upload.load_upload([("kidash-mal.xlsx", template.template_bytes())])
    assert set(dataset.actors["id"]) == {"helsedirektoratet", "mitt-prosjekt"}
    assert dataset.relations["relation"].tolist() == ["leads"]


def test_the_shipped_data_round_trips_through_the_workbook_and_the_zip(shipped):
    tables = template.dataset_tables(shipped)
    for name, content in (
        ("kidash.exports.xlsx", template.workbook_bytes(tables)),
        ("kidash.zip", data_files.csv_zip(tables)),
    ):
        again = upload.load_upload([(name, content)])
        assert again.fingerprint == shipped.fingerprint, name
        for table, frame in tables.items():
            assert again.raw[table].frame.equals(frame), (name, table)
