"""claim_country_monthly: the rollup without the actor, kept by triggers, filled from claim

Revision ID: 5b7e0c3d9a41
Revises: 3e8f1a6c9d20
Create Date: 2026-11-22 12:15:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from app.store.country_rollup import MONTHLY, drop_trigger_ddl, rebuild_sql, trigger_ddl


revision: str = '5b7e0c3d9a41'
down_revision: str | None = '3e8f1a6c9d20'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'claim_country_monthly',
        sa.Column('country_code', sa.String(length=8), nullable=False),
        sa.Column('issue_id', sa.String(length=64), nullable=False),
        sa.Column('stance', sa.String(length=8), nullable=False),
        sa.Column('month_on', sa.Date(), nullable=False),
        sa.Column('review_status', sa.String(length=16), nullable=False),
        sa.Column('is_duplicate', sa.Boolean(), nullable=False),
        sa.Column('n', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            'country_code', 'issue_id', 'stance', 'month_on', 'review_status', 'is_duplicate',
            name=op.f('pk_claim_country_monthly'),
        ),
    )
    op.create_index(
        op.f('ix_claim_country_monthly_issue_month'), 'claim_country_monthly', ['issue_id', 'month_on'], unique=False
    )
    dialect = op.get_bind().dialect.name
    for statement in [*trigger_ddl(dialect, MONTHLY), *rebuild_sql(dialect, MONTHLY)]:
        op.execute(statement)


def downgrade() -> None:
    for statement in drop_trigger_ddl(op.get_bind().dialect.name, MONTHLY):
        op.execute(statement)
    op.drop_index(op.f('ix_claim_country_monthly_issue_month'), table_name='claim_country_monthly')
    op.drop_table('claim_country_monthly')
