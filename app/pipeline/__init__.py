"""The one place that chains ingestion, extraction and storage, for the CLI and the web app alike.

Submodules: ingest (sources into documents), extract (documents into claims), demo (the demo database).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from app.config import Settings
from app.store import migrate
from app.store.engine import make_engine, make_session_factory, session_scope
from app.store.reference import sync_reference
from app.taxonomy import load_taxonomy


@dataclass
class Database:
    """An engine and its session factory, built from settings."""

    engine: Engine
    sessions: sessionmaker[Session]

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


def open_database(settings: Settings) -> Database:
    """Build the engine and session factory for the configured database."""
    engine = make_engine(settings.database_url, echo=settings.sql_echo)
    return Database(engine=engine, sessions=make_session_factory(engine))


def upgrade_database(db: Database, settings: Settings) -> dict[str, int]:
    """Migrate the schema to head and load the reference data; safe to run again."""
    migrate.upgrade(db.engine)
    taxonomy = load_taxonomy(settings.taxonomy_dir, replace=settings.taxonomy_replace)
    with session_scope(db.sessions) as session:
        return sync_reference(session, taxonomy=taxonomy)
