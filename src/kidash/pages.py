"""The dashboard's pages: one registry for the entry point, the home page's links and the tests."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = ["PageSpec", "PAGES", "PAGE_BY_NAME", "PAGE_NAMES", "PAGE_IDS", "DEFAULT_PAGE", "page_file", "path_prefix"]


@dataclass(frozen=True)
class PageSpec:
    """One page: its file stem (also its URL path), title key, icon and whether the filters apply to it.

    ``words`` is the prefix of its heading and intro in the message catalogue
    (``network`` → ``network.heading``, ``network.intro``); ``intro`` whether it has one,
    and ``own_intro`` the intro's key while a session shows its own data; ``notice`` what
    the page says when filters are set that do not apply to it.
    """

    name: str
    title_key: str
    icon: str
    follows_filters: bool
    words: str
    intro: bool = True
    own_intro: str | None = None
    notice: str | None = None
    store: bool = False  # a page of the living map (maps, editing, history): not while reading files only

    @property
    def exports(self) -> bool:
        """Whether the page has an export panel (the living map's pages work on the store instead)."""
        return not self.store

    @property
    def id(self) -> str:
        """The page's English id, as its export panel and texts know it.

        >>> PAGES[1].id
        'network'
        """
        return self.title_key.removeprefix("nav.")


PAGES: tuple[PageSpec, ...] = (
    PageSpec("home", "nav.home", ":material/home:", True, "home", own_intro="home.intro.own"),
    PageSpec("nettverk", "nav.network", ":material/hub:", True, "network"),
    PageSpec("initiativer", "nav.initiatives", ":material/groups:", True, "initiatives"),
    PageSpec(
        "aktor", "nav.actor", ":material/badge:", False, "profile", intro=False, notice="filters.not_applied.profile"
    ),
    PageSpec("tidslinje", "nav.timeline", ":material/timeline:", True, "timeline"),
    PageSpec("analyse", "nav.analysis", ":material/insights:", True, "analysis"),
    PageSpec("data", "nav.data", ":material/table_view:", False, "data", notice="filters.not_applied"),
    PageSpec("rediger", "nav.edit", ":material/edit:", False, "edit", notice="filters.not_applied", store=True),
    PageSpec(
        "dokument", "nav.document", ":material/post_add:", False, "document", notice="filters.not_applied", store=True
    ),
    PageSpec(
        "historikk", "nav.history", ":material/history:", False, "history", notice="filters.not_applied", store=True
    ),  # fmt: skip
    PageSpec("kart", "nav.maps", ":material/map:", False, "maps", notice="filters.not_applied", store=True),
)
PAGE_BY_NAME: dict[str, PageSpec] = {page.name: page for page in PAGES}
PAGE_NAMES: tuple[str, ...] = tuple(page.name for page in PAGES)
DEFAULT_PAGE = "home"


PAGE_IDS: dict[str, str] = {page.name: page.id for page in PAGES}


def page_file(name: str) -> str:
    """The page's script relative to the repository root, as Streamlit and AppTest name it.

    >>> page_file("nettverk")
    'app_pages/nettverk.py'
    """
    if name not in PAGE_NAMES:
        raise KeyError(name)
    return str(Path("app_pages") / f"{name}.py")


def path_prefix(base_url_path: str | None) -> str:
    """What every path of the app starts with under Streamlit's ``server.baseUrlPath``: «/name»
    without a trailing slash, or nothing.

    >>> path_prefix("kidash/"), path_prefix("/a/b"), path_prefix(""), path_prefix(None), path_prefix("/")
    ('/kidash', '/a/b', '', '', '')
    """
    base = (base_url_path or "").strip("/")
    return "/" + base if base else ""
