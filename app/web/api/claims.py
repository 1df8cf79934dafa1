"""JSON twin of /claims: the same query, keyset pages with a `next` link, CSV download, one claim."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field

from app.store import models as m
from app.store import records
from app.store.filters import ClaimFilter
from app.web.auth import ErrorOut  # one error schema for the whole API
from app.web.csvfile import csv_response
from app.web.deps import SessionDep
from app.web.viewstate import View, ViewDep

router = APIRouter(prefix="/api/v1", tags=["claims"])

SortParam = Annotated[
    Literal["-date", "date", "-confidence", "confidence", "actor", "-actor", "country", "-country", "issue", "-issue"],
    Query(description="Sort key; a leading '-' sorts descending. Default: newest first (-date)."),
]
CursorParam = Annotated[
    str | None, Query(max_length=600, description="Opaque page cursor from a `next`/`previous` link")
]
LimitParam = Annotated[int, Query(ge=1, le=records.MAX_PAGE_SIZE, description="Rows per page")]
FormatParam = Annotated[Literal["json", "csv"], Query(description="json (default) or csv (the whole result)")]


MAX_ROW_ID = 2**31 - 1  # ids are INTEGER columns; a larger one cannot exist (and PostgreSQL would refuse it)
ERRORS = {
    400: {"model": ErrorOut, "description": "Invalid filter, sort, cursor or limit; names the parameter and value"},
    503: {"model": ErrorOut, "description": "Database unavailable"},
}
NOT_FOUND = {"model": ErrorOut, "description": "Not found"}


class ClaimOut(BaseModel):
    """One row of the claims table."""

    id: int
    stated_on: date | None
    stance: str
    confidence: float
    review_status: str
    evidence: str
    evidence_start: int | None
    evidence_end: int | None
    extractor: str
    extractor_version: str
    is_duplicate: bool
    country: str
    country_name: str
    issue: str
    issue_label: str
    actor: str = Field(description="Actor slug")
    actor_name: str
    document_id: int
    document_title: str
    document_link: str = Field(description="The document page, anchored at the evidence")


class Links(BaseModel):
    """Links that continue or reproduce this answer."""

    self: str
    next: str | None = None
    previous: str | None = None
    first: str
    html: str
    csv: str


class ClaimsOut(BaseModel):
    """A page of claims."""

    filter: dict
    description: str
    sort: str
    limit: int
    count: int = Field(description="Claims matching the filter (a lower bound when count_exact is false)")
    count_exact: bool
    items: list[ClaimOut]
    next: str | None = Field(description="Link to the next page, or null on the last")
    links: Links


class RevisionOut(BaseModel):
    """One change to a claim."""

    changed_by: str
    changed_at: datetime
    action: str
    before: dict | None
    after: dict | None


class ClaimDetailOut(ClaimOut):
    """One claim with the rules that produced it and its review history."""

    explanation: list
    revisions: list[RevisionOut]


@dataclass
class ClaimsResult:
    """What the claims page and its twin show."""

    page: records.ClaimsPage
    links: Links


def claims_result(view: View, sort: str, cursor: str | None, limit: int) -> ClaimsResult:
    """Run the claims query for a view and build its paging links (shared by /claims and /api/v1/claims)."""
    page = records.list_claims(view.session, view.filter, sort=sort, cursor=cursor, limit=limit)
    extra = {"sort": None if sort == "-date" else sort, "limit": None if limit == records.DEFAULT_PAGE_SIZE else limit}
    api, html = "/api/v1/claims", "/claims"

    def at(path: str, token: str | None) -> str:
        return view.link(path, extra={**extra, "cursor": token})

    links = Links(
        self=at(api, cursor),
        next=at(api, page.next.encode()) if page.next else None,
        previous=at(api, page.previous.encode()) if page.previous else None,
        first=at(api, None),
        html=at(html, cursor),
        csv=view.link(api, extra={"sort": extra["sort"], "format": "csv"}),
    )
    return ClaimsResult(page=page, links=links)


def claim_out(row) -> ClaimOut:
    """Turn a claims-table row into its API shape."""
    return ClaimOut(
        id=row.id,
        stated_on=row.stated_on,
        stance=row.stance,
        confidence=row.confidence,
        review_status=row.review_status,
        evidence=row.evidence,
        evidence_start=row.evidence_start,
        evidence_end=row.evidence_end,
        extractor=row.extractor,
        extractor_version=row.extractor_version,
        is_duplicate=bool(row.is_duplicate),
        country=row.country_code,
        country_name=row.country_name,
        issue=row.issue_id,
        issue_label=row.issue_label,
        actor=row.actor_slug,
        actor_name=row.actor_name,
        document_id=row.document_id,
        document_title=row.document_title or "",
        document_link=f"/documents/{row.document_id}#claim-{row.id}",
    )


CSV_HEADER = (
    "id",
    "stated_on",
    "country",
    "country_name",
    "actor",
    "actor_name",
    "issue",
    "issue_label",
    "stance",
    "confidence",
    "review_status",
    "evidence",
    "document_id",
    "document_title",
    "extractor",
    "is_duplicate",
)


def claims_csv(request: Request, flt: ClaimFilter, sort: str, filename: str = "claims.csv") -> StreamingResponse:
    """Stream every claim of the filter as CSV, with its own session (the request's closes before streaming)."""

    def rows():
        with request.app.state.db.sessions() as session:
            for r in records.iter_claims(session, flt, sort=sort):
                yield (
                    r.id,
                    r.stated_on.isoformat() if r.stated_on else "",
                    r.country_code,
                    r.country_name,
                    r.actor_slug,
                    r.actor_name,
                    r.issue_id,
                    r.issue_label,
                    r.stance,
                    f"{r.confidence:.3f}",
                    r.review_status,
                    r.evidence,
                    r.document_id,
                    r.document_title,
                    f"{r.extractor}@{r.extractor_version}",
                    int(bool(r.is_duplicate)),
                )

    return csv_response(filename, CSV_HEADER, rows())


@router.get(
    "/claims",
    response_model=ClaimsOut,
    summary="Claims matching a filter, one keyset page at a time (or all as CSV)",
    responses={**ERRORS, 200: {"content": {"text/csv": {}}, "description": "A page of claims, or CSV"}},
)
def api_claims(
    request: Request,
    view: ViewDep,
    sort: SortParam = "-date",
    cursor: CursorParam = None,
    limit: LimitParam = records.DEFAULT_PAGE_SIZE,
    format: FormatParam = "json",
):
    """Return a page of claims; follow `next` for more. format=csv streams every matching claim."""
    if format == "csv":
        return claims_csv(request, view.filter, sort)
    result = claims_result(view, sort, cursor, limit)
    page = result.page
    return ClaimsOut(
        filter=view.filter.as_dict(),
        description=view.describe(count=page.count.value if page.count and page.count.exact else None),
        sort=page.sort,
        limit=page.limit,
        count=page.count.value if page.count else 0,
        count_exact=bool(page.count and page.count.exact),
        items=[claim_out(r) for r in page.rows],
        next=result.links.next,
        links=result.links,
    )


@router.get(
    "/claims.csv",
    summary="Every claim matching a filter, as CSV",
    response_class=StreamingResponse,
    responses={**ERRORS, 200: {"content": {"text/csv": {}}, "description": "CSV, one claim per row"}},
)
def api_claims_csv(request: Request, view: ViewDep, sort: SortParam = "-date"):
    """Stream every matching claim as CSV."""
    return claims_csv(request, view.filter, sort)


def _aware(moment: datetime) -> datetime:
    # SQLite hands back naive datetimes; they were stored in UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@router.get(
    "/claims/{claim_id}",
    response_model=ClaimDetailOut,
    summary="One claim with its explanation and review history",
    responses={404: {**NOT_FOUND, "description": "No such claim"}, **ERRORS},
)
def api_claim(session: SessionDep, claim_id: Annotated[int, Path(ge=1, le=MAX_ROW_ID)]) -> ClaimDetailOut:
    """Return one claim."""
    claim = records.get_claim(session, claim_id)
    if claim is None:
        raise HTTPException(404, f"There is no claim {claim_id}.")
    doc = claim.document
    return ClaimDetailOut(
        id=claim.id,
        stated_on=claim.stated_on,
        stance=claim.stance,
        confidence=claim.confidence,
        review_status=claim.review_status,
        evidence=claim.evidence,
        evidence_start=claim.evidence_start,
        evidence_end=claim.evidence_end,
        extractor=claim.extractor,
        extractor_version=claim.extractor_version,
        is_duplicate=claim.is_duplicate,
        country=claim.country_code,
        country_name=session.get(m.Country, claim.country_code).name,
        issue=claim.issue_id,
        issue_label=claim.issue.label,
        actor=claim.actor.slug,
        actor_name=claim.actor.name,
        document_id=doc.id,
        document_title=doc.title or "",
        document_link=f"/documents/{doc.id}#claim-{claim.id}",
        explanation=list(claim.explanation or []),
        revisions=[
            RevisionOut(
                changed_by=r.changed_by,
                changed_at=_aware(r.changed_at),
                action=r.action,
                before=r.before,
                after=r.after,
            )
            for r in claim.revisions
        ],
    )
