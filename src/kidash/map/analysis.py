"""Who holds which role where: role matrix, bridges, overlaps and breakdowns per initiative."""

from __future__ import annotations

import networkx as nx
import pandas as pd

from kidash.data import schema
from kidash.map.graph import full_name, initiative_scope, main_initiatives, organisations_of
from kidash.map.participation import organisation_roles

__all__ = [
    "ROLE_ORDER",
    "organisation_roles",
    "role_matrix",
    "initiative_roles",
    "bridges",
    "overlap_matrix",
    "breakdown",
    "ROSTER_COLUMNS",
    "top_bridge",
    "regions_missing",
]

ROSTER_COLUMNS = ("holder", "relation", "target", "organisations", "document", "inferred", "discrepancy")
# Strongest role first: a cell of the role matrix shows the first one held.
ROLE_ORDER: tuple[str, ...] = (
    "leads",
    "owner",
    "secretariat",
    "organiser",
    "moderator",
    "member",
    "speaker",
    "observer",
    "involved",
    "contact",
    "publishes",
)


def _initiatives_in(held: dict, full: nx.MultiDiGraph) -> list[str]:
    """Initiatives with roles in ``held``: main ones first, then the rest, each in data order.

    Bodies that are not part of a main initiative (a parent committee, a
    regional plan) keep their own column rather than being merged into one.
    """
    present = {initiative for _, initiative in held}
    main = [i for i in main_initiatives(full) if i in present]
    return main + [n for n in full.nodes if n in present and n not in main]


def _strongest(roles: set[str]) -> str:
    return min(roles, key=lambda r: ROLE_ORDER.index(r) if r in ROLE_ORDER else len(ROLE_ORDER))


def role_matrix(graph: nx.MultiDiGraph, full: nx.MultiDiGraph | None = None) -> pd.DataFrame:
    """Organisations (rows) × initiatives (columns), each cell the strongest role held.

    Empty cells are ``""``. Rows are sorted by how many initiatives the
    organisation takes part in, then by name; columns keep the data order.
    The index holds organisation ids, the columns initiative ids.
    """
    full = full if full is not None else graph
    held = organisation_roles(graph, full)
    initiatives = _initiatives_in(held, full)
    organisations = sorted(
        {o for o, _ in held}, key=lambda o: (-sum(1 for oo, _ in held if oo == o), full.nodes[o]["name"].lower())
    )
    cells = [[_strongest(held[(o, i)]) if (o, i) in held else "" for i in initiatives] for o in organisations]
    return pd.DataFrame(cells, index=organisations, columns=initiatives)


def initiative_roles(full: nx.MultiDiGraph, initiative: str, shown: set[str] | None = None) -> pd.DataFrame:
    """Everyone holding a role in the initiative or its parts, strongest roles first.

    Columns (ids, for :func:`kidash.map.labelled.roster` to put in words):
    ``holder``, ``relation``, ``target`` (the initiative or the part),
    ``organisations`` (of a person), ``document``, ``inferred`` and ``discrepancy`` (what does not add
    up: the source names an actor after it ended). ``shown``
    (the nodes a filter leaves) restricts who is listed; None lists everyone.
    The initiative's own roles in its parts (the project organising its own
    workshops) are its structure, not someone taking part: not listed.
    """
    rows = []
    for place in initiative_scope(full, initiative):
        for holder, _, data in full.in_edges(place, data=True):
            relation = data["relation"]
            if relation == "part_of" or holder == initiative or (shown is not None and holder not in shown):
                continue
            person = full.nodes[holder]["kind"] == "person"
            rows.append(
                {
                    "order": ROLE_ORDER.index(relation) if relation in ROLE_ORDER else len(ROLE_ORDER),
                    "name": full.nodes[holder]["name"],
                    "holder": holder,
                    "relation": relation,
                    "target": place,
                    "organisations": tuple(organisations_of(full, holder)) if person else (),
                    "document": data.get("document", ""),
                    "inferred": bool(data.get("inferred")),
                    "discrepancy": data.get("discrepancy", ""),
                }
            )
    table = pd.DataFrame(rows, columns=["order", "name", *ROSTER_COLUMNS])
    return table.sort_values(["order", "name"], kind="stable").drop(columns=["order", "name"]).reset_index(drop=True)


def top_bridge(graph: nx.MultiDiGraph, full: nx.MultiDiGraph | None = None) -> tuple[str, int, int] | None:
    """The organisation in the most main initiatives: (id, in how many, how many there are), or None."""
    full = full if full is not None else graph
    main = set(main_initiatives(full))
    taking_part: dict[str, set[str]] = {}
    for organisation, initiative in organisation_roles(graph, full):
        if initiative in main:
            taking_part.setdefault(organisation, set()).add(initiative)
    if not taking_part:
        return None
    best = min(taking_part, key=lambda o: (-len(taking_part[o]), full.nodes[o]["name"].lower()))
    return best, len(taking_part[best]), len(main)


def regions_missing(table: pd.DataFrame) -> dict[str, list[str]]:
    """For each initiative of a :func:`breakdown` by region, the health regions with no organisation in it."""
    health_regions = [r for r in schema.REGIONS if r.startswith("Helse")]
    found = {initiative: [r for r in health_regions if row.get(r, 0) == 0] for initiative, row in table.iterrows()}
    return {initiative: regions for initiative, regions in found.items() if regions}


def bridges(graph: nx.MultiDiGraph, full: nx.MultiDiGraph | None = None, lang: str = "nb") -> pd.DataFrame:
    """Organisations in two or more of the main initiatives (the ones the map is about, as
    :func:`top_bridge` counts them): id, name, how many, which (names in ``lang``), most first."""
    full = full if full is not None else graph
    main = set(main_initiatives(full))
    taking_part: dict[str, set[str]] = {}
    for organisation, initiative in organisation_roles(graph, full):
        if initiative in main:
            taking_part.setdefault(organisation, set()).add(initiative)
    order = {i: n for n, i in enumerate(_initiatives_in(organisation_roles(graph, full), full))}
    rows = [
        {
            "id": organisation,
            "name": full_name(full.nodes[organisation], lang),
            "count": len(initiatives),
            "initiatives": [
                full_name(full.nodes[i], lang) for i in sorted(initiatives, key=lambda i: order.get(i, len(order)))
            ],
        }
        for organisation, initiatives in taking_part.items()
        if len(initiatives) >= 2
    ]
    table = pd.DataFrame(rows, columns=["id", "name", "count", "initiatives"])
    return table.sort_values(["count", "name"], ascending=[False, True]).reset_index(drop=True)


def overlap_matrix(graph: nx.MultiDiGraph, full: nx.MultiDiGraph | None = None) -> pd.DataFrame:
    """Initiatives × initiatives: organisations taking part in both (diagonal: in each)."""
    full = full if full is not None else graph
    held = organisation_roles(graph, full)
    members: dict[str, set[str]] = {}
    for organisation, initiative in held:
        members.setdefault(initiative, set()).add(organisation)
    initiatives = _initiatives_in(held, full)
    cells = [[len(members[a] & members[b]) for b in initiatives] for a in initiatives]
    return pd.DataFrame(cells, index=initiatives, columns=initiatives)


def breakdown(graph: nx.MultiDiGraph, by: str, full: nx.MultiDiGraph | None = None) -> pd.DataFrame:
    """Initiatives (rows) × regions or organisation types (columns): organisations taking part.

    ``by`` is ``region`` or ``type``. Columns follow the vocabulary order and
    include only values that occur, so a missing region shows as absent.
    """
    if by not in ("region", "type"):
        raise ValueError("by must be 'region' or 'type'")
    full = full if full is not None else graph
    pairs = organisation_roles(graph, full)
    vocabulary = schema.REGIONS if by == "region" else schema.TYPES_BY_KIND["organisation"]
    initiatives = _initiatives_in(pairs, full)
    counts = {i: dict.fromkeys(vocabulary, 0) for i in initiatives}
    for organisation, initiative in pairs:
        counts[initiative][full.nodes[organisation][by]] += 1
    table = pd.DataFrame.from_dict(counts, orient="index", columns=list(vocabulary)).fillna(0).astype(int)
    return table.loc[:, table.sum() > 0] if len(table) else table
