"""«Legg til dokument»: a document in (pasted, uploaded, or one the map has), read at once; its text
beside the roles and events it states, each proposal numbered where its words stand. Its row (title,
publisher, date, language) is proposed from the text and changeable; nothing is saved until a
person accepts a proposal, and then the document, any new actor and the role go in one change."""

from __future__ import annotations

import streamlit as st

from kidash import i18n
from kidash.app import identity, living, reader_cards, session, show, state
from kidash.app.reader_cards import Context
from kidash.data.document_text import DocumentText, content_hash, read_document
from kidash.reader.accept import DocumentDraft, document_cells, free_id, marked_pieces, open_candidates, open_events
from kidash.reader.language import MIN_NORWEGIAN_SHARE, norwegian_share
from kidash.reader.names import ActorIndex
from kidash.reader.suggest import Reading, read_text
from kidash.store import content, rejected
from kidash.view.dates import field_text, read_date

__all__ = ["reader_page"]

_GENERATION = "kd_keep_reader_generation"  # a new generation empties the document's fields
_SHOWN = "kd_keep_reader_shown"  # how many proposals are listed
_PAGE = 20
_SURE = 0.7  # «sure» proposals: stated in words, this confident or more


@st.cache_resource(show_spinner=False, max_entries=8)
def _index(url: str, slug: str, version: int) -> ActorIndex:
    """The map's actors as the reader looks for them (built once per version of the map)."""
    rows = session.current_rows()
    return ActorIndex(_cells(rows, "actors"))


@st.cache_data(show_spinner=False, max_entries=32)
def _read(
    text_hash: str, url: str, slug: str, version: int, date: str, title: str, publisher: str, _text: str
) -> Reading:
    """What the reader proposes for a text against a map (once per text, map version and fields)."""
    return read_text(_text, _index(url, slug, version), None, date, title, publisher)


def _cells(rows: dict[str, list], table: str) -> list[dict]:
    return [cells for _, _, cells in rows.get(table, [])]


def _key(name: str) -> str:
    return f"r_{name}_{st.session_state.get(_GENERATION, 0)}"


def _start_again() -> None:
    st.session_state[_GENERATION] = st.session_state.get(_GENERATION, 0) + 1
    st.session_state.pop(_SHOWN, None)
    state.change(reading=None)


def _stored_draft(rows: dict[str, list], key: str) -> DocumentDraft | None:
    info = session.map_info()
    cells = next((c for k, _, c in rows.get("documents", []) if k == key), None)
    stored = content.document_text(session.store(), info.id, key) if cells is not None else None
    if stored is None:
        return None
    text, read_as = stored
    return DocumentDraft(dict(cells), DocumentText(text, read_as, content_hash(text)), stored=True)


def _new_text(lang: str) -> tuple[str, bytes] | None:
    """The text a person pasted or the file they uploaded (the file when both)."""
    pasted = st.text_area(
        i18n.t("reader.paste", lang), key=_key("text"), height=180, help=i18n.t("reader.paste.help", lang)
    )
    upload = st.file_uploader(i18n.t("reader.file", lang), type=["html", "htm", "pdf", "txt", "md"], key=_key("file"),
                              help=i18n.t("edit.text.file.help", lang))  # fmt: skip
    if upload is not None:
        return upload.name, upload.getvalue()
    if pasted.strip():
        return "innlimt.txt", pasted.encode("utf-8")
    return None


def _document_fields(first: Reading, text: DocumentText, name: str, rows: dict[str, list], lang: str) -> dict:
    """The new document's row: proposed from the text, changed by the person (fields keyed by the
    text, so another text starts afresh)."""
    taken = {k for k, _, _ in rows.get("documents", [])}
    proposed = document_cells(first, text, name, taken)
    stem = f"{_key('doc')}_{text.hash[:12]}"
    left, right = st.columns(2)
    cells = dict(proposed)
    cells["title"] = left.text_input(i18n.t("field.title", lang) + " *", proposed["title"], key=f"{stem}_title").strip()
    cells["publisher"] = right.text_input(
        i18n.t("field.publisher", lang), proposed["publisher"], key=f"{stem}_publisher"
    ).strip()
    typed = left.text_input(i18n.t("field.published", lang) + " *", field_text(proposed["published"]) if proposed["published"] else "",
                            key=f"{stem}_published", placeholder=i18n.t("edit.date.placeholder", lang))  # fmt: skip
    languages = ["nb", "nn", "en"]
    cells["language"] = right.selectbox(i18n.t("field.language", lang), languages, index=languages.index(proposed["language"])
                                        if proposed["language"] in languages else 0, key=f"{stem}_language",
                                        format_func=lambda code: i18n.t(f"reader.language.{code}", lang))  # fmt: skip
    try:
        cells["published"] = read_date(typed) or ""
    except ValueError:
        cells["published"] = ""
        show.note(i18n.html("edit.bad_date", lang, field=i18n.t("field.published", lang)), "error")
    cells["publisher_basis"] = (
        "stated" if cells["publisher"] and cells["publisher"] != proposed["publisher"] else proposed["publisher_basis"]
    )
    cells["date_basis"] = "stated" if cells["published"] else ""
    if cells["title"] != proposed["title"]:
        cells["id"] = free_id(cells["title"], taken)[:60]
    return cells


def _draft(rows: dict[str, list], lang: str) -> DocumentDraft | None:
    """The document being read: one the map has (a link or an acceptance chose it), or a new one."""
    chosen = state.view().reading
    if chosen:
        draft = _stored_draft(rows, chosen)
        if draft is not None:
            left, right = st.columns([4, 1], vertical_alignment="center")
            show.line(i18n.html("reader.stored", lang, title=draft.cells.get("title") or chosen), left)
            right.button(
                i18n.t("reader.another", lang), on_click=_start_again, key="r_again", icon=":material/post_add:"
            )
            return draft
        show.note(i18n.html("edit.row_missing", lang, row=chosen), "warning")
    found = _new_text(lang)
    if found is None:
        return None
    name, raw = found
    document, problems = read_document(name, raw)
    if problems:
        show.problems(problems)
        return None
    if norwegian_share(document.text) < MIN_NORWEGIAN_SHARE:
        show.note(i18n.html("reader.not_norwegian", lang, file=name), "error")
        return None
    hashes = content.document_hashes(session.store(), session.map_info().id)
    same = next((k for k, h in hashes.items() if h == document.hash), None)
    if same is not None:  # the same text is on the map already: read it as the map has it
        show.note(
            i18n.html(
                "reader.already", lang, title=next(c.get("title", k) for k, _, c in rows["documents"] if k == same)
            ),
            "info",
        )
        return _stored_draft(rows, same)
    info = session.map_info()
    first = _read(document.hash, session.store().url, info.slug, info.version, "", "", "", document.text)
    cells = _document_fields(first, document, name, rows, lang)
    return DocumentDraft(cells, document, stored=False)


def _marked_text(text: str, numbered, lang: str) -> None:
    """The document's text, the words each proposal comes from marked with its number."""
    show.marked(marked_pieces(text, numbered), i18n.t("reader.text_label", lang))


def reader_page(lang: str) -> None:
    """The page below its title: the document, then what the reader proposes from it."""
    if living.closed_here(lang):
        return
    found = session.store()
    info = session.map_info()
    rows = session.current_rows()
    reader_cards.say_outcome(lang)
    with st.container(border=True, key="kd_reader_document"):
        show.heading(i18n.t("reader.document", lang), 3)
        draft = _draft(rows, lang)
    if draft is None:
        return
    cells = draft.cells
    reading = _read(draft.text.hash, found.url, info.slug, info.version, str(cells.get("published", "")),
                    str(cells.get("title", "")), str(cells.get("publisher", "")), draft.text.text)  # fmt: skip
    if not draft.stored and not (cells.get("title") and cells.get("published")):
        show.note(i18n.html("reader.needs_fields", lang), "warning")
    done = rejected.rejected(found, info.slug, draft.text.hash, identity.person())
    tables = {t: _cells(rows, t) for t in rows}
    fresh = open_candidates(reading, tables.get("relations", []), set(done))
    events = open_events(reading, tables.get("events", []), set(done))
    context = Context(info.slug, draft, reading, tables, lang)
    show.heading(i18n.t("reader.proposals", lang), 3)
    show.line(i18n.html("reader.found", lang, count=len(fresh), found=len(reading.candidates),
                        events=len(events), subject=reading.subject or "—"))  # fmt: skip
    if not reading.candidates:
        show.note(i18n.html("reader.none", lang), "info")
    sure = [c for c in fresh if c.confidence >= _SURE and not c.inferred]
    if len(sure) > 1:
        st.button(i18n.md("reader.accept_sure", lang, count=len(sure)), key="r_all", icon=":material/done_all:",
                  on_click=reader_cards.accept_all, args=(context, sure), help=i18n.t("reader.accept_sure.help", lang))  # fmt: skip
    if reading.candidates and not fresh and not events:
        _all_decided(reading.subject, context.rows.get("actors", []), lang)
        _rejected_list(info.slug, draft, done, lang)
        return
    shown = fresh[: st.session_state.get(_SHOWN, _PAGE)]
    text_side, cards_side = st.columns([5, 4])
    with text_side, st.container(height=720, key="kd_reader_text"):
        _marked_text(draft.text.text, shown, lang)
    with cards_side, st.container(height=720, key="kd_reader_cards"):
        for number, candidate in enumerate(shown, start=1):
            reader_cards.candidate_card(context, candidate, number)
        if len(fresh) > len(shown):
            st.button(i18n.md("reader.more", lang, count=len(fresh) - len(shown)), key="r_more",
                      on_click=_show_more)  # fmt: skip
        if events:
            show.heading(i18n.t("reader.events", lang), 3)
            for number, event in enumerate(events, start=1):
                reader_cards.event_card(context, event, number)
    _rejected_list(info.slug, draft, done, lang)


def _all_decided(subject: str, actors: list[dict], lang: str) -> None:
    """Nothing left to decide: say so, and lead on to what the document is about as the map has it."""
    show.note(i18n.html("reader.all_decided", lang), "success")
    about = next((a for a in actors if subject and subject.lower() in (str(a.get("name", "")).lower(),
                  str(a.get("short_name", "")).lower())), None)  # fmt: skip
    profile, network = st.columns(2)
    if about is not None:
        state.page_link("aktor", i18n.t("reader.see_profile", lang, name=about["name"]), ":material/badge:", profile,
                        actor=about["id"])  # fmt: skip
    state.page_link("nettverk", i18n.t("reader.see_network", lang), ":material/hub:", network)


def _show_more() -> None:
    st.session_state[_SHOWN] = st.session_state.get(_SHOWN, _PAGE) + _PAGE


def _undo(slug: str, text_hash: str, key: str) -> None:
    rejected.undo_reject(session.store(), slug, text_hash, key, identity.person())


def _rejected_list(slug: str, draft: DocumentDraft, found: dict[str, rejected.Rejection], lang: str) -> None:
    """What was rejected for this document, by whom, with a way to have it proposed again."""
    if not found:
        return
    with st.expander(i18n.md("reader.rejected_list", lang, count=len(found))):
        for number, (key, rejection) in enumerate(sorted(found.items(), key=lambda kv: kv[1].at)):
            text, button = st.columns([4, 1], vertical_alignment="center")
            show.line(i18n.html("reader.rejected_by", lang, what=rejection.label or key, who=rejection.person,
                                when=i18n.format_datetime(rejection.at, lang)), text)  # fmt: skip
            button.button(i18n.t("reader.propose_again", lang), key=f"r_undo_{number}", on_click=_undo,
                          args=(slug, draft.text.hash, key))  # fmt: skip
