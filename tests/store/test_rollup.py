"""The claim_monthly rollup follows every insert, update and delete of claims (database triggers)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from app.store import models as m
from app.store.rollup import rebuild_claim_monthly
from tests.factories import make_claim, make_document


def _rollup(session):
    rows = session.execute(select(m.ClaimMonthly.month_on, m.ClaimMonthly.stance, m.ClaimMonthly.n)).all()
    return sorted((r.month_on, r.stance, r.n) for r in rows)


def test_rollup_follows_writes(session):
    doc = make_document(session)
    a = make_claim(session, document=doc, stated_on=date(2024, 3, 19))
    make_claim(session, document=doc, stated_on=date(2024, 3, 2))
    c = make_claim(session, document=doc, stated_on=None)
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
