"""JSON twins of /documents and /documents/{id}: keyset pages of sources, one source with its claims."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated, Literal
from urllib.parse import urlsplit

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field

from app.store import records
from app.web.api.claims import ERRORS, MAX_ROW_ID, NOT_FOUND, CursorParam, FormatParam, LimitParam, Links
from app.web.csvfile import csv_response
from app.web.deps import SessionDep
from app.web.viewstate import View, ViewDep

router = APIRouter(prefix="/api/v1", tags=["documents"])

DocSortParam = Annotated[
    Literal["-date", "date", "-id", "id"],
    Query(description="Sort by publication date (undated last) or by id; '-' for descending. Default -date."),
]
UndatedParam = Annotated[str | None, Query(max_length=5, description="1: only documents without a date")]
LanguageParam = Annotated[str | None, Query(max_length=8, description="Language code, e.g. en")]
SearchParam = Annotated[str | None, Query(max_length=200, description="Text the title contains (case-insensitive)")]
DocumentId = Annotated[int, Path(ge=1, le=MAX_ROW_ID, description="Document id")]
DATE_SOURCES = {
    "explicit": "stated in the source",
    "inferred": "inferred from the text, URL or metadata",
    "user": "set by a user",
    "unknown": "not found",
}


class DocumentOut(BaseModel):
    """One row of the documents list."""

    id: int
    title: str
    url: str | None = Field(description="The original link (http/https only; others are withheld)")
    published_on: date | None
    date_source: str
    source_name: str | None
    language: str | None
    duplicate_of: int | None
    extraction_status: str
    claim_count: int
    link: str


class DocumentsOut(BaseModel):
    """A page of documents."""

    filter: dict
    description: str
    sort: str
    limit: int
    items: list[DocumentOut]
    next: str | None
    links: Links


class EvidenceOut(BaseModel):
    """A claim found in the document, placed on its text."""

    id: int
    actor: str
    actor_name: str
    country: str
    issue: str
    issue_label: str
    stance: str
    stated_on: date | None
    confidence: float
    review_status: str
    evidence: str
    start: int | None = Field(description="Where the highlighted evidence starts in `text` (null: not found)")
    end: int | None
    explanation: list


class DocumentDetailOut(DocumentOut):
    """A document with its text, claims and near-duplicates."""

    text: str
    origin: str | None
    date_explained: str
    claims: list[EvidenceOut]
    near_duplicates: list[DocumentOut]


def safe_url(url: str | None) -> str | None:
    """Return the URL when it is http or https (safe to link), else None."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


@dataclass
class DocumentsResult:
    """What the documents page and its twin show."""

    page: records.DocumentsPage
    links: Links
    dflt: records.DocumentFilter


def documents_result(
    view: View, sort: str, cursor: str | None, limit: int, undated: str | None, language: str | None, q: str | None
) -> DocumentsResult:
    """Run the documents query for a view and build its paging links (shared by the page and the twin)."""
    dflt = records.parse_document_filter(undated, language, q)
    page = records.list_documents(view.session, view.filter, dflt, sort=sort, cursor=cursor, limit=limit)
    extra = {"sort": None if sort == "-date" else sort, "limit": None if limit == records.DEFAULT_PAGE_SIZE else limit}
    api = "/api/v1/documents"

    def at(path: str, token: str | None) -> str:
        return view.link(path, extra={**extra, "cursor": token})

    links = Links(
        self=at(api, cursor),
        next=at(api, page.next.encode()) if page.next else None,
        previous=at(api, page.previous.encode()) if page.previous else None,
        first=at(api, None),
        html=at("/documents", cursor),
        csv=view.link(api, extra={"sort": extra["sort"], "format": "csv"}),
    )
    return DocumentsResult(page=page, links=links, dflt=dflt)


def document_out(row, claim_count: int | None = None) -> DocumentOut:
    """Turn a documents-list row (or a Document) into its API shape."""
    return DocumentOut(
        id=row.id,
        title=row.title or "",
        url=safe_url(row.url),
        published_on=row.published_on,
        date_source=row.date_source,
        source_name=row.source_name,
        language=row.language,
        duplicate_of=row.duplicate_of_id,
        extraction_status=row.extraction_status,
        claim_count=claim_count if claim_count is not None else int(getattr(row, "claim_count", 0) or 0),
        link=f"/documents/{row.id}",
    )


DOC_CSV_HEADER = ("id", "title", "url", "published_on", "date_source", "source_name", "language", "duplicate_of")


@router.get(
    "/documents",
    response_model=DocumentsOut,
    summary="Documents (sources), newest first, one keyset page at a time (or all as CSV)",
    responses={**ERRORS, 200: {"content": {"text/csv": {}}, "description": "A page of documents, or CSV"}},
)
def api_documents(
    request: Request,
    view: ViewDep,
    sort: DocSortParam = "-date",
    cursor: CursorParam = None,
    limit: LimitParam = records.DEFAULT_PAGE_SIZE,
    undated: UndatedParam = None,
    language: LanguageParam = None,
    q: SearchParam = None,
    format: FormatParam = "json",
):
    """Return a page of documents; the claim filter keeps documents holding such claims."""
    if format == "csv":
        return documents_csv(request, view, sort, undated, language, q)
    result = documents_result(view, sort, cursor, limit, undated, language, q)
    return DocumentsOut(
        filter={**view.filter.as_dict(), "undated": result.dflt.undated, "language": result.dflt.language, "q": q},
        description=view.describe(noun="Documents with claims"),
        sort=result.page.sort,
        limit=result.page.limit,
        items=[document_out(r) for r in result.page.rows],
        next=result.links.next,
        links=result.links,
    )


def documents_csv(request: Request, view: View, sort: str, undated, language, q) -> StreamingResponse:
    """Stream every matching document (metadata, not text) as CSV."""
    dflt = records.parse_document_filter(undated, language, q)
    flt = view.filter

    def rows():
        with request.app.state.db.sessions() as session:
            cursor = None
            while True:
                page = records.list_documents(session, flt, dflt, sort=sort, cursor=cursor, limit=records.MAX_PAGE_SIZE)
                for r in page.rows:
                    yield (
                        r.id,
                        r.title,
                        r.url,
                        r.published_on,
                        r.date_source,
                        r.source_name,
                        r.language,
                        r.duplicate_of_id,
                    )
                if page.next is None:
                    return
                cursor = page.next.encode()

    return csv_response("documents.csv", DOC_CSV_HEADER, rows())


def document_detail_out(detail: records.DocumentDetail) -> DocumentDetailOut:
    """Turn a document's detail into its API shape."""
    doc = detail.document
    placed = detail.spans
    base = document_out(doc, claim_count=len(detail.claims))
    dups = ([detail.duplicate_of] if detail.duplicate_of else []) + detail.duplicates
    return DocumentDetailOut(
        **base.model_dump(),
        text=doc.text,
        origin=doc.origin,
        date_explained=DATE_SOURCES.get(doc.date_source, doc.date_source),
        claims=[
            EvidenceOut(
                id=c.id,
                actor=c.actor.slug,
                actor_name=c.actor.name,
                country=c.country_code,
                issue=c.issue_id,
                issue_label=c.issue.label,
                stance=c.stance,
                stated_on=c.stated_on,
                confidence=c.confidence,
                review_status=c.review_status,
                evidence=c.evidence,
                start=placed[c.id][0] if c.id in placed else None,
                end=placed[c.id][1] if c.id in placed else None,
                explanation=list(c.explanation or []),
            )
            for c in detail.claims
        ],
        near_duplicates=[document_out(d, claim_count=0) for d in dups],
    )


def claims_of_document_csv(detail: records.DocumentDetail) -> StreamingResponse:
    """Return a document's claims as CSV."""
    header = ("id", "actor", "country", "issue", "stance", "stated_on", "confidence", "review_status", "evidence")
    rows = [
        (
            c.id,
            c.actor.slug,
            c.country_code,
            c.issue_id,
            c.stance,
            c.stated_on,
            c.confidence,
            c.review_status,
            c.evidence,
        )
        for c in detail.claims
    ]
    return csv_response(f"document-{detail.document.id}-claims.csv", header, rows)


def load_document(session, document_id: int, view: View) -> records.DocumentDetail:
    """Return a document's detail or raise a 404."""
    detail = records.get_document(session, document_id, flt=view.filter)
    if detail is None:
        raise HTTPException(404, f"There is no document {document_id}.")
    return detail


@router.get(
    "/documents/{document_id}",
    response_model=DocumentDetailOut,
    summary="One document: text, claims with evidence offsets, near-duplicates (or its claims as CSV)",
    responses={404: {**NOT_FOUND, "description": "No such document"}, **ERRORS},
)
def api_document(session: SessionDep, view: ViewDep, document_id: DocumentId, format: FormatParam = "json"):
    """Return one document with its claims placed on its text."""
    detail = load_document(session, document_id, view)
    if format == "csv":
        return claims_of_document_csv(detail)
    return document_detail_out(detail)


__all__ = ["DATE_SOURCES", "router", "safe_url"]
