"""Escaping for Markdown tables and HTML."""

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from kidash.safety import escape_html, escape_markdown


def test_markdown_specials_are_escaped():
    assert escape_markdown("[x](http://example.invalid)") == r"\[x\]\(http\:\/\/example\.invalid\)".replace(r"\/", "/")
    assert escape_markdown("10. juni") == r"10\. juni"
    assert escape_markdown("$x$ :red[y]") == r"\$x\$ \:red\[y\]"
    assert escape_markdown("<img src=x>") == r"\<img src\=x\>"
    assert escape_markdown("a\nb") == "a b"
    assert escape_markdown(None) == ""


@given(st.text())
def test_escaped_markdown_has_no_unescaped_special(text):
    escaped = escape_markdown(text)
    for i, ch in enumerate(escaped):
        if ch in "[]()<>*_`$:!#|":
            assert escaped[i - 1] == "\\"


def test_html_escape():
    assert escape_html("<b onclick='x'>") == "&lt;b onclick=&#x27;x&#x27;&gt;"


def test_html_table_escapes_every_value_and_header():
    from kidash.safety import html_table

    frame = pd.DataFrame({"<th>": ["<img src=x onerror=alert(1)>"], "Antall": [3]})
    out = html_table(frame, caption="<caption>")
    assert "<img" not in out and "&lt;img src=x onerror=alert(1)&gt;" in out
    assert "&lt;th&gt;" in out and "&lt;caption&gt;" in out
    assert '<td class="kd-num">3</td>' in out
