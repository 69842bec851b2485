"""What you click is what you get: random sequences of what a person does, checked against a model.

Hypothesis drives the real dashboard through AppTest: choose and clear
filters, pick actors and page choices (several in a row), change page as the
navigation menu does (it clears the query string), change language, reload
from the current URL, open a link. After every step the widgets, the numbers
the pages show and the query string must equal the model's view. The model
is written here from the issue's rules, not taken from the package.

``KIDASH_STATEFUL_EXAMPLES`` sets how many sequences run (CI: a few dozen;
``make test-long``: many more).
"""

from __future__ import annotations

import os
import re

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from kidash import i18n
from kidash.data.dataset import load_dataset
from kidash.map import summary
from kidash.map.filters import Filters, filter_graph
from kidash.map.graph import build_graph, main_initiatives
from kidash.pages import PAGE_NAMES, page_file
from kidash.view.dates import field_text
from tests.app.conftest import open_app, widget

DATASET = load_dataset()
GRAPH = build_graph(DATASET)
NODES = GRAPH.nodes(data=True)
FIRST_MAIN = main_initiatives(GRAPH)[0]

# The model's own tables: parameter -> (widget key, default, options).
SHARED = {
    "lang": ("lang", "nb", ["nb", "en"]),
    "region": ("f_region", (), sorted({d["region"] for _, d in NODES})),
    "type": ("f_type", (), sorted({d["type"] for _, d in NODES if d["kind"] == "organisation"})),
    "initiative": ("f_initiative", (), sorted(n for n, d in NODES if d["kind"] in ("initiative", "event"))),
    "kind": ("f_kind", (), sorted({d["kind"] for _, d in NODES})),
    "relation": ("f_relation", (), sorted({d["relation"] for *_, d in GRAPH.edges(data=True)})),
    "people": ("f_people", True, [True, False]),
    # the map as of a date (None: everything); dates around the sources' own (2021-06-10 ... 2025-08-12)
    "asof": ("f_as_of", None, [None, "2021-06-10", "2022-01-01", "2022-03-16", "2024-01-01", "2025-08-12"]),
    "time": ("f_time", "stated", ["stated", "in_force"]),
}
DATES = [d for d in SHARED["asof"][2] if d]
ACTORS = ["ks", "dnv", "hemit", "ntnu-norwai", "kin", "helsedirektoratet", "helse-vest-rhf"]
OWN = {
    "nettverk": {
        "view": ("n_view", "roles", ["roles", "collaboration"]),
        "colour": ("n_colour", "type", ["type", "region", "initiative", "community"]),
        "size": ("n_size", "degree", ["degree", "betweenness", "initiatives"]),
        "focus": ("n_focus", None, ACTORS),
        "depth": ("n_depth", 1, [1, 2, 3]),
        "physics": ("n_physics", False, [False, True]),
        "changes": ("n_changes", False, [False, True]),
    },
    "initiativer": {"i": ("i_initiative", FIRST_MAIN, main_initiatives(GRAPH))},
    "aktor": {"actor": ("a_actor", None, ACTORS)},
    "analyse": {
        "measure": ("an_measure", "betweenness", ["degree", "betweenness", "closeness", "eigenvector"]),
        "from": ("an_from", None, ACTORS),
        "to": ("an_to", None, ACTORS),
    },
    "data": {"table": ("d_table", "actors", ["actors", "relations", "events", "documents", "background"])},
}
PAGES = list(PAGE_NAMES)
HEADINGS = {
    "home": "home.heading",
    "nettverk": "network.heading",
    "initiativer": "initiatives.heading",
    "aktor": "profile.heading",
    "tidslinje": "timeline.heading",
    "analyse": "analysis.heading",
    "data": "data.heading",
    "rediger": "edit.heading",
    "historikk": "history.heading",
    "kart": "maps.heading",
    "dokument": "document.heading",
}
PICKS = [(page, param) for page, fields in OWN.items() for param in fields]


def _url_value(value) -> str | list[str] | None:
    """A value as AppTest's query_params shows it (one value: str; several: list)."""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, tuple):
        return [str(v) for v in value] if len(value) > 1 else str(value[0])
    return str(value)


def defaults() -> dict:
    values = {param: spec[1] for param, spec in SHARED.items()}
    for page, fields in OWN.items():
        values.update({(page, param): spec[1] for param, spec in fields.items()})
    return values


def expected_query(model: dict, page: str) -> dict:
    """The URL the model's view has on ``page``: shared fields and the page's own, defaults out."""
    query = {}
    for param, (_, default, _) in SHARED.items():
        if model[param] != default:
            query[param] = _url_value(model[param])
    for param, (_, default, _) in OWN.get(page, {}).items():
        if model[(page, param)] not in (default, None):
            query[param] = _url_value(model[(page, param)])
    return query


def model_filters(model: dict) -> Filters:
    return Filters(
        regions=model["region"],
        org_types=model["type"],
        kinds=model["kind"],
        relations=model["relation"],
        initiatives=model["initiative"],
        show_people=model["people"],
        as_of=model["asof"] or "",
        time_basis=model["time"],
    )


class ViewMachine(RuleBasedStateMachine):
    """A person using the dashboard, step by step, and the view they should be seeing."""

    def __init__(self):
        super().__init__()
        self.page = "home"
        self.model = defaults()
        self.at = open_app("home")

    # --- what a person does -------------------------------------------------

    def _go(self, page: str) -> None:
        """Click ``page`` in the navigation menu: Streamlit clears the query string and changes page."""
        self.at.query_params.clear()
        self.at.switch_page(page_file(page)).run()
        self.page = page

    @rule(page=st.sampled_from(PAGES))
    def navigate(self, page):
        self._go(page)

    @rule(param=st.sampled_from(["region", "type", "initiative", "kind", "relation"]), data=st.data())
    def add_filter_value(self, param, data):
        key, _, options = SHARED[param]
        value = data.draw(st.sampled_from(options))
        if value in self.model[param]:
            return
        widget(self.at, "multiselect", key).select(value).run()
        self.model[param] = (*self.model[param], value)

    @rule(param=st.sampled_from(["region", "type", "initiative", "kind", "relation"]), data=st.data())
    def remove_filter_value(self, param, data):
        if not self.model[param]:
            return
        value = data.draw(st.sampled_from(self.model[param]))
        widget(self.at, "multiselect", SHARED[param][0]).unselect(value).run()
        self.model[param] = tuple(v for v in self.model[param] if v != value)

    @rule()
    def toggle_people(self):
        widget(self.at, "toggle", "f_people").set_value(not self.model["people"]).run()
        self.model["people"] = not self.model["people"]

    @rule(date=st.sampled_from(DATES))
    def set_date(self, date):
        widget(self.at, "text_input", "f_as_of").set_value(field_text(date)).run()
        self.model["asof"] = date

    @rule()
    def back_to_today(self):
        if self.model["asof"] is None:
            return  # the button is there only with a date
        self.at.button(key="f_as_of_clear").click().run()
        self.model["asof"], self.model["time"] = None, "stated"

    @rule(basis=st.sampled_from(["stated", "in_force"]))
    def choose_time_basis(self, basis):
        if self.model["asof"] is None:
            return  # without a date the choice is not shown
        widget(self.at, "radio", "f_time").set_value(basis).run()
        self.model["time"] = basis

    @rule()
    def reset_filters(self):
        self.at.button(key="f_reset").click().run()
        for param in ("region", "type", "initiative", "kind", "relation", "people", "asof", "time"):
            self.model[param] = SHARED[param][1]

    @rule(lang=st.sampled_from(["nb", "en"]))
    def switch_language(self, lang):
        self.at.selectbox(key="lang").select(lang).run()
        self.model["lang"] = lang

    @rule(pick=st.sampled_from(PICKS), data=st.data())
    def pick(self, pick, data):
        page, param = pick
        key, _, options = OWN[page][param]
        if self.page != page:
            self._go(page)
        if param == "depth" and self.model[("nettverk", "focus")] is None:
            return  # the depth slider is shown only with a focus
        optional = OWN[page][param][1] is None
        value = data.draw(st.sampled_from([*options, None] if optional else options))
        self._widget(key).set_value(value).run()
        self.model[(page, param)] = value

    @rule()
    def reload_from_url(self):
        """Copy the URL into a new window: only what the URL holds comes along."""
        query = dict(self.at.query_params)
        self.at = open_app(self.page, **query)
        kept = {k: v for k, v in self.model.items() if not (isinstance(k, tuple) and k[0] != self.page)}
        self.model = {**defaults(), **kept}

    @rule(page=st.sampled_from(PAGES), data=st.data())
    def open_link(self, page, data):
        """Open a link someone sent: a random valid view of a random page."""
        model = defaults()
        for param, (_, default, options) in SHARED.items():
            if isinstance(default, tuple):
                model[param] = tuple(data.draw(st.lists(st.sampled_from(options), max_size=2, unique=True)))
            else:
                model[param] = data.draw(st.sampled_from(options))
        for param, (_, default, options) in OWN.get(page, {}).items():
            model[(page, param)] = data.draw(st.sampled_from([*options, None] if default is None else options))
        self.at = open_app(page, **expected_query(model, page))
        self.page, self.model = page, model

    # --- what must hold after every step -------------------------------------

    def _widget(self, key):
        for kind in ("selectbox", "multiselect", "toggle", "radio", "select_slider", "button_group", "text_input"):
            try:
                return widget(self.at, kind, key)
            except KeyError:
                continue
        raise AssertionError(f"no widget {key!r} on {self.page}")

    @invariant()
    def page_ran(self):
        assert not self.at.exception, [e.value for e in self.at.exception]
        heading = i18n.t(HEADINGS[self.page], self.model["lang"])
        assert self.at.title[0].value == heading

    @invariant()
    def widgets_show_the_model(self):
        for param, (key, _, _) in SHARED.items():
            if param == "time" and self.model["asof"] is None:
                assert key not in [radio.key for radio in self.at.radio]  # asked only with a date
                continue
            value = self._widget(key).value
            expected = self.model[param]
            if param == "asof":
                expected = field_text(expected)  # the date field holds text as people type it; the model ISO
            assert (tuple(value) if isinstance(expected, tuple) else value) == expected, (param, value, expected)
        for param, (key, _, _) in OWN.get(self.page, {}).items():
            if param == "depth" and self.model[("nettverk", "focus")] is None:
                continue
            assert self._widget(key).value == self.model[(self.page, param)], (param, self._widget(key).value)

    @invariant()
    def url_is_the_model(self):
        assert dict(self.at.query_params) == expected_query(self.model, self.page)

    @invariant()
    def pages_use_the_model_filters(self):
        graph = filter_graph(GRAPH, model_filters(self.model))
        if self.page == "home":
            counts = summary.view_counts(DATASET, graph)
            shown = self.at.metric[0].value
            assert re.match(rf"^{counts['organisations']}\b", shown), (shown, counts)
        elif self.page == "nettverk" and self.model[("nettverk", "focus")] is None:
            text = next(m.value for m in self.at.markdown if m.value.startswith(("Viser", "Showing")))
            nodes = int(re.findall(r"\*\*(\d+)\*\*", text)[0])
            if self.model[("nettverk", "view")] == "roles":
                assert nodes == graph.number_of_nodes(), (nodes, graph.number_of_nodes())


EXAMPLES = int(os.environ.get("KIDASH_STATEFUL_EXAMPLES", "12"))
ViewMachine.TestCase.settings = settings(
    max_examples=EXAMPLES,
    stateful_step_count=int(os.environ.get("KIDASH_STATEFUL_STEPS", "8")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=os.environ.get("CI", "").lower() == "true",
)


@pytest.mark.timeout(1200)
class TestViewMachine(ViewMachine.TestCase):
    """Runs the machine (sequences per KIDASH_STATEFUL_EXAMPLES)."""
