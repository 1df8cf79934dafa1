"""claim_country_monthly stays equal to the claims, grouped, through inserts, updates, deletes and rebuilds."""

from __future__ import annotations

from datetime import date

from sqlalchemy import text

from app.store.country_rollup import rebuild_claim_country_monthly
from tests.factories import make_claim, seed_dashboard

GROUPED = """
SELECT country_code, issue_id, stance, {month}, review_status, is_duplicate, count(*)
  FROM claim GROUP BY 1, 2, 3, 4, 5, 6
"""


def _expected(session) -> set[tuple]:
    month = (
        "COALESCE(date_trunc('month', stated_on)::date, DATE '1900-01-01')"
        if session.get_bind().dialect.name == "postgresql"
        else "COALESCE(date(stated_on, 'start of month'), '1900-01-01')"
    )
    return {tuple(str(v) for v in r) for r in session.execute(text(GROUPED.format(month=month)))}


def _stored(session) -> set[tuple]:
    rows = session.execute(
        text(
            "SELECT country_code, issue_id, stance, month_on, review_status, is_duplicate, n FROM claim_country_monthly"
        )
    )
    return {tuple(str(v) for v in r) for r in rows}


def test_triggers_keep_it_equal_to_the_claims(session):
    made = seed_dashboard(session)
    assert _stored(session) == _expected(session) and _stored(session)
    claim = made["de_sanctions_1"]
    claim.stance = "neutral"
    claim.stated_on = date(2022, 12, 31)
    session.flush()
    made["fr_aid"].review_status = "rejected"
    made["hu_dup"].is_duplicate = False
    session.delete(made["us_aid"])
    make_claim(session, actor="poland", issue_id="ceasefire", stated_on=None)
    session.commit()
    assert _stored(session) == _expected(session)
    session.execute(text("DELETE FROM claim"))
    session.commit()
    assert _stored(session) == set()


def test_rebuild_gives_the_same_table(session):
    seed_dashboard(session)
    before = _stored(session)
    session.execute(text("DELETE FROM claim_country_monthly"))
    assert rebuild_claim_country_monthly(session) == len(before)
    assert _stored(session) == before
