"""JSON twin of /timeline: claims as points, net stance per country (or issue) per period, stance changes."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field

from app.store.aggregates import Timeline, timeline
from app.web.api.dashboard import CSV_OK, ERRORS, ChangeOut, CountsOut, EvidenceOut, Links, links
from app.web.csvfile import csv_response
from app.web.viewstate import View, ViewDep

router = APIRouter(prefix="/api/v1", tags=["dashboard"])

StepParam = Annotated[Literal["month", "quarter"], Query(description="Period of the net-stance series")]
FormatParam = Annotated[Literal["json", "csv"], Query(description="json (default) or csv (the points)")]


class PeriodOut(CountsOut):
    """Claims of a series in one period."""

    period: date = Field(description="First day of the month or quarter")


class SeriesOut(BaseModel):
    """Net stance of one country (or issue) over time."""

    key: str
    label: str
    periods: list[PeriodOut]


class TimelineOut(BaseModel):
    """The timeline of a filter (usually one issue or one actor)."""

    filter: dict
    description: str
    step: str
    series_by: str = Field(description="country, or issue for an actor's timeline")
    total: int = Field(description="Dated claims under the filter")
    capped: bool = Field(description="True when only the latest points are returned")
    points: list[EvidenceOut]
    series: list[SeriesOut]
    changes: list[ChangeOut] = Field(description="Stance changes among the returned points")
    links: Links


def timeline_data(view: View, step: str) -> Timeline:
    """Run the timeline query for a view (the page and the JSON twin share it)."""
    return timeline(view.session, view.filter, step=step)


def timeline_out(view: View, tl: Timeline, *, html_path: str = "/timeline") -> TimelineOut:
    """Convert a timeline to its JSON answer."""
    return TimelineOut(
        filter=view.filter.as_dict(),
        description=view.describe(count=tl.total),
        step=tl.step,
        series_by=tl.series_by,
        total=tl.total,
        capped=tl.capped,
        points=[EvidenceOut.of(p) for p in tl.points],
        series=[
            SeriesOut(
                key=k,
                label=tl.series_labels.get(k, k),
                periods=[PeriodOut(period=p, **CountsOut.of(c).model_dump()) for p, c in points],
            )
            for k, points in tl.series.items()
        ],
        changes=[ChangeOut.of(c) for c in tl.changes],
        links=links(view, html_path, "/api/v1/timeline"),
    )


def timeline_csv(tl: Timeline, filename: str = "timeline.csv") -> StreamingResponse:
    """Return the timeline's points as CSV, oldest first."""
    header = ["claim_id", "stated_on", "actor", "actor_name", "country", "issue", "stance", "evidence", "document_id"]
    header += ["document_title", "source_name", "url"]
    rows = (
        [
            p.claim_id,
            p.stated_on,
            p.actor_slug,
            p.actor_name,
            p.country_code,
            p.issue_id,
            p.stance,
            p.text,
            p.document_id,
            p.document_title,
            p.source_name,
            p.url,
        ]
        for p in tl.points
    )
    return csv_response(filename, header, rows)


@router.get(
    "/timeline",
    response_model=TimelineOut,
    summary="Claims over time, net stance per period, stance changes",
    responses={**ERRORS, 200: CSV_OK},
)
def timeline_api(view: ViewDep, step: StepParam = "month", format: FormatParam = "json"):
    """Return the latest claims (at most 2,000) as points, the net stance per period and the stance changes."""
    tl = timeline_data(view, step)
    if format == "csv":
        return timeline_csv(tl)
    return timeline_out(view, tl)
