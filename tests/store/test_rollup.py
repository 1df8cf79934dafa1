"""The claim_monthly rollup follows every insert, update and delete of claims (database triggers)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from app.store import models as m
from app.store.rollup import rebuild_claim_monthly


def _doc(session, n=1):
    """Add a document."""
    doc = m.Document(text=f"text {n}", content_hash=f"h{n}", published_on=date(2024, 3, 19))
    session.add(doc)
    session.flush()
    return doc


def _claim(session, doc, **over):
    actor = session.scalar(select(m.Actor).where(m.Actor.slug == "germany"))
    values = dict(
        document_id=doc.id,
        actor_id=actor.id,
        country_code="DE",
        issue_id="sanctions",
        stance="support",
        stated_on=date(2024, 3, 19),
        evidence="e",
        extractor="test",
        extractor_version="1",
        review_status="automatic",
    )
    values.update(over)
    claim = m.Claim(**values)
    session.add(claim)
    session.flush()
    return claim


def _rollup(session):
    rows = session.execute(select(m.ClaimMonthly.month_on, m.ClaimMonthly.stance, m.ClaimMonthly.n)).all()
    return sorted((r.month_on, r.stance, r.n) for r in rows)


def test_rollup_follows_writes(session):
    doc = _doc(session)
    a = _claim(session, doc)
    _claim(session, doc, stated_on=date(2024, 3, 2))
    c = _claim(session, doc, stated_on=None)
    assert _rollup(session) == [(date(1900, 1, 1), "support", 1), (date(2024, 3, 1), "support", 2)]
    a.stance = "oppose"
    session.flush()
    assert _rollup(session) == [
        (date(1900, 1, 1), "support", 1),
        (date(2024, 3, 1), "oppose", 1),
        (date(2024, 3, 1), "support", 1),
    ]
    session.delete(c)
    session.flush()
    assert (date(1900, 1, 1), "support", 1) not in _rollup(session)
    before = _rollup(session)
    assert rebuild_claim_monthly(session) == 2
    assert _rollup(session) == before
    assert session.scalar(select(func.sum(m.ClaimMonthly.n))) == session.scalar(select(func.count(m.Claim.id)))
