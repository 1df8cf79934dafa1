"""data_version row bumped by triggers on every data write (exact invalidation of cached aggregates)

Revision ID: 9a4c2f7e1b05
Revises: 7d3b9e41c2a6
Create Date: 2026-11-22 11:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from app.store.datacache import drop_trigger_ddl, trigger_ddl


revision: str = "9a4c2f7e1b05"
down_revision: str | None = "7d3b9e41c2a6"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    table = op.create_table(
        "data_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("changed_at", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_data_version")),
    )
    op.bulk_insert(table, [{"id": 1, "version": 0, "changed_at": ""}])
    for statement in trigger_ddl(op.get_bind().dialect.name):
        op.execute(statement)


def downgrade() -> None:
    for statement in drop_trigger_ddl(op.get_bind().dialect.name):
        op.execute(statement)
    op.drop_table("data_version")
