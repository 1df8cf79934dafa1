"""document_band (MinHash LSH band keys for near-duplicates) and an index on document.url

Revision ID: 7d3b9e41c2a6
Revises: 5c2e8a1d7b34
Create Date: 2026-11-22 11:40:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '7d3b9e41c2a6'
down_revision: str | None = '5c2e8a1d7b34'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'document_band',
        sa.Column('band_key', sa.String(length=24), nullable=False),
        sa.Column('document_id', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ['document_id'], ['document.id'], name=op.f('fk_document_band_document_id_document'), ondelete='CASCADE'
        ),
        sa.PrimaryKeyConstraint('band_key', 'document_id', name=op.f('pk_document_band')),
    )
    op.create_index(op.f('ix_document_band_document_id'), 'document_band', ['document_id'], unique=False)
    op.create_index(op.f('ix_document_url'), 'document', ['url'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_document_url'), table_name='document')
    op.drop_index(op.f('ix_document_band_document_id'), table_name='document_band')
    op.drop_table('document_band')
