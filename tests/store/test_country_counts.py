"""Counts split into whole years (yearly rollup) and the months around them equal the monthly rollup's."""

from __future__ import annotations

import random
from datetime import date

import pytest
from sqlalchemy import func, select

from app.store import models as m
from app.store.aggregates import count_claims, grouped_counts
from app.store.country_counts import split_window
from app.store.filters import ClaimFilter
from app.store.rollup import UNDATED_MONTH
from tests.factories import make_claim

STARTS = (None, date(1900, 2, 1), date(2021, 1, 1), date(2022, 3, 1), date(2023, 1, 1), date(2024, 7, 1))
ENDS = (None, date(1900, 12, 31), date(2021, 6, 30), date(2022, 12, 31), date(2023, 5, 31), date(2025, 2, 28))
WINDOWS = [(s, e) for s in STARTS for e in ENDS if not (s and e and e < s)]
KEYS = (["country_code", "issue_id"], ["issue_id"], ["country_code"])


@pytest.fixture(params=[False, True], ids=["no-1900", "dated-1900"])
def spread(session, request):
    """Claims over 2021-2025, undated ones, in every review state, some duplicates, and perhaps one from 1900."""
    rng = random.Random(7)
    actors = ("germany", "france", "hungary", "poland", "united-states")
    for _ in range(120):
        stated = None if rng.random() < 0.1 else date(rng.randint(2021, 2025), rng.randint(1, 12), rng.randint(1, 28))
        make_claim(
            session,
            actor=rng.choice(actors),
            issue_id=rng.choice(("sanctions", "military-aid", "ceasefire")),
            stance=rng.choice(("support", "oppose", "neutral")),
            stated_on=stated,
            review_status=rng.choice(("automatic", "accepted", "edited", "rejected")),
            is_duplicate=rng.random() < 0.2,
        )
    if request.param:  # the monthly table counts it as dated, the yearly one cannot
        make_claim(session, actor="poland", issue_id="ceasefire", stated_on=date(1900, 6, 1))
    session.commit()


def _monthly(session, flt: ClaimFilter, keys, skip=()) -> list:
    """The answer from the monthly rollup alone: how grouped_counts read it before the yearly one."""
    t = m.ClaimCountryMonthly
    cols = [getattr(t, k) for k in keys]
    conds = flt.rollup_conditions(session, skip=skip, table=t)
    stmt = select(*cols, t.stance, func.sum(t.n)).where(*conds).group_by(*cols, t.stance)
    return sorted((tuple(r[:-2]), r[-2], int(r[-1])) for r in session.execute(stmt))


@pytest.mark.parametrize(("start", "end"), WINDOWS)
def test_split_counts_equal_the_monthly_rollup(session, spread, start, end):
    for flt in (
        ClaimFilter(date_from=start, date_to=end),
        ClaimFilter(date_from=start, date_to=end, review=m.REVIEW_STATUSES, include_duplicates=True),
        ClaimFilter(date_from=start, date_to=end, countries=("DE", "FR"), stances=("oppose",)),
    ):
        assert flt.rollup_exact()
        for keys in KEYS:
            assert sorted(grouped_counts(session, flt, keys)) == _monthly(session, flt, keys), (flt, keys)
        assert sorted(grouped_counts(session, flt, KEYS[0], skip=("date",))) == _monthly(
            session, flt, KEYS[0], skip=("date",)
        )
        for dated_only in (False, True):
            t = m.ClaimCountryMonthly
            conds = flt.rollup_conditions(session, table=t) + ([t.month_on > UNDATED_MONTH] if dated_only else [])
            expected = session.scalar(select(func.coalesce(func.sum(t.n), 0)).where(*conds))
            assert count_claims(session, flt, dated_only=dated_only) == expected, (flt, dated_only)


def test_whole_years_read_the_yearly_table_only():
    assert [p.table for p in split_window(date(2025, 1, 1), date(2025, 12, 31), dated=True)] == [m.ClaimCountryYearly]
    assert [p.table for p in split_window(None, None, dated=False)] == [m.ClaimCountryYearly]
    parts = split_window(date(2024, 3, 1), date(2026, 2, 28), dated=True)
    assert [(p.table, p.lo, p.hi) for p in parts] == [
        (m.ClaimCountryYearly, date(2025, 1, 1), date(2025, 1, 1)),
        (m.ClaimCountryMonthly, date(2024, 3, 1), date(2024, 12, 1)),
        (m.ClaimCountryMonthly, date(2026, 1, 1), date(2026, 2, 28)),
    ]
    assert [p.table for p in split_window(date(2024, 3, 1), date(2024, 8, 31), dated=True)] == [m.ClaimCountryMonthly]
