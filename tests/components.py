"""Real components some tests need (Chromium, LibreOffice, PostgreSQL, an OpenID provider): where
one is missing a test is skipped with what to install, except under CI=true, where it fails, since
`.ci/run` installs every one of them and a skip there would hide that a test never ran."""

from __future__ import annotations

import functools
import os

import pytest

__all__ = ["in_ci", "need", "requires"]


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def need(available: bool, what: str) -> None:
    """Go on when ``available``; else skip saying ``what`` is missing (fail under CI=true)."""
    if available:
        return
    if in_ci():
        pytest.fail(f"CI=true but {what} (.ci/run installs it)")
    pytest.skip(what)


def requires(available: bool, what: str):
    """A decorator: the test runs when ``available``, else it does :func:`need`'s skip or failure."""

    def mark(test):
        if available:
            return test

        @functools.wraps(test)
        def missing(*args, **kwargs):
            need(False, what)

        return missing

    return mark
