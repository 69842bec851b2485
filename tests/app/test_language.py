"""No Norwegian UI text on an English page, and no English UI text on a Norwegian one."""

import re

import pytest

from kidash import i18n
from kidash.pages import PAGE_NAMES

PAGES = list(PAGE_NAMES)


def fixed_strings(index: int) -> set[str]:
    """UI strings without placeholders that differ between the languages."""
    other = 1 - index
    return {
        pair[index]
        for pair in i18n.STRINGS.values()
        if "{" not in pair[index] and pair[index] != pair[other] and len(pair[index]) > 6
    }


def shown_text(at) -> str:
    parts = []
    for kind in ("title", "header", "subheader", "markdown", "info", "warning", "expander"):
        for element in at.get(kind):
            parts.append(getattr(element, "value", None) or getattr(element, "label", "") or "")
    for kind in (
        "selectbox",
        "multiselect",
        "radio",
        "toggle",
        "button",
        "download_button",
        "select_slider",
        "file_uploader",
        "text_input",
    ):
        for element in at.get(kind):
            parts.append(element.label if hasattr(element, "label") else element.proto.label)
    return "\n".join(str(p) for p in parts)


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("lang", ["nb", "en"])
def test_page_shows_only_its_language(app, name, lang):
    at = app(lang=lang, actor="helsedirektoratet", **{"from": "helse-nord-rhf", "to": "hemit"})
    at.switch_page(f"app_pages/{name}.py").run()
    assert not at.exception
    text = shown_text(at)
    for pair in i18n.STRINGS.values():  # the same in both languages on purpose, e.g. «Språk / Language»
        if pair[0] == pair[1]:
            text = text.replace(pair[0], "")
    foreign = fixed_strings(0 if lang == "en" else 1)
    leaked = sorted(s for s in foreign if re.search(rf"(?<!\w){re.escape(s)}(?!\w)", text))
    assert leaked == []


def test_the_check_catches_a_leaked_string(app, monkeypatch):
    nb, _ = i18n.STRINGS["network.heading"]
    monkeypatch.setitem(i18n.STRINGS, "network.heading", (nb, nb))  # English page would show Norwegian
    at = app(lang="en")
    at.switch_page("app_pages/nettverk.py").run()
    assert nb in shown_text(at)
    monkeypatch.setitem(i18n.STRINGS, "network.heading", (nb, "The network of roles and collaboration"))
    assert nb in fixed_strings(0)
