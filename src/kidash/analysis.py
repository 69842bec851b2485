"""Who holds which role where: role matrix, bridges, overlaps and breakdowns per initiative."""

from __future__ import annotations

import networkx as nx
import pandas as pd

from kidash import i18n, schema
from kidash.graph import initiative_scope, main_initiatives, organisations_of
from kidash.participation import organisation_roles

__all__ = [
    "ROLE_ORDER",
    "organisation_roles",
    "role_matrix",
    "initiative_roles",
    "bridges",
    "overlap_matrix",
    "breakdown",
    "roster_summary",
    "labelled_matrix",
    "labelled_bridges",
    "missing_regions",
    "bridge_takeaway",
]

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


def initiative_roles(
    full: nx.MultiDiGraph,
    initiative: str,
    documents: dict[str, tuple[str, str]],
    lang: str = "nb",
    shown: set[str] | None = None,
) -> pd.DataFrame:
    """Everyone holding a role in the initiative or its parts, strongest roles first, with the source.

    Columns: who, role, where (the initiative or the part), organisation (of
    a person), source and date, stated or inferred. ``shown`` (the nodes a
    filter leaves) restricts who is listed; None lists everyone.
    """
    scope = initiative_scope(full, initiative)
    rows = []
    for place in scope:
        for holder, _, data in full.in_edges(place, data=True):
            relation = data["relation"]
            if relation == "part_of" or (shown is not None and holder not in shown):
                continue
            title, date = documents.get(data.get("document", ""), ("", ""))
            organisations = organisations_of(full, holder) if full.nodes[holder]["kind"] == "person" else []
            rows.append(
                {
                    "_order": ROLE_ORDER.index(relation) if relation in ROLE_ORDER else len(ROLE_ORDER),
                    i18n.t("col.holder", lang): full.nodes[holder]["name"],
                    i18n.t("col.role", lang): i18n.label("relation", relation, lang),
                    i18n.t("col.target", lang): full.nodes[place]["name"],
                    i18n.t("col.organisation", lang): "; ".join(full.nodes[o]["name"] for o in organisations),
                    i18n.t("col.source", lang): title,
                    i18n.t("col.published", lang): date,
                    i18n.t("col.basis", lang): i18n.label(
                        "basis", "inferred" if data.get("inferred") else "stated", lang
                    ),
                }
            )
    columns = ["col.holder", "col.role", "col.target", "col.organisation", "col.source", "col.published", "col.basis"]
    if not rows:
        return pd.DataFrame(columns=[i18n.t(c, lang) for c in columns])
    table = pd.DataFrame(rows).sort_values(["_order", i18n.t("col.holder", lang)])
    return table.drop(columns="_order").reset_index(drop=True)


def bridges(graph: nx.MultiDiGraph, full: nx.MultiDiGraph | None = None) -> pd.DataFrame:
    """Organisations in two or more initiatives: id, name, how many, which (names), most first."""
    full = full if full is not None else graph
    taking_part: dict[str, set[str]] = {}
    for organisation, initiative in organisation_roles(graph, full):
        taking_part.setdefault(organisation, set()).add(initiative)
    order = {i: n for n, i in enumerate(_initiatives_in(organisation_roles(graph, full), full))}
    rows = [
        {
            "id": organisation,
            "name": full.nodes[organisation]["name"],
            "count": len(initiatives),
            "initiatives": [full.nodes[i]["name"] for i in sorted(initiatives, key=lambda i: order.get(i, len(order)))],
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


def roster_summary(roster: pd.DataFrame, lang: str = "nb") -> list[tuple[str, str]]:
    """``(role, names)`` per role in a roster from :func:`initiative_roles`, strongest role first."""
    role_column, holder_column = i18n.t("col.role", lang), i18n.t("col.holder", lang)
    result = []
    for role in dict.fromkeys(roster[role_column]):
        holders = list(dict.fromkeys(roster.loc[roster[role_column] == role, holder_column]))
        result.append((role, ", ".join(holders)))
    return result


def labelled_matrix(matrix: pd.DataFrame, full: nx.MultiDiGraph, lang: str = "nb") -> pd.DataFrame:
    """The role matrix as a table people read: names instead of ids, roles in words."""
    table = matrix.map(lambda cell: i18n.label("relation", cell, lang) if cell else "")
    table.index = [full.nodes[o]["name"] for o in matrix.index]
    table.columns = [full.nodes[i]["short_name"] or full.nodes[i]["name"] for i in matrix.columns]
    return table.reset_index(names=i18n.t("col.organisation", lang))


def labelled_bridges(bridges_table: pd.DataFrame, lang: str = "nb") -> pd.DataFrame:
    """Bridges as a table people read."""
    return pd.DataFrame(
        {
            i18n.t("col.organisation", lang): bridges_table["name"],
            i18n.t("fig.initiatives_count", lang): bridges_table["count"],
            i18n.t("col.initiative", lang): ["; ".join(i) for i in bridges_table["initiatives"]],
        }
    )


def missing_regions(table: pd.DataFrame, names: dict[str, str], lang: str = "nb") -> list[str]:
    """For each initiative, the health regions with no organisation in it, as sentences."""
    health_regions = [r for r in schema.REGIONS if r.startswith("Helse")]
    sentences = []
    for initiative, row in table.iterrows():
        missing = [i18n.label("region", r, lang) for r in health_regions if row.get(r, 0) == 0]
        if missing:
            sentences.append(
                i18n.t("initiatives.missing", lang, name=names.get(initiative, initiative), regions=", ".join(missing))
            )
    return sentences


def bridge_takeaway(graph: nx.MultiDiGraph, full: nx.MultiDiGraph | None = None, lang: str = "nb") -> str:
    """One line for a slide: the organisation in the most main initiatives, «X holds roles in 4 of 5 initiatives»."""
    full = full if full is not None else graph
    main = set(main_initiatives(full))
    taking_part: dict[str, set[str]] = {}
    for organisation, initiative in organisation_roles(graph, full):
        if initiative in main:
            taking_part.setdefault(organisation, set()).add(initiative)
    if not taking_part:
        return ""
    best = min(taking_part, key=lambda o: (-len(taking_part[o]), full.nodes[o]["name"].lower()))
    return i18n.t(
        "initiatives.takeaway.bridge",
        lang,
        name=full.nodes[best]["name"],
        count=len(taking_part[best]),
        total=len(main),
    )
