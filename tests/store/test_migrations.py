"""Migrations: upgrade to head, models match the schema, downgrade to base and up again."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from app.store import migrate
from app.store.models import Base


def _diff(engine) -> list:
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        return compare_metadata(ctx, Base.metadata)


def test_head_matches_models(db):
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    assert _diff(db.engine) == []


def test_downgrade_to_base_and_upgrade_again(db):
    migrate.downgrade(db.engine, "base")
    tables = set(inspect(db.engine).get_table_names()) - {"alembic_version"}
    assert tables == set()
    migrate.upgrade(db.engine)
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    assert _diff(db.engine) == []


def test_single_head():
    assert "," not in migrate.head_revision()
