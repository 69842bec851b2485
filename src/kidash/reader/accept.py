"""The reader's proposals as rows of the living map: an accepted role becomes the relation (stated in
the document's words, «quote» in its note, or inferred with the reader's reason), the new actors it
needs (with the kind, type and region the reader proposed, or as a person changed them) and, the
first time, the document itself with its text; an accepted event becomes a row of the timeline.
Everything one acceptance needs is one list of :class:`~kidash.store.edits.Edit`, saved in one
change, so a half acceptance cannot happen."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kidash import i18n
from kidash.data.document_text import DocumentText
from kidash.data.schema import REGIONS, RELATION_ENDS, TYPES_BY_KIND
from kidash.reader.suggest import Candidate, ProposedActor, ProposedEvent, Reading
from kidash.store.edits import Edit
from kidash.store.maps import slug_for
from kidash.store.rejected import stored_key

__all__ = ["Choice", "DocumentDraft", "acceptance", "event_acceptance", "role_date", "free_id", "fits_contract",
           "on_the_map", "open_candidates", "on_the_timeline", "open_events", "actor_cells", "FALLBACK_REGION", "document_cells", "marked_pieces",
           "acceptances", "when"]  # fmt: skip

FALLBACK_REGION = "Nasjonal"  # a new actor's region when nothing places it: said so in its note
_DATED = ("day", "month", "season", "year")


@dataclass(frozen=True)
class DocumentDraft:
    """The document being read: its row as the form holds it, its text, and whether it is stored."""

    cells: dict
    text: DocumentText
    stored: bool

    @property
    def id(self) -> str:
        return str(self.cells.get("id", ""))


@dataclass
class Choice:
    """What a person made of a candidate before accepting it: the relation, and for each new end
    the name, kind, type and region (None: as the reader proposed)."""

    relation: str | None = None
    names: dict[str, str] = field(default_factory=dict)  # actor key -> name
    kinds: dict[str, str] = field(default_factory=dict)
    types: dict[str, str] = field(default_factory=dict)
    regions: dict[str, str] = field(default_factory=dict)
    start: str | None = None
    inferred: bool | None = None


def free_id(name: str, taken: set[str]) -> str:
    """An id for a new row from its name, not one of ``taken``.

    >>> free_id("Senter for trygg klinisk KI", {"senter-for-trygg-klinisk-ki"})
    'senter-for-trygg-klinisk-ki-2'
    """
    base = slug_for(name)[:70] or "aktor"
    found, number = base, 1
    while found in taken:
        number += 1
        found = f"{base}-{number}"
    return found


def role_date(iso: str, end: bool = False) -> str:
    """A date the reader read as the data contract's date: a year or month as its first (or, for
    an end, last) day.

    >>> role_date("2024"), role_date("2024-09"), role_date("2027", end=True), role_date("2025-02", end=True)
    ('2024-01-01', '2024-09-01', '2027-12-31', '2025-02-28')
    """
    import calendar

    parts = iso.split("-")
    if len(parts) == 1 and parts[0].isdigit():
        return f"{parts[0]}-12-31" if end else f"{parts[0]}-01-01"
    if len(parts) == 2:
        year, month = int(parts[0]), int(parts[1])
        return f"{iso}-{calendar.monthrange(year, month)[1]:02d}" if end else f"{iso}-01"
    return iso


def fits_contract(relation: str, source_kind: str, target_kind: str) -> bool:
    sources, targets = RELATION_ENDS.get(relation, (frozenset(), frozenset()))
    return source_kind in sources and target_kind in targets


def on_the_map(candidate: Candidate, relations: list[dict]) -> bool:
    """Whether the map holds the role already (its two ends on the map, the same relation)."""
    if not (candidate.source and candidate.target):
        return False
    return any((r.get("source"), r.get("relation"), r.get("target")) == (candidate.source, candidate.relation,
                                                                          candidate.target) for r in relations)  # fmt: skip


def open_candidates(reading: Reading, relations: list[dict], rejected: set[str]) -> list[Candidate]:
    """The candidates still to decide: not on the map, not rejected, the strongest first."""
    found = [c for c in reading.candidates if not on_the_map(c, relations) and stored_key(c.key) not in rejected]
    return sorted(found, key=lambda c: (-c.confidence, c.quote_start))


def on_the_timeline(event: ProposedEvent, events: list[dict]) -> bool:
    """Whether the map has the event already (the same title, any case, on the same day)."""
    return any(str(e.get("title", "")).lower() == event.title.lower()
               and str(e.get("start", ""))[:10] == str(event.start)[:10] for e in events)  # fmt: skip


def open_events(reading: Reading, events: list[dict], rejected: set[str]) -> list[ProposedEvent]:
    """The events still to decide: not on the timeline, not rejected."""
    return [e for e in reading.events if stored_key(e.key) not in rejected and not on_the_timeline(e, events)]


def _region(proposed: ProposedActor, choice: Choice) -> tuple[str, str]:
    region = choice.regions.get(proposed.key) or proposed.region
    if region in REGIONS:
        return region, "inferred"
    return FALLBACK_REGION, "inferred"


def actor_cells(proposed: ProposedActor, choice: Choice, document: str, taken: set[str], lang: str = "nb") -> dict:
    """A new actor's row, as the reader proposed it or as the person changed it."""
    name = (choice.names.get(proposed.key) or proposed.name).strip()
    kind = choice.kinds.get(proposed.key) or proposed.kind
    type_ = choice.types.get(proposed.key) or proposed.type
    if type_ not in TYPES_BY_KIND.get(kind, ()):
        type_ = TYPES_BY_KIND.get(kind, ("other_organisation",))[-1] if kind != "person" else "person"
    region, basis = _region(proposed, choice)
    placed = proposed.region in REGIONS or proposed.key in choice.regions
    note = i18n.t("reader.actor_note", "nb", quote=proposed.quote[:300]) + (
        "" if placed else " " + i18n.t("reader.region_unknown", "nb")
    )
    return {
        "id": free_id(name, taken),
        "name": name,
        "short_name": proposed.short_name if proposed.short_name and proposed.short_name != name else "",
        "kind": kind,
        "type": type_,
        "region": region,
        "region_basis": basis,
        "role_title": proposed.role_title if kind == "person" else "",
        "documents": document,
        "note": note,
    }


def _relation_cells(candidate: Candidate, relation: str, source: str, target: str, document: str,
                    choice: Choice) -> dict:  # fmt: skip
    inferred = candidate.inferred if choice.inferred is None else choice.inferred
    note = f"«{candidate.quote}»"
    if inferred:
        reason = i18n.t(candidate.reason, "nb") if candidate.reason else i18n.t("reader.reason.person", "nb")
        note = f"{reason} {note}"
    start = choice.start if choice.start is not None else (
        candidate.start if candidate.date_basis in _DATED else "")  # fmt: skip
    cells = {"source": source, "target": target, "relation": relation, "document": document,
             "inferred": "true" if inferred else "false", "note": note,
             "start": role_date(start) if start else "", "end": role_date(candidate.end, end=True) if candidate.end else "",
             "date_basis": ("inferred" if inferred else "stated") if (start or candidate.end) else ""}  # fmt: skip
    return cells


def acceptance(candidate: Candidate, reading: Reading, draft: DocumentDraft, rows: dict[str, list[dict]],
               choice: Choice | None = None) -> tuple[list[Edit], dict[str, str]]:  # fmt: skip
    """The edits that put ``candidate`` on the map: the document (if it is not stored yet), every
    new actor it needs, and the relation; and the ids the new actors got (by reader key)."""
    return acceptances([candidate], reading, draft, rows, {candidate.key: choice} if choice else None)


def acceptances(candidates: list[Candidate], reading: Reading, draft: DocumentDraft, rows: dict[str, list[dict]],
                choices: dict[str, Choice] | None = None) -> tuple[list[Edit], dict[str, str]]:  # fmt: skip
    """The edits that put every candidate given on the map in one change: the document once (if it
    is not stored yet), each new actor once however many candidates need it, and the relations."""
    edits: list[Edit] = []
    if not draft.stored:
        edits.append(Edit("documents", dict(draft.cells), text=draft.text))
    taken = {str(r.get("id", "")) for r in rows.get("actors", [])}
    proposed = {a.key: a for a in reading.actors}
    ids: dict[str, str] = {}
    for candidate in candidates:
        choice = (choices or {}).get(candidate.key) or Choice()
        ends = ((candidate.source_key, candidate.source, candidate.source_name, candidate.source_kind),
                (candidate.target_key, candidate.target, candidate.target_name, candidate.target_kind))  # fmt: skip
        for key, known, name, kind in ends:
            if known:
                ids[key] = known
            elif key not in ids:
                actor = proposed.get(key) or ProposedActor(key, name, "", kind or "organisation", "", "", "",
                                                           candidate.quote, candidate.quote_start)  # fmt: skip
                cells = actor_cells(actor, choice, draft.id, taken)
                taken.add(cells["id"])
                ids[key] = cells["id"]
                edits.append(Edit("actors", cells))
        relation = choice.relation or candidate.relation
        edits.append(Edit("relations", _relation_cells(candidate, relation, ids[candidate.source_key],
                                                       ids[candidate.target_key], draft.id, choice)))  # fmt: skip
    return edits, ids


def when(iso: str):
    """A date the reader read («2024», «2024-09», «2024-09-01») as a date and its precision."""
    import datetime as dt

    parts = [int(p) for p in iso.split("-") if p.isdigit()]
    if not parts:
        return None, "day"
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1), (
        "day",
        "year",
        "month",
        "day",
    )[min(len(parts), 3)]


def event_acceptance(event: ProposedEvent, reading: Reading, draft: DocumentDraft, rows: dict[str, list[dict]]
                     ) -> list[Edit]:  # fmt: skip
    """The edits that put a proposed event on the timeline: the document (if it is not stored yet),
    the event's own actor where it is new (a centre that opens), and the event, with the actors of
    the map it names."""
    edits: list[Edit] = []
    if not draft.stored:
        edits.append(Edit("documents", dict(draft.cells), text=draft.text))
    taken_actors = {str(r.get("id", "")) for r in rows.get("actors", [])}
    proposed = {a.key: a for a in reading.actors}
    ids = []
    for key in event.actors:
        if not key.startswith("new:"):
            ids.append(key)
        elif key in proposed and key == event.actors[0]:
            cells = actor_cells(proposed[key], Choice(), draft.id, taken_actors)
            taken_actors.add(cells["id"])
            edits.append(Edit("actors", cells))
            ids.append(cells["id"])
    taken_events = {str(r.get("id", "")) for r in rows.get("events", [])}
    inferred = event.inferred
    cells = {"id": free_id(event.title, taken_events), "title": event.title, "start": role_date(event.start),
             "end": role_date(event.end, end=True) if event.end else "", "actors": ";".join(dict.fromkeys(ids)),
             "document": draft.id, "category": event.category, "date_precision": event.date_precision,
             "inferred": "true" if inferred else "false",
             "note": i18n.t("reader.event_note", "nb", quote=_short(event.quote))}  # fmt: skip
    edits.append(Edit("events", cells))
    return edits


def _short(text: str, limit: int = 300) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def document_cells(reading: Reading, text: DocumentText, file_name: str, taken: set[str], publisher: str = "") -> dict:
    """The row of a document the reader read, as proposed: its title, date and language from the
    text (the person may change each before anything is saved)."""
    title = reading.title or i18n.t("reader.untitled", "nb")
    return {
        "id": free_id(title, taken)[:60],
        "title": title,
        "publisher": publisher,
        "publisher_basis": "inferred" if publisher else "",
        "published": reading.date,
        "date_basis": "stated" if reading.date else "",
        "language": reading.language,
        "file": file_name,
        "note": i18n.t("reader.document_note", "nb"),
    }


def marked_pieces(text: str, candidates: list[Candidate]) -> list[tuple[str, tuple[int, ...]]]:
    """The text cut where the candidates' quotes stand: (piece, numbers of the candidates it is the
    quote of, counting from 1 in the order given); a piece no candidate quotes has no numbers.

    >>> from kidash.reader.suggest import Candidate
    >>> one = Candidate("A", "leads", "B", "A leder B.", "", "", "", "", 0.8, "r", quote_start=4)
    >>> marked_pieces("Ja. A leder B. Slutt.", [one])
    [('Ja. ', ()), ('A leder B.', (1,)), (' Slutt.', ())]
    """
    spans: dict[tuple[int, int], list[int]] = {}
    for number, candidate in enumerate(candidates, start=1):
        if (
            candidate.quote_start >= 0
            and text[candidate.quote_start : candidate.quote_start + len(candidate.quote)] == candidate.quote
        ):
            spans.setdefault((candidate.quote_start, candidate.quote_start + len(candidate.quote)), []).append(number)
    pieces: list[tuple[str, tuple[int, ...]]] = []
    at = 0
    for (start, end), numbers in sorted(spans.items()):
        if start < at:  # quotes of one text never overlap (sentences, items); a nested one joins the outer
            continue
        if start > at:
            pieces.append((text[at:start], ()))
        pieces.append((text[start:end], tuple(numbers)))
        at = end
    if at < len(text):
        pieces.append((text[at:], ()))
    return pieces
