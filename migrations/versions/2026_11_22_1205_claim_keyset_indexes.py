"""claim indexes for the claims table's keyset orders: (confidence, id), (country, id), (issue, id), (country, date, id)

Revision ID: 3e8f1a6c9d20
Revises: 9a4c2f7e1b05
Create Date: 2026-11-22 12:05:00
"""
from collections.abc import Sequence

from alembic import op


revision: str = '3e8f1a6c9d20'
down_revision: str | None = '9a4c2f7e1b05'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = {
    'ix_claim_confidence_id': ['confidence', 'id'],
    'ix_claim_country_id': ['country_code', 'id'],
    'ix_claim_issue_id_id': ['issue_id', 'id'],
    'ix_claim_country_date_id': ['country_code', 'stated_on', 'id'],
}


def upgrade() -> None:
    for name, columns in INDEXES.items():
        op.create_index(name, 'claim', columns, unique=False)


def downgrade() -> None:
    for name in INDEXES:
        op.drop_index(name, table_name='claim')
