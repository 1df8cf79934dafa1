"""The data-version cache: every write path bumps the version, cached aggregates never outlive the data."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select, text, update

from app.store import models as m
from app.store.datacache import RESULTS, cached_by_data_version, data_version
from app.store.filters import ClaimFilter

CALLS: list[ClaimFilter] = []


@cached_by_data_version("test_count")
def claim_count(session, flt: ClaimFilter, *, stance: str | None = None) -> int:
    CALLS.append(flt)
    stmt = select(func.count()).select_from(m.Claim).where(*flt.claim_conditions(session))
    if stance:
        stmt = stmt.where(m.Claim.stance == stance)
    return session.scalar(stmt)


@pytest.fixture(autouse=True)
def _fresh():
    RESULTS.clear()
    CALLS.clear()


def _claim(session, **over) -> m.Claim:
    doc = session.scalars(select(m.Document).where(m.Document.content_hash == "cache-test")).first()
    if doc is None:
        doc = m.Document(text="A document written for the cache tests.", content_hash="cache-test")
        session.add(doc)
        session.flush()
    actor = session.scalars(select(m.Actor).where(m.Actor.country_code == "PL").order_by(m.Actor.id)).first()
    values = dict(
        document_id=doc.id,
        actor_id=actor.id,
        country_code="PL",
        issue_id="sanctions",
        stance="support",
        stated_on=date(2024, 3, 5),
        evidence="Poland backs more sanctions, in words written for this test.",
        extractor="manual",
        extractor_version="1",
    )
    values.update(over)
    claim = m.Claim(**values)
    session.add(claim)
    session.flush()
    return claim


def test_every_write_to_watched_tables_bumps_the_version(session):
    seen = [data_version(session)]
    claim = _claim(session)
    session.commit()
    seen.append(data_version(session))
    session.execute(update(m.Claim).where(m.Claim.id == claim.id).values(stance="oppose"))
    session.commit()
    seen.append(data_version(session))
    session.execute(update(m.Actor).where(m.Actor.country_code == "PL").values(name=m.Actor.name + " "))
    session.commit()
    seen.append(data_version(session))
    session.execute(text("DELETE FROM claim"))
    session.commit()
    seen.append(data_version(session))
    assert all(v is not None for v in seen)
    assert len({v for v in seen}) == len(seen), seen
    counters = [v[0] for v in seen]
    assert counters == sorted(counters)


def test_a_rolled_back_write_leaves_the_version(session):
    before = data_version(session)
    _claim(session)
    session.rollback()
    assert data_version(session) == before


def test_cached_until_the_data_changes(session):
    flt = ClaimFilter()
    assert claim_count(session, flt) == 0
    assert claim_count(session, flt) == 0
    assert len(CALLS) == 1
    _claim(session)
    session.commit()
    assert claim_count(session, flt) == 1  # the write bumped the version: recomputed, not the stale 0
    assert claim_count(session, flt) == 1
    assert len(CALLS) == 2
    assert claim_count(session, flt, stance="oppose") == 0  # other arguments, other entry
    assert claim_count(session, ClaimFilter(countries=("PL",))) == 1
    assert len(CALLS) == 4


def test_relative_periods_are_keyed_by_today(session):
    _claim(session, stated_on=date(2024, 3, 5))
    session.commit()
    a = ClaimFilter(period="this-year", today=date(2024, 6, 1))
    b = ClaimFilter(period="this-year", today=date(2025, 6, 1))
    assert a == b  # the filter's equality ignores today...
    assert claim_count(session, a) == 1
    assert claim_count(session, b) == 0  # ...the cache does not


def test_uncommitted_writes_in_the_session_are_seen(session):
    flt = ClaimFilter()
    assert claim_count(session, flt) == 0
    _claim(session)  # flushed, not committed: the trigger bumped the version inside this transaction
    assert claim_count(session, flt) == 1
    session.rollback()
    assert claim_count(session, flt) == 0
