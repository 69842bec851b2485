"""One actor's profile: facts, roles held and received, people, neighbours and events."""

from __future__ import annotations

import datetime as dt

import networkx as nx
import pandas as pd

from kidash import i18n
from kidash.data.contract import split_list
from kidash.data.dataset import Dataset
from kidash.data.schema import LIFECYCLE_RELATIONS
from kidash.map.graph import full_name, organisations_of, short_name
from kidash.map.labelled import basis_words

__all__ = ["actor_facts", "actor_roles", "actor_people", "actor_neighbours", "actor_events", "role_spans"]


def actor_facts(dataset: Dataset, actor: str, lang: str = "nb") -> pd.DataFrame:
    """What kind of actor, type, region (and on what basis), title, other names, dates, description."""
    record = dataset.actors.loc[dataset.actors["id"] == actor].iloc[0].to_dict()
    basis = str(record.get("region_basis") or "")
    region = i18n.label("region", record["region"], lang) + (f" ({i18n.label('basis', basis, lang)})" if basis else "")
    rows = [
        (i18n.t("col.kind", lang), i18n.label("kind", record["kind"], lang)),
        (i18n.t("col.type", lang), i18n.label("type", record["type"], lang)),
        (i18n.t("col.region", lang), region),
        (i18n.in_norwegian("tip.role_title", lang), str(record.get("role_title") or "")),
        # the name in the other language: in English the heading is the English name, so the source's own follows
        (i18n.t("profile.name_nb", lang), str(record["name"]) if record.get("name_en") else "")
        if lang == "en"
        else (i18n.t("profile.name_en", lang), str(record.get("name_en") or "")),
        (i18n.t("profile.aliases", lang), "; ".join(split_list(record.get("aliases", "")))),
        (i18n.t("profile.start", lang), i18n.format_date(record.get("start"), lang)),
        (i18n.t("profile.end", lang), i18n.format_date(record.get("end"), lang)),
        (i18n.in_norwegian("profile.description", lang), str(record.get("description") or "")),
        (i18n.in_norwegian("profile.note", lang), str(record.get("note") or "")),
    ]
    rows = [(label, value) for label, value in rows if value and value != "nan"]
    return pd.DataFrame(rows, columns=[i18n.t("profile.fact", lang), i18n.t("profile.value", lang)])


def _relation_row(full, source, target, data, documents, lang, other):
    title, date = documents.get(data.get("document", ""), ("", ""))
    return {
        i18n.t("col.role", lang): i18n.label("relation", data["relation"], lang),
        i18n.t("col.target" if other == target else "col.holder", lang): full_name(full.nodes[other], lang),
        i18n.t("col.source", lang): title,
        i18n.t("col.published", lang): date,
        i18n.t("col.basis", lang): basis_words(data, lang),
        "id": other,
    }


def actor_roles(
    full: nx.MultiDiGraph, actor: str, documents: dict[str, tuple[str, str]], lang: str = "nb"
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(roles the actor holds elsewhere, roles others hold in it), each with source; ``id`` names the other actor."""
    held = [_relation_row(full, actor, t, d, documents, lang, t) for _, t, d in full.out_edges(actor, data=True)]
    received = [_relation_row(full, s, actor, d, documents, lang, s) for s, _, d in full.in_edges(actor, data=True)]
    return pd.DataFrame(held), pd.DataFrame(received)


def actor_people(full: nx.MultiDiGraph, actor: str) -> list[str]:
    """An organisation's people, or a person's organisations."""
    if full.nodes[actor]["kind"] == "person":
        return organisations_of(full, actor)
    return sorted(
        (s for s, _, d in full.in_edges(actor, data=True) if d["relation"] == "affiliated_with"),
        key=lambda n: full.nodes[n]["name"].lower(),
    )


def actor_neighbours(full: nx.MultiDiGraph, actor: str) -> list[str]:
    """Every actor directly linked to this one, either way, by name."""
    return sorted(
        set(full.successors(actor)) | set(full.predecessors(actor)), key=lambda n: full.nodes[n]["name"].lower()
    )


def actor_events(dataset: Dataset, actor: str, lang: str = "nb") -> pd.DataFrame:
    """The dated events the actor takes part in, oldest first."""
    title_column = "title_en" if lang == "en" and "title_en" in dataset.events.columns else "title"
    rows = [
        {
            i18n.t("col.date", lang): i18n.format_date(event["start"], lang, str(event.get("date_precision") or "day")),
            i18n.t("col.title", lang): str(event.get(title_column) or event["title"]),
            i18n.t("col.basis", lang): i18n.label("basis", "inferred" if event.get("inferred") else "stated", lang),
            "_start": event["start"],
        }
        for event in dataset.events.to_dict("records")
        if actor in split_list(event.get("actors", ""))
    ]
    if not rows:
        return pd.DataFrame(columns=[i18n.t("col.date", lang), i18n.t("col.title", lang), i18n.t("col.basis", lang)])
    return pd.DataFrame(rows).sort_values("_start").drop(columns="_start").reset_index(drop=True)


def role_spans(full: nx.MultiDiGraph, actor: str, documents: dict[str, tuple[str, str]], lang: str,
               today: dt.date) -> pd.DataFrame:  # fmt: skip
    """Every role the actor holds or others hold in it, placed in time, for the roles-over-time chart.

    A role begins at its own ``start`` where a source gives one (``from_start``), else at its
    document's date, the first evidence of it; it ends at its ``end`` or when one of its two
    actors ended, whichever is first (``ended``), or runs on to ``today`` when nothing ends it.
    A merger or rename is a moment (it ends where it starts). A role a later source names after
    its actor had ended is kept as a moment and flagged (``discrepancy``), never stretched or hidden.
    Columns: ``label`` (role and the other actor), ``start``, ``end`` (dates), ``from_start``,
    ``ended``, ``discrepancy``, ``source``, ``when`` (words), in order of start. Roles with no
    date at all are left out (the table above lists them).
    """
    rows = []
    edges = [(d, t, "held") for _, t, d in full.out_edges(actor, data=True)]
    edges += [(d, s, "received") for s, _, d in full.in_edges(actor, data=True)]
    for data, other, direction in edges:
        begun = data.get("start") or data.get("published") or ""
        if not begun:
            continue
        start = dt.date.fromisoformat(begun)
        ends = [data.get("end"), full.nodes[actor].get("end"), full.nodes[other].get("end")]
        ends = [dt.date.fromisoformat(e) for e in ends if e]
        discrepancy = bool(data.get("discrepancy"))
        if data["relation"] in LIFECYCLE_RELATIONS or discrepancy:
            ends = [start]
        end = min(ends) if ends else max(today, start)
        role = i18n.label("relation", data["relation"], lang)
        other_name = short_name(full.nodes[other], lang)
        # the arrow runs from who holds the role: «leder → Koordineringsprosjektet», «tilknyttet ← Fjellkårstad»
        label = f"{role} → {other_name}" if direction == "held" else f"{role} ← {other_name}"
        if discrepancy:
            label = f"{label} ({i18n.t('tip.discrepancy', lang).lower()})"
        title = documents.get(data.get("document", ""), ("", ""))[0] or i18n.t("changes.background", lang)
        first = i18n.format_date(start, lang)
        when = f"{first} – {i18n.format_date(end, lang)}" if ends and end != start else first if ends else f"{first} –"
        rows.append({"label": label, "start": start, "end": end, "from_start": bool(data.get("start")),
                     "ended": bool(ends), "discrepancy": discrepancy, "source": title, "when": when})  # fmt: skip
    columns = ["label", "start", "end", "from_start", "ended", "discrepancy", "source", "when"]
    table = pd.DataFrame(rows, columns=columns)
    return table.sort_values(["start", "label"], kind="stable").reset_index(drop=True)
