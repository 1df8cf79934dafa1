"""The analyst's corrections: accept, reject, edit, add a claim from a text selection; each one audited.

Every change writes a claim_revision row (who, when, action, the claim before and after, as JSON). Reviewed claims
(review_status other than "automatic") belong to people: re-extraction must leave them alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from app.store import models as m

MAX_EVIDENCE = 5000
MANUAL_EXTRACTOR = "manual"
MANUAL_VERSION = "1"
_UNSET: Any = object()


class ReviewError(ValueError):
    """A review request that cannot be applied; names the field and why."""

    def __init__(self, field: str, reason: str, *, status: int = 422):
        self.field, self.reason, self.status = field, reason, status
        super().__init__(f"{field}: {reason}")


class ClaimNotFound(ReviewError):
    """No such claim or document."""

    def __init__(self, field: str, value: object):
        super().__init__(field, f"no such {field.removesuffix('_id')}: {value}", status=404)


@dataclass(frozen=True)
class Reviewer:
    """Who made a change (a user, or a named process such as an import)."""

    name: str
    user_id: int | None = None


def snapshot(claim: m.Claim) -> dict[str, Any]:
    """Return the reviewable fields of a claim as JSON-ready data (the audit trail's before/after)."""
    return {
        "actor": claim.actor.slug if claim.actor is not None else None,
        "actor_id": claim.actor_id,
        "country": claim.country_code,
        "issue": claim.issue_id,
        "stance": claim.stance,
        "stated_on": claim.stated_on.isoformat() if claim.stated_on else None,
        "evidence": claim.evidence,
        "evidence_start": claim.evidence_start,
        "evidence_end": claim.evidence_end,
        "review_status": claim.review_status,
    }


def get_claim(session: Session, claim_id: int) -> m.Claim:
    """Return a claim or raise ClaimNotFound."""
    claim = session.get(m.Claim, claim_id)
    if claim is None:
        raise ClaimNotFound("claim_id", claim_id)
    return claim


def _audit(session: Session, claim: m.Claim, *, by: Reviewer, action: str, before: dict | None) -> m.ClaimRevision:
    session.flush()
    session.refresh(claim, ["actor"])
    revision = m.ClaimRevision(
        claim_id=claim.id,
        user_id=by.user_id,
        changed_by=by.name[:120],
        changed_at=m.utcnow(),
        action=action,
        before=before,
        after=snapshot(claim),
    )
    session.add(revision)
    session.flush()
    return revision


def accept_claim(session: Session, claim_id: int, *, by: Reviewer) -> m.Claim:
    """Mark a claim correct as it stands (an edited claim stays 'edited')."""
    claim = get_claim(session, claim_id)
    before = snapshot(claim)
    if claim.review_status != "edited":
        claim.review_status = "accepted"
    _audit(session, claim, by=by, action="accept", before=before)
    return claim


def reject_claim(session: Session, claim_id: int, *, by: Reviewer) -> m.Claim:
    """Mark a claim wrong: it is kept (and audited) but hidden from the dashboard by default."""
    claim = get_claim(session, claim_id)
    before = snapshot(claim)
    claim.review_status = "rejected"
    _audit(session, claim, by=by, action="reject", before=before)
    return claim


def edit_claim(
    session: Session,
    claim_id: int,
    *,
    by: Reviewer,
    actor: str | None = None,
    issue: str | None = None,
    stance: str | None = None,
    stated_on: date | None = _UNSET,
    evidence_start: int | None = None,
    evidence_end: int | None = None,
) -> m.Claim:
    """Correct a claim's actor (slug), issue, stance, date or evidence span; it becomes 'edited'."""
    claim = get_claim(session, claim_id)
    before = snapshot(claim)
    if actor is not None:
        claim.actor_id = _actor(session, actor).id
    if issue is not None:
        claim.issue_id = _issue(session, issue)
    if stance is not None:
        claim.stance = _stance(stance)
    if stated_on is not _UNSET:
        claim.stated_on = _date(stated_on)
    if evidence_start is not None or evidence_end is not None:
        start = claim.evidence_start if evidence_start is None else evidence_start
        end = claim.evidence_end if evidence_end is None else evidence_end
        if start is None or end is None:
            raise ReviewError("evidence_start", "give both evidence_start and evidence_end")
        text = session.scalar(select(m.Document.text).where(m.Document.id == claim.document_id)) or ""
        claim.evidence_start, claim.evidence_end, claim.evidence = _span(text, start, end)
    session.flush()
    session.refresh(claim, ["actor"])
    claim.country_code = country_for(session, claim.actor, claim.stated_on)
    after = snapshot(claim)
    if {k: v for k, v in after.items() if k != "review_status"} == {
        k: v for k, v in before.items() if k != "review_status"
    }:
        raise ReviewError("claim", "nothing to change: the edit matches the claim as it is")
    claim.review_status = "edited"
    _audit(session, claim, by=by, action="edit", before=before)
    return claim


def add_claim(
    session: Session,
    *,
    by: Reviewer,
    document_id: int,
    start: int,
    end: int,
    actor: str,
    issue: str,
    stance: str,
    stated_on: date | None = None,
) -> m.Claim:
    """Add a claim a person found: the evidence is the document text between two character offsets."""
    document = session.get(m.Document, document_id)
    if document is None:
        raise ClaimNotFound("document_id", document_id)
    start, end, evidence = _span(document.text, start, end)
    who = _actor(session, actor)
    on = _date(stated_on) if stated_on is not None else document.published_on
    claim = m.Claim(
        document_id=document.id,
        actor_id=who.id,
        country_code=country_for(session, who, on),
        issue_id=_issue(session, issue),
        stance=_stance(stance),
        stated_on=on,
        evidence=evidence,
        evidence_start=start,
        evidence_end=end,
        extractor=MANUAL_EXTRACTOR,
        extractor_version=MANUAL_VERSION,
        confidence=1.0,
        explanation=[f"added by {by.name}"],
        review_status="accepted",
        is_duplicate=document.duplicate_of_id is not None,
    )
    session.add(claim)
    session.flush()
    _audit(session, claim, by=by, action="create", before=None)
    return claim


def review_queue(
    session: Session,
    *,
    issue: str | None = None,
    country: str | None = None,
    document_id: int | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[m.Claim], int]:
    """Return automatic claims, lowest confidence first, and how many there are in all."""
    conds = [m.Claim.review_status == "automatic"]
    if issue:
        conds.append(m.Claim.issue_id == issue)
    if country:
        conds.append(m.Claim.country_code == country)
    if document_id is not None:
        conds.append(m.Claim.document_id == document_id)
    total = session.scalar(select(func.count()).select_from(m.Claim).where(*conds)) or 0
    rows = session.scalars(
        select(m.Claim)
        .where(*conds)
        .options(selectinload(m.Claim.actor), selectinload(m.Claim.document), selectinload(m.Claim.issue))
        .order_by(m.Claim.confidence.asc(), m.Claim.id.asc())
        .limit(limit)
        .offset(offset)
    )
    return list(rows), total


def claim_history(session: Session, claim_id: int) -> list[m.ClaimRevision]:
    """Return a claim's audit trail, oldest first."""
    get_claim(session, claim_id)
    return list(
        session.scalars(
            select(m.ClaimRevision)
            .where(m.ClaimRevision.claim_id == claim_id)
            .order_by(m.ClaimRevision.changed_at, m.ClaimRevision.id)
        )
    )


def country_for(session: Session, actor: m.Actor, on: date | None) -> str:
    """Return the country an actor speaks for on a date (a person's office then, else the actor's own)."""
    if actor.type == "person":
        day = on or date.today()
        office = session.scalar(
            select(m.Office)
            .where(
                m.Office.actor_id == actor.id,
                m.Office.start_on <= day,
                or_(m.Office.end_on.is_(None), m.Office.end_on >= day),
            )
            .order_by(m.Office.start_on.desc())
            .limit(1)
        )
        if office is not None:
            return office.country_code
    return actor.country_code


def _actor(session: Session, slug: str) -> m.Actor:
    actor = session.scalar(select(m.Actor).where(m.Actor.slug == slug.strip().lower()))
    if actor is None:
        raise ReviewError("actor", f"no such actor: {slug[:80]}")
    return actor


def _issue(session: Session, issue_id: str) -> str:
    found = session.scalar(select(m.Issue.id).where(m.Issue.id == issue_id.strip().lower()))
    if found is None:
        raise ReviewError("issue", f"no such issue: {issue_id[:80]}")
    return found


def _stance(stance: str) -> str:
    if stance not in m.STANCES:
        raise ReviewError("stance", f"expected one of {', '.join(m.STANCES)}")
    return stance


def _date(value: date | None) -> date | None:
    if value is not None and not date(1900, 1, 2) <= value <= date(2999, 12, 31):
        raise ReviewError("stated_on", "date out of range")
    return value


def _span(text: str, start: int, end: int) -> tuple[int, int, str]:
    if not 0 <= start < end <= len(text):
        raise ReviewError("evidence_start", f"the span must lie within the text (0 to {len(text)}) and not be empty")
    if end - start > MAX_EVIDENCE:
        raise ReviewError("evidence_end", f"evidence longer than {MAX_EVIDENCE} characters")
    # Selections often catch surrounding spaces; the evidence is the trimmed substring, offsets follow it.
    piece = text[start:end]
    start += len(piece) - len(piece.lstrip())
    end -= len(piece) - len(piece.rstrip())
    if start >= end:
        raise ReviewError("evidence_start", "the selection holds only white space")
    return start, end, text[start:end]
