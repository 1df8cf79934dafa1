"""Extract the stored documents that need it: a queue several workers can share, and claim writes.

A document needs extraction when its status is "pending", or when it was extracted by an older version of the
extractor ("rules@0.9" while "rules@1.0" runs). Workers claim documents in small batches with
SELECT ... FOR UPDATE SKIP LOCKED on PostgreSQL (SQLite serialises writers itself), extract them, write the
claims and commit the batch, so an interrupted run keeps what it finished and two workers never extract the same
document at once. Documents not in English are marked "skipped" by the rules extractor.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.extract import ExtractedClaim, Extractor, make_extractor
from app.store.claims import replace_automatic_claims
from app.store.models import Document
from app.store.taxonomy_rows import load_taxonomy_from_db
from app.taxonomy import Taxonomy

ENGLISH = ("en", "eng")


@dataclass
class ExtractionResult:
    """Counts of one extraction run."""

    documents: int = 0
    claims: int = 0
    replaced: int = 0
    skipped: int = 0
    failed: int = 0
    actors_created: int = 0
    errors: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        parts = [f"{self.documents} documents", f"{self.claims} claims"]
        parts += [
            f"{n} {label}"
            for n, label in ((self.replaced, "replaced"), (self.skipped, "skipped"), (self.failed, "failed"))
            if n
        ]
        return ", ".join(parts)


def extractor_tag(extractor: Extractor) -> str:
    """Return the name@version stored in document.extracted_with."""
    return f"{extractor.name}@{extractor.version}"


def _needs_extraction(tag: str):
    return or_(
        Document.extraction_status == "pending",
        Document.extraction_status == "failed",
        (Document.extraction_status == "done") & or_(Document.extracted_with.is_(None), Document.extracted_with != tag),
    )


def claim_batch(session: Session, *, tag: str, size: int, after_id: int = 0) -> list[Document]:
    """Lock and return up to size documents that need extraction, skipping rows other workers hold."""
    query = select(Document).where(_needs_extraction(tag), Document.id > after_id).order_by(Document.id).limit(size)
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True, of=Document)
    return list(session.scalars(query))


def _is_english(document: Document) -> bool:
    return document.language is None or document.language.lower().split("-")[0] in ENGLISH


def _skip_if_not_english(document: Document, extractor: Extractor, result: ExtractionResult) -> bool:
    if extractor.name == "rules" and not _is_english(document):
        document.extraction_status = "skipped"
        document.extracted_with = extractor_tag(extractor)
        result.skipped += 1
        return True
    return False


def store_extraction(
    session: Session,
    document: Document,
    extractor: Extractor,
    outcome: list[ExtractedClaim] | BaseException,
    result: ExtractionResult,
) -> None:
    """Store one document's claims, or mark it failed when its extraction raised."""
    if isinstance(outcome, BaseException):
        document.extraction_status = "failed"
        result.failed += 1
        result.errors.append(f"document {document.id}: {type(outcome).__name__}: {outcome}")
        return
    written = replace_automatic_claims(
        session, document=document, claims=outcome, extractor=extractor.name, version=extractor.version
    )
    document.extraction_status = "done"
    document.extracted_with = extractor_tag(extractor)
    result.documents += 1
    result.claims += written.written
    result.replaced += written.replaced
    result.actors_created += written.actors_created


def _run(extractor: Extractor, document: Document) -> list[ExtractedClaim] | Exception:
    try:
        return extractor(document.text, published_on=document.published_on)
    except Exception as exc:  # one bad document must not stop the queue; it is marked and reported
        return exc


def extract_batch(session: Session, documents: list[Document], extractor: Extractor, result: ExtractionResult) -> None:
    """Extract a batch of documents and store their claims.

    An extractor with `extract_many` (the LLM one) gets the whole batch at once, so its requests run concurrently
    up to its limit instead of one document after another; each document still fails or succeeds on its own.
    """
    todo = [d for d in documents if not _skip_if_not_english(d, extractor, result)]
    many = getattr(extractor, "extract_many", None)
    if many is not None and len(todo) > 1:
        outcomes = many([d.text for d in todo], published_on=[d.published_on for d in todo], return_exceptions=True)
    else:
        outcomes = [_run(extractor, d) for d in todo]
    for document, outcome in zip(todo, outcomes, strict=True):
        store_extraction(session, document, extractor, outcome, result)


def extract_document(session: Session, document: Document, extractor: Extractor, result: ExtractionResult) -> None:
    """Extract one document and store its claims (or mark it skipped or failed)."""
    extract_batch(session, [document], extractor, result)


def extract_pending(
    session: Session,
    *,
    extractor_name: str = "rules",
    taxonomy: Taxonomy | None = None,
    limit: int | None = None,
    batch_size: int = 50,
    progress: Callable[[ExtractionResult], None] | None = None,
) -> ExtractionResult:
    """Extract every stored document that needs it, committing batch by batch; return the counts."""
    extractor = make_extractor(extractor_name, taxonomy=taxonomy or load_taxonomy_from_db(session))
    tag = extractor_tag(extractor)
    result = ExtractionResult()
    done, last_id = 0, 0
    try:
        while limit is None or done < limit:
            size = batch_size if limit is None else min(batch_size, limit - done)
            # Keyset on id: a document that fails is retried by the next run, not again and again by this one.
            batch = claim_batch(session, tag=tag, size=size, after_id=last_id)
            if not batch:
                break
            extract_batch(session, batch, extractor, result)
            done += len(batch)
            last_id = batch[-1].id
            # Committing releases the row locks and keeps the finished batch if the run is interrupted.
            session.commit()
            if progress is not None:
                progress(result)
    finally:
        close = getattr(extractor, "close", None)  # the LLM extractor holds HTTP connections
        if close is not None:
            close()
    return result
