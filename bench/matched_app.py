"""The network page's Streamlit elements with none of kidash's work: a second yardstick for bench_sessions.py.

The same frame (navigation, language switch, five sidebar filters with as many options as the
shipped map has, two of them and the people toggle in a popover, the date controls in another,
three small scripts) and the same page (title, text, three controls and a popover holding one
more and two toggles, a count, a bidirectional component given 35 kB of JSON, two download
buttons, two closed expanders), each drawn with fixed values. What a run of it costs is what
Streamlit itself costs for a page of that shape.
"""

import datetime as dt
import json

import streamlit as st

OPTIONS = {"Region": 6, "Type": 8, "Initiativ": 21, "Vis bare": 3, "Relasjoner": 14}
ACTORS = [f"Aktør {n}" for n in range(72)]
PAYLOAD = json.dumps({"nodes": [{"id": n, "label": f"Aktør {n}", "x": n, "y": n, "card": [["p", "x" * 300]]}
                                for n in range(72)]})  # fmt: skip
_MOUNT: list = []


def component():
    if not _MOUNT:
        _MOUNT.append(st.components.v2.component("matched.network", html="<div></div>", js="export default () => {}"))
    return _MOUNT[0]


def network_page() -> None:
    st.title("Nettverket av roller og samarbeid")
    st.markdown("Piler går fra den som har rollen til der rollen holdes. **Klikk** en node for kortet.")
    columns = st.columns([1.1, 0.9, 1.5, 0.8, 1.2], vertical_alignment="bottom")
    columns[0].radio("Visning", ["Roller", "Samarbeid"], horizontal=True, key="view")
    columns[1].selectbox("Farge etter", ["Type", "Region", "Initiativ", "Fellesskap"], key="colour")
    columns[2].selectbox("Fokus på aktør", ACTORS, index=None, placeholder="Hele kartet", key="focus")
    more = columns[4].popover("Tegnevalg", icon=":material/tune:")
    more.selectbox("Størrelse etter", ["Lenker", "Mellomhet", "Initiativer"], key="size")
    more.toggle("Fysikk", key="physics", help="Nodene finner plassen sin")
    more.toggle("Marker endringer", key="marks", help="Siden forrige dato")
    st.markdown("Viser **72** noder og **133** lenker.")
    component()(key="network", data=PAYLOAD, height="content")
    left, right = st.columns(2)
    left.download_button("Last ned PNG", data=lambda: b"png", file_name="x.png", on_click="ignore", key="png")
    right.download_button("Last ned HTML", data=lambda: b"html", file_name="x.html", on_click="ignore", key="html")
    st.expander("Eksport", key="export", on_change="rerun")
    st.expander("Tabeller", key="tables", on_change="rerun")


def other_page() -> None:
    st.title("Oversikt")


st.set_page_config(page_title="matched", layout="wide")
st.sidebar.selectbox("Språk / Language", ["Norsk (bokmål)", "English"], key="lang")
navigation = st.navigation([st.Page(other_page, title="Oversikt", url_path="home", default=True),
                            st.Page(network_page, title="Nettverk", url_path="nettverk")])  # fmt: skip
st.html("<script>document.documentElement.lang = 'nb';</script>", unsafe_allow_javascript=True)
st.html("<script>window.kdSession = 1;</script>", unsafe_allow_javascript=True)
st.html("<script>window.kdPopoverFocus = 1;</script>", unsafe_allow_javascript=True)
st.sidebar.header("Filtre")
more_filters = None
for n, (label, count) in enumerate(OPTIONS.items()):
    if n == 3:
        more_filters = st.sidebar.popover("Flere filtre", icon=":material/filter_list:", width="stretch")
    place = st.sidebar if n < 3 else more_filters
    place.multiselect(label, [f"{label} {n}" for n in range(count)], placeholder="Alle", key=f"f_{label}")
more_filters.toggle("Vis personer", value=True, key="people")
dates = st.sidebar.popover("Kartet per dato: i dag", icon=":material/history:", width="stretch")
dates.date_input("Kartet per dato", value=None, min_value=dt.date(2020, 1, 1), key="as_of")
dates.button("Forrige dato", key="prev", width="stretch")
dates.button("Neste dato", key="next", width="stretch")
dates.button("Spill av datoene", key="play", width="stretch")
st.sidebar.button("Nullstill filtre", key="reset")
navigation.run()
