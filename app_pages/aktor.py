"""Actor profile: who the actor is, every role with its source, people, neighbours, events, ego graph."""

import datetime as dt

import streamlit as st

from kidash import i18n, profile, report, summary, ui, ui_export, ui_state
from kidash.graph import Filters, ego_network, full_name

lang = ui.language()
dataset = ui.current_dataset()
full = ui.full_graph(dataset)
filters = ui.current_filters()

st.title(i18n.t("profile.heading", lang))
if not filters.is_default:
    st.info(i18n.t("filters.not_applied.profile", lang))
actor = ui_state.actor_picker("actor", i18n.t("profile.choose", lang), full, i18n.t("profile.choose.help", lang))
if actor is None:
    st.info(i18n.t("profile.pick", lang))
    st.stop()

name = full_name(full.nodes[actor], lang)
st.header(ui.escape(name))
ui.view_table("actor-facts", dataset, lambda: profile.actor_facts(dataset, actor, lang), actor, lang)

held, received = ui.per_view(
    "actor-roles",
    dataset,
    lambda: profile.actor_roles(full, actor, summary.documents_by_id(dataset, lang), lang),
    actor,
    lang,
)
for key, table in (("profile.held", held), ("profile.received", received)):
    st.subheader(i18n.md(key, lang, name=name))
    if table.empty:
        st.markdown(i18n.t("profile.none", lang))
    else:
        ui.view_table(key, dataset, lambda table=table: table.drop(columns="id"), actor, lang)

is_person = full.nodes[actor]["kind"] == "person"
names = ui.names(dataset, lang)
for key, linked in (
    ("profile.organisations" if is_person else "profile.people", profile.actor_people(full, actor)),
    ("profile.neighbours", profile.actor_neighbours(full, actor)),
):
    st.subheader(i18n.t(key, lang))
    if linked:
        ui.actor_links(linked, names)
    else:
        st.markdown(i18n.t("profile.none", lang))

# Roles over time: when each role began (or was first known) and whether a source ends it; the map's date marked.
st.subheader(i18n.t("profile.time", lang))
as_of = filters.as_of  # the map's date, marked on the roles-over-time chart
timed = ui.per_view(
    "actor-time", dataset,
    lambda: report.roles_time_chart(full, actor, summary.documents_by_id(dataset, lang), lang, as_of),
    actor, lang, as_of, dt.date.today(),  # open roles run to today
)  # fmt: skip
if timed:
    ui.show_chart(timed[0])
else:
    st.markdown(i18n.t("profile.none", lang))

st.subheader(i18n.t("profile.events", lang))
events = ui.per_view("actor-events", dataset, lambda: profile.actor_events(dataset, actor, lang), actor, lang)
if events.empty:
    st.markdown(i18n.t("profile.none", lang))
else:
    ui.table_of(events)

st.subheader(i18n.t("profile.ego", lang))
shown = ui.network_view(dataset, Filters(), lang, focus=actor, height=460)
ui.show_network(shown, lang, key="a_network")
ui_export.export_panel(
    "actor",
    dataset,
    ego_network(full, actor, 1),
    lang,
    lambda: shown.charts() + timed,
    state=(actor, as_of),
    title=f"kidash – {name}",
    about=name,
)
