"""Document writes and reads used by ingestion: insert-or-skip, near-duplicate candidates, dates, undated lists."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import func, insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from app.store.models import Claim, Document, DocumentBand, utcnow


def _upsert(session: Session):
    return pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert


def insert_document(
    session: Session,
    *,
    text: str,
    content_hash: str,
    origin: str | None = None,
    url: str | None = None,
    title: str = "",
    published_on: date | None = None,
    date_source: str = "unknown",
    source_name: str | None = None,
    language: str | None = None,
    minhash: bytes | None = None,
    duplicate_of_id: int | None = None,
    extraction_status: str = "pending",
) -> int | None:
    """Insert a document unless one with the same content hash exists; return the new id, or None when skipped.

    INSERT ... ON CONFLICT DO NOTHING, so concurrent workers never store one text twice.
    """
    now = utcnow()
    values = {
        "text": text,
        "content_hash": content_hash,
        "origin": origin,
        "url": url,
        "title": title,
        "published_on": published_on,
        "date_source": date_source,
        "source_name": source_name,
        "language": language,
        "minhash": minhash,
        "duplicate_of_id": duplicate_of_id,
        "extraction_status": extraction_status,
        "created_at": now,
        "updated_at": now,
    }
    statement = (
        # Core statements on the table: the ORM adds nothing for a plain insert but costs time per row.
        _upsert(session)(Document.__table__)
        .values(**values)
        .on_conflict_do_nothing(index_elements=["content_hash"])
        .returning(Document.__table__.c.id)
    )
    return session.execute(statement).scalar_one_or_none()


def find_by_hashes(session: Session, *, hashes: Iterable[str]) -> dict[str, int]:
    """Return {content_hash: document id} for the hashes already stored."""
    wanted = list(set(hashes))
    if not wanted:
        return {}
    rows = session.execute(select(Document.content_hash, Document.id).where(Document.content_hash.in_(wanted)))
    return {content: document_id for content, document_id in rows}


def url_exists(session: Session, *, url: str) -> bool:
    """Return whether a document was already ingested from this URL."""
    return session.scalar(select(Document.id).where(Document.url == url).limit(1)) is not None


def add_bands(session: Session, *, document_id: int, band_keys: Iterable[str]) -> None:
    """Record a document's LSH band keys."""
    rows = [{"band_key": key, "document_id": document_id} for key in set(band_keys)]
    if rows:
        session.execute(insert(DocumentBand.__table__), rows)


def near_duplicate_candidates(session: Session, *, band_keys: Iterable[str], limit: int = 5) -> list[int]:
    """Return the ids of documents sharing LSH bands with a signature, most shared bands first."""
    keys = list(set(band_keys))
    if not keys:
        return []
    shared = func.count(DocumentBand.band_key)
    statement = (
        select(DocumentBand.document_id)
        .where(DocumentBand.band_key.in_(keys))
        .group_by(DocumentBand.document_id)
        .order_by(shared.desc(), DocumentBand.document_id)
        .limit(limit)
    )
    return list(session.scalars(statement))


def document_texts(session: Session, *, ids: Iterable[int]) -> list[tuple[int, str, int | None]]:
    """Return (id, text, duplicate_of_id) for the given documents."""
    wanted = list(ids)
    if not wanted:
        return []
    rows = session.execute(select(Document.id, Document.text, Document.duplicate_of_id).where(Document.id.in_(wanted)))
    return [tuple(row) for row in rows]


def set_date(session: Session, *, document_id: int, published_on: date) -> Document:
    """Set a document's date by hand (date_source "user"); its claims without a date of their own take it too."""
    document = session.get(Document, document_id)
    if document is None:
        raise LookupError(f"no document with id {document_id}")
    previous = document.published_on
    document.published_on = published_on
    document.date_source = "user"
    # Claims default to the document's date: those that had it (or had none) follow the new one.
    followed = Claim.stated_on.is_(None)
    if previous is not None:
        followed = followed | (Claim.stated_on == previous)
    session.execute(
        update(Claim)
        .where(Claim.document_id == document_id, followed)
        .values(stated_on=published_on)
        .execution_options(synchronize_session=False)
    )
    session.flush()
    return document


def list_undated(session: Session, *, limit: int = 100, offset: int = 0) -> list[Document]:
    """Return the documents without a date, oldest ingested first."""
    statement = (
        select(Document).where(Document.published_on.is_(None)).order_by(Document.id).limit(limit).offset(offset)
    )
    return list(session.scalars(statement))


def count_undated(session: Session) -> int:
    """Return how many documents have no date."""
    return session.scalar(select(func.count(Document.id)).where(Document.published_on.is_(None))) or 0


def mark_duplicate_claims(session: Session, *, document_ids: Iterable[int] | None = None) -> int:
    """Flag the claims of near-duplicate documents (claim.is_duplicate) so dashboards count a position once."""
    duplicates = select(Document.id).where(Document.duplicate_of_id.is_not(None))
    if document_ids is not None:
        duplicates = duplicates.where(Document.id.in_(list(document_ids)))
    result = session.execute(
        update(Claim)
        .where(Claim.document_id.in_(duplicates), Claim.is_duplicate.is_(False))
        .values(is_duplicate=True)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount or 0
