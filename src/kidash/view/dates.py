"""Dates a view may hold: the range a link or a date field takes, a date as people type it, and the
map's own dates to step through."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from functools import lru_cache

import networkx as nx
from babel.dates import get_month_names

__all__ = [
    "FIRST_DATE",
    "LAST_DATE",
    "is_iso_date",
    "read_date",
    "field_text",
    "dated_moments",
    "step",
]

# The dates a link or a date field may hold (one range for both: a link the field cannot show would fail).
FIRST_DATE, LAST_DATE = dt.date(1900, 1, 1), dt.date(2199, 12, 31)


def is_iso_date(value: object) -> bool:
    """Whether ``value`` is a calendar date written ``YYYY-MM-DD`` between FIRST_DATE and LAST_DATE.

    >>> is_iso_date("2021-06-15"), is_iso_date("2021-02-30"), is_iso_date("15.06.2021"), is_iso_date(None)
    (True, False, False, False)
    """
    if not isinstance(value, str) or len(value) != 10:
        return False
    try:
        date = dt.date.fromisoformat(value)
    except ValueError:
        return False
    return date.isoformat() == value and FIRST_DATE <= date <= LAST_DATE


@lru_cache(maxsize=1)
def _months() -> dict[str, int]:
    """Month names and their short forms in bokmål, nynorsk and English (CLDR, through Babel),
    lower case and without a full stop."""
    found: dict[str, int] = {}
    for locale in ("nb", "nn", "en"):
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, locale=locale).items():
                found[name.lower().rstrip(".")] = number
    found["sept"] = 9
    return found


_NUMERIC = re.compile(r"(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{2}|\d{4})")
_WORDS = re.compile(r"(\d{1,2})\.?\s+([^\W\d_]+)\.?,?\s+(\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def read_date(text: str) -> str | None:
    """The ISO date a person typed, as Norwegian and English pages write it; None for an empty field.

    Takes «15.06.2021», «15.6.21», «15/6/2021», «2021-06-15», «15. juni 2021», «15 June 2021»
    (bokmål, nynorsk and English month names, whole or short). Raises ValueError for anything else,
    a day that does not exist, or a date outside FIRST_DATE–LAST_DATE.

    >>> read_date("15.06.2021"), read_date(" 15.6.21 "), read_date("2021-06-15"), read_date("15. juni 2021")
    ('2021-06-15', '2021-06-15', '2021-06-15', '2021-06-15')
    >>> read_date("3 Sept. 2024"), read_date("")
    ('2024-09-03', None)
    """
    text = " ".join(str(text).split())
    if not text:
        return None
    if found := _ISO.fullmatch(text):
        year, month, day = (int(part) for part in found.groups())
    elif found := _NUMERIC.fullmatch(text):
        day, month, year = (int(part) for part in found.groups())
        if len(found.group(3)) == 2:
            year += 2000
    elif (found := _WORDS.fullmatch(text)) and found.group(2).lower() in _months():
        day, month, year = int(found.group(1)), _months()[found.group(2).lower()], int(found.group(3))
    else:
        raise ValueError(f"not a date: {text!r}")
    date = dt.date(year, month, day)  # raises ValueError for 31.02 and the like
    if not FIRST_DATE <= date <= LAST_DATE:
        raise ValueError(f"outside {FIRST_DATE.year}–{LAST_DATE.year}: {text!r}")
    return date.isoformat()


def field_text(value: str | None) -> str:
    """An ISO date as a date field shows it (DD.MM.YYYY, as both pages' people type it); "" for none.

    >>> field_text("2021-06-15"), field_text(None)
    ('15.06.2021', '')
    """
    return dt.date.fromisoformat(value).strftime("%d.%m.%Y") if value else ""


def dated_moments(graph: nx.MultiDiGraph) -> tuple[str, ...]:
    """Every date the map knows (publications, starts and ends of relations and actors), in order:
    the natural stops of the date control."""
    dates = {d.get(k, "") for *_, d in graph.edges(data=True) for k in ("published", "start", "end")}
    dates |= {d.get(k, "") for _, d in graph.nodes(data=True) for k in ("start", "end")}
    return tuple(sorted(date for date in dates if is_iso_date(date)))


def step(moments: Sequence[str], current: str | None, direction: int, today: str | None = None) -> str | None:
    """The dated moment before (``direction`` -1) or after (+1) ``current`` among ``moments``
    (sorted ISO dates): stepping through the map's story. No date means today: back from it is the
    last moment up to today, forward the first one after it. None when there is nowhere to go.

    >>> moments = ("2021-06-10", "2022-03-16", "2024-03-21")
    >>> step(moments, "2022-01-01", 1), step(moments, "2022-03-16", -1), step(moments, "2024-03-21", 1)
    ('2022-03-16', '2021-06-10', None)
    >>> step(moments, None, -1, today="2026-12-04"), step(moments, None, 1, today="2026-12-04")
    ('2024-03-21', None)
    >>> step(moments, None, 1, today="2022-01-01"), step(moments, "2021-06-10", -1)
    ('2022-03-16', None)
    """
    if current is None:
        today = today or dt.date.today().isoformat()
        if direction < 0:
            return next((m for m in reversed(moments) if m <= today), None)
        current = today
    if direction > 0:
        return next((m for m in moments if m > current), None)
    return next((m for m in reversed(moments) if m < current), None)
