"""Actor profile: who the actor is, every role with its source, people, neighbours, events, ego graph."""

import datetime as dt

import streamlit as st

from kidash import i18n
from kidash.app import cache, export_panel, frame, living, network, show, state
from kidash.charts import report
from kidash.map import profile
from kidash.map.filters import Filters, ego_network

page = frame.open_page("aktor")
lang, dataset, full = page.lang, page.dataset, page.full
actor = state.actor_picker("actor", i18n.t("profile.choose", lang), full, i18n.t("profile.choose.help", lang))
if actor is None:
    st.info(i18n.t("profile.pick", lang))
    st.stop()

name = page.names[actor]
show.heading(name)
living.edit_links(lang, actor)  # where the map can be edited: this actor's form, and its history
page.table("actor-facts", lambda: profile.actor_facts(dataset, actor, lang), actor, lang)
roles = page.per_view("actor-roles", lambda: profile.actor_roles(full, actor, page.documents, lang), actor, lang)
for key, table in zip(("profile.held", "profile.received"), roles, strict=True):
    show.heading(i18n.t(key, lang, name=name), 3)
    show.or_none(table.empty, lambda t=table, k=key: page.table(k, lambda: t.drop(columns="id"), actor, lang), lang)
is_person = full.nodes[actor]["kind"] == "person"
for key, linked in (
    ("profile.organisations" if is_person else "profile.people", profile.actor_people(full, actor)),
    ("profile.neighbours", profile.actor_neighbours(full, actor)),
):
    st.subheader(i18n.t(key, lang))
    show.or_none(not linked, lambda linked=linked: show.actor_links(linked, page.names), lang)

# Roles over time: when each role began (or was first known) and whether a source ends it; the map's date marked.
st.subheader(i18n.t("profile.time", lang))
as_of = page.filters.as_of
timed = page.per_view(
    "actor-time", lambda: report.roles_time_chart(full, actor, page.documents, lang, as_of),
    actor, lang, as_of, dt.date.today(),  # open roles run to today
)  # fmt: skip
show.or_none(not timed, lambda: show.chart(timed[0]), lang)

st.subheader(i18n.t("profile.events", lang))
events = page.per_view("actor-events", lambda: profile.actor_events(dataset, actor, lang), actor, lang)
show.or_none(events.empty, lambda: show.table(events), lang)

st.subheader(i18n.t("profile.ego", lang))
shown = cache.network_view(dataset, Filters(), lang, focus=actor, height=460)
network.show_network(shown, lang, key="a_network")
about = {"title": f"kidash – {name}", "about": name, "graph": ego_network(full, actor, 1)}
export_panel.export_panel(page, lambda: shown.charts() + timed, choices=(actor, as_of), **about)
