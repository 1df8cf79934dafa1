"""Sources into stored documents: read (app.ingest), deduplicate against the database, store in batches.

`ingest_sources` is the one entry point for the CLI, the web upload form and the API.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from app.config import Settings
from app.ingest import Item, iter_items
from app.ingest.fetch import make_client
from app.ingest.hashing import NEAR_DUPLICATE_JACCARD, band_keys, jaccard, shingles
from app.ingest.readers import enrich
from app.ingest.sources import Source
from app.store import documents as store
from app.store.engine import session_scope

STATUSES = ("new", "near-duplicate", "duplicate", "failed")
EXTRACTED_LANGUAGES = (None, "en")  # the default extractor reads English; others are stored and flagged


@dataclass
class Outcome:
    """What happened to one input: new, near-duplicate (stored, duplicate_of set), duplicate (skipped) or failed."""

    source: str
    status: str
    reason: str | None = None  # why it failed (app.ingest.errors.REASONS)
    message: str = ""
    document_id: int | None = None
    duplicate_of_id: int | None = None
    title: str = ""
    published_on: date | None = None
    date_source: str = "unknown"
    language: str | None = None

    def as_json(self) -> dict:
        """Return the outcome as a JSON-ready dict."""
        return {
            "source": self.source,
            "status": self.status,
            "reason": self.reason,
            "message": self.message,
            "document_id": self.document_id,
            "duplicate_of_id": self.duplicate_of_id,
            "title": self.title,
            "published_on": self.published_on.isoformat() if self.published_on else None,
            "date_source": self.date_source,
            "language": self.language,
        }


@dataclass
class IngestReport:
    """Counts per status, the failures, every outcome when kept, and what extraction did."""

    counts: Counter = field(default_factory=Counter)
    outcomes: list[Outcome] = field(default_factory=list)
    failures: list[Outcome] = field(default_factory=list)
    new_document_ids: list[int] = field(default_factory=list)
    extraction: str | None = None

    @property
    def ok(self) -> bool:
        """Return whether no input failed."""
        return not self.failures


ProgressCallback = Callable[[Outcome], None]


def ingest_sources(
    db,
    sources: Iterable[Source],
    *,
    settings: Settings,
    extract: bool = True,
    progress: ProgressCallback | None = None,
    batch_size: int = 100,
    keep_outcomes: bool = True,
    extractor_name: str | None = None,
    report: IngestReport | None = None,
) -> IngestReport:
    """Ingest sources into documents and return one Outcome per input.

    db: an app.pipeline.Database or a sessionmaker. sources: paths (files or folders, read recursively), http(s)
    URLs, app.ingest.Feed(url) for RSS/Atom feeds, app.ingest.Upload(name, data) for uploaded bytes.
    Exact duplicates (same normalised text) are skipped; near-duplicates are stored with duplicate_of_id set.
    Every input gets its own outcome and good inputs are stored even when others fail; nothing raises for bad
    input. Documents are committed in batches of batch_size, so an interrupted run keeps what it committed and a
    re-run skips it. progress(outcome) is called after each commit. When extract is true, new documents are handed
    to the extractor (extractor_name, default settings.extractor). Pass report to keep counts if interrupted.
    """
    sessions: sessionmaker[Session] = getattr(db, "sessions", db)
    report = report if report is not None else IngestReport()
    batch: list[Item] = []

    def known_url(url: str) -> bool:
        with sessions() as session:
            return store.url_exists(session, url=url)

    with make_client(settings) as client:
        items = iter_items(sources, settings=settings, client=client, known_url=known_url, enriched=False)
        for item in items:
            batch.append(item)
            if len(batch) >= batch_size:
                _flush(sessions, batch, report, progress, keep_outcomes)
                batch = []
        _flush(sessions, batch, report, progress, keep_outcomes)
    if extract and report.new_document_ids:
        report.extraction = run_extraction(db, settings=settings, extractor_name=extractor_name)
    elif not extract:
        report.extraction = "extraction off: new documents are left pending"
    return report


def _flush(
    sessions: sessionmaker[Session],
    batch: list[Item],
    report: IngestReport,
    progress: ProgressCallback | None,
    keep_outcomes: bool,
) -> None:
    if not batch:
        return
    # Texts already stored (a re-run, another worker ahead of this one) skip language detection and MinHash.
    hashes = [item.record.content_hash for item in batch if item.record is not None]
    with sessions() as session:
        stored = store.find_by_hashes(session, hashes=hashes)
    for item in batch:
        if item.record is not None and item.record.content_hash not in stored:
            enrich(item.record)
    try:
        with session_scope(sessions) as session:
            outcomes = [store_item(session, item) for item in batch]
    except SQLAlchemyError:
        # One bad row (or a deadlock between workers) must not sink its neighbours: retry one per transaction.
        outcomes = []
        for item in batch:
            try:
                with session_scope(sessions) as session:
                    outcomes.append(store_item(session, item))
            except SQLAlchemyError as exc:
                detail = str(getattr(exc, "orig", None) or exc).splitlines()[0][:300]
                outcomes.append(Outcome(item.source, "failed", reason="database error", message=detail))
    for outcome in outcomes:
        report.counts[outcome.status] += 1
        if outcome.status == "failed":
            report.failures.append(outcome)
        if outcome.status in ("new", "near-duplicate") and outcome.document_id is not None:
            report.new_document_ids.append(outcome.document_id)
        if keep_outcomes:
            report.outcomes.append(outcome)
        if progress is not None:
            progress(outcome)


def store_item(session: Session, item: Item) -> Outcome:
    """Store one item's record, deduplicated against the database; return its outcome (no commit)."""
    if item.error is not None:
        return Outcome(item.source, "failed", reason=item.error.reason, message=item.error.detail)
    if item.known or item.record is None:
        return Outcome(item.source, "duplicate", message="already ingested from this URL")
    record = item.record
    existing = store.find_by_hashes(session, hashes=[record.content_hash]).get(record.content_hash)
    if existing is not None:
        return Outcome(item.source, "duplicate", message=f"same text as document {existing}", document_id=existing)
    enrich(record)  # no-op when _flush already did it
    keys = band_keys(record.minhash) if record.minhash else []
    duplicate_of, similarity = _near_duplicate_of(session, record.text, keys)
    new_id = store.insert_document(
        session,
        text=record.text,
        content_hash=record.content_hash,
        origin=record.origin,
        url=record.url,
        title=record.title,
        published_on=record.published_on,
        date_source=record.date_source,
        source_name=record.source_name,
        language=record.language,
        minhash=record.minhash,
        duplicate_of_id=duplicate_of,
        # Always pending: the extractor decides what it reads (the rules extractor marks non-English "skipped").
        extraction_status="pending",
    )
    if new_id is None:  # another worker stored the same text a moment ago
        return Outcome(item.source, "duplicate", message="same text as a document stored concurrently")
    store.add_bands(session, document_id=new_id, band_keys=keys)
    outcome = Outcome(
        item.source,
        "new" if duplicate_of is None else "near-duplicate",
        document_id=new_id,
        duplicate_of_id=duplicate_of,
        title=record.title,
        published_on=record.published_on,
        date_source=record.date_source,
        language=record.language,
    )
    if duplicate_of is not None:
        outcome.message = f"{similarity:.0%} similar to document {duplicate_of}"
    if record.language not in EXTRACTED_LANGUAGES:
        outcome.message = (outcome.message + "; " if outcome.message else "") + (
            f"language {record.language}: stored and flagged, not read by the English extractor"
        )
    return outcome


def _near_duplicate_of(session: Session, text: str, keys: list[str]) -> tuple[int | None, float]:
    """Return (the original a text nearly duplicates, its exact Jaccard), after LSH candidates are re-checked."""
    candidates = store.near_duplicate_candidates(session, band_keys=keys)
    if not candidates:
        return None, 0.0
    mine = shingles(text)
    best: tuple[int | None, float] = (None, 0.0)
    for document_id, other_text, original in store.document_texts(session, ids=candidates):
        similarity = jaccard(mine, shingles(other_text))
        if similarity >= NEAR_DUPLICATE_JACCARD and similarity > best[1]:
            # Point at the first copy, so every copy of one story shares one original.
            best = (original or document_id, similarity)
    return best


def run_extraction(db, *, settings: Settings, extractor_name: str | None = None) -> str:
    """Hand pending documents to the extractor, if the extraction pipeline exists; return what happened."""
    import importlib

    try:
        extraction = importlib.import_module("app.pipeline.extract")
    except ModuleNotFoundError as exc:
        if exc.name != "app.pipeline.extract":
            raise
        return "extraction is not available yet: new documents are left pending"
    sessions: sessionmaker[Session] = getattr(db, "sessions", db)
    name = extractor_name or settings.extractor
    try:
        with session_scope(sessions) as session:
            result = extraction.extract_pending(session, extractor_name=name)
        with session_scope(sessions) as session:
            store.mark_duplicate_claims(session)
    except Exception as exc:  # the documents are stored; extraction can be re-run with `posture extract`
        return f"extraction failed ({type(exc).__name__}: {exc}); documents are left pending"
    return f"extracted with {name}: {result}"
