"""The country rollups (monthly and yearly) stay equal to the claims, grouped, through writes and rebuilds."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from app.store.country_rollup import GRAINS, Grain, rebuild_country_rollups
from tests.factories import make_claim, seed_dashboard

pytestmark = pytest.mark.parametrize("grain", GRAINS, ids=[g.table for g in GRAINS])


def _expected(session, grain: Grain) -> set[tuple]:
    period = grain.bucket(session.get_bind().dialect.name, "stated_on")
    rows = session.execute(
        text(
            f"SELECT country_code, issue_id, stance, {period}, review_status, is_duplicate, count(*) "
            "FROM claim GROUP BY 1, 2, 3, 4, 5, 6"
        )
    )
    return {tuple(str(v) for v in r) for r in rows}


def _stored(session, grain: Grain) -> set[tuple]:
    rows = session.execute(text(f"SELECT {', '.join(grain.key)}, n FROM {grain.table}"))
    return {tuple(str(v) for v in r) for r in rows}


def test_triggers_keep_it_equal_to_the_claims(session, grain):
    made = seed_dashboard(session)
    assert _stored(session, grain) == _expected(session, grain) and _stored(session, grain)
    claim = made["de_sanctions_1"]
    claim.stance = "neutral"
    claim.stated_on = date(2022, 12, 31)  # into another year as well as another month
    session.flush()
    made["fr_aid"].review_status = "rejected"
    made["hu_dup"].is_duplicate = False
    made["de_aid"].country_code = "FR"
    made["fr_undated"].stated_on = date(2024, 7, 1)
    made["hu_aid"].stated_on = None
    session.delete(made["us_aid"])
    make_claim(session, actor="poland", issue_id="ceasefire", stated_on=None)
    make_claim(session, actor="poland", issue_id="ceasefire", stated_on=date(1900, 6, 1))
    session.commit()
    assert _stored(session, grain) == _expected(session, grain)
    session.execute(text("DELETE FROM claim"))
    session.commit()
    assert _stored(session, grain) == set()


def test_rebuild_gives_the_same_table(session, grain):
    seed_dashboard(session)
    before = _stored(session, grain)
    session.execute(text(f"DELETE FROM {grain.table}"))
    assert rebuild_country_rollups(session)[grain.table] == len(before)
    assert _stored(session, grain) == before
