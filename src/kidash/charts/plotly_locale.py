"""Plotly's own texts in the page's language: the modebar's tooltips, «Double-click to zoom back out»,
month names on date axes and the decimal comma.

Plotly.js ships only English; its Norwegian locale has month names but an empty dictionary. The
locale travels in each chart's ``config`` (``locale`` + ``locales``), so nothing is registered
globally and nothing is fetched.
"""

from __future__ import annotations

__all__ = ["NB_DICTIONARY", "chart_config"]

# Plotly.js's English texts (their own keys) -> bokmål.
NB_DICTIONARY: dict[str, str] = {
    "Autoscale": "Tilpass aksene",
    "Box Select": "Velg med rektangel",
    "Compare data on hover": "Sammenlign data ved peking",
    "Double-click on legend to isolate one trace": "Dobbeltklikk på forklaringen for å vise bare én serie",
    "Double-click to zoom back out": "Dobbeltklikk for å zoome ut igjen",
    "Download plot": "Last ned diagrammet",
    "Download plot as a png": "Last ned diagrammet som PNG",
    "Download plot as a PNG": "Last ned diagrammet som PNG",
    "Lasso Select": "Velg med lasso",
    "Pan": "Panorer",
    "Produced with Plotly": "Laget med Plotly",
    "Produced with Plotly.js": "Laget med Plotly.js",
    "Reset": "Tilbakestill",
    "Reset axes": "Tilbakestill aksene",
    "Reset view": "Tilbakestill visningen",
    "Reset views": "Tilbakestill visningene",
    "Show closest data on hover": "Vis nærmeste data ved peking",
    "Snapshot succeeded": "Bildet er laget",
    "Sorry, there was a problem downloading your snapshot!": "Beklager, bildet kunne ikke lastes ned.",
    "Taking snapshot - this may take a few seconds": "Lager bilde – dette kan ta noen sekunder",
    "Toggle Spike Lines": "Slå hjelpelinjer av/på",
    "Toggle show closest data on hover": "Slå visning av nærmeste data av/på",
    "Zoom": "Zoom",
    "Zoom in": "Zoom inn",
    "Zoom out": "Zoom ut",
    "trace": "serie",
}

NB_FORMAT: dict[str, object] = {
    "days": ["søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"],
    "shortDays": ["søn", "man", "tir", "ons", "tor", "fre", "lør"],
    "months": [
        "januar",
        "februar",
        "mars",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "desember",
    ],  # fmt: skip
    "shortMonths": ["jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des"],
    "date": "%d.%m.%Y",
    "decimal": ",",
    "thousands": "\u00a0",
}


def chart_config(lang: str, config: dict | None = None) -> dict:
    """A Plotly ``config`` with the page's language added (English is Plotly's own).

    >>> chart_config("nb")["locale"], chart_config("nb")["locales"]["nb"]["dictionary"]["Zoom in"]
    ('nb', 'Zoom inn')
    >>> chart_config("en", {"displaylogo": False})
    {'displaylogo': False, 'locale': 'en'}
    """
    out = dict(config or {})
    if lang == "nb":
        out["locale"] = "nb"
        out["locales"] = {"nb": {"dictionary": dict(NB_DICTIONARY), "format": dict(NB_FORMAT)}}
    else:
        out["locale"] = "en"
    return out
