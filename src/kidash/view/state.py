"""The view a person has chosen (filters, pickers, page choices, language) and how each field is linked.

One :class:`ViewState` per session is the single source of truth; each of its
fields has a :class:`Field` naming its URL parameter, its widget and its page
(:mod:`kidash.view.url` writes and reads the URL from these).
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from kidash.i18n import DEFAULT_LANGUAGE
from kidash.map.filters import Filters
from kidash.pages import PAGE_NAMES

__all__ = [
    "ViewState",
    "Field",
    "FIELDS",
    "page_fields",
    "shared_fields",
    "own_fields",
    "FIELD_BY_ATTR",
    "FILTER_ATTRS",
    "DATE_ATTRS",
    "FREE_ATTRS",
]


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
    edit_table: str = "actors"  # what the Edit page edits
    edit_row: str | None = None  # the row it edits (its id or key; None: a new row)
    history_table: str = "all"  # the History page's changes: of one table, or all
    history_actor: str | None = None  # ... about one actor, or anyone
    reading: str | None = None  # the stored document the reader reads (None: a new one)

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
    Field("edit_table", "what", "e_table", "rediger"),
    Field("edit_row", "row", "e_row", "rediger", optional=True),
    Field("history_table", "what", "h_table", "historikk"),
    Field("history_actor", "actor", "h_actor", "historikk", optional=True),
    Field("reading", "document", "r_document", "dokument", optional=True),
)

FIELD_BY_ATTR: dict[str, Field] = {f.attr: f for f in FIELDS}

FILTER_ATTRS: tuple[str, ...] = (
    "regions", "org_types", "initiatives", "kinds", "relations", "show_people", "as_of", "time_basis"
)  # fmt: skip

DATE_ATTRS: frozenset[str] = frozenset({"as_of", "since"})  # any calendar date; the options list the map's own dates
# Any short text: a row of the map to edit, by its id or key (the page says when the map has no such row).
FREE_ATTRS: frozenset[str] = frozenset({"edit_row", "reading"})

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
