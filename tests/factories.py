"""Plain factory functions for test data: make_document(session, **overrides), make_claim(session, **overrides)."""

from __future__ import annotations

import hashlib
import itertools
from datetime import date

from sqlalchemy import select

from app.store import models as m

_seq = itertools.count(1)


def make_document(session, **overrides) -> m.Document:
    """Add a document (flushed, not committed); every field can be overridden."""
    n = next(_seq)
    values: dict = dict(
        title=f"Test document {n}",
        text=f"Test document number {n}. The minister spoke about the war.",
        url=f"https://example.org/news/{n}",
        origin=f"https://example.org/news/{n}",
        published_on=date(2024, 3, 1),
        date_source="explicit",
        source_name="Example News",
        language="en",
    )
    values.update(overrides)
    values.setdefault("content_hash", hashlib.sha256(f"{n}:{values['text']}".encode()).hexdigest())
    doc = m.Document(**values)
    session.add(doc)
    session.flush()
    return doc


def get_actor(session, slug: str) -> m.Actor:
    """Return a reference actor by slug (fails loudly when absent)."""
    actor = session.scalar(select(m.Actor).where(m.Actor.slug == slug))
    assert actor is not None, f"no actor {slug!r} in the reference data"
    return actor


def make_actor(session, **overrides) -> m.Actor:
    """Add an actor (flushed); defaults to a person from Germany."""
    n = next(_seq)
    values: dict = dict(slug=f"test-actor-{n}", name=f"Test Actor {n}", type="person", country_code="DE", origin="user")
    values.update(overrides)
    actor = m.Actor(**values)
    session.add(actor)
    session.flush()
    return actor


def make_claim(
    session, *, actor: str | m.Actor = "germany", document: m.Document | None = None, **overrides
) -> m.Claim:
    """Add a claim (flushed); actor is a slug or an Actor, country_code defaults to the actor's country."""
    if isinstance(actor, str):
        actor = get_actor(session, actor)
    if document is None:
        document = make_document(session, published_on=overrides.get("stated_on", date(2024, 3, 1)))
    values: dict = dict(
        document_id=document.id,
        actor_id=actor.id,
        country_code=actor.country_code,
        issue_id="sanctions",
        stance="support",
        stated_on=date(2024, 3, 1),
        evidence="The government backs the measure.",
        evidence_start=None,
        evidence_end=None,
        extractor="test",
        extractor_version="1",
        confidence=0.9,
        explanation=[],
        review_status="automatic",
        is_duplicate=False,
    )
    values.update(overrides)
    claim = m.Claim(**values)
    session.add(claim)
    session.flush()
    return claim


def seed_dashboard(session) -> dict[str, m.Claim]:
    """Add a small, varied set of claims for the dashboard tests (committed) and return some by name."""
    made = {
        "de_sanctions_1": make_claim(session, actor="germany", issue_id="sanctions", stated_on=date(2023, 1, 10)),
        "de_sanctions_2": make_claim(
            session, actor="germany", issue_id="sanctions", stance="oppose", stated_on=date(2023, 3, 15)
        ),
        "de_aid": make_claim(session, actor="germany", issue_id="military-aid", stated_on=date(2023, 2, 1)),
        "fr_sanctions": make_claim(session, actor="france", issue_id="sanctions", stated_on=date(2023, 2, 20)),
        "fr_aid": make_claim(session, actor="france", issue_id="military-aid", stated_on=date(2024, 5, 2)),
        "fr_undated": make_claim(session, actor="france", issue_id="sanctions", stated_on=None),
        "hu_sanctions": make_claim(
            session, actor="hungary", issue_id="sanctions", stance="oppose", stated_on=date(2023, 4, 2)
        ),
        "hu_aid": make_claim(
            session, actor="hungary", issue_id="military-aid", stance="oppose", stated_on=date(2024, 6, 1)
        ),
        "us_aid": make_claim(session, actor="united-states", issue_id="military-aid", stated_on=date(2024, 1, 20)),
        "hu_dup": make_claim(
            session,
            actor="hungary",
            issue_id="sanctions",
            stance="support",
            stated_on=date(2023, 4, 3),
            is_duplicate=True,
        ),
    }
    session.commit()
    return made
