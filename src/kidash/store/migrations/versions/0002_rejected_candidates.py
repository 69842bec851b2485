"""Candidates the reader proposed that a person rejected, per map and document text."""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rejections",
        sa.Column("map_id", sa.Integer, sa.ForeignKey("maps.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("text_hash", sa.String(64), primary_key=True),
        sa.Column("candidate", sa.String(600), primary_key=True),
        sa.Column("person", sa.String(200), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("label", sa.String(600), nullable=False, server_default=""),
    )


def downgrade() -> None:
    op.drop_table("rejections")
