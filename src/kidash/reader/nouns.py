"""Group nouns: what a text calls an initiative, a group, an event or a document («prosjektet»,
«styringsgruppa», «en referansegruppe»), recognised in their definite, plural and compound forms
(«Koordineringsprosjektet», «Helse-arbeidsgruppen», «prosjekt- og koordineringsgruppe»)."""

from __future__ import annotations

import functools

from kidash.reader.rules import GroupNoun, rules

__all__ = ["noun_of", "noun_state", "definite"]


@functools.lru_cache(maxsize=4096)
def _lookup(word: str) -> tuple[str, str] | None:
    the = rules()
    lower = word.lower().split("-")[-1] if "-" in word and not word.endswith("-") else word.lower()
    hit = the.noun_forms.get(lower)
    if hit:
        return hit
    if lower.endswith("s") and the.noun_forms.get(lower[:-1], ("", ""))[1] == "definite":
        return the.noun_forms[lower[:-1]]  # «senterets», «prosjektets»: the genitive of a definite form
    for form in sorted(the.noun_forms, key=len, reverse=True):
        if len(form) >= 4 and lower.endswith(form) and the.group_nouns[the.noun_forms[form][0]].compound:
            return the.noun_forms[form]
    return None


def noun_of(word: str) -> GroupNoun | None:
    """The group noun a word is or ends in.

    >>> [noun_of(w).base for w in ("styringsgruppen", "Helse-arbeidsgruppen", "Koordineringsprosjektet", "nettverk")]
    ['styringsgruppe', 'arbeidsgruppe', 'prosjekt', 'nettverk']
    >>> noun_of("prosjektperiode") is None
    True
    """
    hit = _lookup(word.strip())
    return rules().group_nouns[hit[0]] if hit else None


def noun_state(word: str) -> str:
    """``definite``, ``plural`` or ``indefinite``: how a group noun is written."""
    hit = _lookup(word.strip())
    return hit[1] if hit else ""


def definite(word: str) -> str:
    """A group noun in its definite form, as a name («styringsgruppe» → «Styringsgruppen»)."""
    noun = noun_of(word)
    if noun is None or not noun.forms:
        return word[:1].upper() + word[1:]
    lower = word.lower()
    stem = lower[: len(lower) - len(noun.base)] if lower.endswith(noun.base) else ""
    form = noun.forms[0]
    if noun_state(word) == "definite":
        form = lower[len(stem) :]
    whole = word[: len(stem)] + form
    return whole[:1].upper() + whole[1:]
