"""Read the taxonomy back from the database, where analysts' own additions live too."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.store import models as m
from app.taxonomy import Actor, Country, Issue, Office, Taxonomy


def load_taxonomy_from_db(session: Session) -> Taxonomy:
    """Build a Taxonomy from the stored countries, issues, actors and offices."""
    countries = {
        c.code: Country(
            code=c.code,
            name=c.name,
            kind=c.kind,
            nato_joined_on=c.nato_joined_on,
            eu_joined_on=c.eu_joined_on,
            eu_left_on=c.eu_left_on,
            adjectives=tuple(c.adjectives or ()),
            aliases=tuple(c.aliases or ()),
            seats=tuple(c.seats or ()),
        )
        for c in session.scalars(select(m.Country))
    }
    issues = {
        i.id: Issue(
            id=i.id,
            label=i.label,
            description=i.description,
            support=i.support_means,
            oppose=i.oppose_means,
            lexicon=dict(i.lexicon or {}),
        )
        for i in session.scalars(select(m.Issue).order_by(m.Issue.position, m.Issue.id))
    }
    actors = {}
    for a in session.scalars(select(m.Actor).options(selectinload(m.Actor.offices)).order_by(m.Actor.id)):
        offices = tuple(
            Office(
                title=o.title, role=o.role, country=o.country_code, start_on=o.start_on, end_on=o.end_on, note=o.note
            )
            for o in a.offices
        )
        actors[a.slug] = Actor(
            slug=a.slug,
            name=a.name,
            type=a.type,
            country=a.country_code,
            aliases=tuple(a.aliases or ()),
            offices=offices,
        )
    return Taxonomy(countries=countries, issues=issues, actors=actors)
