"""The reader on the Edit page: the roles a stored document states, proposed beside its words.

Each candidate shows the sentence or list item it comes from with its two ends marked, and
offers: add it (saved through the living map's own save path, with the document and the quote,
so its provenance holds), open it in the relation form to change before saving, add a new actor
it names (the actor form, its name and kind filled in), or reject it (not proposed again for that
document in this session). Candidates already on the map are not proposed.
"""

from __future__ import annotations

import re

import streamlit as st

from kidash import i18n
from kidash.app import identity, session, show, state
from kidash.reader.names import ActorIndex
from kidash.reader.suggest import Candidate, suggest
from kidash.safety import escape_html
from kidash.store.access import Forbidden
from kidash.store.edits import Conflict, Edit, Refused, save

__all__ = ["PREFILL", "reader_panel"]

PREFILL = "kd_keep_edit_prefill"  # (table, {column: value}) for the Edit page's form of a new row
_REJECTED = "kd_keep_reader_rejected"  # (map, document) -> the candidates rejected
_OUTCOME = "kd_keep_reader_outcome"
_SHOWN = 25  # candidates listed at once (the strongest first)


@st.cache_data(show_spinner=False, max_entries=32)
def _candidates(text: str, actors: tuple[tuple[str, str, str, str, str, str], ...], date: str, title: str):
    """The reader's candidates for a text against a map's actors (cached per text and actors)."""
    rows = [dict(zip(("id", "name", "short_name", "aliases", "kind", "type"), a, strict=True)) for a in actors]
    return suggest(text, ActorIndex(rows), document_date=date, title=title)


def _key(candidate: Candidate) -> str:
    return (
        f"{candidate.source or candidate.source_name}|{candidate.relation}|{candidate.target or candidate.target_name}"
    )


def _marked(candidate: Candidate) -> str:
    """The quote as HTML text, the names of its two ends marked where they stand."""
    names = [n for n in (candidate.source_name, candidate.target_name) if n]
    pattern = re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)), re.IGNORECASE)
    out, at = [], 0
    for match in pattern.finditer(candidate.quote):
        out += [escape_html(candidate.quote[at : match.start()]), f"<mark>{escape_html(match.group(0))}</mark>"]
        at = match.end()
    return "".join(out) + escape_html(candidate.quote[at:])


def _relation_cells(candidate: Candidate, document: str) -> dict[str, str]:
    """The relation a candidate proposes, stated in the document's words; its start only where the
    same words give a date (the document's own date says when it was written, not since when)."""
    dated = candidate.date_basis in ("day", "month", "season", "year")
    return {"source": candidate.source, "target": candidate.target, "relation": candidate.relation,
            "document": document, "inferred": "false", "note": f"«{candidate.quote}»",
            "start": candidate.start if dated else "", "date_basis": "stated" if dated else ""}  # fmt: skip


def _accept(slug: str, document: str, candidate: Candidate, lang: str) -> None:
    """A button's callback: save the candidate as a relation, stated in the document's words."""
    try:
        saved = save(session.store(), slug, Edit("relations", _relation_cells(candidate, document)),
                     identity.person(), i18n.t("reader.comment", "nb", document=document))  # fmt: skip
    except Refused as refused:
        st.session_state[_OUTCOME] = ("error", i18n.html("edit.refused", lang), refused.problems)
        return
    except (Conflict, Forbidden) as refused:
        reason = refused.reason if isinstance(refused, Forbidden) else "edit.changed_meanwhile"
        st.session_state[_OUTCOME] = ("error", i18n.html(reason, lang), [])
        return
    st.session_state[_OUTCOME] = ("success", i18n.html("reader.added", lang, change=saved[-1].change), [])


def _reject(slug: str, document: str, candidate: Candidate) -> None:
    st.session_state.setdefault(_REJECTED, {}).setdefault((slug, document), set()).add(_key(candidate))


def _open_in_form(table: str, values: dict[str, str]) -> None:
    """A button's callback: the Edit page's form of a new row in ``table``, filled with ``values``."""
    st.session_state[PREFILL] = (table, values)
    state.change(edit_table=table, edit_row=None)


def reader_panel(slug: str, document: str, text: str, rows: dict[str, list], lang: str) -> None:
    """Below a stored document's form: the roles its text states that are not on the map yet."""
    cells = next((c for k, _, c in rows.get("documents", []) if k == document), {})
    actors = tuple(
        (k, c.get("name", ""), c.get("short_name", ""), c.get("aliases", ""), c.get("kind", ""), c.get("type", ""))
        for k, _, c in rows.get("actors", [])
    )
    found = _candidates(text, actors, str(cells.get("published", "")), str(cells.get("title", "")))
    known = {(c.get("source"), c.get("relation"), c.get("target")) for _, _, c in rows.get("relations", [])}
    rejected = st.session_state.get(_REJECTED, {}).get((slug, document), set())
    fresh = [c for c in found if (c.source, c.relation, c.target) not in known and _key(c) not in rejected]
    fresh.sort(key=lambda c: -c.confidence)
    with st.container(border=True, key="kd_reader"):
        show.heading(i18n.t("reader.heading", lang), 3)
        show.line(i18n.html("reader.intro", lang, count=len(fresh), found=len(found)))
        outcome = st.session_state.pop(_OUTCOME, None)
        if outcome is not None:
            show.note(outcome[1], outcome[0])
            if outcome[2]:
                show.problems(outcome[2])
        for number, candidate in enumerate(fresh[:_SHOWN]):
            _candidate_card(slug, document, candidate, number, lang)


def _candidate_card(slug: str, document: str, candidate: Candidate, number: int, lang: str) -> None:
    with st.container(border=True, key=f"kd_candidate_{number}"):
        relation = i18n.label("relation", candidate.relation, lang)
        show.line(i18n.html("reader.candidate", lang, source=candidate.source_name, relation=relation,
                            target=candidate.target_name, confidence=f"{candidate.confidence:.2f}"))  # fmt: skip
        show.line(f"«{_marked(candidate)}»")
        add, edit, new, reject = st.columns(4)
        both_known = bool(candidate.source and candidate.target)
        add.button(i18n.t("reader.add", lang), key=f"r_add_{number}", disabled=not both_known, type="primary",
                   on_click=_accept, args=(slug, document, candidate, lang), icon=":material/add_link:",
                   help=None if both_known else i18n.t("reader.add.new_actor", lang))  # fmt: skip
        edit.button(i18n.t("reader.edit", lang), key=f"r_edit_{number}", icon=":material/edit:",
                    on_click=_open_in_form, args=("relations", _relation_cells(candidate, document)))  # fmt: skip
        unknown = (
            candidate.source_name if not candidate.source else candidate.target_name if not candidate.target else ""
        )
        if unknown:
            kind = "person" if unknown == candidate.source_name and candidate.relation in ("affiliated_with", "heads",
                                                                                           "contact") else ""  # fmt: skip
            new.button(i18n.t("reader.new_actor", lang), key=f"r_new_{number}", icon=":material/person_add:",
                       on_click=_open_in_form, args=("actors", {"name": unknown, "kind": kind, "documents": document}),
                       help=i18n.md("reader.new_actor.help", lang, name=unknown))  # fmt: skip
        reject.button(i18n.t("reader.reject", lang), key=f"r_reject_{number}", icon=":material/close:",
                      on_click=_reject, args=(slug, document, candidate))  # fmt: skip
