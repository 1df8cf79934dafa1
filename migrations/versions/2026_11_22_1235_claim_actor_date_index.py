"""claim index (actor_id, stated_on, id): an actor's claims newest first, without sorting them

Revision ID: 6b1d4f7a2c93
Revises: 5b7e0c3d9a41
Create Date: 2026-11-22 12:35:00
"""
from collections.abc import Sequence

from alembic import op


revision: str = '6b1d4f7a2c93'
down_revision: str | None = '5b7e0c3d9a41'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index('ix_claim_actor_date_id', 'claim', ['actor_id', 'stated_on', 'id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_claim_actor_date_id', table_name='claim')
