"""The data contract has one home: the shipped files, the template and data/README.md agree with it."""

import re

import pytest

from kidash.data import schema
from kidash.data.contract import TABLE_SPEC
from kidash.data.dataset import DATA_DIR
from kidash.exports import template

README = (DATA_DIR / "README.md").read_text(encoding="utf-8")


def readme_section(table: str) -> str:
    start = README.index(f"## {table}.csv")
    following = README.find("\n## ", start + 1)
    return README[start : following if following > 0 else len(README)]


@pytest.mark.parametrize("table", list(TABLE_SPEC))
def test_the_shipped_file_has_the_contracts_columns_in_order(table):
    header = (DATA_DIR / f"{table}.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header == [column.name for column in TABLE_SPEC[table]]


@pytest.mark.parametrize("table", list(TABLE_SPEC))
def test_data_readme_explains_exactly_the_contracts_columns(table):
    section = readme_section(table)
    named = set(re.findall(r"`([a-z_]+)`", section))
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    listed = {name for row in rows for name in re.findall(r"`([a-z_]+)`", row.split("|")[1])}
    spec = {column.name for column in TABLE_SPEC[table]}
    assert spec <= named, spec - named
    assert listed <= spec, listed - spec


def test_template_and_layouts_derive_from_the_contract():
    assert [c for c, *_ in template.COLUMNS["events"]] == [c.name for c in TABLE_SPEC["events"]]
    assert schema.REQUIRED_COLUMNS["documents"] == ("id", "title", "publisher", "published", "language")
    assert schema.LIST_COLUMNS["events"] == {"actors": "actors"}
    assert schema.DATE_COLUMNS["documents"] == ("published", "updated")
    for table, columns in TABLE_SPEC.items():
        for column in columns:
            assert column.nb.strip() and column.en.strip(), (table, column.name)
            assert column.vocabulary is None or column.vocabulary in template.VOCABULARIES
