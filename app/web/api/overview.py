"""JSON twin of the overview: corpus figures, what changed recently, the headline matrix."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field

from app.store.aggregates import CorpusFigures, Evidence, Matrix, StanceChange, corpus_figures, recent_changes
from app.web.api.dashboard import CSV_OK, ERRORS, ChangeOut, EvidenceOut, Links, links
from app.web.api.matrix import MatrixOut, matrix_csv, matrix_data, matrix_out
from app.web.viewstate import View, ViewDep

router = APIRouter(prefix="/api/v1", tags=["dashboard"])

FormatParam = Annotated[Literal["json", "csv"], Query(description="json (default) or csv (the headline matrix)")]
RECENT = 10


class FiguresOut(BaseModel):
    """Corpus figures."""

    documents: int
    undated_documents: int = Field(description="Documents without a date, to fix (/documents?undated=1)")
    claims: int = Field(description="All claims in the store")
    filtered_claims: int = Field(description="Claims under the filter")
    first_on: date | None = Field(description="Earliest claim date under the filter")
    last_on: date | None = Field(description="Latest claim date under the filter")


class OverviewOut(BaseModel):
    """The overview of the store under a filter."""

    filter: dict
    description: str
    figures: FiguresOut
    new_claims: list[EvidenceOut] = Field(description="The newest claims by date stated")
    stance_changes: list[ChangeOut] = Field(description="The newest stance changes among the latest 2,000 claims")
    matrix: MatrixOut
    links: Links


@dataclass
class Overview:
    """Everything the overview shows (the page and the JSON twin share it)."""

    figures: CorpusFigures
    recent: list[Evidence]
    changes: list[StanceChange]
    matrix: Matrix


def overview_data(view: View) -> Overview:
    """Run the overview's queries for a view."""
    recent, changes = recent_changes(view.session, view.filter, limit=RECENT)
    return Overview(
        figures=corpus_figures(view.session, view.filter),
        recent=recent,
        changes=changes,
        matrix=matrix_data(view, "country", "name", "none"),
    )


def overview_out(view: View, ov: Overview) -> OverviewOut:
    """Convert the overview to its JSON answer."""
    f = ov.figures
    return OverviewOut(
        filter=view.filter.as_dict(),
        description=view.describe(count=f.filtered_claims),
        figures=FiguresOut(
            documents=f.documents,
            undated_documents=f.undated_documents,
            claims=f.claims,
            filtered_claims=f.filtered_claims,
            first_on=f.first_on,
            last_on=f.last_on,
        ),
        new_claims=[EvidenceOut.of(e) for e in ov.recent],
        stance_changes=[ChangeOut.of(c) for c in ov.changes],
        matrix=matrix_out(view, ov.matrix, "name", "none"),
        links=links(view, "/", "/api/v1/overview"),
    )


@router.get(
    "/overview",
    response_model=OverviewOut,
    summary="Corpus figures, recent claims and stance changes, the headline matrix",
    responses={**ERRORS, 200: CSV_OK},
)
def overview_api(view: ViewDep, format: FormatParam = "json") -> OverviewOut | StreamingResponse:
    """Return the overview; format=csv gives the headline matrix as CSV."""
    ov = overview_data(view)
    if format == "csv":
        return matrix_csv(ov.matrix, "overview-matrix.csv")
    return overview_out(view, ov)
