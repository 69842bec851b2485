"""Seeded synthetic datasets with a realistic spread of roles, for benchmarks and scale tests."""

from __future__ import annotations

import datetime as dt
import random

import pandas as pd

from kidash.data import schema

__all__ = ["synthetic_tables"]

_ORG_TYPES = (
    ("health_trust", 30),
    ("municipal_organisation", 4),
    ("company", 20),
    ("research_centre", 10),
    ("university", 6),
    ("government_agency", 8),
    ("directorate", 3),
    ("regional_health_authority", 2),
    ("health_it_company", 3),
    ("standards_body", 2),
    ("programme", 2),
)
_INITIATIVE_TYPES = ("network", "project", "working_group", "committee", "measure")
_ROLES = (("member", 60), ("involved", 20), ("observer", 10), ("leads", 4), ("secretariat", 3), ("organiser", 3))


def synthetic_tables(actors: int, seed: int = 7) -> dict[str, pd.DataFrame]:
    """Four tables of strings (as the reader gives them) with about ``actors`` actors.

    About 65 % organisations, 25 % people (each affiliated with one
    organisation), 10 % initiatives (a fifth of them main initiatives, the
    rest subprojects ``part_of`` one). How many initiatives an organisation
    takes part in follows a heavy-tailed (Pareto) spread, as in real
    networks: most take part in one or two, a few in dozens.

    Time: the five documents are published between 2020 and 2025, and about a
    third of the roles (not structure) carry their own start between 2019 and
    2025, a third of those also an end, all ``date_basis=stated``; the dates
    come from a second generator, so the map is the same with or without them.
    """
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not cryptography
    n_initiatives = max(5, actors // 10)
    n_people = actors // 4
    n_orgs = max(2, actors - n_initiatives - n_people)
    documents = [[f"doc-{i}", f"Kilde {i}", "Utgiver", f"20{20 + i % 6}-0{1 + i % 9}-1{i % 9}", "nb"] for i in range(5)]
    org_rows, person_rows, initiative_rows, relation_rows = [], [], [], []
    types, type_weights = zip(*_ORG_TYPES, strict=True)
    roles, role_weights = zip(*_ROLES, strict=True)
    for i in range(n_orgs):
        org_type = rng.choices(types, type_weights)[0]
        region = rng.choice(schema.REGIONS[:5]) if org_type not in ("directorate", "standards_body") else "Nasjonal"
        org_rows.append([f"org-{i}", f"Organisasjon {i}", f"Org {i}", "", "organisation", org_type, region, "false"])
    main_count = max(2, n_initiatives // 5)
    for i in range(n_initiatives):
        is_main = i < main_count
        initiative_type = rng.choice(_INITIATIVE_TYPES) if is_main else "subproject"
        initiative_rows.append(
            [
                f"ini-{i}",
                f"Initiativ {i}",
                f"Ini {i}",
                "",
                "initiative",
                initiative_type,
                "Nasjonal",
                "true" if is_main else "false",
            ]
        )
        if not is_main:
            relation_rows.append(
                [f"ini-{i}", f"ini-{rng.randrange(main_count)}", "part_of", rng.choice(documents)[0], "false"]
            )
    seen: set[tuple[str, str, str]] = set()

    def relate(source: str, target: str, relation: str) -> None:
        if (source, target, relation) not in seen:
            seen.add((source, target, relation))
            relation_rows.append([source, target, relation, rng.choice(documents)[0], "false"])

    for i in range(n_orgs):
        count = min(n_initiatives, int(rng.paretovariate(1.6)))
        for target in rng.sample(range(n_initiatives), count):
            relate(f"org-{i}", f"ini-{target}", rng.choices(roles, role_weights)[0])
    for i in range(n_people):
        organisation = rng.randrange(n_orgs)
        region = org_rows[organisation][6]
        person_rows.append([f"per-{i}", f"Person {i}", f"P {i}", "", "person", "person", region, "false"])
        relate(f"per-{i}", f"org-{organisation}", "affiliated_with")
        for target in rng.sample(range(n_initiatives), rng.randint(1, 2)):
            relate(f"per-{i}", f"ini-{target}", rng.choice(("member", "secretariat", "leads", "contact")))
    dates = random.Random(seed + 1)  # noqa: S311
    for row in relation_rows:
        start = end = basis = ""
        if row[2] not in ("part_of", "affiliated_with") and dates.random() < 1 / 3:
            begun = dt.date(2019, 1, 1) + dt.timedelta(days=dates.randrange(7 * 365))
            start, basis = begun.isoformat(), "stated"
            if dates.random() < 1 / 3:
                end = (begun + dt.timedelta(days=dates.randrange(60, 900))).isoformat()
        row += [start, end, basis]
    actor_columns = ["id", "name", "short_name", "aliases", "kind", "type", "region", "main_initiative"]
    events = [
        [f"ev-{i}", f"Hendelse {i}", f"202{i % 6}-0{1 + i % 9}-15", "", f"ini-{i % n_initiatives}", documents[i % 5][0]]
        for i in range(min(200, n_initiatives))
    ]
    return {
        "actors": pd.DataFrame(org_rows + person_rows + initiative_rows, columns=actor_columns, dtype=object),
        "relations": pd.DataFrame(
            relation_rows,
            columns=["source", "target", "relation", "document", "inferred", "start", "end", "date_basis"],
            dtype=object,
        ),
        "events": pd.DataFrame(events, columns=["id", "title", "start", "end", "actors", "document"], dtype=object),
        "documents": pd.DataFrame(
            documents, columns=["id", "title", "publisher", "published", "language"], dtype=object
        ),
    }
