"""Make data values safe where they are shown: Markdown, HTML, spreadsheets."""

from __future__ import annotations

import html
import re

import pandas as pd

__all__ = [
    "escape_markdown",
    "WORD_JOINER",
    "escape_html",
    "plotly_text",
    "plotly_plain",
    "html_table",
    "TABLE_CSS",
    "FORMULA_STARTS",
    "neutralise",
    "restore",
]

# Everything CommonMark lets a backslash escape that can start markup, plus
# Streamlit's own directives: $ (math) and : (":red[...]", ":material/icon:").
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$&=\"'@])")
# GitHub-flavoured autolinks («http://…», «www.…», «name@host.no») and Streamlit's icon and
# emoji shortcodes are found in the text
# *after* Markdown is parsed (remark-gfm's autolink-literal transform), so no escape stops
# them; an invisible WORD JOINER inside the pattern does, and the text still reads the same.
WORD_JOINER = "\u2060"
_AUTOLINK_STARTS = re.compile(r"(?i)(https?|www|mailto|xmpp)(?=\\[:.])|(?=\\@)")


def escape_markdown(text: object) -> str:
    """Text that Markdown shows literally: no lists, links, autolinks, HTML, math or emphasis.

    >>> escape_markdown("10. Bruk av *KI*")
    '10\\\\. Bruk av \\\\*KI\\\\*'
    >>> escape_markdown("http://x.no").replace(WORD_JOINER, "⁀")
    'http⁀\\\\:⁀//x\\\\.no'
    """
    value = "" if text is None or (isinstance(text, float) and pd.isna(text)) else str(text)
    # Line breaks would start blocks; space at either end would undo emphasis around the value.
    value = value.replace("\r", " ").replace("\n", " ").strip()
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", value)
    # Icon and emoji shortcodes («:material/home:», «:smile:») are also found after parsing: a word
    # joiner after a colon keeps them text. Only where one could start (a colon with no space after
    # it): «Workshop: Infrastrukturer» stays exactly as written, and so does a copy of it.
    escaped = re.sub(r"\\:(?=\S)", lambda m: m[0] + WORD_JOINER, escaped)
    return _AUTOLINK_STARTS.sub(lambda m: (m[1] or "") + WORD_JOINER, escaped)


def escape_html(text: object) -> str:
    """Text that HTML shows literally, quotes included.

    >>> escape_html('<img src=x onerror="alert(1)">')
    '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
    """
    return html.escape("" if text is None else str(text), quote=True)


TABLE_CSS = """
<style>
.kd-table-wrap { overflow-x: auto; margin: 0 0 1rem 0; }
table.kd-table { border-collapse: collapse; width: 100%; font-size: 0.95rem; color: #1b1b1b; }
table.kd-table caption { text-align: left; font-weight: 600; padding: 0 0 0.4rem 0; color: #1b1b1b; }
table.kd-table th, table.kd-table td { border: 1px solid #c9d1d9; padding: 0.35rem 0.6rem; vertical-align: top; text-align: left; }
table.kd-table thead th { background: #eef2f6; font-weight: 600; }
table.kd-table td.kd-num { text-align: right; font-variant-numeric: tabular-nums; }
</style>
"""


def plotly_text(text: object) -> str:
    """Data text for a Plotly figure, shown literally.

    Plotly renders a subset of HTML in every label, tick, legend entry and
    hover text (``<b>``, ``<br>``, ``<a href>``) and decodes entities, so a
    name such as ``<b>x</b>`` would turn bold, and a link clickable, in the
    browser and in exported pictures. Escaping ``&``, ``<`` and ``>`` makes
    Plotly show exactly the characters of the name.

    >>> plotly_text('<a href="http://example.invalid">A & B</a>')
    '&lt;a href="http://example.invalid"&gt;A &amp; B&lt;/a&gt;'
    """
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def plotly_plain(text: str) -> str:
    """The text :func:`plotly_text` was given: a Plotly label or title back as plain text.

    >>> plotly_plain(plotly_text('"><svg onload=x> & <b>')) == '"><svg onload=x> & <b>'
    True
    """
    return str(text).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def html_table(frame: pd.DataFrame, caption: str | None = None) -> str:
    """An accessible HTML table of ``frame`` with every value escaped.

    Header cells get ``scope="col"``; numeric columns are right-aligned.

    >>> html_table(pd.DataFrame({"Navn": ["<b>"]}))
    '<div class="kd-table-wrap" tabindex="0"><table class="kd-table"><thead><tr><th scope="col">Navn</th></tr></thead><tbody><tr><td>&lt;b&gt;</td></tr></tbody></table></div>'
    """
    numeric = {
        column
        for column in frame.columns
        if pd.api.types.is_numeric_dtype(frame[column]) and not pd.api.types.is_bool_dtype(frame[column])
    }
    # A wide table scrolls sideways: the wrapper takes keyboard focus so it can be scrolled without a mouse.
    named = f' role="region" aria-label="{escape_html(caption)}"' if caption else ""
    parts = [f'<div class="kd-table-wrap" tabindex="0"{named}><table class="kd-table">']
    if caption:
        parts.append(f"<caption>{escape_html(caption)}</caption>")
    parts.append("<thead><tr>")
    parts.extend(f'<th scope="col">{escape_html(column)}</th>' for column in frame.columns)
    parts.append("</tr></thead><tbody>")
    for row in frame.itertuples(index=False):
        parts.append("<tr>")
        for column, value in zip(frame.columns, row, strict=True):
            text = "" if value is None or (isinstance(value, float) and pd.isna(value)) else value
            css = ' class="kd-num"' if column in numeric else ""
            parts.append(f"<td{css}>{escape_html(text)}</td>")
        parts.append("</tr>")
    parts.append("</tbody></table></div>")
    return "".join(parts)


# OWASP CSV injection: a cell starting with one of these may run as a formula in a spreadsheet.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A spreadsheet may split a cell where a separator, tab or line break stands (Norwegian Excel
# splits a CSV line on «;», others on «,»); what follows would then start a cell of its own.
_SPLIT_THEN_FORMULA = re.compile(r"([;,\t\r\n])('*)(?=[=+\-@])")
_GUARDED_SPLIT = re.compile(r"([;,\t\r\n])'('*)(?=[=+\-@])")


def _needs_guard(text: str) -> bool:
    # A formula start, or a guard apostrophe already in front of one (so restore() can undo exactly).
    return text.startswith(FORMULA_STARTS) or (text.startswith("'") and _needs_guard(text[1:]))


def neutralise(value: object) -> object:
    """Text that no spreadsheet will run, however it splits it; other values unchanged.

    A ``'`` goes before a formula start at the beginning, and after every
    separator, tab or line break that a formula start follows. Reversible:
    :func:`restore` gives back exactly the value written, so a table
    downloaded and uploaded again is identical.

    >>> neutralise('=HYPERLINK("http://example.invalid","x")')
    '\\'=HYPERLINK("http://example.invalid","x")'
    >>> neutralise("Helse;=cmd|' /C calc'!A0")
    "Helse;'=cmd|' /C calc'!A0"
    >>> neutralise("Helse Vest"), neutralise(3)
    ('Helse Vest', 3)
    """
    if not isinstance(value, str):
        return value
    text = _SPLIT_THEN_FORMULA.sub(lambda m: m[1] + m[2] + "'", value)
    return "'" + text if _needs_guard(text) else text


def restore(text: str) -> str:
    """Undo :func:`neutralise` on a cell read back from a file.

    >>> restore("'=SUM(A1)"), restore("'tis"), restore("Helse Vest"), restore("Helse;'=cmd")
    ('=SUM(A1)', "'tis", 'Helse Vest', 'Helse;=cmd')
    """
    if text.startswith("'") and _needs_guard(text[1:]):
        text = text[1:]
    return _GUARDED_SPLIT.sub(lambda m: m[1] + m[2], text)
