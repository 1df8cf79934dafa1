"""Dashboard aggregates: rollup and claim-table paths agree, matrix, changes, timeline, standings."""

from __future__ import annotations

from datetime import date

import pytest

from app.store import aggregates as agg
from app.store.filters import ClaimFilter
from tests.factories import make_claim, make_document


@pytest.fixture
def data(session):
    """A few claims: Germany and France on sanctions and military aid, one stance change, one duplicate."""
    make_claim(session, actor="germany", issue_id="sanctions", stance="support", stated_on=date(2023, 1, 10))
    make_claim(session, actor="germany", issue_id="sanctions", stance="oppose", stated_on=date(2023, 3, 15))
    make_claim(session, actor="germany", issue_id="military-aid", stance="support", stated_on=date(2023, 2, 1))
    make_claim(session, actor="france", issue_id="sanctions", stance="support", stated_on=date(2023, 2, 20))
    make_claim(session, actor="france", issue_id="sanctions", stance="support", stated_on=None)
    make_claim(session, actor="hungary", issue_id="sanctions", stance="oppose", stated_on=date(2023, 4, 2))
    make_claim(
        session, actor="hungary", issue_id="sanctions", stance="support", stated_on=date(2023, 4, 3), is_duplicate=True
    )
    session.commit()
    return session


def test_counts_and_net():
    c = agg.Counts().add("support", 3).add("oppose", 1)
    assert (c.total, c.net) == (4, 0.5)
    assert agg.Counts().net is None


def test_matrix_by_country(data):
    mx = agg.claim_matrix(data, ClaimFilter())
    rows = {r.key: r for r in mx.rows}
    assert set(rows) == {"DE", "FR", "HU"}
    assert rows["DE"].cells["sanctions"] == agg.Counts(support=1, oppose=1)
    assert rows["FR"].cells["sanctions"].support == 2  # undated claims count in the all-dates matrix
    assert rows["HU"].cells["sanctions"] == agg.Counts(oppose=1)  # the duplicate is left out by default
    assert mx.source == "rollup" and mx.total == 6
    ev = mx.evidence[("DE", "sanctions")]
    assert ev.stated_on == date(2023, 3, 15) and ev.stance == "oppose"
    assert [r.key for r in mx.rows] == ["FR", "DE", "HU"]  # by name: France, Germany, Hungary


def test_matrix_rollup_and_claim_paths_agree(data):
    exact = ClaimFilter(date_from=date(2023, 2, 1), date_to=date(2023, 3, 31))
    inexact = ClaimFilter(date_from=date(2023, 2, 1), date_to=date(2023, 3, 30))
    a, b = agg.claim_matrix(data, exact), agg.claim_matrix(data, inexact)
    assert (a.source, b.source) == ("rollup", "claim")
    assert {r.key: r.cells for r in a.rows} == {r.key: r.cells for r in b.rows}
    narrow = agg.claim_matrix(data, ClaimFilter(date_from=date(2023, 3, 16), date_to=date(2023, 4, 2)))
    assert {r.key for r in narrow.rows} == {"HU"}


def test_matrix_by_actor_and_similarity(data):
    mx = agg.claim_matrix(data, ClaimFilter(), rows="actor", sort="similarity", group_by_bloc=True)
    assert {r.key for r in mx.rows} == {"germany", "france", "hungary"}
    assert ("germany", "military-aid") in mx.evidence


def test_similarity_order_puts_alike_rows_together():
    order = agg.similarity_order([[1, 1], [-1, -1], [0.9, 1], [-1, -0.8]])
    pos = {v: i for i, v in enumerate(order)}
    assert abs(pos[0] - pos[2]) == 1 and abs(pos[1] - pos[3]) == 1


def test_changes_and_recent(data):
    recent, changes = agg.recent_changes(data, ClaimFilter())
    assert recent[0].stated_on == date(2023, 4, 2)
    assert [(c.actor_slug, c.before, c.after) for c in changes] == [("germany", "support", "oppose")]


def test_timeline(data):
    tl = agg.timeline(data, ClaimFilter(issues=("sanctions",)), step="quarter")
    assert tl.total == 4 and not tl.capped and tl.series_by == "country"
    assert dict(tl.series["DE"])[date(2023, 1, 1)] == agg.Counts(support=1, oppose=1)
    assert len(tl.changes) == 1
    capped = agg.timeline(data, ClaimFilter(issues=("sanctions",)), max_points=2)
    assert capped.capped and len(capped.points) == 2
    by_actor = agg.timeline(data, ClaimFilter(actors=("germany",)))
    assert by_actor.series_by == "issue" and set(by_actor.series) == {"sanctions", "military-aid"}


def test_issue_standings(data):
    st = agg.issue_standings(data, ClaimFilter(stances=("support",)), "sanctions")
    latest = {s.evidence.actor_slug: s.evidence.stance for s in st.actors}
    assert latest == {"germany": "oppose", "france": "support", "hungary": "oppose"}
    assert st.countries["DE"] == agg.Counts(oppose=1)
    assert agg.issue_standings(data, ClaimFilter(), "no-such-issue") is None


def test_corpus_figures(data, session):
    make_document(session, published_on=None)
    session.commit()
    figs = agg.corpus_figures(session, ClaimFilter(countries=("DE",)))
    assert figs.claims == 7 and figs.filtered_claims == 3 and figs.undated_documents == 2  # two undated
    assert (figs.first_on, figs.last_on) == (date(2023, 1, 10), date(2023, 3, 15))


def test_issue_summaries(data):
    rows = {s.id: s.counts for s in agg.issue_summaries(data, ClaimFilter())}
    assert rows["sanctions"] == agg.Counts(support=3, oppose=2)
    assert rows["ceasefire"].total == 0
