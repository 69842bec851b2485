"""The store's tables, the one description of them (Alembic's migrations create them; the code reads
and writes them through SQLAlchemy Core, the same on SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa

__all__ = ["Moment", "metadata", "maps", "records", "documents", "changes", "visits", "members", "refusals",
           "rejections"]  # fmt: skip

metadata = sa.MetaData()


class Moment(sa.types.TypeDecorator):
    """A moment, always read back as an aware UTC time: PostgreSQL keeps the zone, SQLite does not,
    and a history that mixed the two would sort and compare wrongly."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("a moment needs its time zone")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


# A map: the shipped one, or one a team made (empty, copied, from a workbook). ``version`` goes up
# with every change, so everything shown of a map is cached under (map, version).
maps = sa.Table(
    "maps",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("slug", sa.String(80), nullable=False, unique=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("version", sa.Integer, nullable=False, server_default="0"),
    sa.Column("archived", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("visibility", sa.String(20), nullable=False, server_default="public"),
    sa.Column("copied_from", sa.Integer, sa.ForeignKey("maps.id", ondelete="SET NULL"), nullable=True),
    sa.Column("created_at", Moment, nullable=False),
    sa.Column("created_by", sa.String(200), nullable=False),
)

# One row of a table of the data contract (actors, relations, events, documents, background): its
# cells as text, as the CSV files hold them. ``revision`` goes up with each edit of it: an edit
# names the revision it was based on, and a save over a newer one is refused.
records = sa.Table(
    "records",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("map_id", sa.Integer, sa.ForeignKey("maps.id", ondelete="CASCADE"), nullable=False),
    sa.Column("table_name", sa.String(20), nullable=False),
    sa.Column("key", sa.String(200), nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("revision", sa.Integer, nullable=False, server_default="1"),
    sa.Column("data", sa.JSON, nullable=False),
    sa.UniqueConstraint("map_id", "table_name", "key", name="uq_records_map_table_key"),
)

# A source document's text, as it was pasted or read from its file.
documents = sa.Table(
    "documents",
    metadata,
    sa.Column("map_id", sa.Integer, sa.ForeignKey("maps.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("key", sa.String(200), primary_key=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("read_as", sa.String(20), nullable=False),
    sa.Column("hash", sa.String(64), nullable=False),
)

# Every change, appended, never overwritten: who, when, what (the record before and after), why,
# and the document it rests on. ``map_version`` is the map's version after it.
changes = sa.Table(
    "changes",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("map_id", sa.Integer, sa.ForeignKey("maps.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("at", Moment, nullable=False),
    sa.Column("author", sa.String(200), nullable=False),
    sa.Column("action", sa.String(20), nullable=False),
    sa.Column("table_name", sa.String(20), nullable=True),
    sa.Column("key", sa.String(200), nullable=True),
    sa.Column("before", sa.JSON, nullable=True),
    sa.Column("after", sa.JSON, nullable=True),
    sa.Column("comment", sa.Text, nullable=False, server_default=""),
    sa.Column("document", sa.String(200), nullable=False, server_default=""),
    sa.Column("map_version", sa.Integer, nullable=False),
    sa.Column("reverts", sa.Integer, nullable=True),
)

# When a person last looked at a map's history: what changed since then is theirs to see.
visits = sa.Table(
    "visits",
    metadata,
    sa.Column("map_id", sa.Integer, sa.ForeignKey("maps.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("person", sa.String(200), primary_key=True),
    sa.Column("seen_change", sa.Integer, nullable=False),
)

# Who may do what with a map (sign-in): a person (e-mail or identity) and a role.
members = sa.Table(
    "members",
    metadata,
    sa.Column("map_id", sa.Integer, sa.ForeignKey("maps.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("person", sa.String(200), primary_key=True),
    sa.Column("role", sa.String(20), nullable=False),
)

# What someone was not allowed to do: who, what, when (sign-in).
refusals = sa.Table(
    "refusals",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", Moment, nullable=False),
    sa.Column("person", sa.String(200), nullable=False),
    sa.Column("action", sa.String(40), nullable=False),
    sa.Column("map_slug", sa.String(80), nullable=False, server_default=""),
    sa.Column("reason", sa.String(200), nullable=False),
)

# A role the reader proposed from a document and a person rejected: not proposed again for that
# document (its text, by hash: the same text added again is the same document) on that map.
rejections = sa.Table(
    "rejections",
    metadata,
    sa.Column("map_id", sa.Integer, sa.ForeignKey("maps.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("text_hash", sa.String(64), primary_key=True),
    sa.Column("candidate", sa.String(600), primary_key=True),
    sa.Column("person", sa.String(200), nullable=False),
    sa.Column("at", Moment, nullable=False),
    sa.Column("label", sa.String(600), nullable=False, server_default=""),
)
