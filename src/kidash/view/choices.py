"""What each field of a view may hold in one map."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import networkx as nx

from kidash.data import schema
from kidash.i18n import LANGUAGES
from kidash.map.graph import main_initiatives
from kidash.map.groups import groups_of
from kidash.map.metrics import MEASURES
from kidash.map.time import TIME_BASES
from kidash.view.dates import dated_moments, is_iso_date
from kidash.view.options import CENTRALITY_MEASURES, COLOUR_BY, DEPTHS, NETWORK_VIEWS
from kidash.view.state import DATE_ATTRS, FREE_ATTRS, ViewState

__all__ = ["Choices", "choices_of", "EDITABLE_TABLES"]

EDITABLE_TABLES: tuple[str, ...] = (*schema.TABLES, *schema.OPTIONAL_TABLES)


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
        if attr in FREE_ATTRS:
            return isinstance(value, str) and 0 < len(value) <= 200 and value.isprintable()
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
        "edit_table": EDITABLE_TABLES,
        "edit_row": (),
        "history_table": ("all", *EDITABLE_TABLES),
        "history_actor": actors,
        "reading": (),
    }
    defaults = {"initiative": main[0] if main else None}
    return Choices(options=options, defaults=defaults)
