"""Dates as a person types them, and stepping through the map's own dates from any date or from today."""

from __future__ import annotations

import datetime as dt

import pytest
from babel.dates import format_date
from hypothesis import given
from hypothesis import strategies as st

from kidash.view.dates import FIRST_DATE, LAST_DATE, field_text, read_date, step

DATES = st.dates(min_value=FIRST_DATE, max_value=LAST_DATE)


@given(DATES, st.sampled_from(["nb", "nn", "en"]))
def test_a_date_typed_in_any_form_a_page_shows_reads_back_to_itself(date, lang):
    forms = {
        date.isoformat(),
        date.strftime("%d.%m.%Y"),
        f"{date.day}.{date.month}.{date.year}",
        date.strftime("%d/%m/%Y"),
        format_date(date, "d. MMMM y", locale=lang),
        format_date(date, "d MMM y", locale=lang),
        field_text(date.isoformat()),
    }
    for form in forms:
        assert read_date(form) == date.isoformat(), form


@given(st.text(max_size=30))
def test_any_text_is_a_date_or_a_clear_refusal(text):
    try:
        found = read_date(text)
    except ValueError:
        return
    assert found is None or FIRST_DATE <= dt.date.fromisoformat(found) <= LAST_DATE
    if found is None:
        assert not text.strip()


@pytest.mark.parametrize("text", ["31.02.2021", "15.13.2021", "15. juno 2021", "i går", "2021", "1.1.1800"])
def test_what_is_not_a_date_is_refused(text):
    with pytest.raises(ValueError):
        read_date(text)


def test_two_digit_years_are_this_century():
    assert read_date("15.06.21") == "2021-06-15"


MOMENTS = st.lists(DATES.map(dt.date.isoformat), unique=True).map(sorted)


@given(MOMENTS, st.none() | DATES.map(dt.date.isoformat), DATES.map(dt.date.isoformat))
def test_a_step_goes_to_the_next_or_previous_moment_and_no_further(moments, current, today):
    """From a date: the moment just after or just before it. From no date (today): back is the last
    moment up to today, forward the first after today."""
    here = current or today
    ahead, behind = step(moments, current, 1, today), step(moments, current, -1, today)
    later = [m for m in moments if m > here]
    assert ahead == (later[0] if later else None)
    earlier = [m for m in moments if (m < here if current else m <= here)]
    assert behind == (earlier[-1] if earlier else None)
