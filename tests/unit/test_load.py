"""Reading and typing the tables."""

import hashlib

import pandas as pd
import pytest

from kidash.data.contract import split_list
from kidash.data.dataset import DATA_DIR, load_dataset, read_csv_bytes
from kidash.data.problems import DataError
from tests.fixtures import csv_bytes, write_tables


def test_shipped_data_loads_typed(shipped):
    assert len(shipped.actors) > 0
    assert isinstance(shipped.actors["kind"].dtype, pd.CategoricalDtype)
    assert isinstance(shipped.relations["relation"].dtype, pd.CategoricalDtype)
    assert pd.api.types.is_datetime64_any_dtype(shipped.events["start"])
    assert pd.api.types.is_datetime64_any_dtype(shipped.documents["published"])
    assert shipped.relations["inferred"].dtype == bool


def test_loading_never_writes_to_the_directory():
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in DATA_DIR.rglob("*") if p.is_file()}
    load_dataset(DATA_DIR)
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in DATA_DIR.rglob("*") if p.is_file()}
    assert before == after


def test_utf8_with_bom_reads_the_same(tmp_path, tiny_rows):
    plain = load_dataset(write_tables(tmp_path / "plain", tiny_rows))
    bom_dir = write_tables(tmp_path / "bom", tiny_rows)
    for path in bom_dir.iterdir():
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    with_bom = load_dataset(bom_dir)
    assert list(with_bom.actors.columns) == list(plain.actors.columns)
    assert with_bom.actors["id"].tolist() == plain.actors["id"].tolist()


def test_not_utf8_names_the_file(tmp_path, tiny_rows):
    directory = write_tables(tmp_path, tiny_rows)
    (directory / "actors.csv").write_bytes("id,name\nx,Bodø".encode("cp1252"))
    with pytest.raises(DataError) as err:
        load_dataset(directory)
    problem = err.value.problems[0]
    assert (problem.file, problem.code) == ("actors.csv", "not_utf8")
    assert "UTF-8" in problem.message("en")


def test_missing_file_is_reported(tmp_path, tiny_rows):
    directory = write_tables(tmp_path, tiny_rows)
    (directory / "events.csv").unlink()
    with pytest.raises(DataError) as err:
        load_dataset(directory)
    assert [(p.file, p.code) for p in err.value.problems] == [("events.csv", "missing_file")]


def test_missing_directory_is_reported(tmp_path):
    with pytest.raises(DataError) as err:
        load_dataset(tmp_path / "nowhere")
    assert err.value.problems[0].code == "no_directory"


def test_row_with_wrong_field_count_names_its_spreadsheet_row():
    frame, problems = read_csv_bytes(b"id,name\na,A\nb,B,extra\n", "actors.csv")
    assert [(p.row, p.code) for p in problems] == [(3, "row_length")]
    assert frame is not None


def test_quoted_newline_keeps_spreadsheet_numbering():
    frame, problems = read_csv_bytes(b'id,name\na,"two\nlines"\nb\n', "actors.csv")
    assert [(p.row, p.code) for p in problems] == [(3, "row_length")]


def test_empty_and_binary_files():
    assert read_csv_bytes(b"", "x.csv")[1][0].code == "empty_file"
    assert read_csv_bytes(b"\x00\x01\x02", "x.csv")[1][0].code == "binary"


def test_duplicate_header_column():
    _, problems = read_csv_bytes(csv_bytes([["id", "id"], ["a", "b"]]), "actors.csv")
    assert [(p.row, p.column, p.code) for p in problems] == [(1, "id", "duplicate_column")]


def test_split_list():
    assert split_list("a; b;;c ") == ["a", "b", "c"]
    assert split_list(None) == []


def test_error_message_lists_every_problem(tmp_path, tiny_rows):
    tiny_rows["actors"][1][4] = "organization"
    tiny_rows["relations"][1][2] = "lead"
    with pytest.raises(DataError) as err:
        load_dataset(write_tables(tmp_path, tiny_rows))
    text = str(err.value)
    assert "2 problem(s)" in text
    assert "actors.csv, row 2, column «kind»" in text
    assert "relations.csv, row 2, column «relation»" in text


def test_fingerprint_follows_the_content(tiny_rows):
    from kidash.data.dataset import dataset_from_frames
    from tests.conftest import frames_from_rows

    first = dataset_from_frames(frames_from_rows(tiny_rows))
    assert first.fingerprint == dataset_from_frames(frames_from_rows(tiny_rows)).fingerprint
    tiny_rows["actors"][1][1] = "Et annet navn"
    assert dataset_from_frames(frames_from_rows(tiny_rows)).fingerprint != first.fingerprint
