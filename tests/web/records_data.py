"""Test data for the records views: documents and claims written for these tests (no real article prose)."""

from __future__ import annotations

import hashlib
from datetime import date
from itertools import count

from sqlalchemy import select

from app.store import models as m

_seq = count(1)

TEXT_A = (
    "Lisbon, 4 May 2023. Speaking before a cabinet meeting, the chancellor said his government would keep "
    "every sanction in force until the last soldier has left. He added that a ceasefire on the present lines "
    "would only reward the invader. The French president, for his part, told the press that sending instructors "
    "onto Ukrainian soil was not off the table."
)
TEXT_B = (
    "Brussels, undated note. Germany backs another aid tranche for air defence, an official said. "
    "Budapest again argued that new restrictive measures would hurt Europe more than Moscow."
)


def actor(session, slug: str) -> m.Actor:
    """Return a reference actor by slug."""
    found = session.scalar(select(m.Actor).where(m.Actor.slug == slug))
    assert found is not None, f"no reference actor {slug}"
    return found


def make_document(session, **overrides) -> m.Document:
    """Add a document (flushed, not committed)."""
    n = next(_seq)
    values = {
        "title": f"Test document {n}",
        "text": TEXT_A,
        "published_on": date(2023, 5, 4),
        "date_source": "explicit",
        "language": "en",
        "url": f"https://example.org/news/{n}",
        "content_hash": hashlib.sha256(f"doc-{n}-{overrides.get('title', '')}".encode()).hexdigest(),
        "extraction_status": "done",
    }
    values.update(overrides)
    doc = m.Document(**values)
    session.add(doc)
    session.flush()
    return doc


def make_claim(session, document: m.Document, *, actor_slug: str, issue: str, stance: str, evidence: str, **overrides):
    """Add a claim whose evidence is a substring of the document (offsets found unless given)."""
    a = actor(session, actor_slug)
    start = document.text.find(evidence)
    values = {
        "document_id": document.id,
        "actor_id": a.id,
        "country_code": a.country_code,
        "issue_id": issue,
        "stance": stance,
        "stated_on": document.published_on,
        "evidence": evidence,
        "evidence_start": start if start >= 0 else None,
        "evidence_end": start + len(evidence) if start >= 0 else None,
        "extractor": "rules",
        "extractor_version": "1.0",
        "confidence": 0.8,
        "explanation": [{"rule": "cue-verb", "detail": "said ... would keep"}],
        "review_status": "automatic",
        "is_duplicate": False,
    }
    values.update(overrides)
    claim = m.Claim(**values)
    session.add(claim)
    session.flush()
    return claim


def seed_records(session) -> dict:
    """Add two documents with five claims across DE, FR and HU; commit; return their ids."""
    a = make_document(session, title="Chancellor keeps sanctions", text=TEXT_A)
    b = make_document(session, title="Aid note", text=TEXT_B, published_on=None, date_source="unknown", language="fr")
    c1 = make_claim(
        session,
        a,
        actor_slug="olaf-scholz",
        issue="sanctions",
        stance="support",
        evidence="his government would keep every sanction in force until the last soldier has left",
        confidence=0.9,
    )
    c2 = make_claim(
        session,
        a,
        actor_slug="olaf-scholz",
        issue="ceasefire",
        stance="oppose",
        evidence="a ceasefire on the present lines would only reward the invader",
        confidence=0.7,
    )
    c3 = make_claim(
        session,
        a,
        actor_slug="emmanuel-macron",
        issue="troops-in-ukraine",
        stance="support",
        evidence="sending instructors onto Ukrainian soil was not off the table",
        confidence=0.6,
        stated_on=date(2023, 5, 3),
    )
    c4 = make_claim(
        session,
        b,
        actor_slug="germany",
        issue="military-aid",
        stance="support",
        evidence="Germany backs another aid tranche for air defence",
        confidence=0.85,
    )
    c5 = make_claim(
        session,
        b,
        actor_slug="hungary",
        issue="sanctions",
        stance="oppose",
        evidence="new restrictive measures would hurt Europe more than Moscow",
        confidence=0.5,
    )
    session.commit()
    return {"doc_a": a.id, "doc_b": b.id, "claims": [c1.id, c2.id, c3.id, c4.id, c5.id]}
