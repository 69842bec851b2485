"""A view in the URL: read a link back into a view (saying what it dropped), write a view as a link.

The URL is a projection of the session's :class:`~kidash.view.state.ViewState`: the
fields every page shares plus the fields of the page shown, defaults left out.
:func:`decode` reads a query string back into a state, falling back to the default
for every value the map does not hold and saying which; :func:`encode` writes the
projection. Both are pure.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from urllib.parse import urlencode

from kidash.view.choices import Choices
from kidash.view.state import FIELDS, Field, ViewState, page_fields

__all__ = ["Rejected", "decode", "encode", "normalise", "query_string"]


@dataclass(frozen=True)
class Rejected:
    """A value in a link that this map does not know; the field fell back to its default."""

    param: str
    value: str


def _parse(field: Field, raw: str, choices: Choices) -> tuple[bool, object]:
    """Read one URL value of ``field``: (ok, value)."""
    sample = getattr(ViewState(), field.attr)
    if isinstance(sample, bool):
        value: object = {"1": True, "0": False}.get(raw)
    elif isinstance(sample, int):
        value = int(raw) if raw.isdigit() else None
    else:
        value = raw
    ok = value is not None and choices.allows(field.attr, value)
    return ok, value


def decode(
    query: Mapping[str, Sequence[str]],
    fields_read: Sequence[Field],
    choices: Choices,
    base: ViewState | None = None,
) -> tuple[ViewState, tuple[Rejected, ...]]:
    """The view a link opens: each of ``fields_read`` is set from ``query`` (absent: its
    default); every other field stays as in ``base``. Values the map does not hold fall
    back to the default and are listed as rejected.

    >>> from kidash.view.state import shared_fields
    >>> c = Choices(options={"regions": ("Helse Vest",), "lang": ("nb", "en")}, defaults={})
    >>> state, rejected = decode({"region": ["Helse Vest", "Atlantis"], "lang": ["en"]}, shared_fields(), c)
    >>> state.regions, state.lang, rejected
    (('Helse Vest',), 'en', (Rejected(param='region', value='Atlantis'),))
    """
    state = base or ViewState()
    changes: dict[str, object] = {}
    rejected: list[Rejected] = []
    for field in fields_read:
        values = [str(v) for v in query.get(field.param, ())]
        if isinstance(getattr(ViewState(), field.attr), tuple):
            kept: list = []
            for raw in values:
                ok, value = _parse(field, raw, choices)
                if not ok:
                    rejected.append(Rejected(field.param, raw))
                elif value not in kept:
                    kept.append(value)
            changes[field.attr] = tuple(kept)
            continue
        value = choices.default(field.attr)
        if values:
            ok, parsed = _parse(field, values[-1], choices)
            if ok:
                value = parsed
            else:
                rejected.append(Rejected(field.param, values[-1]))
        changes[field.attr] = value
    return replace(state, **changes), tuple(rejected)


def _encode_value(value: object) -> list[str]:
    if isinstance(value, tuple):
        return [str(v) for v in value]
    if isinstance(value, bool):
        return ["1" if value else "0"]
    return [str(value)]


def encode(state: ViewState, page: str | None, choices: Choices) -> dict[str, list[str]]:
    """The query parameters of ``state`` on ``page``: shared fields and the page's own, defaults left out.

    >>> c = Choices(options={}, defaults={})
    >>> encode(ViewState(regions=("Helse Vest",), focus="kin", actor="ks"), "aktor", c)
    {'region': ['Helse Vest'], 'actor': ['ks']}
    """
    query: dict[str, list[str]] = {}
    for field in page_fields(page):
        value = getattr(state, field.attr)
        if value is None or value == () or value == choices.default(field.attr):
            continue
        query[field.param] = _encode_value(value)
    return query


def query_string(query: Mapping[str, Sequence[str]]) -> str:
    """A query as text, for links (parameters in field order, values URL-encoded).

    >>> query_string({"region": ["Helse Sør-Øst"], "actor": ["ks"]})
    'region=Helse+S%C3%B8r-%C3%98st&actor=ks'
    """
    return urlencode([(param, value) for param, values in query.items() for value in values])


def normalise(state: ViewState, choices: Choices) -> ViewState:
    """``state`` with every value the map does not hold replaced by its default
    (a new upload can make a chosen actor or region disappear)."""
    changes: dict[str, object] = {}
    for field in FIELDS:
        value = getattr(state, field.attr)
        if isinstance(value, tuple):
            kept = tuple(v for v in value if choices.allows(field.attr, v))
            if kept != value:
                changes[field.attr] = kept
        elif value is None and field.optional:
            continue
        elif not choices.allows(field.attr, value):
            changes[field.attr] = choices.default(field.attr)
    return replace(state, **changes) if changes else state
