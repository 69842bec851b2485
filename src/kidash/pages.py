"""The dashboard's pages: one registry for the entry point, the home page's links and the tests."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = ["PageSpec", "PAGES", "PAGE_NAMES", "PAGE_IDS", "DEFAULT_PAGE", "page_file", "path_prefix"]


@dataclass(frozen=True)
class PageSpec:
    """One page: its file stem (also its URL path), title key, icon and whether the filters apply to it."""

    name: str
    title_key: str
    icon: str
    follows_filters: bool

    @property
    def id(self) -> str:
        """The page's English id, as its export panel and texts know it.

        >>> PAGES[1].id
        'network'
        """
        return self.title_key.removeprefix("nav.")


PAGES: tuple[PageSpec, ...] = (
    PageSpec("home", "nav.home", ":material/home:", True),
    PageSpec("nettverk", "nav.network", ":material/hub:", True),
    PageSpec("initiativer", "nav.initiatives", ":material/groups:", True),
    PageSpec("aktor", "nav.actor", ":material/badge:", False),
    PageSpec("tidslinje", "nav.timeline", ":material/timeline:", True),
    PageSpec("analyse", "nav.analysis", ":material/insights:", True),
    PageSpec("data", "nav.data", ":material/table_view:", False),
)
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
