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

from app.extract import Extractor, make_extractor
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


def extract_document(session: Session, document: Document, extractor: Extractor, result: ExtractionResult) -> None:
    """Extract one document and store its claims (or mark it skipped or failed)."""
    tag = extractor_tag(extractor)
    if extractor.name == "rules" and not _is_english(document):
        document.extraction_status = "skipped"
        document.extracted_with = tag
        result.skipped += 1
        return
    try:
        claims = extractor(document.text, published_on=document.published_on)
    except Exception as exc:  # one bad document must not stop the queue; it is marked and reported
        document.extraction_status = "failed"
        result.failed += 1
        result.errors.append(f"document {document.id}: {type(exc).__name__}: {exc}")
        return
    written = replace_automatic_claims(
        session, document=document, claims=claims, extractor=extractor.name, version=extractor.version
    )
    document.extraction_status = "done"
    document.extracted_with = tag
    result.documents += 1
    result.claims += written.written
    result.replaced += written.replaced
    result.actors_created += written.actors_created


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
    while limit is None or done < limit:
        size = batch_size if limit is None else min(batch_size, limit - done)
        # Keyset on id: a document that fails is retried by the next run, not again and again by this one.
        batch = claim_batch(session, tag=tag, size=size, after_id=last_id)
        if not batch:
            break
        for document in batch:
            extract_document(session, document, extractor, result)
            done += 1
            last_id = document.id
        # Committing releases the row locks and keeps the finished batch if the run is interrupted.
        session.commit()
        if progress is not None:
            progress(result)
    return result
