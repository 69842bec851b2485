"""Vocabularies and table layouts of the kidash data contract."""

from __future__ import annotations

from kidash.data.contract import TABLE_SPEC, columns_where

__all__ = [
    "KINDS",
    "TYPES_BY_KIND",
    "TYPES",
    "REGIONS",
    "RELATIONS",
    "ROLE_RELATIONS",
    "LIFECYCLE_RELATIONS",
    "CONTEXT_KINDS",
    "HOLDER_KINDS",
    "RELATION_ENDS",
    "BASES",
    "DATE_PRECISIONS",
    "TABLES",
    "REQUIRED_COLUMNS",
    "REQUIRED_VALUES",
    "ID_COLUMN",
    "DATE_COLUMNS",
    "BOOL_COLUMNS",
    "LIST_COLUMNS",
    "OPTIONAL_TABLES",
]

KINDS: tuple[str, ...] = ("organisation", "person", "initiative", "event", "document")

TYPES_BY_KIND: dict[str, tuple[str, ...]] = {
    "organisation": (
        "regional_health_authority",
        "health_trust",
        "health_it_company",
        "directorate",
        "government_agency",
        "ministry",
        "municipal_organisation",
        "university",
        "university_college",
        "research_centre",
        "health_registry",
        "company",
        "standards_body",
        "programme",
        "eu_institution",
        "other_organisation",
    ),
    "person": ("person",),
    "initiative": (
        "network",
        "project",
        "subproject",
        "working_group",
        "committee",
        "action_plan",
        "measure",
        "plan",
        "programme",
        "survey",
    ),
    "event": ("debate", "conference", "workshop", "meeting"),
    "document": ("report", "regulation", "plan", "article"),
}

TYPES: tuple[str, ...] = tuple(dict.fromkeys(t for ts in TYPES_BY_KIND.values() for t in ts))

REGIONS: tuple[str, ...] = (
    "Helse Nord",
    "Helse Midt-Norge",
    "Helse Vest",
    "Helse Sør-Øst",
    "Nasjonal",
    "Internasjonal",
)

RELATIONS: tuple[str, ...] = (
    "leads",
    "member",
    "observer",
    "secretariat",
    "organiser",
    "moderator",
    "speaker",
    "owner",
    "involved",
    "part_of",
    "affiliated_with",
    "heads",
    "contact",
    "publishes",
    "merged_into",
    "renamed_as",
)

# How an actor ends by becoming another (dated with ``start``: the day the successor takes over).
LIFECYCLE_RELATIONS: tuple[str, ...] = ("merged_into", "renamed_as")
# Relations that say someone holds a role somewhere (as opposed to structure and lifecycle).
ROLE_RELATIONS: tuple[str, ...] = tuple(
    r for r in RELATIONS if r not in ("part_of", "affiliated_with", "heads", *LIFECYCLE_RELATIONS)
)

# Where roles are held, and who holds them.
CONTEXT_KINDS: frozenset[str] = frozenset({"initiative", "event", "document"})
HOLDER_KINDS: frozenset[str] = frozenset({"organisation", "person"})

_ANY = frozenset(KINDS)
_ROLE_HOLDERS = frozenset({"organisation", "person", "initiative"})
_ROLE_PLACES = frozenset({"initiative", "event"})

# (allowed source kinds, allowed target kinds) for each relation.
RELATION_ENDS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "leads": (_ROLE_HOLDERS, _ROLE_PLACES),
    "member": (_ROLE_HOLDERS, _ROLE_PLACES),
    "observer": (_ROLE_HOLDERS, _ROLE_PLACES),
    "secretariat": (_ROLE_HOLDERS, _ROLE_PLACES),
    "organiser": (_ROLE_HOLDERS, _ROLE_PLACES),
    "moderator": (frozenset({"person"}), _ROLE_PLACES),
    "speaker": (frozenset({"person"}), _ROLE_PLACES),
    "owner": (frozenset({"organisation", "person"}), _ROLE_PLACES | {"document"}),
    "involved": (_ROLE_HOLDERS, _ROLE_PLACES | {"organisation"}),
    "part_of": (_ANY - {"person"}, frozenset({"organisation", "initiative", "event"})),
    "affiliated_with": (frozenset({"person"}), frozenset({"organisation"})),
    "heads": (frozenset({"person"}), frozenset({"organisation"})),
    "contact": (frozenset({"organisation", "person"}), _ANY - {"person"}),
    "publishes": (_ROLE_HOLDERS, frozenset({"document"})),
    "merged_into": (frozenset({"organisation", "initiative"}), frozenset({"organisation", "initiative"})),
    "renamed_as": (frozenset({"organisation", "initiative"}), frozenset({"organisation", "initiative"})),
}

BASES: tuple[str, ...] = ("stated", "inferred", "background")
DATE_PRECISIONS: tuple[str, ...] = ("day", "month", "year")

TABLES: tuple[str, ...] = ("actors", "relations", "events", "documents")
OPTIONAL_TABLES: tuple[str, ...] = ("background",)

# The table layouts, derived from the one table spec in kidash.data.contract.
REQUIRED_COLUMNS: dict[str, tuple[str, ...]] = {t: columns_where(t, header=True) for t in TABLE_SPEC}
# Columns that must not be blank in any row.
REQUIRED_VALUES: dict[str, tuple[str, ...]] = {t: columns_where(t, value=True) for t in TABLE_SPEC}
ID_COLUMN: dict[str, str | None] = {t: ("id" if "id" in columns_where(t) else None) for t in TABLE_SPEC}
DATE_COLUMNS: dict[str, tuple[str, ...]] = {t: columns_where(t, form="date") for t in TABLE_SPEC}
BOOL_COLUMNS: dict[str, tuple[str, ...]] = {t: columns_where(t, form="bool") for t in TABLE_SPEC}
# Columns holding ;-separated lists, and which table their ids point into.
LIST_COLUMNS: dict[str, dict[str, str | None]] = {
    t: {c.name: c.points_to for c in TABLE_SPEC[t] if c.form == "list"} for t in TABLE_SPEC
}
