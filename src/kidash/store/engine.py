"""Where the store lives and how it is opened: one SQLite file by default, PostgreSQL by one setting.

``KIDASH_DATABASE_URL`` chooses the database (``postgresql+psycopg://user@host/db`` for a server);
without it the store is ``~/.kidash/kidash.sqlite3`` (``KIDASH_HOME`` moves the folder). Opening
migrates the database to the newest schema (Alembic), under a lock so two processes starting at
once do it once (:func:`kidash.store.opening.open_store` also seeds the shipped map).

SQLite runs in WAL mode with foreign keys and a busy timeout, and every write transaction begins
``IMMEDIATE``: two writers that both read first would otherwise both fail at once with «database is
locked», whatever the timeout (Python's sqlite3 opens transactions lazily).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config

__all__ = ["Store", "connect", "migrate", "default_url", "describe_url"]

MIGRATIONS = Path(__file__).parent / "migrations"
_WRITE = "kidash_write"  # an execution option: this connection's transactions write


def default_url() -> str:
    """The store's URL: ``KIDASH_DATABASE_URL``, else the SQLite file under ``KIDASH_HOME`` (~/.kidash)."""
    configured = os.environ.get("KIDASH_DATABASE_URL", "").strip()
    if configured:
        return configured
    home = Path(os.environ.get("KIDASH_HOME") or Path.home() / ".kidash")
    return f"sqlite:///{home / 'kidash.sqlite3'}"


def describe_url(url: str) -> str:
    """The store's place as a person may read it: the file, or the server and database without the
    password.

    >>> describe_url("postgresql+psycopg://kidash:secret@db.example/kidash")
    'postgresql+psycopg://kidash:***@db.example/kidash'
    """
    return sa.make_url(url).render_as_string(hide_password=True)


@dataclass
class Store:
    """An open store: its engine, with connections for reading and for writing."""

    engine: sa.Engine
    url: str
    _cache: dict = field(default_factory=dict, repr=False)
    # Who may do what without a signed-in identity (kidash.store.access.Policy); None: the person at
    # this machine may do everything (the command line, a store opened in code). The app sets it.
    policy: object = None

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextlib.contextmanager
    def read(self) -> Iterator[sa.Connection]:
        """A connection in a read transaction (a consistent view of the store)."""
        with self.engine.connect() as connection, connection.begin():
            yield connection

    @contextlib.contextmanager
    def write(self) -> Iterator[sa.Connection]:
        """A connection in a write transaction: all of it lands, or none of it (a crash included)."""
        with self.engine.connect().execution_options(**{_WRITE: True}) as connection, connection.begin():
            yield connection


def _sqlite_engine(url: str) -> sa.Engine:
    path = sa.make_url(url).database
    if path and path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

    @sa.event.listens_for(engine, "connect")
    def _connect(dbapi_connection, record) -> None:
        dbapi_connection.isolation_level = None  # transactions are begun below, not by pysqlite
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA synchronous=NORMAL")  # durable in WAL mode across a crash of the process
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _begin(connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE" if connection.get_execution_options().get(_WRITE) else "BEGIN")

    return engine


def _engine(url: str) -> sa.Engine:
    if sa.make_url(url).get_backend_name() == "sqlite":
        return _sqlite_engine(url)
    return sa.create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=10)


def migrate(store: Store) -> None:
    """Bring the schema to the newest migration, once, whoever else is starting at the same time."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with store.engine.connect().execution_options(**{_WRITE: True}) as connection:
        if store.dialect == "postgresql":
            connection.exec_driver_sql("SELECT pg_advisory_lock(4242)")  # one migrating process at a time
        try:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            connection.commit()
        finally:
            if store.dialect == "postgresql":
                connection.exec_driver_sql("SELECT pg_advisory_unlock(4242)")
                connection.commit()


def connect(url: str | None = None) -> Store:
    """The store at ``url`` (:func:`default_url` when None), not yet migrated."""
    url = url or default_url()
    return Store(_engine(url), url)
