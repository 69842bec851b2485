"""No data reaches Streamlit's Markdown except through the functions that make it literal.

Reads the page and UI code (it is never run here) and finds every call that
renders Markdown (``st.markdown``, ``st.info``, headers, expander labels,
``help=`` tooltips, page-link labels …) whose text is not built only from
literals, UI strings without values, and the escaping functions.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted([ROOT / "dashboard.py", *(ROOT / "app_pages").glob("*.py"), *(ROOT / "src/kidash/app").glob("*.py")])
# What the check must cover: every page, the entry point and every module of the app frame that draws.
MUST_COVER = {
    "dashboard.py", "app_pages/home.py", "app_pages/nettverk.py", "app_pages/initiativer.py", "app_pages/aktor.py",
    "app_pages/tidslinje.py", "app_pages/analyse.py", "app_pages/data.py", "src/kidash/app/frame.py",
    "src/kidash/app/show.py", "src/kidash/app/sidebar.py", "src/kidash/app/state.py", "src/kidash/app/network.py",
    "src/kidash/app/export_panel.py", "src/kidash/app/own_data.py", "src/kidash/app/session.py",
    "app_pages/rediger.py", "app_pages/historikk.py", "app_pages/kart.py", "src/kidash/app/editing.py",
    "src/kidash/app/history_view.py", "src/kidash/app/maps_view.py", "src/kidash/app/living.py",
    "src/kidash/app/identity.py", "src/kidash/app/reader_view.py", "src/kidash/app/reader_cards.py",
    "app_pages/dokument.py",
}  # fmt: skip
# Streamlit calls whose first argument (or these keywords) Streamlit renders as Markdown.
SINKS = {"markdown", "info", "warning", "error", "success", "caption", "write", "header", "subheader", "title", "toast"}
SINKS |= {"expander", "page_link", "metric", "radio", "checkbox", "toggle", "button", "download_button", "popover"}
SINKS |= {"selectbox", "multiselect", "select_slider", "slider", "text_input", "segmented_control", "file_uploader"}
MARKDOWN_KEYWORDS = {"body", "label", "help", "caption"}
FIRST_ARGUMENT_IS_PAGE = {"page_link"}
# Functions whose result is safe Markdown whatever they are given.
ESCAPING = {"i18n.md", "escape_markdown", "show.actor_link", "show.actor_link_list", "required_label"}


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return f"{_name(func.value)}.{func.attr}"
    return func.id if isinstance(func, ast.Name) else "?"


def is_literal_markdown(node: ast.expr) -> bool:
    """True when ``node`` can hold no text from data."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str | int | float) or node.value is None
    if isinstance(node, ast.JoinedStr):
        return all(is_literal_markdown(v.value) for v in node.values if isinstance(v, ast.FormattedValue))
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return is_literal_markdown(node.left) and is_literal_markdown(node.right)
    if isinstance(node, ast.IfExp):
        return is_literal_markdown(node.body) and is_literal_markdown(node.orelse)
    if isinstance(node, ast.GeneratorExp | ast.ListComp):
        return is_literal_markdown(node.elt)
    if isinstance(node, ast.Call):
        name = _name(node.func)
        if name in ESCAPING:
            return True
        if name == "i18n.t":  # a UI string is literal; one filled with values must go through i18n.md
            return not node.keywords
        if name.endswith(".join") and isinstance(node.func, ast.Attribute):
            return is_literal_markdown(node.func.value) and all(is_literal_markdown(a) for a in node.args)
    return False


def unsafe_calls(source: str) -> list[tuple[int, str]]:
    """(line, call) of every Markdown-rendering call with a text that may come from data."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        texts = [k.value for k in node.keywords if k.arg == "help"]
        if node.func.attr in SINKS:
            texts += [k.value for k in node.keywords if k.arg in MARKDOWN_KEYWORDS - {"help"}]
            if node.args and node.func.attr not in FIRST_ARGUMENT_IS_PAGE:
                texts.append(node.args[0])
        elif node.func.attr == "bind" and len(node.args) > 2:  # state.bind(widget, attr, label, ...)
            texts.append(node.args[2])
        elif node.func.attr in ("actor_picker", "choose") and len(node.args) > 1:  # state.choose(attr, label, ...)
            texts.append(node.args[1])
        if node.func.attr == "write":
            texts.extend(node.args[1:])
        for text in texts:
            if not is_literal_markdown(text):
                found.append((node.lineno, ast.unparse(node)[:100]))
    return found


def test_the_check_reads_every_module_it_means_to():
    """A move of the code must not quietly leave a page or a drawing module out of the check."""
    assert {str(path.relative_to(ROOT)) for path in FILES} >= MUST_COVER


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_data_reaches_markdown_unescaped(path):
    assert unsafe_calls(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    "code",
    [
        "st.info(i18n.t('network.focus.outside', lang, name=name))",
        "st.header(name)",
        "st.markdown(f'**{name}**')",
        "column.subheader('Roller ' + name)",
        "st.expander(title)",
        "st.page_link('app_pages/aktor.py', label=name)",
        "st.selectbox('x', options, help=f'{note}')",
        "state.bind(st.selectbox, 'actor', name, options)",
    ],
)
def test_the_check_finds_data_in_markdown(code):
    assert unsafe_calls(code), code


@pytest.mark.parametrize(
    "code",
    [
        "st.info(i18n.md('network.focus.outside', lang, name=name))",
        "st.header(escape_markdown(name))",
        "st.markdown(f\"**{i18n.t('data.files_read', lang)}**\")",
        "st.markdown(' · '.join(show.actor_link(m, names[m]) for m in members))",
        "st.page_link('app_pages/aktor.py', label=escape_markdown(name))",
    ],
)
def test_the_check_lets_escaped_text_through(code):
    assert unsafe_calls(code) == []


def test_html_reaches_the_page_only_through_the_modules_that_escape_it():
    """``st.html`` takes markup as it is: only kidash.app.show (data escaped there or in i18n.html) and
    kidash.app.frame (our own scripts, no data) call it."""
    calls = {
        str(path.relative_to(ROOT))
        for path in FILES
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "html"
        and not (isinstance(node.func.value, ast.Name) and node.func.value.id == "i18n")
    }  # fmt: skip
    assert calls <= {"src/kidash/app/show.py", "src/kidash/app/frame.py"}, calls
