"""Shared fixtures: a small hand-made dataset whose answers are computed by hand."""

from __future__ import annotations

import os
import tempfile

import pytest

# Every test's store (AppTest's pages, the servers the browser tests start) is a SQLite file in a
# folder of this test run's own, never the person's ~/.kidash nor a configured server.
os.environ["KIDASH_HOME"] = tempfile.mkdtemp(prefix="kidash-test-home-")
os.environ.pop("KIDASH_DATABASE_URL", None)

from kidash.data.dataset import dataset_from_frames
from tests.fixtures import TINY, frames_from_rows


@pytest.fixture
def tiny_rows() -> dict[str, list[list[str]]]:
    return {name: [list(r) for r in body] for name, body in TINY.items()}


@pytest.fixture
def tiny_dataset():
    return dataset_from_frames(frames_from_rows(TINY), label="tiny")


@pytest.fixture(scope="session")
def shipped():
    from kidash.data.dataset import load_dataset

    return load_dataset()


@pytest.fixture(scope="session")
def postgres():
    """A real PostgreSQL server for the session (Debian's binaries; skipped where missing, failed in CI)."""
    from tests.components import PostgresServer

    server = PostgresServer()
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    """An empty store's URL: a SQLite file, then a PostgreSQL database (every store test runs on both)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'kidash.sqlite3'}"
    return request.getfixturevalue("postgres").database()
