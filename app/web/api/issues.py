"""JSON twins of /issues and /issues/{id}: the issues with their counts; one issue's standings and map values."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Path, Query
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field

from app.store.aggregates import IssueStandings, IssueSummary, issue_standings, issue_summaries
from app.web.api.dashboard import CSV_OK, ERRORS, CountsOut, EvidenceOut, Links, links
from app.web.charts import ISO3
from app.web.csvfile import csv_response
from app.web.viewstate import View, ViewDep

router = APIRouter(prefix="/api/v1", tags=["dashboard"])

FormatParam = Annotated[Literal["json", "csv"], Query(description="json (default) or csv")]
IssueId = Annotated[str, Path(max_length=64, pattern=r"^[a-z0-9][a-z0-9-]*$", description="Issue id")]


class IssueSummaryOut(BaseModel):
    """An issue with its claims under the filter."""

    id: str
    label: str
    description: str
    counts: CountsOut
    link: str


class IssuesOut(BaseModel):
    """Every issue with its claim counts."""

    filter: dict
    description: str
    issues: list[IssueSummaryOut]
    links: Links


class StandingOut(BaseModel):
    """An actor's latest stance on the issue in the window."""

    actor: str
    actor_name: str
    country: str
    stance: str
    claims: int = Field(description="The actor's claims on the issue in the window")
    latest: EvidenceOut


class CountryOut(CountsOut):
    """A country's current position: its actors' latest stances, counted; net is the map value."""

    country: str
    iso3: str | None
    name: str


class IssueOut(BaseModel):
    """One issue: definition, who supports and who opposes now, map values."""

    id: str
    label: str
    definition: str
    support_means: str
    oppose_means: str
    filter: dict
    description: str
    total: int
    supporters: list[StandingOut]
    opponents: list[StandingOut]
    neutral: list[StandingOut]
    countries: list[CountryOut]
    timeline: str = Field(description="The issue's timeline (JSON)")
    links: Links


def issues_out(view: View, summaries: list[IssueSummary]) -> IssuesOut:
    """Convert issue summaries to the JSON answer."""
    total = sum(s.counts.total for s in summaries)
    return IssuesOut(
        filter=view.filter.as_dict(),
        description=view.describe(count=total),
        issues=[
            IssueSummaryOut(
                id=s.id,
                label=s.label,
                description=s.description,
                counts=CountsOut.of(s.counts),
                link=view.filter_link(f"/issues/{s.id}", issues=()),
            )
            for s in summaries
        ],
        links=links(view, "/issues", "/api/v1/issues"),
    )


def standings_data(view: View, issue_id: str) -> IssueStandings:
    """Return one issue's standings under the view's filter, or raise 404."""
    st = issue_standings(view.session, view.filter, issue_id)
    if st is None:
        raise HTTPException(404, f"There is no issue {issue_id!r}. See /issues for the list.")
    return st


def issue_view(view: View, issue_id: str) -> View:
    """Return the view pinned to one issue (the issue page's own filter)."""
    return view.with_filter(replace(view.filter, issues=(issue_id,)))


def issue_out(view: View, st: IssueStandings) -> IssueOut:
    """Convert an issue's standings to the JSON answer."""

    def standing(s) -> StandingOut:
        e = s.evidence
        return StandingOut(
            actor=e.actor_slug,
            actor_name=e.actor_name,
            country=e.country_code,
            stance=e.stance,
            claims=s.claims,
            latest=EvidenceOut.of(e),
        )

    by = {k: [standing(s) for s in st.actors if s.evidence.stance == k] for k in ("support", "oppose", "neutral")}
    pinned = issue_view(view, st.issue.id)
    return IssueOut(
        id=st.issue.id,
        label=st.issue.label,
        definition=st.issue.description,
        support_means=st.issue.support_means,
        oppose_means=st.issue.oppose_means,
        filter=pinned.filter.as_dict(),
        description=pinned.describe(count=st.total),
        total=st.total,
        supporters=by["support"],
        opponents=by["oppose"],
        neutral=by["neutral"],
        countries=[
            CountryOut(
                country=code, iso3=ISO3.get(code), name=st.country_names.get(code, code), **CountsOut.of(c).model_dump()
            )
            for code, c in sorted(st.countries.items())
        ],
        timeline=pinned.filter_link("/api/v1/timeline"),
        links=links(view, f"/issues/{st.issue.id}", f"/api/v1/issues/{st.issue.id}").model_copy(
            update={"claims": pinned.filter_link("/claims")}
        ),
    )


def issue_csv(st: IssueStandings) -> StreamingResponse:
    """Return each actor's latest stance on the issue as CSV."""
    header = ["actor", "actor_name", "country", "stance", "stated_on", "claims", "evidence", "document_id", "url"]
    rows = (
        [e.actor_slug, e.actor_name, e.country_code, e.stance, e.stated_on, s.claims, e.text, e.document_id, e.url]
        for s in st.actors
        for e in [s.evidence]
    )
    return csv_response(f"issue-{st.issue.id}.csv", header, rows)


@router.get(
    "/issues", response_model=IssuesOut, summary="Every issue with its claim counts", responses={**ERRORS, 200: CSV_OK}
)
def issues_api(view: ViewDep, format: FormatParam = "json"):
    """Return the issues in taxonomy order with their claims by stance under the filter."""
    summaries = issue_summaries(view.session, view.filter)
    if format == "csv":
        header = ["issue", "label", "support", "oppose", "neutral", "total", "net"]
        rows = (
            [s.id, s.label, s.counts.support, s.counts.oppose, s.counts.neutral, s.counts.total, s.counts.net]
            for s in summaries
        )
        return csv_response("issues.csv", header, rows)
    return issues_out(view, summaries)


@router.get(
    "/issues/{issue_id}",
    response_model=IssueOut,
    summary="One issue: who supports and who opposes now, per-country map values",
    responses={**ERRORS, 404: {"description": "No such issue"}, 200: CSV_OK},
)
def issue_api(issue_id: IssueId, view: ViewDep, format: FormatParam = "json"):
    """Return the issue's definition, each actor's latest stance in the window and each country's net stance."""
    st = standings_data(view, issue_id)
    if format == "csv":
        return issue_csv(st)
    return issue_out(view, st)
