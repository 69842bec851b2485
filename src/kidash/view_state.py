"""The view a person has chosen (filters, pickers, page choices, language) and its form in the URL.

One :class:`ViewState` per session is the single source of truth. The URL
is a projection of it: the fields every page shares plus the fields of the
page shown, defaults left out. :func:`decode` reads a query string back into
a state, falling back to the default for every value it does not know and
saying which; :func:`encode` writes the projection. Both are pure.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields, replace
from urllib.parse import urlencode

import networkx as nx

from kidash import schema
from kidash.graph import TIME_BASES, Filters, main_initiatives
from kidash.i18n import DEFAULT_LANGUAGE, LANGUAGES
from kidash.metrics import MEASURES
from kidash.network_colours import COLOUR_BY
from kidash.network_groups import groups_of
from kidash.pages import PAGE_NAMES

__all__ = [
    "ViewState",
    "Field",
    "FIELDS",
    "Choices",
    "Rejected",
    "choices_of",
    "page_fields",
    "shared_fields",
    "own_fields",
    "FIELD_BY_ATTR",
    "FILTER_ATTRS",
    "DATE_ATTRS",
    "is_iso_date",
    "FIRST_DATE",
    "LAST_DATE",
    "dated_moments",
    "step",
    "decode",
    "encode",
    "normalise",
    "query_string",
    "CENTRALITY_MEASURES",
    "NETWORK_VIEWS",
]

NETWORK_VIEWS: tuple[str, ...] = ("roles", "collaboration")
CENTRALITY_MEASURES: tuple[str, ...] = ("degree", "betweenness", "closeness", "eigenvector")
SIZE_BY: tuple[str, ...] = MEASURES
DEPTHS: tuple[int, ...] = (1, 2, 3)


@dataclass(frozen=True)
class ViewState:
    """Everything a person chose. Filters are shared by every page; the rest belongs to one page."""

    lang: str = DEFAULT_LANGUAGE
    regions: tuple[str, ...] = ()
    org_types: tuple[str, ...] = ()
    initiatives: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    relations: tuple[str, ...] = ()
    show_people: bool = True
    as_of: str | None = None  # the map as of this ISO date (None: everything, today)
    time_basis: str = "stated"
    network_view: str = "roles"
    colour_by: str = "type"
    size_by: str = "degree"
    focus: str | None = None
    depth: int = 1
    physics: bool = False
    marks: bool = False  # mark what is new and ended since the previous dated moment
    selected: str | None = None
    group: str | None = None
    initiative: str | None = None
    actor: str | None = None
    measure: str = "betweenness"
    path_from: str | None = None
    path_to: str | None = None
    since: str | None = None  # the timeline's «what changed»: compared with the map as of this ISO date
    table: str = "actors"

    def filters(self) -> Filters:
        """The sidebar filters of this view, as the graph functions take them."""
        return Filters(
            regions=self.regions,
            org_types=self.org_types,
            kinds=self.kinds,
            relations=self.relations,
            initiatives=self.initiatives,
            show_people=self.show_people,
            as_of=self.as_of or "",
            time_basis=self.time_basis,
        )


@dataclass(frozen=True)
class Field:
    """How one attribute of :class:`ViewState` is shown and linked.

    ``param`` names it in the URL, ``widget`` is the session-state key of the
    widget that shows it, ``page`` the page it belongs to (None: every page).
    ``optional`` fields may be None (nothing chosen).
    """

    attr: str
    param: str
    widget: str
    page: str | None = None
    optional: bool = False


FIELDS: tuple[Field, ...] = (
    Field("lang", "lang", "lang"),
    Field("regions", "region", "f_region"),
    Field("org_types", "type", "f_type"),
    Field("initiatives", "initiative", "f_initiative"),
    Field("kinds", "kind", "f_kind"),
    Field("relations", "relation", "f_relation"),
    Field("show_people", "people", "f_people"),
    Field("as_of", "asof", "f_as_of", optional=True),
    Field("time_basis", "time", "f_time"),
    Field("network_view", "view", "n_view", "nettverk"),
    Field("colour_by", "colour", "n_colour", "nettverk"),
    Field("size_by", "size", "n_size", "nettverk"),
    Field("focus", "focus", "n_focus", "nettverk", optional=True),
    Field("depth", "depth", "n_depth", "nettverk"),
    Field("physics", "physics", "n_physics", "nettverk"),
    Field("marks", "changes", "n_changes", "nettverk"),
    Field("selected", "selected", "n_selected", "nettverk", optional=True),
    Field("group", "group", "n_group", "nettverk", optional=True),
    Field("initiative", "i", "i_initiative", "initiativer"),
    Field("actor", "actor", "a_actor", "aktor", optional=True),
    Field("measure", "measure", "an_measure", "analyse"),
    Field("path_from", "from", "an_from", "analyse", optional=True),
    Field("path_to", "to", "an_to", "analyse", optional=True),
    Field("since", "since", "t_since", "tidslinje", optional=True),
    Field("table", "table", "d_table", "data"),
)
FIELD_BY_ATTR: dict[str, Field] = {f.attr: f for f in FIELDS}
FILTER_ATTRS: tuple[str, ...] = (
    "regions", "org_types", "initiatives", "kinds", "relations", "show_people", "as_of", "time_basis"
)  # fmt: skip
DATE_ATTRS: frozenset[str] = frozenset({"as_of", "since"})  # any calendar date; the options list the map's own dates
assert {f.attr for f in FIELDS} == {f.name for f in fields(ViewState)}  # noqa: S101 - one field per attribute
assert {f.page for f in FIELDS} - {None} <= set(PAGE_NAMES)  # noqa: S101


def shared_fields() -> tuple[Field, ...]:
    """The fields every page's URL carries (language and filters)."""
    return tuple(f for f in FIELDS if f.page is None)


def own_fields(page: str | None) -> tuple[Field, ...]:
    """The fields that belong to ``page`` alone."""
    return tuple(f for f in FIELDS if f.page is not None and f.page == page)


def page_fields(page: str | None) -> tuple[Field, ...]:
    """The fields a page's URL carries: the shared ones and the page's own.

    >>> [f.param for f in page_fields("aktor")][-1]
    'actor'
    """
    return shared_fields() + own_fields(page)


# The dates a link or a date widget may hold (one range for both: a link the widget cannot show would fail).
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


def dated_moments(graph: nx.MultiDiGraph) -> tuple[str, ...]:
    """Every date the map knows (publications, starts and ends of relations and actors), in order:
    the natural stops of the date control."""
    dates = {d.get(k, "") for *_, d in graph.edges(data=True) for k in ("published", "start", "end")}
    dates |= {d.get(k, "") for _, d in graph.nodes(data=True) for k in ("start", "end")}
    return tuple(sorted(date for date in dates if is_iso_date(date)))


def step(moments: Sequence[str], current: str | None, direction: int) -> str | None:
    """The dated moment before (``direction`` -1) or after (+1) ``current`` among ``moments``
    (sorted ISO dates): stepping through the map's story. From no date, forward starts at the
    first moment; None when there is nowhere to go.

    >>> moments = ("2021-06-10", "2022-03-16", "2024-03-21")
    >>> step(moments, None, 1), step(moments, "2022-01-01", 1), step(moments, "2022-03-16", -1)
    ('2021-06-10', '2022-03-16', '2021-06-10')
    >>> step(moments, "2024-03-21", 1), step(moments, None, -1), step(moments, "2021-06-10", -1)
    (None, None, None)
    """
    if direction > 0:
        return next((m for m in moments if current is None or m > current), None)
    if current is None:
        return None
    return next((m for m in reversed(moments) if m < current), None)


@dataclass(frozen=True)
class Choices:
    """What each field may hold in one dataset (in the order widgets list it) and its default there."""

    options: Mapping[str, tuple]
    defaults: Mapping[str, object]

    def __post_init__(self) -> None:
        # Membership sets, made once: a map of 20,000 actors is checked on every run.
        object.__setattr__(self, "_sets", {attr: frozenset(values) for attr, values in self.options.items()})

    def allows(self, attr: str, value: object) -> bool:
        if attr in DATE_ATTRS:
            return is_iso_date(value)
        allowed = self._sets.get(attr)
        return allowed is not None and value in allowed

    def default(self, attr: str) -> object:
        return self.defaults.get(attr, getattr(ViewState(), attr))


def choices_of(graph: nx.MultiDiGraph, tables: Sequence[str] = schema.TABLES) -> Choices:
    """The valid values of every field for the map ``graph`` (and the data tables it has).

    Filter options list only what the map holds; actors are sorted by name.
    The Initiatives page opens on the first main initiative.
    """
    nodes = graph.nodes(data=True)
    present = {key: {d[key] for _, d in nodes} for key in ("region", "type", "kind")}
    relations_present = {d["relation"] for *_, d in graph.edges(data=True)}
    main = main_initiatives(graph)
    others = sorted(
        (n for n, d in nodes if d["kind"] in schema.CONTEXT_KINDS - {"document"} and n not in main),
        key=lambda n: str(graph.nodes[n]["name"]).lower(),
    )
    actors = tuple(sorted(graph.nodes, key=lambda n: (str(graph.nodes[n]["name"]).lower(), n)))
    moments = dated_moments(graph)
    options: dict[str, tuple] = {
        "lang": LANGUAGES,
        "regions": tuple(r for r in schema.REGIONS if r in present["region"]),
        "org_types": tuple(t for t in schema.TYPES_BY_KIND["organisation"] if t in present["type"]),
        "initiatives": tuple(main) + tuple(others),
        "kinds": tuple(k for k in schema.KINDS if k in present["kind"]),
        "relations": tuple(r for r in schema.RELATIONS if r in relations_present),
        "show_people": (True, False),
        "as_of": moments,
        "time_basis": TIME_BASES,
        "network_view": NETWORK_VIEWS,
        "colour_by": COLOUR_BY,
        "size_by": SIZE_BY,
        "focus": actors,
        "depth": DEPTHS,
        "physics": (False, True),
        "marks": (False, True),
        "selected": actors,
        "group": tuple(sorted(set(groups_of(graph).values()))),
        "initiative": tuple(main),
        "actor": actors,
        "measure": CENTRALITY_MEASURES,
        "path_from": actors,
        "path_to": actors,
        "since": moments,
        "table": tuple(tables),
    }
    defaults = {"initiative": main[0] if main else None}
    return Choices(options=options, defaults=defaults)


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
