"""The demo database: the bundled corpus through the real ingestion and extraction, built once and reused."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from sqlalchemy import func, select

from app.config import Settings
from app.pipeline import Database, upgrade_database
from app.pipeline.ingest import ingest_sources
from app.store import models as m
from app.store.engine import session_scope

DEMO_KEY = "demo_corpus_checksum"


@dataclass
class DemoReport:
    """What building the demo did."""

    built: bool
    documents: int
    claims: int
    detail: str


def corpus_files() -> list[Path]:
    """Return the bundled demo articles, in order."""
    root = Path(str(resources.files("app.demo") / "corpus"))
    return sorted(p for p in root.glob("*.md") if p.name[:3].isdigit())


def corpus_checksum(files: list[Path]) -> str:
    """Return a hash of the corpus files' names and bytes, to rebuild only when they change."""
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def build_demo(db: Database, *, settings: Settings, rebuild: bool = False) -> DemoReport:
    """Migrate, then ingest and extract the demo corpus unless this database already holds it."""
    upgrade_database(db, settings)
    files = corpus_files()
    checksum = corpus_checksum(files)
    with session_scope(db.sessions) as session:
        stored = session.get(m.Setting, DEMO_KEY)
        if stored is not None and stored.value == checksum and not rebuild:
            return DemoReport(False, *_counts(session), "demo database is up to date")
    report = ingest_sources(db, files, settings=settings, extract=True, keep_outcomes=False)
    with session_scope(db.sessions) as session:
        stored = session.get(m.Setting, DEMO_KEY)
        if stored is None:
            session.add(m.Setting(key=DEMO_KEY, value=checksum))
        else:
            stored.value = checksum
        documents, claims = _counts(session)
    failed = f", {len(report.failures)} failed" if report.failures else ""
    return DemoReport(True, documents, claims, f"ingested {len(files)} articles{failed}; {report.extraction}")


def _counts(session) -> tuple[int, int]:
    documents = session.scalar(select(func.count(m.Document.id))) or 0
    claims = session.scalar(select(func.count(m.Claim.id))) or 0
    return documents, claims
