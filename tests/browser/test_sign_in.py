"""Sign-in and roles as people meet them, in real Chromium, through a real OpenID Connect provider
(panva's oidc-provider on Node, tests/oidc) and Streamlit's own st.login: the redirect to the
provider's login page and back, the buttons each person sees, saving, signing out, a map made
private under a reader's eyes, tampered and expired cookies, and claims that hold markup."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from itsdangerous import TimestampSigner, URLSafeTimedSerializer
from playwright.sync_api import expect

from kidash.store import access, history, manage
from kidash.store.content import map_rows
from kidash.store.maps import get_map
from kidash.store.opening import open_store
from tests.browser.conftest import _free_port, start_server
from tests.browser.helpers import choose, open_page
from tests.components import OidcProvider, need, oidc_available
from tests.unit.test_access import ALLOWED

pytestmark = pytest.mark.browser

COOKIE_SECRET = "kidash-sign-in-test-cookie-secret-0123456789"
USER_COOKIE = "_streamlit_user"


@pytest.fixture(scope="module")
def signed(tmp_path_factory, chromium_path):
    """A kidash server with sign-in through a provider of the test's own; per@example.no owns the
    shared map by configuration (KIDASH_OWNERS)."""
    need(oidc_available(), "no OpenID provider (cd tests/oidc && npm ci)")
    home = tmp_path_factory.mktemp("signed")
    port = _free_port()
    callback = f"http://127.0.0.1:{port}/oauth2callback"
    provider = OidcProvider([callback])
    secrets = home / "secrets.toml"
    secrets.write_text(provider.secrets_toml(callback, COOKIE_SECRET))
    env = {"KIDASH_HOME": str(home), "KIDASH_DATABASE_URL": "", "KIDASH_OWNERS": "per@example.no"}
    try:
        process, url = start_server(env, ("--secrets.files", str(secrets)), port=port)
    except Exception:
        provider.stop()
        raise
    store = open_store(f"sqlite:///{home / 'kidash.sqlite3'}")
    store.policy = access.Policy(sign_in=True, local_editing=False)  # the server's rule, asked here too
    yield url, store
    process.terminate()
    process.wait(timeout=10)
    provider.stop()


def sidebar(page):
    return page.get_by_test_id("stSidebar")


def sign_in(browser, url: str, login: str):
    """A new browser (its own cookies) whose person signs in as ``login`` on the provider's page."""
    page = browser.new_context(viewport={"width": 1300, "height": 1100}, locale="nb-NO").new_page()
    open_page(page, url)
    sidebar(page).get_by_role("button", name="Logg inn").click()
    page.locator("input[name=login]").fill(login)  # the provider's own login page
    page.locator("input[name=password]").fill("hva som helst")
    page.locator("button[type=submit]").click()
    expect(sidebar(page).get_by_text("Innlogget som")).to_be_visible(timeout=30_000)
    return page


def test_an_editor_edits_a_reader_sees_it_and_loses_the_map_when_it_is_made_private(signed, browser):
    url, store = signed
    per = sign_in(browser, url, "per")
    expect(sidebar(per).get_by_text("Innlogget som Per Eier (per@example.no)")).to_be_visible()

    # Per makes a map of his own (a copy of the shared one): private at first, his to lead.
    runs = open_page(per, f"{url}/kart")
    per.get_by_text("En kopi av kartet du ser").click()
    per.get_by_label("Navn", exact=True).fill("Helse Vest-kartet")
    runs.after(lambda: per.get_by_role("button", name="Lag kartet").click())
    expect(per.get_by_text("Helse Vest-kartet").first).to_be_visible()
    expect(per).to_have_url(re.compile(r"map=helse-vest-kartet"))
    assert access.check(store, access.ANONYMOUS, "view", "helse-vest-kartet")[1] == "access.not_found"
    # ... open to everyone signed in; Kari may change it.
    per.get_by_text("innloggede", exact=True).click()
    runs.after(lambda: per.get_by_role("button", name="Bruk").click())
    expect(per.get_by_text("Nå kan innloggede se kartet.")).to_be_visible()
    per.get_by_label("E-postadresse").fill("kari@example.no")
    per.get_by_label("E-postadresse").press("Tab")
    choose(per, runs, "Rolle", "redaktør")
    runs.after(lambda: per.get_by_role("button", name="Sett rolle").click())
    expect(per.get_by_text("kari@example.no: redaktør.")).to_be_visible()

    # Ola, signed in but no member, reads the map; he is offered no way to change it.
    ola = sign_in(browser, url, "ola")
    open_page(ola, f"{url}/aktor?map=helse-vest-kartet&actor=dnv")
    expect(ola.get_by_role("heading", level=2).first).to_be_visible()
    expect(ola.get_by_role("link", name="Endre aktøren")).to_have_count(0)
    olas_edit = ola.context.new_page()
    open_page(olas_edit, f"{url}/rediger?map=helse-vest-kartet&what=actors&row=dnv")
    expect(olas_edit.get_by_text("Du er ikke medlem av dette kartet")).to_be_visible()
    expect(olas_edit.get_by_role("button", name="Lagre", exact=True)).to_have_count(0)

    # Kari changes DNV's description; Ola's open page shows it within seconds.
    kari = sign_in(browser, url, "kari")
    runs = open_page(kari, f"{url}/rediger?map=helse-vest-kartet&what=actors&row=dnv")
    box = kari.get_by_label("Beskrivelse", exact=True)
    box.fill("Endret av Kari, som er redaktør.")
    box.press("Tab")
    why = kari.get_by_label("Hvorfor? (kreves)", exact=True)
    why.fill("ny kilde")
    why.press("Tab")
    kari.wait_for_timeout(300)
    runs.after(lambda: kari.get_by_role("button", name="Lagre", exact=True).click())
    expect(kari.get_by_text(re.compile(r"Lagret \(endring \d+\)"))).to_be_visible()
    expect(ola.get_by_text("Endret av Kari, som er redaktør.").first).to_be_visible(timeout=10_000)
    assert history.history(store, "helse-vest-kartet", limit=1)[0].author == "Kari Nordmann (kari@example.no)"

    # Per makes the map private: Ola loses it at once (his open page says so and shows the shared map).
    open_page(per, f"{url}/kart?map=helse-vest-kartet")
    per.get_by_text("bare medlemmene", exact=True).click()
    per.get_by_role("button", name="Bruk").click()
    expect(per.get_by_text("Nå kan bare medlemmene se kartet.")).to_be_visible()
    expect(ola.get_by_text("er ikke lenger tilgjengelig for deg")).to_be_visible(timeout=10_000)
    before = len(access.refusals_of(store))
    again = ola.context.new_page()
    open_page(again, f"{url}/aktor?map=helse-vest-kartet&actor=dnv")  # the link no longer opens it
    expect(again.get_by_text("Det finnes ikke noe kart «helse-vest-kartet» her")).to_be_visible()
    refusals = access.refusals_of(store)
    assert len(refusals) > before and refusals[0]["person"] == "Ola Nordmann (ola@example.no)"
    assert refusals[0]["action"] == "view" and refusals[0]["map_slug"] == "helse-vest-kartet"
    # Kari, a member, still has it.
    open_page(kari, f"{url}/aktor?map=helse-vest-kartet&actor=dnv")
    expect(kari.get_by_text("Endret av Kari, som er redaktør.").first).to_be_visible()

    # Kari signs out: editing ends in her browser at once (Streamlit forgets her, then sends her to
    # the provider, which asks whether to sign out there too).
    kari_edit = kari.context.new_page()  # a second tab, open on the form
    open_page(kari_edit, f"{url}/rediger?map=helse-vest-kartet&what=actors&row=dnv")
    expect(kari_edit.get_by_role("button", name="Lagre", exact=True)).to_be_visible()
    sidebar(kari).get_by_role("button", name="Logg ut").click()
    kari.get_by_role("button", name=re.compile("sign me out", re.I)).click()
    # The tab opened before: within seconds, on its own, the private map and its form are gone.
    expect(kari_edit.get_by_text("er ikke lenger tilgjengelig for deg")).to_be_visible(timeout=10_000)
    expect(kari_edit.get_by_text("Logg inn for å endre kart.")).to_be_visible()
    expect(kari_edit.get_by_role("button", name="Lagre", exact=True)).to_have_count(0)
    assert "Skrevet etter utlogging." not in str(map_rows(store, "helse-vest-kartet")[1]["actors"])
    open_page(kari, f"{url}/rediger?map=helse-vest-kartet&what=actors&row=dnv")
    expect(sidebar(kari).get_by_role("button", name="Logg inn")).to_be_visible()
    expect(kari.get_by_role("button", name="Lagre", exact=True)).to_have_count(0)
    expect(kari.get_by_text("Logg inn for å endre kart.")).to_be_visible()
    for page in (per, ola, kari):
        page.context.close()


def _user_cookie(page) -> dict:
    return next(c for c in page.context.cookies() if c["name"] == USER_COOKIE)


class _LongAgo(TimestampSigner):
    def get_timestamp(self) -> int:
        return int(time.time()) - 40 * 86400  # Streamlit keeps a sign-in for 30 days (and a day's grace)


def test_a_tampered_or_expired_sign_in_cookie_is_signed_out(signed, browser):
    url, _ = signed
    ola = sign_in(browser, url, "ola")
    cookie = _user_cookie(ola)
    serializer = URLSafeTimedSerializer(COOKIE_SECRET, salt=USER_COOKIE)
    claims = serializer.loads(cookie["value"])  # what Streamlit signed: the person's claims
    assert "ola@example.no" in claims

    tampered = cookie["value"].replace("ola", "per") if "ola" in cookie["value"] else cookie["value"][:-2] + "xx"
    ola.context.add_cookies([{**cookie, "value": tampered}])
    open_page(ola, url)
    expect(sidebar(ola).get_by_role("button", name="Logg inn")).to_be_visible()
    expect(sidebar(ola).get_by_text("Innlogget som")).to_have_count(0)

    expired = URLSafeTimedSerializer(COOKIE_SECRET, salt=USER_COOKIE, signer=_LongAgo).dumps(claims)
    ola.context.add_cookies([{**cookie, "value": expired}])
    open_page(ola, url)
    expect(sidebar(ola).get_by_role("button", name="Logg inn")).to_be_visible()

    fresh = URLSafeTimedSerializer(COOKIE_SECRET, salt=USER_COOKIE).dumps(claims)  # the control: a good one works
    ola.context.add_cookies([{**cookie, "value": fresh}])
    open_page(ola, url)
    expect(sidebar(ola).get_by_text("Innlogget som Ola Nordmann")).to_be_visible()
    ola.context.close()


def test_claims_holding_markup_and_formulas_are_text_everywhere(signed, browser):
    url, store = signed
    mallory = sign_in(browser, url, "mallory")
    name = '<img src=x onerror=alert(1)> =HYPERLINK("http://x","y")'
    expect(sidebar(mallory).get_by_text(f"Innlogget som {name} (mallory@example.no)")).to_be_visible()
    assert mallory.locator("img[src=x]").count() == 0
    # She makes a map of her own and changes it: the history names her as the provider does.
    runs = open_page(mallory, f"{url}/kart")
    mallory.get_by_text("En kopi av kartet du ser").click()
    mallory.get_by_label("Navn", exact=True).fill("Mallorys kart")
    runs.after(lambda: mallory.get_by_role("button", name="Lag kartet").click())
    expect(mallory).to_have_url(re.compile(r"map=mallorys-kart"))
    open_page(mallory, f"{url}/historikk?map=mallorys-kart")
    expect(mallory.get_by_text(name).first).to_be_visible()
    assert mallory.locator("img[src=x]").count() == 0
    with mallory.expect_download() as download:
        mallory.get_by_role("button", name=re.compile("Last ned")).first.click()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert name.replace('"', '""') in text or name in text
    assert not re.search(r'(^|[,\n])"?=HYPERLINK', text), "a formula reached the spreadsheet"
    assert get_map(store, "mallorys-kart").created_by.startswith("<img")
    mallory.context.close()


def test_what_each_role_is_shown_on_each_kind_of_map(signed, browser):
    """The browser side of the store's matrix (tests/unit/test_access.py): owner, editor, viewer,
    a signed-in stranger and somebody not signed in, on a public, a signed-in-only and a private
    map: whether the map opens, whether the Edit page offers saving, whether the Kart page offers
    the members' panel."""
    url, store = signed
    owner = access.Person("per@example.no", "Per Eier", signed_in=True)
    made = manage.make_map(store, owner, "Matrise")
    manage.set_member(store, owner, made.slug, "kari@example.no", "editor")
    manage.set_member(store, owner, made.slug, "ola@example.no", "viewer")
    people = {"owner": sign_in(browser, url, "per"), "editor": sign_in(browser, url, "kari"),
              "viewer": sign_in(browser, url, "ola"), "signed-in stranger": sign_in(browser, url, "mallory")}  # fmt: skip
    anonymous = browser.new_context(viewport={"width": 1300, "height": 1100}, locale="nb-NO").new_page()
    people["anonymous"] = anonymous
    for visibility, allowed in ALLOWED.items():
        manage.set_visibility(store, owner, made.slug, visibility)
        for who, page in people.items():
            may = allowed[who]
            open_page(page, f"{url}/aktor?map={made.slug}&actor=dnv")
            missing = page.get_by_text(f"Det finnes ikke noe kart «{made.slug}» her")
            expect(missing).to_have_count(0 if "view" in may else 1)
            open_page(page, f"{url}/rediger?map={made.slug}&what=actors&row=dnv")
            expect(page.get_by_role("button", name="Lagre", exact=True)).to_have_count(1 if "edit" in may else 0)
            open_page(page, f"{url}/kart?map={made.slug}")
            expect(page.get_by_text("Hvem kan se og endre kartet")).to_have_count(1 if "manage" in may else 0)
            expect(page.get_by_role("button", name="Lag kartet")).to_have_count(1 if "create_map" in may else 0)
    for page in people.values():
        page.context.close()
