"""The translation table is complete and the formatting per language is right."""

import datetime as dt
import re

import pytest

from kidash import i18n, schema


def test_every_string_has_both_languages():
    for key, pair in i18n.STRINGS.items():
        assert len(pair) == 2 and all(text.strip() for text in pair), key


def test_placeholders_match_between_languages():
    for key, (nb, en) in i18n.STRINGS.items():
        assert set(re.findall(r"{(\w+)}", nb)) == set(re.findall(r"{(\w+)}", en)), key


@pytest.mark.parametrize(
    ("vocabulary", "values"),
    [("kind", schema.KINDS), ("type", schema.TYPES), ("region", schema.REGIONS), ("relation", schema.RELATIONS)],
)
def test_every_vocabulary_value_is_translated(vocabulary, values):
    for value in values:
        assert value in i18n.VOCABULARY[vocabulary], (vocabulary, value)


def test_every_problem_code_has_a_message():
    import inspect

    from kidash import data, validate

    source = inspect.getsource(validate) + inspect.getsource(data)
    codes = set(re.findall(r'"(\w+)",\s*(?:\{|_ref\()', source))
    assert len(codes) > 20
    for code in codes:
        assert f"problem.{code}" in i18n.STRINGS, code


def test_dates_and_numbers():
    day = dt.date(2021, 6, 15)
    assert i18n.format_date(day, "nb") == "15. juni 2021"
    assert i18n.format_date(day, "en") == "15 June 2021"
    assert i18n.format_date(day, "nb", precision="year") == "2021"
    assert i18n.format_date(None, "nb") == ""
    assert i18n.format_number(1234.5, "nb", 1) == "1\u00a0234,5"
    assert i18n.format_number(1234.5, "en", 1) == "1,234.5"
