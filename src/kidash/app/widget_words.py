"""Streamlit's own words on a Norwegian page, in Norwegian.

Streamlit 1.67 writes a few words of its widgets itself, in English and with no setting to change
them: the file uploader's «Upload» and «20MB per file», a text field's «Press Enter to apply», and
labels read out to screen readers («Help for …», «Collapse sidebar», «Open»). :func:`script` is a
page script that puts the page's own words in their place as Streamlit draws them (and again when
it draws them anew). It looks only inside Streamlit's own parts of a widget, found by their test
ids, so no text from the data is ever touched; its words are the message catalogue's, so no value
from the data or from the person reaches it.
"""

from __future__ import annotations

import json

from kidash import i18n

__all__ = ["script"]

# (where, Streamlit's words, the key of ours): exact words inside a widget's own parts.
_TEXTS = (
    ('[data-testid="stFileUploaderDropzone"] button p', "Upload", "streamlit.upload"),
    ('[data-testid="stFileUploader"] [data-testid="stBaseButton-minimal"] p', "Browse files", "streamlit.upload"),
    ('[data-testid="InputInstructions"] span', "Press Enter to apply", "streamlit.press_enter"),
    ('[data-testid="InputInstructions"] span', "Press ⌘+Enter to apply", "streamlit.press_enter"),
    ('[data-testid="stFileUploaderDropzoneInstructions"] span', "Drag and drop files here", "streamlit.drag_drop"),
)
# (Streamlit's words, the key of ours): labels read out by screen readers, as the whole label.
_LABELS = (
    ("Collapse sidebar", "streamlit.collapse_sidebar"),
    ("Expand sidebar", "streamlit.expand_sidebar"),
    ("Open", "streamlit.open"),
    ("Clear all", "streamlit.clear_all"),
    ("Link to heading", "streamlit.link_to_heading"),
    ("App pages", "streamlit.app_pages"),
    ("Sidebar", "streamlit.sidebar"),
    ("file upload", "streamlit.file_upload"),
)


def _words(lang: str) -> dict:
    return {
        "texts": [[where, english, i18n.t(key, lang)] for where, english, key in _TEXTS],
        "labels": {english: i18n.t(key, lang) for english, key in _LABELS},
        "help": i18n.t("streamlit.help_for", lang, label="\u0000").split("\u0000"),
        "limit": i18n.t("streamlit.limit", lang, size="\u0000", types="\u0001"),
    }


def script(lang: str) -> str:
    """The page script for ``lang``; on an English page (Streamlit's own language) it puts back the
    words it changed when the page was Norwegian."""
    words = json.dumps(_words(lang) if lang != "en" and lang in i18n.LANGUAGES else None, ensure_ascii=False)
    return (
        "<script>(function () { var w = window; w.kdWords = " + words + ";"
        " if (w.kdWordsObserver) { w.kdWordsTranslate(); return; }"
        " var pending = false; var swapped = [];"
        " function text(el, ours) { swapped.push([el, null, el.textContent]); el.textContent = ours; }"
        " function label(el, ours) { swapped.push([el, 'aria-label', el.getAttribute('aria-label')]);"
        "  el.setAttribute('aria-label', ours); }"
        " function translate() { pending = false; var d = w.kdWords;"
        "  if (!d) { swapped.splice(0).reverse().forEach(function (s) {"
        "   if (s[1]) { s[0].setAttribute(s[1], s[2]); } else { s[0].textContent = s[2]; } }); return; }"
        "  d.texts.forEach(function (t) { document.querySelectorAll(t[0]).forEach(function (el) {"
        "   if (el.textContent === t[1]) { text(el, t[2]); } }); });"
        "  document.querySelectorAll('[data-testid=\"stFileUploaderDropzoneInstructions\"] span').forEach(function (el) {"
        "   var m = /^(\\d+)MB per file \\u2022 (.*)$/.exec(el.textContent);"
        "   if (m) { text(el, d.limit.replace('\\u0000', m[1]).replace('\\u0001', m[2])); } });"
        "  document.querySelectorAll('[aria-label]').forEach(function (el) { var a = el.getAttribute('aria-label');"
        "   if (Object.prototype.hasOwnProperty.call(d.labels, a)) { label(el, d.labels[a]); }"
        "   else if (a.indexOf('Help for ') === 0) { label(el, d.help[0] + a.slice(9) + d.help[1]); } });"
        " }"
        " w.kdWordsTranslate = translate;"
        " w.kdWordsObserver = new MutationObserver(function () {"
        "  if (!pending && w.kdWords) { pending = true; w.requestAnimationFrame(translate); } });"
        " w.kdWordsObserver.observe(document.body, {childList: true, subtree: true, characterData: true,"
        "  attributes: true, attributeFilter: ['aria-label']});"
        " translate(); })();</script>"
    )
