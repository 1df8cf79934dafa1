"""Read queries for the actor and country pages and their lists: positions per issue over time, offices, actors.

Counts come from the claim_monthly rollup when it answers the filter exactly, else from the claim table
grouped by day (bounded by the actor's or country's claims), so a page stays cheap at a million claims.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from app.store import models as m
from app.store.datacache import cached_by_data_version
from app.store.filters import ClaimFilter
from app.store.rollup import UNDATED_MONTH

UNDATED = "undated"


@dataclass
class IssuePosition:
    """Where an actor or country stands on one issue: the latest claim, counts by stance, history by year."""

    issue_id: str
    issue_label: str
    counts: dict[str, int]
    history: list[tuple[str, dict[str, int]]]  # (year or "undated", counts by stance), oldest first
    latest: Any | None = None  # the latest claim row: id, stance, stated_on, document_id, evidence

    @property
    def total(self) -> int:
        """Return the number of claims on the issue."""
        return sum(self.counts.values())

    @property
    def net(self) -> float | None:
        """Return (support - oppose) / claims, or None without claims."""
        return (self.counts.get("support", 0) - self.counts.get("oppose", 0)) / self.total if self.total else None


@dataclass
class ActorProfile:
    """An actor page's data."""

    actor: m.Actor
    positions: list[IssuePosition]


@dataclass
class CountryProfile:
    """A country page's data."""

    country: m.Country
    positions: list[IssuePosition]
    actors: list[tuple[m.Actor, int]] = field(default_factory=list)  # the country's actors with claim counts


def get_actor_profile(session: Session, slug: str, flt: ClaimFilter) -> ActorProfile | None:
    """Return the actor with its offices and positions on every issue under the filter, or None."""
    actor = session.scalar(
        select(m.Actor)
        .where(m.Actor.slug == slug)
        .options(selectinload(m.Actor.offices), selectinload(m.Actor.country))
    )
    if actor is None:
        return None
    pinned = replace(flt, actors=(slug,))
    return ActorProfile(actor=actor, positions=issue_positions(session, pinned))


def get_country_profile(session: Session, code: str, flt: ClaimFilter) -> CountryProfile | None:
    """Return the country with its actors and positions on every issue under the filter, or None."""
    country = session.get(m.Country, code)
    if country is None:
        return None
    pinned = replace(flt, countries=(code,))
    counts = claim_counts_by(session, pinned, "actor_id")
    actors = list(session.scalars(select(m.Actor).where(m.Actor.country_code == code).order_by(m.Actor.name)))
    ranked = sorted(((a, counts.get(a.id, 0)) for a in actors), key=lambda p: (p[0].type != "government", -p[1]))
    return CountryProfile(country=country, positions=issue_positions(session, pinned), actors=ranked)


@cached_by_data_version("profiles.issue_positions")
def issue_positions(session: Session, flt: ClaimFilter) -> list[IssuePosition]:
    """Return a position for every issue (taxonomy order) under the filter: counts, yearly history, latest claim.

    Cached until the data changes (app.store.datacache); callers must not mutate the result.
    """
    by_issue: dict[str, dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(int)))
    for issue_id, day, stance, n in _counts_by_issue_day(session, flt):
        year = UNDATED if day is None or day == UNDATED_MONTH else str(day.year)
        by_issue[issue_id][year][stance] += int(n)
    positions = []
    for issue_id, label in session.execute(select(m.Issue.id, m.Issue.label).order_by(m.Issue.position, m.Issue.id)):
        years = by_issue.get(issue_id, {})
        counts: dict[str, int] = defaultdict(int)
        for per in years.values():
            for stance, n in per.items():
                counts[stance] += n
        history = sorted(((y, dict(c)) for y, c in years.items()), key=lambda p: (p[0] == UNDATED, p[0]))
        latest = _latest_claim(session, flt, issue_id) if counts else None
        positions.append(IssuePosition(issue_id, label, dict(counts), history, latest))
    return positions


def _counts_by_issue_day(session: Session, flt: ClaimFilter) -> list[tuple[str, date | None, str, int]]:
    if flt.rollup_exact():
        r = m.ClaimMonthly
        q = (
            select(r.issue_id, r.month_on, r.stance, func.sum(r.n))
            .where(*flt.rollup_conditions(session))
            .group_by(r.issue_id, r.month_on, r.stance)
        )
    else:
        c = m.Claim
        q = (
            select(c.issue_id, c.stated_on, c.stance, func.count())
            .where(*flt.claim_conditions(session))
            .group_by(c.issue_id, c.stated_on, c.stance)
        )
    return [tuple(row) for row in session.execute(q)]


def _latest_claim(session: Session, flt: ClaimFilter, issue_id: str) -> Any | None:
    c = m.Claim
    cols = (c.id, c.stance, c.stated_on, c.document_id, c.evidence, c.actor_id)
    base = select(*cols).where(*flt.claim_conditions(session, skip=("issue",)), c.issue_id == issue_id)
    row = session.execute(
        base.where(c.stated_on.is_not(None)).order_by(c.stated_on.desc(), c.id.desc()).limit(1)
    ).first()
    if row is None:
        row = session.execute(base.order_by(c.id.desc()).limit(1)).first()
    return row


@cached_by_data_version("profiles.claim_counts_by")
def claim_counts_by(session: Session, flt: ClaimFilter, column: str) -> dict[Any, int]:
    """Count the filter's claims grouped by one column (actor_id or country_code); cached until the data changes."""
    if flt.rollup_exact():
        col = getattr(m.ClaimMonthly, column)
        q = select(col, func.sum(m.ClaimMonthly.n)).where(*flt.rollup_conditions(session)).group_by(col)
    else:
        col = getattr(m.Claim, column)
        q = select(col, func.count()).where(*flt.claim_conditions(session)).group_by(col)
    return {k: int(n) for k, n in session.execute(q)}


def list_actors(
    session: Session, flt: ClaimFilter, *, q: str | None = None, with_claims: bool = False
) -> list[tuple[m.Actor, int]]:
    """Return actors (country, then name) with their claim counts under the filter; q matches the name."""
    counts = claim_counts_by(session, replace(flt, actors=()), "actor_id")
    query = select(m.Actor).options(selectinload(m.Actor.country)).order_by(m.Actor.country_code, m.Actor.name)
    if flt.countries:
        query = query.where(m.Actor.country_code.in_(flt.countries))
    if flt.actors:
        query = query.where(m.Actor.slug.in_(flt.actors))
    if q:
        query = query.where(func.lower(m.Actor.name).contains(q.lower(), autoescape=True))
    rows = [(a, counts.get(a.id, 0)) for a in session.scalars(query)]
    return [r for r in rows if r[1]] if with_claims else rows


def list_countries(session: Session, flt: ClaimFilter) -> list[tuple[m.Country, int]]:
    """Return countries and institutions (countries first, by name) with their claim counts under the filter."""
    counts = claim_counts_by(session, replace(flt, countries=()), "country_code")
    query = select(m.Country).order_by(m.Country.kind != "country", m.Country.name)
    if flt.countries:
        query = query.where(m.Country.code.in_(flt.countries))
    bloc = flt.bloc_countries(session)
    if bloc is not None:
        query = query.where(m.Country.code.in_(bloc))
    return [(c, counts.get(c.code, 0)) for c in session.scalars(query)]


def membership(country: m.Country, on: date) -> list[str]:
    """Return the blocs a country belongs to on a day ("NATO", "EU")."""
    out = []
    if country.nato_joined_on and country.nato_joined_on <= on:
        out.append("NATO")
    if country.eu_joined_on and country.eu_joined_on <= on and not (country.eu_left_on and country.eu_left_on < on):
        out.append("EU")
    return out
