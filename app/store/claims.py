"""Claim writes used by extraction: replace a document's automatic claims, never the ones people reviewed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.extract.base import ExtractedClaim
from app.store.models import Actor, Claim, ClaimRevision, Country, Document, Issue
from app.taxonomy.loader import slugify

AUTOMATIC = "automatic"


@dataclass
class WriteResult:
    """What happened to one document's claims."""

    written: int = 0
    replaced: int = 0  # automatic claims of an older run removed
    kept_reviewed: int = 0  # new claims dropped because a person already decided on the same claim
    skipped: int = 0  # claims naming an unknown country or issue
    actors_created: int = 0


def _actor_for(session: Session, claim: ExtractedClaim, cache: dict[str, Actor | None]) -> tuple[Actor | None, bool]:
    """Return the stored actor of a claim, creating an "extracted" actor for a person found by title only."""
    slug = claim.actor_slug or slugify(claim.actor)
    if slug in cache:
        return cache[slug], False
    actor = session.scalar(select(Actor).where(Actor.slug == slug))
    created = False
    if actor is None and claim.actor_slug is None and slug:
        actor = session.scalar(select(Actor).where(Actor.name == claim.actor))
        if actor is None and claim.actor_type == "person":
            # "Sergei Lavrov" found by title is the stored "Sergey Lavrov": same surname, same country.
            surname = claim.actor.split()[-1]
            actor = session.scalars(
                select(Actor)
                .where(Actor.type == "person", Actor.country_code == claim.country, Actor.name.like(f"% {surname}"))
                .order_by(Actor.id)
            ).first()
        if actor is None:
            actor = Actor(
                slug=slug,
                name=claim.actor,
                type=claim.actor_type,
                country_code=claim.country,
                aliases=[],
                origin="extracted",
            )
            session.add(actor)
            session.flush()
            created = True
    cache[slug] = actor
    return actor, created


def replace_automatic_claims(
    session: Session,
    *,
    document: Document,
    claims: Iterable[ExtractedClaim],
    extractor: str,
    version: str,
) -> WriteResult:
    """Replace the automatic claims one extractor made for a document with new ones.

    Claims people accepted, edited or rejected stay as they are, and a new claim that repeats one of them (same
    actor, issue and stance) is not written again: a rejected claim must not come back. stated_on defaults to the
    document's date; is_duplicate follows the document's duplicate_of_id.
    """
    result = WriteResult()
    removed = session.execute(
        delete(Claim)
        .where(Claim.document_id == document.id, Claim.extractor == extractor, Claim.review_status == AUTOMATIC)
        .execution_options(synchronize_session="fetch")  # drop the deleted claims from the session too
    )
    result.replaced = removed.rowcount or 0
    reviewed_claims = list(
        session.scalars(select(Claim).where(Claim.document_id == document.id, Claim.review_status != AUTOMATIC))
    )
    reviewed = {(c.actor_id, c.issue_id, c.stance) for c in reviewed_claims}
    # An edited claim also stands for what the machine had said before the edit: re-extraction must not bring
    # the corrected version back beside the correction.
    if reviewed_claims:
        for before in session.scalars(
            select(ClaimRevision.before).where(
                ClaimRevision.claim_id.in_([c.id for c in reviewed_claims]), ClaimRevision.before.is_not(None)
            )
        ):
            if isinstance(before, dict) and {"actor_id", "issue", "stance"} <= before.keys():
                reviewed.add((before["actor_id"], before["issue"], before["stance"]))
    countries = set(session.scalars(select(Country.code)))
    issues = set(session.scalars(select(Issue.id)))
    cache: dict[str, Actor | None] = {}
    for claim in claims:
        if claim.country not in countries or claim.issue not in issues:
            result.skipped += 1
            continue
        actor, created = _actor_for(session, claim, cache)
        if actor is None:
            result.skipped += 1
            continue
        result.actors_created += created
        if (actor.id, claim.issue, claim.stance) in reviewed:
            result.kept_reviewed += 1
            continue
        session.add(
            Claim(
                document_id=document.id,
                actor_id=actor.id,
                country_code=claim.country,
                issue_id=claim.issue,
                stance=claim.stance,
                stated_on=claim.stated_on or document.published_on,
                evidence=claim.evidence,
                evidence_start=claim.start,
                evidence_end=claim.end,
                extractor=extractor,
                extractor_version=version,
                confidence=claim.confidence,
                explanation=claim.explanation,
                review_status=AUTOMATIC,
                is_duplicate=document.duplicate_of_id is not None,
            )
        )
        result.written += 1
    session.flush()
    return result
