"""One test per validation rule: a broken table in, the exact problem out."""

import pytest

from kidash.data.validate import validate_frames
from tests.fixtures import frames_from_rows


def problems_after(tiny_rows, table, row, column, value):
    header = tiny_rows[table][0]
    if column not in header:
        header.append(column)
        for body in tiny_rows[table][1:]:
            body.append("")
    tiny_rows[table][row - 1][header.index(column)] = value
    return [(p.file, p.row, p.column, p.code) for p in validate_frames(frames_from_rows(tiny_rows))]


def test_tiny_dataset_is_valid(tiny_rows):
    assert validate_frames(frames_from_rows(tiny_rows)) == []


@pytest.mark.parametrize(
    ("table", "row", "column", "value", "expected"),
    [
        ("actors", 2, "kind", "organization", ("actors.csv", 2, "kind", "bad_vocab")),
        ("actors", 2, "type", "hospital", ("actors.csv", 2, "type", "bad_vocab")),
        ("actors", 2, "region", "Vestlandet", ("actors.csv", 2, "region", "bad_vocab")),
        ("actors", 2, "type", "network", ("actors.csv", 2, "type", "type_kind")),
        ("actors", 3, "id", "dir", ("actors.csv", 3, "id", "duplicate_id")),
        ("actors", 3, "id", "has space", ("actors.csv", 3, "id", "bad_id")),
        ("actors", 2, "name", "", ("actors.csv", 2, "name", "blank")),
        ("actors", 2, "start", "2021-02-30", ("actors.csv", 2, "start", "no_such_date")),
        ("actors", 2, "start", "15.06.2021", ("actors.csv", 2, "start", "bad_date")),
        ("actors", 2, "main_initiative", "kanskje", ("actors.csv", 2, "main_initiative", "bad_bool")),
        ("actors", 2, "documents", "d9", ("actors.csv", 2, "documents", "unknown_ref")),
        ("actors", 2, "note", "ring 920 43 742", ("actors.csv", 2, "note", "personal_contact")),
        ("actors", 2, "note", "ola@example.no", ("actors.csv", 2, "note", "personal_contact")),
        ("relations", 2, "source", "ghost", ("relations.csv", 2, "source", "unknown_ref")),
        ("relations", 2, "target", "ghost", ("relations.csv", 2, "target", "unknown_ref")),
        ("relations", 2, "document", "d9", ("relations.csv", 2, "document", "unknown_ref")),
        ("relations", 2, "relation", "lead", ("relations.csv", 2, "relation", "bad_vocab")),
        ("relations", 2, "target", "dir", ("relations.csv", 2, "target", "self_loop")),
        ("relations", 5, "source", "dir", ("relations.csv", 5, "source", "wrong_end")),
        ("relations", 5, "target", "ini", ("relations.csv", 5, "target", "wrong_end")),
        ("relations", 2, "inferred", "perhaps", ("relations.csv", 2, "inferred", "bad_bool")),
        ("relations", 2, "document", "", ("relations.csv", 2, "document", "blank")),
        ("events", 2, "start", "2021-13-01", ("events.csv", 2, "start", "no_such_date")),
        ("events", 3, "end", "2019-12-31", ("events.csv", 3, "end", "end_before_start")),
        ("events", 2, "actors", "ini;ghost", ("events.csv", 2, "actors", "unknown_ref")),
        ("events", 2, "document", "d9", ("events.csv", 2, "document", "unknown_ref")),
        ("events", 2, "start", "", ("events.csv", 2, "start", "blank")),
        ("documents", 2, "published", "", ("documents.csv", 2, "published", "blank")),
        ("documents", 3, "id", "d1", ("documents.csv", 3, "id", "duplicate_id")),
    ],
)
def test_rule(tiny_rows, table, row, column, value, expected):
    assert expected in problems_after(tiny_rows, table, row, column, value)


def test_duplicate_relation_row_names_the_first(tiny_rows):
    tiny_rows["relations"].append(list(tiny_rows["relations"][1]))
    problems = validate_frames(frames_from_rows(tiny_rows))
    assert [(p.row, p.code, p.params["first"]) for p in problems] == [(10, "duplicate_relation", 2)]


def test_same_relation_from_two_documents_is_not_a_duplicate(tiny_rows):
    tiny_rows["relations"].append(["dir", "ini", "leads", "d2", "false"])
    assert validate_frames(frames_from_rows(tiny_rows)) == []


def test_missing_column_is_reported_once_and_blocks_row_checks(tiny_rows):
    for body in tiny_rows["relations"]:
        del body[2]
    problems = validate_frames(frames_from_rows(tiny_rows))
    assert [(p.file, p.row, p.column, p.code) for p in problems] == [("relations.csv", 1, "relation", "missing_column")]


def test_every_problem_is_collected_not_just_the_first(tiny_rows):
    tiny_rows["actors"][1][4] = "organization"
    tiny_rows["actors"][2][6] = "Vest"
    tiny_rows["relations"][1][0] = "ghost"
    assert len(validate_frames(frames_from_rows(tiny_rows))) == 3


def test_suggestion_for_a_near_miss(tiny_rows):
    tiny_rows["relations"][1][2] = "lead"
    (problem,) = validate_frames(frames_from_rows(tiny_rows))
    assert "«leads»" in problem.message("en")
    assert problem.message("nb").startswith("relations.csv, rad 2, kolonne «relation»:")


def test_html_in_a_name_is_data_not_a_problem(tiny_rows):
    tiny_rows["actors"][1][1] = "<img src=x onerror=alert(1)>"
    assert validate_frames(frames_from_rows(tiny_rows)) == []


def test_background_table_is_checked_when_present(tiny_rows):
    tiny_rows["background"] = [["source", "target", "relation"], ["tru", "nobody", "part_of"]]
    problems = validate_frames(frames_from_rows(tiny_rows))
    assert [(p.file, p.row, p.column, p.code) for p in problems] == [("background.csv", 2, "target", "unknown_ref")]


def test_only_a_person_moderates(tiny_rows):
    tiny_rows["relations"][5] = ["tru", "oth", "moderator", "d1", "false"]
    problems = validate_frames(frames_from_rows(tiny_rows))
    assert [(p.row, p.column, p.code) for p in problems] == [(6, "source", "wrong_end")]
    assert "needs person" in problems[0].message("en")


def with_dates(tiny_rows, tru_end: str, relation_row: list[str]) -> list:
    """TINY where the health trust ended on ``tru_end`` and one more relation (with start and
    discrepancy columns) is added."""
    tiny_rows["actors"][0] += ["end"]
    for row in tiny_rows["actors"][1:]:
        row.append(tru_end if row[0] == "tru" else "")
    tiny_rows["relations"][0] += ["start", "discrepancy"]
    for row in tiny_rows["relations"][1:]:
        row += ["", ""]
    tiny_rows["relations"].append(relation_row)
    return [(p.file, p.row, p.column, p.code) for p in validate_frames(frames_from_rows(tiny_rows))]


def test_a_later_source_naming_an_ended_actor_must_say_what_does_not_add_up(tiny_rows):
    # d2 is published 2024-03-21, after the trust ended on 2023-12-31
    found = with_dates(tiny_rows, "2023-12-31", ["tru", "ini", "member", "d2", "false", "", ""])
    assert found == [("relations.csv", 10, "discrepancy", "needs_discrepancy")]


def test_a_marked_discrepancy_is_accepted(tiny_rows):
    note = "Kilden nevner helseforetaket etter at det ble slått sammen."
    assert with_dates(tiny_rows, "2023-12-31", ["tru", "ini", "member", "d2", "false", "", note]) == []


def test_a_role_that_begins_after_its_actor_ended_is_an_error(tiny_rows):
    found = with_dates(tiny_rows, "2023-12-31", ["tru", "ini", "member", "d1", "false", "2024-02-01", ""])
    assert found == [("relations.csv", 10, "start", "after_end")]


def test_the_merger_itself_is_not_a_role_after_the_end(tiny_rows):
    tiny_rows["actors"].append(
        ["dir2", "Nytt direktorat", "Dir2", "", "organisation", "directorate", "Nasjonal", "false"]
    )
    found = with_dates(tiny_rows, "2023-12-31", ["tru", "dir2", "merged_into", "d2", "false", "2024-01-01", ""])
    assert found == []


def test_a_date_must_say_how_it_is_known(tiny_rows):
    tiny_rows["relations"][0] += ["start", "date_basis"]
    for row in tiny_rows["relations"][1:]:
        row += ["", ""]
    tiny_rows["relations"][1][-2:] = ["2021-06-15", ""]  # dated, basis missing
    tiny_rows["relations"][2][-2:] = ["2021-06-15", "guessed"]  # a basis outside the vocabulary
    tiny_rows["relations"][3][-2:] = ["2021-06-15", "inferred"]  # fine
    found = [(p.file, p.row, p.column, p.code) for p in validate_frames(frames_from_rows(tiny_rows))]
    assert found == [
        ("relations.csv", 2, "date_basis", "needs_date_basis"),
        ("relations.csv", 3, "date_basis", "bad_vocab"),
    ]
