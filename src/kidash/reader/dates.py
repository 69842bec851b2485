"""Dates as Norwegian texts write them: «15. juni 2021», «juni 2021», «våren 2020», «i 2019»,
«fra 2022»; each read as an ISO date with how it was read (``day``, ``month``, ``season``,
``year``); a day without a year takes the document's year."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kidash.reader.rules import rules

__all__ = ["ReadDate", "read_dates"]


@dataclass(frozen=True)
class ReadDate:
    iso: str  # YYYY-MM-DD, YYYY-MM or YYYY
    basis: str  # day | month | season | year | document
    start: int
    end: int


def _patterns():
    the = rules()
    months = "|".join(the.months)
    seasons = "|".join(the.seasons)
    return (
        ("day", re.compile(rf"\b(\d{{1,2}})\.\s*({months})(?:\s+(\d{{4}}))?\b", re.IGNORECASE)),
        ("day", re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")),
        ("month", re.compile(rf"\b({months})\s+(\d{{4}})\b", re.IGNORECASE)),
        ("season", re.compile(rf"\b({seasons})\s+(\d{{4}})\b", re.IGNORECASE)),
        ("year", re.compile(r"\b(?:i|fra|frå|fom\.?|siden|sidan|til|innen|innan)\s+((?:19|20)\d{2})\b", re.IGNORECASE)),
    )


def read_dates(text: str, document_year: int | None = None) -> list[ReadDate]:
    """Every date in ``text``, left to right, none inside another.

    >>> [(d.iso, d.basis) for d in read_dates("Nettverket åpner 15. juni 2021, og fra 2022 blir det mer.")]
    [('2021-06-15', 'day'), ('2022', 'year')]
    >>> [(d.iso, d.basis) for d in read_dates("våren 2020 og 3. mars", document_year=2024)]
    [('2020-03', 'season'), ('2024-03-03', 'day')]
    """
    the = rules()
    found: list[ReadDate] = []
    for basis, pattern in _patterns():
        for match in pattern.finditer(text):
            if any(d.start < match.end() and match.start() < d.end for d in found):
                continue
            groups = match.groups()
            iso = None
            if basis == "day" and groups[1].isdigit():
                day, month, year = int(groups[0]), int(groups[1]), int(groups[2])
                iso = f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else None
            elif basis == "day":
                year = int(groups[2]) if groups[2] else document_year
                month = the.months[groups[1].lower()]
                iso = f"{year:04d}-{month:02d}-{int(groups[0]):02d}" if year and 1 <= int(groups[0]) <= 31 else None
            elif basis == "month":
                iso = f"{int(groups[1]):04d}-{the.months[groups[0].lower()]:02d}"
            elif basis == "season":
                iso = f"{int(groups[1]):04d}-{the.seasons[groups[0].lower()]:02d}"
            else:
                iso = groups[0]
            if iso:
                found.append(ReadDate(iso, basis, match.start(), match.end()))
    return sorted(found, key=lambda d: d.start)
