"""Dates as Norwegian texts write them: «15. juni 2021», «15.06.2021», «juni 2021», «våren 2020»,
«i 2019», «fra 2022», «2020–2023»; each read as an ISO date (``YYYY-MM-DD``, ``YYYY-MM`` or
``YYYY``) with how it was read (``day``, ``month``, ``season``, ``year``), and what it is to a
role: a ``start`` (the default), an ``end`` («fram til 2027») or a ``deadline`` («innen 1. juni»),
which is neither. A day without a year takes the document's year. A page's own date is the one
after «Publisert», «Postet», «Først publisert» or «Sist oppdatert»."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from kidash.reader.rules import WORD, rules

__all__ = ["ReadDate", "read_dates", "document_date", "role_dates"]


@dataclass(frozen=True)
class ReadDate:
    iso: str  # YYYY-MM-DD, YYYY-MM or YYYY
    basis: str  # day | month | season | year
    start: int
    end: int
    role: str = "start"  # start | end | deadline
    year_from_document: bool = False


@functools.cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    the = rules()
    months = "|".join(sorted(the.months, key=len, reverse=True))
    lead = "|".join(p.pattern for p in (the.start_words, the.end_words, the.deadline_words))
    seasons = "|".join(sorted(the.seasons, key=len, reverse=True))
    return (
        ("range", re.compile(r"(?<![\d.])((?:19|20)\d{2})\s?[–\-]\s?((?:19|20)?\d{2})(?![\d.])")),
        ("day", re.compile(rf"\b(\d{{1,2}})\.\s*({months})\.?(?:\s+(\d{{4}}))?\b", re.IGNORECASE)),
        ("day", re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?![\d])")),
        ("day", re.compile(r"(?<![\d\-])(\d{4})-(\d{2})-(\d{2})(?![\d])")),
        ("month", re.compile(rf"\b({months})\.?\s+(\d{{4}})\b", re.IGNORECASE)),
        ("season", re.compile(rf"\b({seasons})\s+(\d{{4}})\b", re.IGNORECASE)),
        (
            "year",
            re.compile(rf"(?<!{WORD})(?:{lead})\s+((?:19|20)\d{{2}})(?![\d.,:]\d)(?!\s?[–\-]\s?\d)", re.IGNORECASE),
        ),
    )


def _valid(year: int, month: int, day: int | None = None) -> bool:
    try:
        dt.date(year, month, day or 1)
    except ValueError:
        return False
    return 1900 <= year <= 2100


def _role(text: str, start: int) -> str:
    """What a date is to a role, from the words just before it."""
    before = text[max(0, start - 30) : start]
    the = rules()
    if re.search(rf"(?:{the.deadline_words.pattern})\s*$", before, re.IGNORECASE):
        return "deadline"
    if re.search(rf"(?:{the.end_words.pattern})\s*(?:den\s+)?$", before, re.IGNORECASE):
        return "end"
    return "start"


def read_dates(text: str, document_year: int | None = None) -> list[ReadDate]:
    """Every date in ``text``, left to right, none inside another.

    >>> [(d.iso, d.basis) for d in read_dates("Nettverket åpner 15. juni 2021, og fra 2022 blir det mer.")]
    [('2021-06-15', 'day'), ('2022', 'year')]
    >>> [(d.iso, d.basis, d.role) for d in read_dates("våren 2020 og 3. mars, innen 1. juni", document_year=2024)]
    [('2020-03', 'season', 'start'), ('2024-03-03', 'day', 'start'), ('2024-06-01', 'day', 'deadline')]
    >>> [(d.iso, d.role) for d in read_dates("Programmet starta hausten 2024 og skal gå fram til 2027.")]
    [('2024-09', 'start'), ('2027', 'end')]
    """
    the = rules()
    found: list[ReadDate] = []
    for basis, pattern in _patterns():
        for match in pattern.finditer(text):
            if any(d.start < match.end() and match.start() < d.end for d in found):
                continue
            groups = match.groups()
            iso, from_document = None, False
            if basis == "range":
                first, last = int(groups[0]), groups[1]
                last_year = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
                if first <= last_year <= first + 30:
                    found.append(ReadDate(str(first), "year", match.start(), match.start() + 4, "start"))
                    found.append(ReadDate(str(last_year), "year", match.end() - len(last), match.end(), "end"))
                continue
            if basis == "day" and groups[1].isdigit() and len(groups[0]) == 4:  # ISO
                year, month, day = int(groups[0]), int(groups[1]), int(groups[2])
            elif basis == "day" and groups[1].isdigit():
                day, month, year = int(groups[0]), int(groups[1]), int(groups[2])
                year += 2000 if year < 100 else 0
            elif basis == "day":
                day, month = int(groups[0]), the.months[groups[1].lower()]
                year = int(groups[2]) if groups[2] else document_year
                from_document = not groups[2]
            if basis == "day":
                iso = f"{year:04d}-{month:02d}-{day:02d}" if year and _valid(year, month, day) else None
            elif basis == "month":
                year, month = int(groups[1]), the.months[groups[0].lower()]
                iso = f"{year:04d}-{month:02d}" if _valid(year, month) else None
            elif basis == "season":
                year, month = int(groups[1]), the.seasons[groups[0].lower()]
                iso = f"{year:04d}-{month:02d}" if _valid(year, month) else None
            elif basis == "year":
                iso = groups[0] if _valid(int(groups[0]), 1) else None
            if iso:
                begin = match.start(1) if basis == "year" else match.start()
                found.append(ReadDate(iso, basis, begin, match.end(), _role(text, begin), from_document))
    return sorted(found, key=lambda d: d.start)


def role_dates(text: str, document_year: int | None = None) -> tuple[ReadDate | None, ReadDate | None]:
    """The start and the end a sentence gives a role it states (a deadline is neither)."""
    found = read_dates(text, document_year)
    start = next((d for d in found if d.role == "start"), None)
    end = next((d for d in found if d.role == "end"), None)
    return start, end


def document_date(text: str) -> str:
    """The page's own date: after «Publisert», «Postet», «Først publisert» (first), else «Sist
    oppdatert» and the like; empty when the page gives none.

    >>> document_date("Tittel\\n\\nPostet 10.06.2021 av Hasse Berntsen\\n")
    '2021-06-10'
    >>> document_date("Først publisert: 16.03.2022 Sist faglig oppdatert: 17.03.2022")
    '2022-03-16'
    >>> document_date("Ingen dato her.")
    ''
    """
    labels = rules().document_date_labels
    best: tuple[int, str] | None = None
    for match in labels.finditer(text):
        label = match.group(0).lower()
        rank = 0 if ("publisert" in label or "postet" in label or label in ("dato", "skrevet", "skrive")) else 1
        after = text[match.end() : match.end() + 40]
        dates = [d for d in read_dates(after) if d.basis == "day" and d.start <= 6]
        if dates and (best is None or rank < best[0]):
            best = (rank, dates[0].iso)
    if best:
        return best[1]
    opening = [d for d in read_dates(text[:400]) if d.basis == "day" and not d.year_from_document]
    return opening[0].iso if opening else ""  # an event's page: its day at the top
