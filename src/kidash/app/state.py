"""The session's view state in Streamlit: read links, bind widgets, write the URL.

What you click is what you get. One :class:`~kidash.view.state.ViewState`
per session holds every choice; widgets are drawn from it and write back to
it in their ``on_change`` callbacks (which run before the script), and the URL
is rewritten from it on every run. The URL is read into the state only when a
person really arrives through a link:

- the session's first run;
- a query string that differs from what the app itself wrote last run (a
  link into a running session, or the browser's back and forward buttons).

An empty query string on a later run is the navigation menu (Streamlit
clears the query string when it changes page): the state is kept and the
URL is written again for the new page, so a copied link opens the same view.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from kidash import i18n
from kidash.map import find
from kidash.map.filters import Filters
from kidash.map.graph import names_of
from kidash.pages import DEFAULT_PAGE, PAGE_BY_NAME, PAGES, page_file
from kidash.safety import escape_markdown
from kidash.view.choices import Choices
from kidash.view.dates import field_text, read_date
from kidash.view.state import DATE_ATTRS, FIELD_BY_ATTR, FILTER_ATTRS, ViewState, own_fields, shared_fields
from kidash.view.url import decode, encode, normalise, query_string

__all__ = [
    "begin",
    "enter",
    "view",
    "language",
    "current_filters",
    "bind",
    "widget_key",
    "tuck",
    "reset_filters",
    "change",
    "forget",
    "page_link",
    "app_pages",
    "page_target",
    "link_to",
    "choices",
    "actor_picker",
    "changed",
    "more",
    "arrived_query",
    "set_marks",
    "marks",
]

_VIEW = "kd_view"  # the ViewState
_WRITTEN = "kd_url_written"  # the query the app wrote last run
_ARRIVAL = "kd_url_arrival"  # this run's query when it is read as a link
_REJECTED = "kd_url_rejected"  # values of this run's link that were not understood
_CHOICES = "kd_view_choices"  # what each field may hold in the data shown
_PAGES = "kd_pages"  # this session's st.Page objects by language: made once (each resolves its file)
# In the URL while the session shows its own upload: a link (or a reconnection to another server)
# that arrives with it in a session without that upload says the upload is not here.
OWN_DATA = ("data", "own")
# What the URL says of the data shown besides the view (own data, another map, the map at a past
# change), set by kidash.app.session each run and carried by every link the app writes.
_MARKS = "kd_url_marks"
# The widgets of a closed popover are not drawn in the browser, which keeps their last state and
# sends it back with the next run: a value the app set meanwhile (reset, a link, a step) would be
# undone by the old one. A widget in a popover whose value the app changed is drawn under a new key,
# so the browser's old state for it is for a widget that is gone.
_TUCKED = "kd_tucked"  # the view's attributes whose widgets sit in a popover
_GENERATIONS = "kd_widget_generations"  # attr -> how often the app changed a tucked widget's value
_BAD_DATES = "kd_bad_dates"  # attr -> what a person typed in a date field that is not a date
# Kept when the session switches to other data (see forget()).
STATE_KEYS = frozenset({_VIEW, _WRITTEN, _CHOICES, _PAGES, _GENERATIONS, _TUCKED})


def _query() -> dict[str, tuple[str, ...]]:
    return {param: tuple(st.query_params.get_all(param)) for param in st.query_params.keys()}  # noqa: SIM118


def _history_navigation() -> bool:
    ctx = get_script_run_ctx()
    return bool(getattr(ctx, "is_history_navigation", False))


def view() -> ViewState:
    """This session's view (defaults before the first run has begun)."""
    return st.session_state.get(_VIEW) or ViewState()


def language() -> str:
    """The language of this session's view."""
    return view().lang


def current_filters() -> Filters:
    """The sidebar filters of this session's view."""
    return view().filters()


def choices() -> Choices:
    """What each field may hold in the data this session shows."""
    return st.session_state[_CHOICES]


def arrived_query() -> dict[str, tuple[str, ...]] | None:
    """This run's query when the run arrived through a link (the session's first run, or a query
    the app did not write itself), else None."""
    query = _query()
    first = st.session_state.get(_VIEW) is None
    if first or (query != st.session_state.get(_WRITTEN) and (bool(query) or _history_navigation())):
        return query
    return None


def set_marks(params: dict[str, tuple[str, ...]]) -> None:
    """What the URL says of the data shown this run (:data:`OWN_DATA`, the map, a past change)."""
    st.session_state[_MARKS] = dict(params)


def marks() -> dict[str, tuple[str, ...]]:
    """The data's marks in the URL this run."""
    return st.session_state.get(_MARKS, {})


def begin(valid: Choices) -> ViewState:
    """Start a run: read the shared fields (language, filters) from the URL if this run
    arrived through a link, and fit the state to the data shown. Call before the navigation."""
    query = _query()
    state = st.session_state.get(_VIEW)
    arrived = arrived_query() is not None
    rejected: tuple = ()
    if arrived:
        state, rejected = decode(query, shared_fields(), valid, state)
    st.session_state[_ARRIVAL] = query if arrived else None
    st.session_state[_REJECTED] = rejected
    st.session_state[_CHOICES] = valid
    st.session_state[_VIEW] = normalise(state, valid)
    return st.session_state[_VIEW]


def enter(page: str, lang: str) -> None:
    """Finish reading a link with the fields of ``page``, say what was not understood,
    and write the URL of the view on this page, with the data's :func:`marks`."""
    valid = choices()
    state = view()
    query = st.session_state.pop(_ARRIVAL, None)
    rejected = tuple(st.session_state.pop(_REJECTED, ()))
    if query is not None:
        state, more = decode(query, own_fields(page), valid, state)
        st.session_state[_VIEW] = state
        rejected += more
    if rejected:
        values = ", ".join(f"{r.param}={r.value}" for r in rejected)
        st.warning(i18n.md("url.rejected", lang, values=values), icon=":material/link_off:")
    param, marker = OWN_DATA
    if query is not None and marker in query.get(param, ()) and marker not in marks().get(param, ()):
        st.warning(i18n.t("url.own_data_lost", lang), icon=":material/cloud_off:")
    written = {param: tuple(values) for param, values in encode(state, page, valid).items()}
    written.update(marks())
    # Written when it differs from the query the run came with, and always after a link into the
    # running session: a link to the page one is on (the profile's links to other actors) gives the
    # server its query, but the browser's address bar keeps the old one until the app writes it.
    if written != _query() or query is not None:
        st.query_params.from_dict({param: list(values) for param, values in written.items()})
    st.session_state[_WRITTEN] = written


def widget_key(attr: str) -> str:
    """The session-state key of the widget that shows the view's ``attr`` (the field's widget
    name, with a generation once the app has changed the value of a widget in a popover)."""
    base = FIELD_BY_ATTR[attr].widget
    generation = st.session_state.get(_GENERATIONS, {}).get(attr, 0)
    return f"{base}_{generation}" if generation else base


def tuck(attrs) -> None:
    """Say that the widgets of ``attrs`` are drawn in a popover (see :func:`widget_key`)."""
    st.session_state.setdefault(_TUCKED, set()).update(attrs)


def _widget_value(attr: str):
    """The view's ``attr`` as its widget holds it (a list for many values, a date field's text)."""
    value = getattr(view(), attr)
    if attr in DATE_ATTRS:
        return st.session_state.get(_BAD_DATES, {}).get(attr) or field_text(value)
    return list(value) if isinstance(value, tuple) else value


def _store(attr: str) -> None:
    """A widget's callback: its new value becomes the view's (a date field's text read as a date;
    text that is not one is kept in the field with a message, and the view keeps its date)."""
    value = st.session_state.get(widget_key(attr))
    if isinstance(getattr(ViewState(), attr), tuple):
        value = tuple(value or ())
    if attr in DATE_ATTRS:
        bad = st.session_state.setdefault(_BAD_DATES, {})
        try:
            value = read_date(value or "")
        except ValueError:
            bad[attr] = value
            return
        bad.pop(attr, None)
    st.session_state[_VIEW] = replace(view(), **{attr: value})


def bind(widget, attr: str, *args, **kwargs):
    """Draw ``widget`` (e.g. ``st.sidebar.multiselect``) showing the view's ``attr``; a change
    by the person becomes the view's. Returns the view's value (a tuple for many values).

    A date is shown and typed as text (:func:`kidash.view.dates.read_date` reads what people
    type), with a message under the field when the text is not a date."""
    shown = _widget_value(attr)
    key = widget_key(attr)
    if attr in st.session_state.get(_TUCKED, ()) and key in st.session_state and st.session_state[key] != shown:
        generations = st.session_state.setdefault(_GENERATIONS, {})
        generations[attr] = generations.get(attr, 0) + 1
        key = widget_key(attr)
    st.session_state[key] = shown
    widget(*args, key=key, on_change=_store, args=(attr,), **kwargs)
    bad = st.session_state.get(_BAD_DATES, {}).get(attr)
    if bad:
        container = getattr(widget, "__self__", st)
        container.error(i18n.md("date.bad", view().lang, text=bad), icon=":material/event_busy:")
    return getattr(view(), attr)


def change(**changes) -> bool:
    """Make ``changes`` part of the view if the data allows every value (None clears an
    optional field); anything else is ignored. Returns whether the view took them."""
    valid = choices()
    for attr, value in changes.items():
        field = FIELD_BY_ATTR[attr]
        if not ((value is None and field.optional) or valid.allows(attr, value)):
            return False
    st.session_state[_VIEW] = replace(view(), **changes)
    for attr in changes:  # a date the app sets replaces what was typed wrong
        st.session_state.get(_BAD_DATES, {}).pop(attr, None)
    return True


def reset_filters() -> None:
    """Every sidebar filter back to «all», whether its widget is drawn at the moment or not (a
    button's callback); a date typed wrong is forgotten with it."""
    defaults = ViewState()
    st.session_state[_VIEW] = replace(view(), **{attr: getattr(defaults, attr) for attr in FILTER_ATTRS})
    for attr in FILTER_ATTRS:
        st.session_state.get(_BAD_DATES, {}).pop(attr, None)


def forget() -> None:
    """Back to the default view, keeping the language (the data shown changes)."""
    st.session_state[_VIEW] = ViewState(lang=view().lang)


def _query_of(page: str, changes: dict) -> dict[str, list[str]]:
    """The query string of ``page`` showing this view with ``changes`` (and the data's marks)."""
    return {**encode(replace(view(), **changes), page, choices()), **{k: list(v) for k, v in marks().items()}}


def link_to(page: str, **changes) -> str:
    """The URL (path and query) of ``page`` showing this view with ``changes``."""
    query = query_string(_query_of(page, changes))
    return "/" + ("" if page == DEFAULT_PAGE else page) + (f"?{query}" if query else "")


def choose(attr: str, label: str, labels: str | None = None, widget=None, **kwargs):
    """A choice among the values the view's ``attr`` may hold (a selectbox unless ``widget`` is
    given, e.g. ``column.radio``), bound to the view. ``labels`` is the i18n key prefix that
    names each value (``network.colour`` → ``network.colour.type``)."""
    if labels is not None:
        lang = view().lang
        kwargs["format_func"] = lambda value: i18n.t(f"{labels}.{value}", lang)
    return bind(widget or st.selectbox, attr, label, choices().options[attr], **kwargs)


def changed(attrs) -> int:
    """How many choices in the view's ``attrs`` are not at their default: each value picked in (or
    taken out of) a list counts, as a person counts what they picked."""
    valid = choices()
    count = 0
    for attr in attrs:
        value, default = getattr(view(), attr), valid.default(attr)
        if isinstance(value, tuple) and isinstance(default, tuple):
            count += len(set(value) ^ set(default))
        else:
            count += value != default
    return count


def more(label: str, attrs, container=None, **kwargs):
    """A popover for the less-used controls of ``attrs`` (drawn inside it by the caller). Closed,
    the browser does not draw what it holds; so that nothing chosen is hidden, its label says how
    many of them are not at their default."""
    count = changed(attrs)
    tuck(attrs)
    return (container or st).popover(
        i18n.md("more.count", view().lang, label=label, count=count) if count else escape_markdown(label), **kwargs
    )


def actor_picker(attr: str, label: str, graph, placeholder: str, container=None) -> str | None:
    """A searchable choice of one actor (by name in the page's language) bound to the view's ``attr``.

    A map of more than :data:`kidash.map.find.PICKER_LIMIT` actors gets a box to type a name in above
    the choice, which then offers the chosen actor and what the name finds (or the best linked):
    the whole list would go to the browser on every run."""
    place = container or st
    lang = view().lang
    everyone = choices().options[attr]
    options = everyone
    if len(everyone) > find.PICKER_LIMIT:
        numbers = {"total": i18n.format_number(len(everyone), lang), "shown": find.PICKER_LIMIT}
        query = place.text_input(
            i18n.md("picker.find", lang, label=label),
            key=f"{FIELD_BY_ATTR[attr].widget}_find",
            placeholder=i18n.t("picker.find.placeholder", lang),
            help=i18n.md("picker.find.help", lang, **numbers),
        )
        options = find.picker_options(graph, everyone, query or "", getattr(view(), attr), find.PICKER_LIMIT)
    shown = names_of(graph, lang, options)
    return bind(
        place.selectbox,
        attr,
        label,
        options,
        index=None,
        placeholder=placeholder,
        format_func=lambda node: shown.get(node, node),
    )


def app_pages(root: Path, lang: str, with_store: bool = True) -> dict[str, st.Page]:
    """The navigation's pages, titled in ``lang`` (the living map's pages ``with_store`` only): built
    on this session's first run in that language and reused (an ``st.Page`` resolves its file on
    the disk when it is made)."""
    made = st.session_state.setdefault(_PAGES, {})
    if lang not in made:
        made[lang] = {
            page.name: st.Page(
                root / page_file(page.name),
                title=i18n.t(page.title_key, lang),
                icon=page.icon,
                url_path=page.name,
                default=page.name == DEFAULT_PAGE,
            )
            for page in PAGES
        }
    return {name: made_page for name, made_page in made[lang].items() if with_store or not PAGE_BY_NAME[name].store}


def page_target(page: str):
    """What ``st.page_link`` / ``st.switch_page`` are given for one of our pages: the navigation's
    own page object when this session has one (no path to resolve), else the page's file."""
    for pages in st.session_state.get(_PAGES, {}).values():
        return pages[page]
    return page_file(page)


def page_link(page: str, label: str, icon: str | None = None, container=None, marks=None, **changes) -> None:
    """A link to one of our pages (same tab) that keeps this view, with ``changes`` (and other data
    ``marks``: another map, a past change); the label shown literally."""
    query = _query_of(page, changes)
    if marks is not None:
        query = {k: v for k, v in query.items() if k not in ("map", "at", OWN_DATA[0])} | {
            k: list(v) for k, v in marks.items()
        }
    (container or st).page_link(page_target(page), label=escape_markdown(label), query_params=query, icon=icon)
