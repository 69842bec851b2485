"""The template workbook people fill in, and the data-quality summary (computed by hand on TINY)."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from kidash.data import quality, schema
from kidash.exports import template


def open_template():
    return load_workbook(io.BytesIO(template.template_bytes()))


def test_template_has_the_four_sheets_their_headers_and_an_example():
    book = open_template()
    assert book.sheetnames[:4] == ["actors", "relations", "events", "documents"]
    for table in schema.TABLES:
        sheet = book[table]
        header = [cell.value for cell in sheet[1]]
        assert set(schema.REQUIRED_COLUMNS[table]) <= set(header), table
        assert sheet.max_row >= 2 and any(cell.value for cell in sheet[2]), table
        assert sheet.freeze_panes == "A2"
        assert sheet[1][0].font.bold


def test_template_dropdowns_list_the_vocabularies():
    book = open_template()
    lists = book["lister"]
    assert lists.sheet_state == "hidden"
    columns = {lists.cell(row=1, column=c).value: c for c in range(1, lists.max_column + 1)}

    def vocabulary(name):
        column = columns[name]
        return tuple(
            lists.cell(row=r, column=column).value
            for r in range(2, lists.max_row + 1)
            if lists.cell(row=r, column=column).value
        )

    assert vocabulary("kind") == schema.KINDS
    assert vocabulary("type") == schema.TYPES
    assert vocabulary("region") == schema.REGIONS
    assert vocabulary("relation") == schema.RELATIONS
    for table, wanted in (("actors", {"kind", "type", "region"}), ("relations", {"relation"})):
        sheet = book[table]
        header = [cell.value for cell in sheet[1]]
        covered = set()
        for rule in sheet.data_validations.dataValidation:
            assert rule.type == "list"
            assert rule.formula1.startswith("=lister!$")
            for cell_range in rule.sqref.ranges:
                covered.add(header[cell_range.min_col - 1])
                assert cell_range.min_row == 2 and cell_range.max_row >= 1000
        assert wanted <= covered, table


def test_explanation_sheet_explains_every_column_in_both_languages():
    book = open_template()
    sheet = book["forklaring"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    explained = {(r[0], r[1]) for r in rows}
    for table in schema.TABLES:
        header = [cell.value for cell in book[table][1]]
        assert {(table, c) for c in header} <= explained, table
    assert all(r[3] and r[4] and r[3] != r[4] for r in rows)  # Norwegian and English, not a copy
    kind_row = next(r for r in rows if r[:2] == ("actors", "kind"))
    assert kind_row[2] == "ja / yes" and "organisation" in kind_row[5]


def test_quality_counts_and_gaps_of_the_tiny_dataset(tiny_dataset):
    assert quality.quality(tiny_dataset).missing_regions == (
        "Helse Nord",
        "Helse Midt-Norge",
        "Helse Sør-Øst",
        "Internasjonal",
    )
    found = quality.labelled(quality.quality(tiny_dataset), "en")
    assert found.missing_regions[0] == "Helse Nord (Northern Norway)"
    kinds = dict(zip(found.kinds["Kind"], found.kinds["Count"], strict=True))
    assert kinds == {"Organisation": 2, "Person": 1, "Initiative": 3, "Event": 0, "Document": 1}
    regions = dict(zip(found.regions["Region"], found.regions["Count"], strict=True))
    assert regions["Helse Vest (Western Norway)"] == 2 and regions["National"] == 5
    assert regions["Helse Nord (Northern Norway)"] == 0  # a missing region shows as zero
    per_document = found.per_document.set_index("Document")
    assert per_document.loc["Kilde en", "Relations"] == 7
    assert per_document.loc["Kilde to", "Relations"] == 1
    assert per_document.loc["Kilde to", "Inferred"] == 1
    assert per_document.loc["Kilde en", "Events"] == 1
    inferred = found.inferred.set_index("What")
    assert inferred.loc["Relations", "Inferred"] == 1 and inferred.loc["Events", "Inferred"] == 1
    assert found.unconnected.empty  # every TINY actor is in a relation
    # «ini» is led by dir; «sub» and «oth» have nobody who leads or owns them.
    assert sorted(found.leaderless["Id"]) == ["oth", "sub"]


def test_quality_finds_actors_with_no_relation(tiny_rows):
    from kidash.data.dataset import dataset_from_frames
    from tests.conftest import frames_from_rows

    tiny_rows["actors"].append(["alone", "Alene", "", "", "organisation", "company", "Helse Nord", "false"])
    found = quality.quality(dataset_from_frames(frames_from_rows(tiny_rows)))
    assert found.unconnected["id"].tolist() == ["alone"]
