"""Schema migrations (Alembic) driven from Python: upgrade, downgrade, and where a database stands."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "migrations"


def alembic_config(url: str | None = None) -> Config:
    """Return an Alembic config pointing at Posture's migrations, optionally for a given URL."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("file_template", "%%(year)d_%%(month).2d_%%(day).2d_%%(hour).2d%%(minute).2d_%%(slug)s")
    if url:
        cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply migrations up to a revision on the engine's database."""
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
        refresh_sqlite_statistics(conn)


def refresh_sqlite_statistics(conn) -> None:
    """Give the tables and indexes a migration added planner statistics, on a SQLite database that has them.

    Stale statistics that lack a new index make SQLite pick it for the wrong query (seconds instead of milliseconds
    at a million claims). Only what has no statistics is analyzed, in full: a sampled ANALYZE (analysis_limit) of
    the whole database replaced good claim statistics with ones that turned the overview's queries into seconds.
    Databases never analyzed are left alone: SQLite's defaults serve them well.
    """
    if conn.dialect.name != "sqlite":
        return
    if conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").first() is None:
        return
    known = {(tbl, idx) for tbl, idx in conn.exec_driver_sql("SELECT tbl, idx FROM sqlite_stat1")}
    analyzed = {tbl for tbl, _idx in known}
    objects = conn.exec_driver_sql(
        "SELECT type, name, tbl_name FROM sqlite_master "
        "WHERE type = 'index' OR (type = 'table' AND name NOT LIKE 'sqlite%')"
    ).all()
    for kind, name, table in objects:
        if (kind == "index" and (table, name) not in known) or (kind == "table" and name not in analyzed):
            conn.exec_driver_sql(f'ANALYZE "{name}"')


def downgrade(engine: Engine, revision: str = "base") -> None:
    """Revert migrations down to a revision on the engine's database."""
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)


def head_revision() -> str:
    """Return the newest revision the code knows."""
    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    return ",".join(sorted(heads))


def current_revision(engine: Engine) -> str | None:
    """Return the revision the database is at, or None for an empty database."""
    with engine.connect() as conn:
        heads = MigrationContext.configure(conn).get_current_heads()
    return ",".join(sorted(heads)) or None
