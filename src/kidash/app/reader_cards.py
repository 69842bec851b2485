"""One proposal of the reader as a card: who, the role, where, the words that state it with both
names marked, and what a person can do with it: accept it (saved through the living map's own
save path, with the document and its words, in one change with any new actor it needs), change it
first (the relation, a new actor's name, kind, type and region, the start), or reject it (kept
for that document, so nobody is asked again)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import streamlit as st

from kidash import i18n
from kidash.app import identity, session, show, state
from kidash.data.schema import REGIONS, RELATIONS, TYPES_BY_KIND
from kidash.reader.accept import Choice, DocumentDraft, acceptance, acceptances, event_acceptance, fits_contract, when
from kidash.reader.suggest import Candidate, ProposedEvent, Reading
from kidash.safety import escape_html
from kidash.store import rejected
from kidash.store.access import Forbidden
from kidash.store.edits import Conflict, Refused, save
from kidash.view.dates import read_date

__all__ = ["Context", "OUTCOME", "candidate_card", "event_card", "card_id", "accept_all", "say_outcome"]

OUTCOME = "kd_keep_reader_outcome"  # what the last acceptance or rejection did, said on the next run
_EDITING = "kd_keep_reader_editing"  # the card whose «Endre» form is open


@dataclass(frozen=True)
class Context:
    """What every card needs: the map, the document being read, what the reader proposed, the map's
    rows and the page's language."""

    slug: str
    draft: DocumentDraft
    reading: Reading
    rows: dict[str, list[dict]]
    lang: str


def card_id(key: str) -> str:
    """A short, stable id for a proposal's widgets (its key can be long and hold any letters)."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]


def _comment(context: Context) -> str:
    return i18n.t("reader.comment", "nb", document=context.draft.cells.get("title") or context.draft.id)


def _saved(context: Context, edits, what: str) -> bool:
    """Save ``edits`` in one change and say what happened; the page goes on with the document as stored."""
    try:
        saved = save(session.store(), context.slug, edits, identity.person(), _comment(context))
    except Refused as refused:
        st.session_state[OUTCOME] = ("error", i18n.html("reader.refused", context.lang), refused.problems)
        return False
    except Forbidden as forbidden:
        st.session_state[OUTCOME] = ("error", identity.refusal(forbidden.reason, context.lang), [])
        return False
    except Conflict:
        st.session_state[OUTCOME] = ("error", i18n.html("edit.changed_meanwhile", context.lang), [])
        return False
    st.session_state[OUTCOME] = (
        "success",
        i18n.html(what, context.lang, change=saved[-1].change, count=len(edits)),
        [],
    )
    if not context.draft.stored:
        state.change(reading=context.draft.id)  # from now on the document is the map's
    return True


def _accept(context: Context, candidate: Candidate, choice: Choice | None = None) -> None:
    edits, _ = acceptance(candidate, context.reading, context.draft, context.rows, choice)
    if _saved(context, edits, "reader.accepted"):
        st.session_state.pop(_EDITING, None)


def _accept_event(context: Context, event: ProposedEvent) -> None:
    _saved(context, event_acceptance(event, context.reading, context.draft, context.rows), "reader.accepted_event")


def accept_all(context: Context, candidates: list[Candidate]) -> None:
    """A button's callback: every candidate given, in one change (a person chose them together)."""
    edits, _ = acceptances(candidates, context.reading, context.draft, context.rows)
    _saved(context, edits, "reader.accepted_all")


def _reject(context: Context, key: str, label: str) -> None:
    try:
        rejected.reject(session.store(), context.slug, context.draft.text.hash, key, identity.person(), label)
    except Forbidden as forbidden:
        st.session_state[OUTCOME] = ("error", identity.refusal(forbidden.reason, context.lang), [])
        return
    st.session_state[OUTCOME] = ("info", i18n.html("reader.rejected", context.lang, what=label), [])


def _label(candidate: Candidate, lang: str) -> str:
    return f"{candidate.source_name} — {i18n.label('relation', candidate.relation, lang)} → {candidate.target_name}"


def _marked(candidate: Candidate) -> str:
    """The quote as HTML text, the names of its two ends marked where they stand."""
    names = [n for n in (candidate.source_name, candidate.target_name) if len(n) >= 2]
    words = [re.escape(n) for n in sorted(names, key=len, reverse=True)]
    pattern = re.compile("|".join(words), re.IGNORECASE) if words else None
    out, at = [], 0
    for match in pattern.finditer(candidate.quote) if pattern else ():
        out += [escape_html(candidate.quote[at : match.start()]), f"<mark>{escape_html(match.group(0))}</mark>"]
        at = match.end()
    return "".join(out) + escape_html(candidate.quote[at:])


def _details(candidate: Candidate, lang: str) -> str:
    """What to know before deciding: new actors, inferred or stated, the start, how sure."""
    parts = []
    for name, known, kind, type_ in ((candidate.source_name, candidate.source, candidate.source_kind, candidate.source_type),
                                     (candidate.target_name, candidate.target, candidate.target_kind, candidate.target_type)):  # fmt: skip
        if not known:
            parts.append(i18n.html("reader.new_end", lang, name=name, kind=i18n.label("kind", kind, lang),
                                   type=i18n.label("type", type_, lang)))  # fmt: skip
    if candidate.inferred:
        parts.append(i18n.html("reader.inferred", lang, why=i18n.t(candidate.reason, lang) if candidate.reason else ""))
    if candidate.start and candidate.date_basis not in ("document", ""):
        day, precision = when(candidate.start)
        parts.append(i18n.html("reader.start", lang, start=i18n.format_date(day, lang, precision) if day else candidate.start,
                               basis=i18n.t(f"reader.basis.{candidate.date_basis}", lang)))  # fmt: skip
    parts.append(i18n.html("reader.confidence", lang, confidence=i18n.format_number(candidate.confidence, lang, 2)))
    return " · ".join(parts)


def candidate_card(context: Context, candidate: Candidate, number: int) -> None:
    """One proposal with its words and the three ways to decide it."""
    lang, ident = context.lang, card_id(candidate.key)
    with st.container(border=True, key=f"kd_candidate_{ident}"):
        show.line(i18n.html("reader.card", lang, number=number, source=candidate.source_name,
                            relation=i18n.label("relation", candidate.relation, lang),
                            target=candidate.target_name))  # fmt: skip
        show.line(f"«{_marked(candidate)}»")
        show.line(_details(candidate, lang))
        accept, change, reject = st.columns(3)
        accept.button(i18n.t("reader.accept", lang), key=f"r_ok_{ident}", type="primary", icon=":material/check:",
                      on_click=_accept, args=(context, candidate), width="stretch")  # fmt: skip
        change.button(i18n.t("reader.change", lang), key=f"r_change_{ident}", icon=":material/edit:", width="stretch",
                      on_click=_open_form, args=(candidate.key,))  # fmt: skip
        reject.button(i18n.t("reader.reject", lang), key=f"r_no_{ident}", icon=":material/close:", width="stretch",
                      on_click=_reject, args=(context, candidate.key, _label(candidate, lang)))  # fmt: skip
        if st.session_state.get(_EDITING) == candidate.key:
            _change_form(context, candidate, ident)


def _open_form(key: str) -> None:
    st.session_state[_EDITING] = None if st.session_state.get(_EDITING) == key else key


def _change_form(context: Context, candidate: Candidate, ident: str) -> None:
    """The candidate as a form: the relation, each new end's name, kind, type and region, the start
    and whether the words only imply it; saved as changed."""
    lang = context.lang
    with st.form(key=f"r_form_{ident}", border=False):
        relations = [r for r in RELATIONS if fits_contract(r, candidate.source_kind, candidate.target_kind)] or list(
            RELATIONS
        )
        if candidate.relation not in relations:
            relations.insert(0, candidate.relation)
        st.selectbox(i18n.t("field.relation", lang), relations, index=relations.index(candidate.relation),
                     key=f"r_rel_{ident}", format_func=lambda r: i18n.label("relation", r, lang))  # fmt: skip
        proposed = {a.key: a for a in context.reading.actors}
        for side, key in (("source", candidate.source_key), ("target", candidate.target_key)):
            actor = proposed.get(key)
            if actor is None or not key.startswith("new:"):
                continue
            show.line(i18n.html(f"reader.new_{side}", lang, name=actor.name))
            st.text_input(i18n.t("field.name", lang), actor.name, key=f"r_name_{side}_{ident}")
            kind, type_ = st.columns(2)
            region = st
            kinds = list(TYPES_BY_KIND)
            kind.selectbox(i18n.t("field.kind", lang), kinds, index=kinds.index(actor.kind) if actor.kind in kinds else 0,
                           key=f"r_kind_{side}_{ident}", format_func=lambda k: i18n.label("kind", k, lang))  # fmt: skip
            types = [t for ts in TYPES_BY_KIND.values() for t in ts]
            type_.selectbox(i18n.t("field.type", lang), types, index=types.index(actor.type) if actor.type in types else 0,
                            key=f"r_type_{side}_{ident}", format_func=lambda t: i18n.label("type", t, lang))  # fmt: skip
            regions = list(REGIONS)
            region.selectbox(i18n.t("field.region", lang), regions,
                             index=regions.index(actor.region) if actor.region in regions else None,
                             key=f"r_region_{side}_{ident}", placeholder=i18n.t("edit.choose", lang))  # fmt: skip
        dated = candidate.start if candidate.date_basis not in ("document", "") else ""
        st.text_input(
            i18n.t("field.start", lang),
            dated,
            key=f"r_start_{ident}",
            placeholder=i18n.t("edit.date.placeholder", lang),
        )
        st.checkbox(i18n.t("reader.only_implied", lang), candidate.inferred, key=f"r_inferred_{ident}")
        st.form_submit_button(i18n.t("reader.save_changed", lang), type="primary", icon=":material/save:",
                              on_click=_accept_changed, args=(context, candidate, ident))  # fmt: skip


def _accept_changed(context: Context, candidate: Candidate, ident: str) -> None:
    get = st.session_state.get
    choice = Choice(relation=get(f"r_rel_{ident}") or candidate.relation)
    for side, key in (("source", candidate.source_key), ("target", candidate.target_key)):
        if f"r_name_{side}_{ident}" in st.session_state:
            choice.names[key] = str(get(f"r_name_{side}_{ident}") or "").strip()
            choice.kinds[key] = get(f"r_kind_{side}_{ident}")
            choice.types[key] = get(f"r_type_{side}_{ident}")
            if get(f"r_region_{side}_{ident}"):
                choice.regions[key] = get(f"r_region_{side}_{ident}")
    typed = str(get(f"r_start_{ident}") or "").strip()
    try:
        choice.start = read_date(typed) or "" if not re.fullmatch(r"\d{4}(?:-\d{2})?", typed) else typed
    except ValueError:
        st.session_state[OUTCOME] = (
            "error",
            i18n.html("edit.bad_date", context.lang, field=i18n.t("field.start", context.lang)),
            [],
        )
        return
    choice.inferred = bool(get(f"r_inferred_{ident}"))
    _accept(context, candidate, choice)


def event_card(context: Context, event: ProposedEvent, number: int) -> None:
    """A dated event the document tells of, for the timeline: accept it or reject it."""
    lang, ident = context.lang, card_id(event.key)
    with st.container(border=True, key=f"kd_event_{ident}"):
        day, _ = when(event.start)
        show.line(i18n.html("reader.event_card", lang, number=number, title=event.title,
                            when=i18n.format_date(day, lang, event.date_precision) if day else event.start))  # fmt: skip
        show.line(f"«{escape_html(event.quote)}»")
        accept, reject = st.columns(2)
        accept.button(i18n.t("reader.accept_event", lang), key=f"r_event_ok_{ident}", type="primary", icon=":material/event:",
                      on_click=_accept_event, args=(context, event), width="stretch")  # fmt: skip
        reject.button(i18n.t("reader.reject", lang), key=f"r_event_no_{ident}", icon=":material/close:", width="stretch",
                      on_click=_reject, args=(context, event.key, event.title))  # fmt: skip


def say_outcome(lang: str) -> None:
    """What the last acceptance or rejection did (once)."""
    outcome = st.session_state.pop(OUTCOME, None)
    if outcome is None:
        return
    kind, html, problems = outcome
    show.note(html, kind)
    if problems:
        show.problems(problems)
