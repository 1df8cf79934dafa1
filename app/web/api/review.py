"""Write API for the review workflow: the queue, accept, reject, edit, add a claim, a claim's audit trail."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Path, Query
from pydantic import BaseModel, ConfigDict, Field

from app.store import models as m
from app.store import review
from app.store.review import Reviewer, ReviewError
from app.web.auth import WRITE_ERRORS, EditorDep, error_responses
from app.web.deps import SessionDep

router = APIRouter(prefix="/api/v1", tags=["review"])

ClaimId = Annotated[int, Path(ge=1, le=2**31 - 1, description="Claim id")]
DocumentId = Annotated[int, Path(ge=1, le=2**31 - 1, description="Document id")]
Slug = Annotated[str, Field(min_length=1, max_length=120, pattern=r"^[a-z0-9][a-z0-9-]*$")]
Stance = Literal["support", "oppose", "neutral"]
Offset = Annotated[int, Field(ge=0, le=10_000_000)]
Day = Annotated[date, Field(ge=date(1900, 1, 2), le=date(2999, 12, 31))]


class ClaimOut(BaseModel):
    """A claim as the review API shows it."""

    id: int
    document_id: int
    document_title: str
    actor: str = Field(description="Actor slug")
    actor_name: str
    country: str
    issue: str
    stance: Stance
    stated_on: date | None
    evidence: str
    evidence_start: int | None
    evidence_end: int | None
    confidence: float
    review_status: Literal["automatic", "accepted", "edited", "rejected"]
    extractor: str
    extractor_version: str


class QueueOut(BaseModel):
    """A page of the review queue."""

    items: list[ClaimOut]
    total: int
    limit: int
    offset: int


class RevisionOut(BaseModel):
    """One entry of a claim's audit trail."""

    id: int
    changed_by: str
    changed_at: datetime
    action: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None


class HistoryOut(BaseModel):
    """A claim and every change made to it."""

    claim: ClaimOut
    revisions: list[RevisionOut]


class ClaimEdit(BaseModel):
    """Fields to correct; omitted ones stay as they are. stated_on: null clears the date."""

    model_config = ConfigDict(extra="forbid")

    actor: Slug | None = None
    issue: Slug | None = None
    stance: Stance | None = None
    stated_on: Day | None = None
    evidence_start: Offset | None = None
    evidence_end: Offset | None = None


class ClaimNew(BaseModel):
    """A claim found by a person: the evidence is the document text from start to end (character offsets)."""

    model_config = ConfigDict(extra="forbid")

    start: Offset
    end: Offset
    actor: Slug
    issue: Slug
    stance: Stance
    stated_on: Day | None = Field(default=None, description="Defaults to the document's date")


def claim_out(claim: m.Claim) -> ClaimOut:
    """Return the API view of a claim."""
    return ClaimOut(
        id=claim.id,
        document_id=claim.document_id,
        document_title=claim.document.title if claim.document else "",
        actor=claim.actor.slug,
        actor_name=claim.actor.name,
        country=claim.country_code,
        issue=claim.issue_id,
        stance=claim.stance,
        stated_on=claim.stated_on,
        evidence=claim.evidence,
        evidence_start=claim.evidence_start,
        evidence_end=claim.evidence_end,
        confidence=claim.confidence,
        review_status=claim.review_status,
        extractor=claim.extractor,
        extractor_version=claim.extractor_version,
    )


def as_utc(moment: datetime) -> datetime:
    """Return a stored time as UTC-aware (SQLite hands back naive ones), so both backends answer alike."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def as_http(exc: ReviewError) -> HTTPException:
    """Turn a store error into the HTTP answer that names the field."""
    return HTTPException(exc.status, [{"param": exc.field, "problem": exc.reason}])


def committed(session, claim: m.Claim) -> ClaimOut:
    """Commit before answering: the session dependency commits only after the response is sent, and a client
    that reads right after a write (or a failed commit) must see the truth."""
    out = claim_out(claim)
    session.commit()
    return out


def reviewer(user) -> Reviewer:
    """Return the audit identity of a signed-in user."""
    return Reviewer(name=user.username, user_id=user.id)


@router.get(
    "/review/queue",
    response_model=QueueOut,
    summary="Automatic claims awaiting review, lowest confidence first",
    responses=error_responses(400, 401),
)
def queue(
    session: SessionDep,
    _user: EditorDep,
    # Plain strings ("" = any) rather than nullable ones: a query string has no null.
    issue: Annotated[str, Query(max_length=120, pattern=r"^([a-z0-9][a-z0-9-]*)?$", description="Issue id")] = "",
    country: Annotated[str, Query(max_length=8, pattern=r"^([A-Z]{2}|NATO|EU)?$", description="Country code")] = "",
    document: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> QueueOut:
    """List automatic claims, lowest confidence first, filtered by issue, country and document."""
    claims, total = review.review_queue(
        session, issue=issue or None, country=country or None, document_id=document, limit=limit, offset=offset
    )
    return QueueOut(items=[claim_out(c) for c in claims], total=total, limit=limit, offset=offset)


@router.get(
    "/claims/{claim_id}/history",
    response_model=HistoryOut,
    summary="A claim's audit trail",
    responses=error_responses(400, 404),
)
def history(session: SessionDep, claim_id: ClaimId) -> HistoryOut:
    """Return a claim and every change made to it, oldest first."""
    try:
        revisions = review.claim_history(session, claim_id)
    except ReviewError as exc:
        raise as_http(exc) from None
    claim = review.get_claim(session, claim_id)
    return HistoryOut(
        claim=claim_out(claim),
        revisions=[
            RevisionOut(
                id=r.id,
                changed_by=r.changed_by,
                changed_at=as_utc(r.changed_at),
                action=r.action,
                before=r.before,
                after=r.after,
            )
            for r in revisions
        ],
    )


@router.post("/claims/{claim_id}/accept", response_model=ClaimOut, summary="Accept a claim", responses=WRITE_ERRORS)
def accept(session: SessionDep, user: EditorDep, claim_id: ClaimId) -> ClaimOut:
    """Mark a claim correct as it stands."""
    try:
        claim = review.accept_claim(session, claim_id, by=reviewer(user))
    except ReviewError as exc:
        raise as_http(exc) from None
    return committed(session, claim)


@router.post("/claims/{claim_id}/reject", response_model=ClaimOut, summary="Reject a claim", responses=WRITE_ERRORS)
def reject(session: SessionDep, user: EditorDep, claim_id: ClaimId) -> ClaimOut:
    """Mark a claim wrong (kept, audited, hidden from the dashboard by default)."""
    try:
        claim = review.reject_claim(session, claim_id, by=reviewer(user))
    except ReviewError as exc:
        raise as_http(exc) from None
    return committed(session, claim)


@router.patch("/claims/{claim_id}", response_model=ClaimOut, summary="Edit a claim", responses=WRITE_ERRORS)
def edit(session: SessionDep, user: EditorDep, claim_id: ClaimId, body: ClaimEdit) -> ClaimOut:
    """Correct a claim's actor, issue, stance, date or evidence span."""
    changes = body.model_dump(exclude_unset=True)
    try:
        claim = review.edit_claim(session, claim_id, by=reviewer(user), **changes)
    except ReviewError as exc:
        raise as_http(exc) from None
    return committed(session, claim)


@router.post(
    "/documents/{document_id}/claims",
    response_model=ClaimOut,
    status_code=201,
    summary="Add a claim from a text selection",
    responses=WRITE_ERRORS,
)
def add(session: SessionDep, user: EditorDep, document_id: DocumentId, body: ClaimNew) -> ClaimOut:
    """Add a claim whose evidence is the selected span of the document text."""
    try:
        claim = review.add_claim(session, by=reviewer(user), document_id=document_id, **body.model_dump())
    except ReviewError as exc:
        raise as_http(exc) from None
    session.refresh(claim, ["document", "actor"])
    return committed(session, claim)
