"""country.eu_left_on: the last day of a member's EU membership

Revision ID: 5c2e8a1d7b34
Revises: f1f52f7888e0
Create Date: 2026-11-22 11:15:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '5c2e8a1d7b34'
down_revision: str | None = 'f1f52f7888e0'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('country', schema=None) as batch_op:
        batch_op.add_column(sa.Column('eu_left_on', sa.Date(), nullable=True))


def downgrade() -> None:
    # Native DROP COLUMN (SQLite >= 3.35): recreating the table would trip the foreign keys of actor and office.
    with op.batch_alter_table('country', schema=None, recreate='never') as batch_op:
        batch_op.drop_column('eu_left_on')
