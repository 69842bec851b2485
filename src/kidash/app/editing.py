"""The Edit page's form: one row of the map, new or as it stands, saved with who and why.

The form is drawn from the data contract (:mod:`kidash.edit.fields`). What a person types stays in
the form until it is saved: a save refused because someone else changed the row meanwhile shows
their change beside one's own and offers to save one's own over it, or to take theirs; a save
refused for its content says which field and what to do, and nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from kidash import i18n
from kidash.app import identity, living, session, show, state
from kidash.data.document_text import DocumentText, read_document
from kidash.edit.described import field_changes, row_label
from kidash.edit.fields import FormField, cells_from_form, choice_options, field_label, form_fields, initial_value
from kidash.edit.similar import near_names
from kidash.map import find
from kidash.safety import escape_markdown
from kidash.store import content
from kidash.store.access import Forbidden
from kidash.store.edits import Conflict, Edit, OtherChange, Refused, save
from kidash.store.maps import slug_for

__all__ = ["edit_page"]

_BASE = "kd_keep_edit_base"  # (map, table, row) -> (revision, cells) the form was opened on
_GENERATION = "kd_keep_edit_generation"  # (map, table, row) -> how often the form was emptied
_OUTCOME = "kd_keep_edit_outcome"  # what the last save did, to say on the next run
_CONFLICT = "kd_keep_edit_conflict"  # (map, table, row) -> the change made meanwhile, until the person chooses
_TITLE_COLUMN = {"actors": "name", "events": "title", "documents": "title"}
_WIDE = frozenset({"long", "quote", "actors", "documents"})  # fields with a row of the form to themselves


@dataclass(frozen=True)
class _Form:
    slug: str
    table: str
    row: str | None  # None: a new row

    @property
    def ident(self) -> tuple:
        return (self.slug, self.table, self.row or "")

    def key(self, column: str) -> str:
        generation = st.session_state.get(_GENERATION, {}).get(self.ident, 0)
        return f"e_{self.table}_{self.row or '_new'}_{generation}_{column}"


def _empty(form: _Form) -> None:
    """Forget what was typed in the form (a new generation of its widgets) and what it was based on."""
    generations = st.session_state.setdefault(_GENERATION, {})
    generations[form.ident] = generations.get(form.ident, 0) + 1
    st.session_state.get(_BASE, {}).pop(form.ident, None)


def _row_picker(form_table: str, rows: list, names: dict[str, str], lang: str) -> str | None:
    """The row to edit (none chosen: a new one), searchable by its words."""
    keys = [key for key, _, _ in rows]
    labels = {key: row_label(form_table, cells, names) for key, _, cells in rows}
    chosen = state.view().edit_row
    if chosen is not None and chosen not in labels:
        show.note(i18n.html("edit.row_missing", lang, row=chosen), "warning")
        state.change(edit_row=None)
    if len(keys) > find.PICKER_LIMIT:  # a big map: type to find, then choose among what is found
        query = st.text_input(i18n.t("edit.find", lang), key=f"e_find_{form_table}")
        words = (query or "").lower().split()
        keys = [k for k in keys if all(w in labels[k].lower() or w in k for w in words)][: find.PICKER_LIMIT]
        current = state.view().edit_row
        if current and current not in keys:
            keys.insert(0, current)
    return state.bind(
        st.selectbox,
        "edit_row",
        i18n.t("edit.row", lang),
        keys,
        index=None,
        placeholder=i18n.t("edit.row.new", lang),
        format_func=lambda key: labels.get(key, key),
        help=i18n.t("edit.row.help", lang),
    )


def required_label(field: FormField, lang: str) -> str:
    """The field's label as Markdown: a column's name may come from a workbook (escaped); the
    required mark stays a plain " *", which Markdown leaves alone, so the label read aloud is
    "Navn *", not "Navn \\*"."""
    return escape_markdown(field_label(field.table, field.column, lang)) + (" *" if field.required else "")


def _field_widget(field: FormField, form: _Form, value, lang: str, choices: dict, kind: str):
    """One field of the form; returns what it holds."""
    key = form.key(field.column)
    help_text = field.help(lang)
    if field.widget == "quote":
        quote, remark = value
        typed_quote = st.text_area(i18n.t("field.quote", lang), quote, key=key + "_quote", height=90,
                                   help=i18n.t("field.quote.help", lang))  # fmt: skip
        typed_remark = st.text_input(
            i18n.t("field.remark", lang), remark, key=key + "_remark", help=escape_markdown(help_text)
        )
        return typed_quote, typed_remark
    if field.widget == "flag":
        return st.checkbox(required_label(field, lang), value, key=key, help=escape_markdown(help_text))
    if field.widget == "choice":
        options = choice_options(field, value, kind)
        index = options.index(value) if value in options else None if field.required else 0
        vocabulary = field.vocabulary or ""
        return st.selectbox(required_label(field, lang), options, index=index, key=key, help=escape_markdown(help_text), placeholder=i18n.t("edit.choose", lang),
                            format_func=lambda v: i18n.label(vocabulary, v, lang) if v else "—")  # fmt: skip
    if field.widget in ("actor", "document"):
        options = choices["actors" if field.widget == "actor" else "documents"]
        known = list(options)
        if value and value not in options:
            known.insert(0, value)
        return st.selectbox(required_label(field, lang), known, index=known.index(value) if value in known else None, key=key,
                            help=escape_markdown(help_text), placeholder=i18n.t("edit.choose", lang),
                            format_func=lambda v: options.get(v, v))  # fmt: skip
    if field.widget in ("actors", "documents"):
        options = choices[field.widget]
        known = list(dict.fromkeys([*value, *options]))
        return st.multiselect(required_label(field, lang), known, default=[v for v in value if v in known], key=key, help=escape_markdown(help_text),
                              format_func=lambda v: options.get(v, v), placeholder=i18n.t("edit.choose", lang))  # fmt: skip
    if field.widget == "long":
        return st.text_area(required_label(field, lang), value, key=key, help=escape_markdown(help_text), height=90)
    placeholder = i18n.t("edit.date.placeholder", lang) if field.widget == "date" else None
    return st.text_input(
        required_label(field, lang), value, key=key, help=escape_markdown(help_text), placeholder=placeholder
    )


def _document_reading(form: _Form, lang: str, new: bool) -> DocumentText | None:
    """The document's text: pasted, or read from its file (HTML, PDF, text); its problems said."""
    st.markdown(f"**{i18n.t('edit.text.heading', lang)}**")
    st.caption(i18n.t("edit.text.new" if new else "edit.text.again", lang))
    pasted = st.text_area(i18n.t("edit.text.paste", lang), key=form.key("_text"), height=150)
    upload = st.file_uploader(i18n.t("edit.text.file", lang), type=["html", "htm", "pdf", "txt", "md"],
                              key=form.key("_file"), help=i18n.t("edit.text.file.help", lang))  # fmt: skip
    if upload is not None:
        name, data = upload.name, upload.getvalue()
    elif pasted.strip():
        name, data = "innlimt.txt", pasted.encode("utf-8")
    else:
        return None
    reading, problems = read_document(name, data)
    if problems:
        show.problems(problems)
        return None
    return reading


def _names_and_documents(rows: dict[str, list], lang: str) -> dict[str, dict[str, str]]:
    name_column = "name_en" if lang == "en" else "name"
    actors = {key: (cells.get(name_column) or cells.get("name") or key) for key, _, cells in rows.get("actors", [])}
    documents = {key: (cells.get("title") or key) for key, _, cells in rows.get("documents", [])}
    return {"actors": actors, "documents": documents}


def _show_other(other: OtherChange | None, mine: dict, base: dict, table: str, lang: str) -> None:
    """Someone else's change to the row, beside what this person typed."""
    if other is None:
        show.note(i18n.html("edit.conflict.gone", lang), "warning")
        return
    when = i18n.format_datetime(other.at, lang)
    show.note(i18n.html("edit.conflict", lang, who=other.author, when=when, why=other.comment or "—"), "warning")
    theirs = {c.column: c for c in field_changes(table, base, other.after)}
    yours = {c.column: c for c in field_changes(table, base, mine)}
    rows = []
    for column in dict.fromkeys([*theirs, *yours]):
        rows.append({
            i18n.t("col.column", lang): column,
            i18n.t("edit.conflict.was", lang): (theirs.get(column) or yours.get(column)).before,
            i18n.t("edit.conflict.theirs", lang): theirs[column].after if column in theirs else "",
            i18n.t("edit.conflict.yours", lang): yours[column].after if column in yours else "",
        })  # fmt: skip
    if rows:
        import pandas as pd

        show.table(pd.DataFrame(rows))


def _say_outcome(form: _Form, lang: str) -> None:
    outcome = st.session_state.get(_OUTCOME, {}).pop(form.ident, None)
    if outcome is None:
        return
    kind, payload = outcome
    if kind == "saved":
        show.note(i18n.html("edit.saved", lang, change=payload), "success")
    elif kind == "removed":
        show.note(i18n.html("edit.removed", lang, change=payload), "success")


def _save(form: _Form, edits: list[Edit], comment: str, lang: str) -> None:
    """Save, and say what happened: saved (the form starts again from the saved row), refused
    for its content (the problems, nothing written), or refused for a change made meanwhile."""
    if not comment.strip():
        show.note(i18n.html("edit.why_missing", lang), "error")
        return
    try:
        saved = save(session.store(), form.slug, edits, identity.person(), comment.strip())
    except Refused as refused:
        show.note(i18n.html("edit.refused", lang), "error")
        show.problems(refused.problems)
        return
    except Forbidden as forbidden:  # signed out, or the role taken away, since the page was drawn
        show.note(identity.refusal(forbidden.reason, lang), "error")
        return
    except Conflict as conflict:  # drawn again with their change beside this person's, and the choice
        st.session_state.setdefault(_CONFLICT, {})[form.ident] = conflict.other
        st.rerun()
    removed = any(edit.remove for edit in edits)
    st.session_state.setdefault(_OUTCOME, {})[form.ident if not removed else (form.slug, form.table, "")] = (
        "removed" if removed else "saved", saved[-1].change)  # fmt: skip
    _empty(form)
    if removed:
        state.change(edit_row=None)
    elif form.row is None:
        state.change(edit_row=saved[0].key)
        st.session_state.setdefault(_OUTCOME, {})[(form.slug, form.table, saved[0].key)] = ("saved", saved[-1].change)
    st.rerun()


def _take_theirs(form: _Form) -> None:
    _empty(form)
    st.session_state.get(_CONFLICT, {}).pop(form.ident, None)


def _set_field(form: _Form, field: FormField, value) -> None:
    """Put ``value`` into the field's widget(s) (a quote field is two: the words and a remark)."""
    if field.widget == "quote":
        st.session_state[form.key(field.column) + "_quote"], st.session_state[form.key(field.column) + "_remark"] = (
            value
        )
    else:
        st.session_state[form.key(field.column)] = value


def _keep_mine(form: _Form, old: dict, revision: int, theirs: dict, typed: dict) -> None:
    """Save one's own change over theirs: the form now rests on their version, and every field one
    did not change takes their value (only what one changed oneself goes over theirs)."""
    for field in form_fields(form.table):
        if field.column not in typed or typed[field.column] != initial_value(field, old):
            continue
        _set_field(form, field, initial_value(field, theirs))
    st.session_state.setdefault(_BASE, {})[form.ident] = (revision, theirs)
    st.session_state.get(_CONFLICT, {}).pop(form.ident, None)


def edit_page(lang: str) -> None:
    """The Edit page below its title: what to edit, the form, saving."""
    if living.closed_here(lang):
        return
    info = session.map_info()
    who, name_field = st.columns([3, 1], vertical_alignment="bottom")
    author = identity.author_field(lang, name_field)
    show.line(i18n.html("edit.map", lang, name=info.name, who=author), who)
    table = state.choose("edit_table", i18n.t("edit.table", lang), "edit.tables", st.segmented_control)
    rows = session.current_rows()
    lists = _names_and_documents(rows, lang)
    row = _row_picker(table, rows.get(table, []), lists["actors"], lang)
    form = _Form(info.slug, table, row)
    _say_outcome(form, lang)
    current = next(((r, c) for k, r, c in rows.get(table, []) if k == row), None) if row else (0, {})
    if current is None:
        return
    bases = st.session_state.setdefault(_BASE, {})
    base = bases.setdefault(form.ident, current)
    if base[0] != current[0] and form.ident not in st.session_state.get(_CONFLICT, {}):
        show.note(i18n.html("edit.changed_meanwhile", lang), "warning")
    conflict = st.session_state.get(_CONFLICT, {}).get(form.ident)
    fields = form_fields(table)
    typed: dict = {}
    kind = str(base[1].get("kind", ""))
    with st.container(border=True, key="kd_edit_form"):
        if row is None:
            show.heading(i18n.t(f"edit.new.{table}", lang), 3)
        else:
            show.heading(row_label(table, base[1], lists["actors"]), 3)
        pending: list[FormField] = []

        def draw(row_fields: list[FormField]) -> None:
            nonlocal kind
            places = st.columns(2) if len(row_fields) > 1 or row_fields[0].widget not in _WIDE else [st.container()]
            for place, field in zip(places, row_fields, strict=False):
                with place:
                    if field.column == "id" and row is not None:
                        st.text_input(i18n.t("field.id", lang), row, disabled=True, key=form.key("id_shown"),
                                      help=i18n.t("edit.id_stable", lang))  # fmt: skip
                        continue
                    typed[field.column] = _field_widget(field, form, initial_value(field, base[1]), lang, lists, kind)
                    if field.column == "kind":
                        kind = str(typed["kind"] or "")

        for field in fields:  # two fields a row, in the contract's order; a longer text has a row of its own
            if field.widget in _WIDE:
                if pending:
                    draw(pending)
                    pending = []
                draw([field])
            else:
                pending.append(field)
                if len(pending) == 2:
                    draw(pending)
                    pending = []
        if pending:
            draw(pending)
        text = _document_reading(form, lang, row is None) if table == "documents" else None
    cells, bad_dates = cells_from_form(fields, typed, base[1])
    if table in _TITLE_COLUMN and row is None and not cells.get("id"):
        cells["id"] = slug_for(cells.get(_TITLE_COLUMN[table], ""))[:80] if cells.get(_TITLE_COLUMN[table]) else ""
    if table == "actors" and row is None and cells.get("name"):
        spellings = [(k, c.get(n, "")) for k, _, c in rows.get("actors", []) for n in ("name", "short_name", "name_en")]
        near = near_names(cells["name"], [(k, s) for k, s in spellings if s])
        if near:
            show.note(i18n.html("edit.near", lang, names=", ".join(lists["actors"][k] for k in near)), "warning")
    for column in bad_dates:
        show.note(i18n.html("edit.bad_date", lang, field=field_label(table, column, lang)), "error")
    comment = st.text_input(i18n.t("edit.why", lang), key=form.key("_why"), help=i18n.t("edit.why.help", lang))
    left, middle, right = st.columns(3)
    if conflict is not None:
        _show_other(conflict, cells, base[1], table, lang)
        left.button(i18n.t("edit.keep_mine", lang), key=form.key("_mine"), on_click=_keep_mine,
                    args=(form, base[1], current[0], current[1], typed), icon=":material/save_as:",
                    help=i18n.t("edit.keep_mine.help", lang))  # fmt: skip
        middle.button(i18n.t("edit.take_theirs", lang), key=form.key("_theirs"), on_click=_take_theirs, args=(form,),
                      icon=":material/undo:")  # fmt: skip
        return
    if left.button(i18n.t("edit.save", lang), key=form.key("_save"), type="primary", icon=":material/save:",
                   disabled=bool(bad_dates)):  # fmt: skip
        edit = Edit(table, cells, row, base[0] if row else None, text=text)
        _save(form, [edit], comment, lang)
    if row is not None:
        sure = right.checkbox(i18n.t("edit.remove.sure", lang), key=form.key("_sure"))
        if middle.button(i18n.t("edit.remove", lang), key=form.key("_remove"), disabled=not sure,
                         icon=":material/delete:", help=i18n.t(f"edit.remove.help.{table}", lang)):  # fmt: skip
            _save(form, [Edit(table, base[1], row, base[0], remove=True)], comment, lang)
    if row is not None and table == "actors":
        state.page_link("aktor", i18n.t("edit.to_profile", lang), icon=":material/badge:", actor=row)
    if row is not None and table == "documents" and content.document_text(session.store(), info.id, row) is not None:
        state.page_link("dokument", i18n.t("edit.to_reader", lang), icon=":material/post_add:", reading=row)
    if row is not None:
        state.page_link("historikk", i18n.t("edit.to_history", lang), icon=":material/history:",
                        history_table=table, history_actor=row if table == "actors" else None)  # fmt: skip
