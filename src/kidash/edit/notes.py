"""A relation's note as the edit form asks it: the source's words, kept between «», and a remark."""

from __future__ import annotations

import re

__all__ = ["split_note", "join_note"]

_QUOTED = re.compile(r"«([^»]*)»")


def split_note(note: str) -> tuple[str, str]:
    """(the source's words, the rest of the note). Several quotes come back one per line.

    >>> split_note("«Helsedirektoratet leder prosjektet». Se også side 2.")
    ('Helsedirektoratet leder prosjektet', 'Se også side 2.')
    >>> split_note("Nevnt blant de samarbeidende.")
    ('', 'Nevnt blant de samarbeidende.')
    """
    quotes = [q.strip() for q in _QUOTED.findall(note or "") if q.strip()]
    rest = _QUOTED.sub("", note or "")
    rest = re.sub(r"^[\s.,;:]+", "", re.sub(r"\s{2,}", " ", rest)).strip()
    return "\n".join(quotes), rest


def join_note(quote: str, remark: str) -> str:
    """The note the contract keeps: each line of the source's words between «», then the remark.

    >>> join_note("Helsedirektoratet leder prosjektet", "Se også side 2.")
    '«Helsedirektoratet leder prosjektet» Se også side 2.'
    >>> join_note("", "Utledet av deltakerlisten.")
    'Utledet av deltakerlisten.'
    >>> split_note(join_note("a «b»\\nc", "d"))
    ('a b\\nc', 'd')
    """
    lines = [" ".join(line.replace("«", "").replace("»", "").split()) for line in (quote or "").splitlines()]
    quoted = " ".join(f"«{line}»" for line in lines if line)
    return " ".join(part for part in (quoted, (remark or "").strip()) if part)
