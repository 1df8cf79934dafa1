"""claim monthly rollup triggers

Revision ID: f1f52f7888e0
Revises: ab49cbb1af0d
Create Date: 2026-11-22 11:04:25.578070
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from app.store.rollup import drop_trigger_ddl, trigger_ddl


revision: str = 'f1f52f7888e0'
down_revision: str | None = 'ab49cbb1af0d'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    bind = op.get_bind()
    for statement in trigger_ddl(bind.dialect.name):
        op.execute(statement)





def downgrade() -> None:
    bind = op.get_bind()
    for statement in drop_trigger_ddl(bind.dialect.name):
        op.execute(statement)
