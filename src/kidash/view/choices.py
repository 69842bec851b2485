"""What each field of a view may hold in one map, and the map's own dates to step through."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import networkx as nx

from kidash.data import schema
from kidash.i18n import LANGUAGES
from kidash.map.graph import main_initiatives
from kidash.map.groups import groups_of
from kidash.map.metrics import MEASURES
from kidash.map.time import TIME_BASES
from kidash.view.options import CENTRALITY_MEASURES, COLOUR_BY, DEPTHS, NETWORK_VIEWS
from kidash.view.state import DATE_ATTRS, ViewState

__all__ = ["Choices", "choices_of", "is_iso_date", "FIRST_DATE", "LAST_DATE", "dated_moments", "step"]


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
        "size_by": MEASURES,
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
