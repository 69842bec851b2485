"""The translation table is complete and the formatting per language is right."""

import datetime as dt
import os
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kidash import i18n
from kidash.data import schema


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

    from kidash.data import dataset, validate

    source = inspect.getsource(validate) + inspect.getsource(dataset)
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


# --- i18n.md: a message filled with data never gets markup from the data ------------------------

_MESSAGES = sorted(key for key, (nb, _) in i18n.STRINGS.items() if re.search(r"{\w+}", nb))
_HOSTILE = st.lists(
    st.sampled_from(
        ["[x](http://e.invalid)", "![i](http://e.invalid/p.png)", "**b**", "_i_", "`c`", "<b>h</b>"]
        + [
            "www.e.invalid",
            "a@e.invalid",
            ":material/home:",
            ":smile:",
            "1. ",
            "# ",
            "- ",
            "> ",
            "|",
            ":red[r]",
            "$x$",
            "\\",
            "&amp;",
            "x",
        ]
    ),
    min_size=1,
    max_size=4,
).map("".join)


def _shape(markdown: str) -> list[str]:
    from markdown_it import MarkdownIt

    shape = []
    for token in MarkdownIt("gfm-like").parse(markdown):
        shape.append(token.type)
        shape += [c.type for c in token.children or [] if c.type not in ("text", "text_special", "softbreak")]
        for child in token.children or []:
            if child.type == "text":
                assert not re.search(
                    r"(?i)https?://|www\.|[\w.+-]@[\w-]+\.|:(material/)?[a-z0-9_+-]+:", child.content
                ), markdown
    return shape


@settings(max_examples=int(os.environ.get("KIDASH_MESSAGE_EXAMPLES", "60")), deadline=None)
@given(key=st.sampled_from(_MESSAGES), value=_HOSTILE, lang=st.sampled_from(i18n.LANGUAGES))
def test_no_message_parameter_is_ever_markup(key, value, lang):
    """Every message with parameters, filled with Markdown/HTML/links, has the structure it has with plain text."""
    names = re.findall(r"{(\w+)}", i18n.STRINGS[key][0])
    hostile = i18n.md(key, lang, **dict.fromkeys(names, value))
    plain = i18n.md(key, lang, **dict.fromkeys(names, "tekst"))
    assert _shape(hostile) == _shape(plain), (key, value, hostile)


def test_the_catalogue_is_sorted_by_key_so_each_prefix_stands_together():
    keys = list(i18n.STRINGS)
    assert keys == sorted(keys)


def test_dates_and_numbers_follow_cldr_for_each_language():
    day = dt.date(2024, 1, 1)
    assert i18n.format_date(day, "nb") == "1. januar 2024"
    assert i18n.format_date(day, "en") == "1 January 2024"
    assert i18n.format_date(day, "en", "year") == "2024"
    assert i18n.format_date(None, "nb") == "" and i18n.format_date(float("nan"), "nb") == ""
    assert i18n.format_number(1_234_567, "nb") == "1\u00a0234\u00a0567"
    assert i18n.format_number(0.5, "en", 2) == "0.50"


def test_no_string_leaves_a_plural_to_brackets():
    """«1 problem(er)» read wrong to everyone: words after a number take its form (⟨count|…|…⟩)."""
    for key, texts in i18n.STRINGS.items():
        for text in texts:
            assert not re.search(r"\w\((er|s|e|r)\)", text), (key, text)


@pytest.mark.parametrize(
    ("key", "values", "nb", "en"),
    [
        ("takeaway.timeline", {"count": 1, "first": "x", "last": "y"}, "1 datert hendelse fra x til y.",
         "1 dated event from x to y."),
        ("takeaway.timeline", {"count": 2, "first": "x", "last": "y"}, "2 daterte hendelser fra x til y.",
         "2 dated events from x to y."),
        ("cli.invalid", {"count": 1, "directory": "d"}, "1 problem i d:", "1 problem in d:"),
        ("cli.invalid", {"count": "1 234", "directory": "d"}, "1 234 problemer i d:", "1 234 problems in d:"),
        ("network.counts", {"nodes": 1, "edges": 0}, "Viser **1** node og **0** lenker.", "Showing **1** node and **0** links."),
    ],
)  # fmt: skip
def test_words_after_a_number_take_its_form(key, values, nb, en):
    assert (i18n.t(key, "nb", **values), i18n.t(key, "en", **values)) == (nb, en)
