"""The stored map: maps, records, documents' text, changes, visits, members, refusals."""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "maps",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("slug", sa.String(80), nullable=False, unique=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("version", sa.Integer, nullable=False, server_default="0"),
        sa.Column("archived", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("visibility", sa.String(20), nullable=False, server_default="public"),
        sa.Column("copied_from", sa.Integer, sa.ForeignKey("maps.id", ondelete="SET NULL"), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(200), nullable=False),
    )
    op.create_table(
        "records",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("map_id", sa.Integer, sa.ForeignKey("maps.id", ondelete="CASCADE"), nullable=False),
        sa.Column("table_name", sa.String(20), nullable=False),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("revision", sa.Integer, nullable=False, server_default="1"),
        sa.Column("data", sa.JSON, nullable=False),
        sa.UniqueConstraint("map_id", "table_name", "key", name="uq_records_map_table_key"),
    )
    op.create_table(
        "documents",
        sa.Column("map_id", sa.Integer, sa.ForeignKey("maps.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("key", sa.String(200), primary_key=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("read_as", sa.String(20), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.create_table(
        "changes",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("map_id", sa.Integer, sa.ForeignKey("maps.id", ondelete="CASCADE"), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
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
    op.create_index("ix_changes_map_id", "changes", ["map_id"])
    op.create_table(
        "visits",
        sa.Column("map_id", sa.Integer, sa.ForeignKey("maps.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("person", sa.String(200), primary_key=True),
        sa.Column("seen_change", sa.Integer, nullable=False),
    )
    op.create_table(
        "members",
        sa.Column("map_id", sa.Integer, sa.ForeignKey("maps.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("person", sa.String(200), primary_key=True),
        sa.Column("role", sa.String(20), nullable=False),
    )
    op.create_table(
        "refusals",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("person", sa.String(200), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("map_slug", sa.String(80), nullable=False, server_default=""),
        sa.Column("reason", sa.String(200), nullable=False),
    )


def downgrade() -> None:
    for table in ("refusals", "members", "visits", "changes", "documents", "records", "maps"):
        op.drop_table(table)
