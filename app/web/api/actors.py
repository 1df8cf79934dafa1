"""JSON twins of /actors and /actors/{slug}: who speaks, their offices and positions on every issue."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query
from pydantic import BaseModel, Field

from app.store import profiles, records
from app.web.api.claims import ERRORS, NOT_FOUND, ClaimOut, FormatParam, claim_out
from app.web.csvfile import csv_response
from app.web.viewstate import View, ViewDep

router = APIRouter(prefix="/api/v1", tags=["actors"])

_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,119}$")
FIRST_CLAIMS = 20
SlugParam = Annotated[str, Path(max_length=120, description="Actor slug, e.g. olaf-scholz")]
NameSearchParam = Annotated[str | None, Query(max_length=100, description="Text the name contains")]


class HistoryOut(BaseModel):
    """Claims on an issue in one year (or undated), by stance."""

    period: str
    support: int = 0
    oppose: int = 0
    neutral: int = 0


class LatestOut(BaseModel):
    """The latest claim on an issue."""

    claim_id: int
    stance: str
    stated_on: date | None
    evidence: str
    document_link: str


class PositionOut(BaseModel):
    """A position on one issue: counts, net stance, the latest claim and the history by year."""

    issue: str
    issue_label: str
    claims: int
    support: int
    oppose: int
    neutral: int
    net: float | None = Field(description="(support - oppose) / claims")
    latest: LatestOut | None
    history: list[HistoryOut]


class OfficeOut(BaseModel):
    """An office the actor held."""

    title: str
    role: str
    country: str
    start_on: date
    end_on: date | None = Field(description="The successor's first day; null while in office")


class ActorOut(BaseModel):
    """One actor in the list."""

    slug: str
    name: str
    type: str
    country: str
    country_name: str
    claims: int
    link: str


class ActorsOut(BaseModel):
    """The actors list."""

    filter: dict
    description: str
    items: list[ActorOut]


class ActorDetailOut(ActorOut):
    """An actor page's data."""

    aliases: list[str]
    offices: list[OfficeOut]
    positions: list[PositionOut]
    claims_first_page: list[ClaimOut]
    claims_link: str = Field(description="All of the actor's claims under this filter, in the claims table")


def position_out(p: profiles.IssuePosition) -> PositionOut:
    """Turn an issue position into its API shape."""
    latest = None
    if p.latest is not None:
        latest = LatestOut(
            claim_id=p.latest.id,
            stance=p.latest.stance,
            stated_on=p.latest.stated_on,
            evidence=p.latest.evidence,
            document_link=f"/documents/{p.latest.document_id}#claim-{p.latest.id}",
        )
    return PositionOut(
        issue=p.issue_id,
        issue_label=p.issue_label,
        claims=p.total,
        support=p.counts.get("support", 0),
        oppose=p.counts.get("oppose", 0),
        neutral=p.counts.get("neutral", 0),
        net=round(p.net, 4) if p.net is not None else None,
        latest=latest,
        history=[HistoryOut(period=period, **counts) for period, counts in p.history],
    )


POSITIONS_CSV_HEADER = (
    "issue",
    "issue_label",
    "claims",
    "support",
    "oppose",
    "neutral",
    "net",
    "latest_stance",
    "latest_on",
)


def positions_csv(filename: str, positions: list[profiles.IssuePosition]):
    """Return positions per issue as CSV."""
    rows = [
        (
            p.issue_id,
            p.issue_label,
            p.total,
            p.counts.get("support", 0),
            p.counts.get("oppose", 0),
            p.counts.get("neutral", 0),
            f"{p.net:.4f}" if p.net is not None else "",
            p.latest.stance if p.latest else "",
            p.latest.stated_on.isoformat() if p.latest and p.latest.stated_on else "",
        )
        for p in positions
    ]
    return csv_response(filename, POSITIONS_CSV_HEADER, rows)


def load_actor(view: View, slug: str) -> tuple[profiles.ActorProfile, View]:
    """Return the actor's profile and the view pinned to it, or raise a 404."""
    slug = slug.lower()
    profile = profiles.get_actor_profile(view.session, slug, view.filter) if _SLUG.match(slug) else None
    if profile is None:
        raise HTTPException(404, f"There is no actor {slug[:60]!r}.")
    return profile, view.with_filter(replace(view.filter, actors=(slug,)))


def first_claims(view: View) -> records.ClaimsPage:
    """Return the first page of the view's claims (for actor and country pages)."""
    return records.list_claims(view.session, view.filter, limit=FIRST_CLAIMS, with_count=False)


def actors_list(view: View, q: str | None) -> list[tuple]:
    """Return the actors the view's filter selects, with claim counts (q: name contains)."""
    return profiles.list_actors(view.session, view.filter, q=(q or "").strip() or None)


def actor_out(a, n: int) -> ActorOut:
    """Turn an actor and its claim count into its API shape."""
    return ActorOut(
        slug=a.slug,
        name=a.name,
        type=a.type,
        country=a.country_code,
        country_name=a.country.name,
        claims=n,
        link=f"/actors/{a.slug}",
    )


@router.get(
    "/actors",
    response_model=ActorsOut,
    summary="Actors (people, governments, organisations) with their claim counts under a filter",
    responses={**ERRORS, 200: {"content": {"text/csv": {}}, "description": "Actors, or CSV"}},
)
def api_actors(view: ViewDep, q: NameSearchParam = None, format: FormatParam = "json"):
    """Return the actors, by country then name."""
    rows = actors_list(view, q)
    if format == "csv":
        header = ("slug", "name", "type", "country", "claims")
        return csv_response("actors.csv", header, [(a.slug, a.name, a.type, a.country_code, n) for a, n in rows])
    return ActorsOut(
        filter={**view.filter.as_dict(), "q": q},
        description=view.describe(noun="Actors with claims"),
        items=[actor_out(a, n) for a, n in rows],
    )


@router.get(
    "/actors/{slug}",
    response_model=ActorDetailOut,
    summary="One actor: offices held, positions on every issue over time, first page of claims",
    responses={404: {**NOT_FOUND, "description": "No such actor"}, **ERRORS},
)
def api_actor(view: ViewDep, slug: SlugParam, format: FormatParam = "json"):
    """Return one actor's page data (format=csv: positions per issue)."""
    profile, pinned = load_actor(view, slug)
    if format == "csv":
        return positions_csv(f"{profile.actor.slug}-positions.csv", profile.positions)
    a = profile.actor
    return ActorDetailOut(
        **actor_out(a, sum(p.total for p in profile.positions)).model_dump(),
        aliases=list(a.aliases or []),
        offices=[
            OfficeOut(title=o.title, role=o.role, country=o.country_code, start_on=o.start_on, end_on=o.end_on)
            for o in a.offices
        ],
        positions=[position_out(p) for p in profile.positions],
        claims_first_page=[claim_out(r) for r in first_claims(pinned).rows],
        claims_link=pinned.filter_link("/claims"),
    )
