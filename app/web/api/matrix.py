"""JSON twin of /matrix: rows (countries or actors) by issues of net stances, CSV of its cells."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field

from app.store.aggregates import Matrix, claim_matrix
from app.web.api.dashboard import CSV_OK, ERRORS, CountsOut, EvidenceOut, Links, links
from app.web.csvfile import csv_response
from app.web.viewstate import View, ViewDep

router = APIRouter(prefix="/api/v1", tags=["dashboard"])

RowsParam = Annotated[Literal["country", "actor"], Query(description="Rows are countries or actors")]
SortParam = Annotated[
    Literal["name", "similarity"], Query(description="Order rows by name or by similarity of positions")
]
GroupParam = Annotated[Literal["none", "bloc"], Query(description="Group rows by bloc (NATO & EU, NATO, EU...)")]
FormatParam = Annotated[Literal["json", "csv"], Query(description="json (default) or csv")]


class IssueRef(BaseModel):
    """An issue column."""

    id: str
    label: str


class CellOut(CountsOut):
    """One cell: claims of a row on an issue."""

    issue: str
    claims_link: str = Field(description="The claims behind the cell (/claims with the same filter)")
    latest: EvidenceOut | None = Field(description="The latest dated claim in the cell")


class RowOut(BaseModel):
    """One row of the matrix."""

    key: str = Field(description="Country code or actor slug")
    label: str
    country: str
    bloc: str
    total: int
    cells: list[CellOut]


class MatrixOut(BaseModel):
    """The matrix of net stances."""

    filter: dict
    description: str
    rows_kind: str
    sort: str
    group: str
    issues: list[IssueRef]
    rows: list[RowOut]
    total: int = Field(description="Claims counted in the visible rows")
    hidden_rows: int = Field(description="Rows left out (fewest claims) to keep the chart readable")
    source: str = Field(description="rollup (monthly counts) or claim (exact dates)")
    links: Links


def cell_link(view: View, rows: str, key: str, issue_id: str) -> str:
    """Return the /claims link behind a cell, keeping the current filters."""
    if rows == "country":
        return view.filter_link("/claims", countries=(key,), issues=(issue_id,))
    return view.filter_link("/claims", actors=(key,), issues=(issue_id,))


def matrix_data(view: View, rows: str, sort: str, group: str) -> Matrix:
    """Run the matrix query for a view (the page and the JSON twin share it)."""
    return claim_matrix(view.session, view.filter, rows=rows, sort=sort, group_by_bloc=group == "bloc")


def matrix_out(view: View, mx: Matrix, sort: str, group: str, *, html_path: str = "/matrix") -> MatrixOut:
    """Convert a matrix to its JSON answer."""
    rows = []
    for r in mx.rows:
        cells = []
        for issue_id, _label in mx.issues:
            c = r.cells.get(issue_id)
            if not c:
                continue
            ev = mx.evidence.get((r.key, issue_id))
            cells.append(
                CellOut(
                    **CountsOut.of(c).model_dump(),
                    issue=issue_id,
                    claims_link=cell_link(view, mx.rows_kind, r.key, issue_id),
                    latest=EvidenceOut.of(ev) if ev else None,
                )
            )
        rows.append(RowOut(key=r.key, label=r.label, country=r.country_code, bloc=r.bloc, total=r.total, cells=cells))
    return MatrixOut(
        filter=view.filter.as_dict(),
        description=view.describe(count=mx.total),
        rows_kind=mx.rows_kind,
        sort=sort,
        group=group,
        issues=[IssueRef(id=i, label=label) for i, label in mx.issues],
        rows=rows,
        total=mx.total,
        hidden_rows=mx.hidden_rows,
        source=mx.source,
        links=links(view, html_path, "/api/v1/matrix"),
    )


def matrix_csv(mx: Matrix, filename: str = "matrix.csv") -> StreamingResponse:
    """Return the matrix as CSV, one line per non-empty cell."""
    labels = dict(mx.issues)
    header = ["row", "row_label", "country", "bloc", "issue", "issue_label", "support", "oppose", "neutral", "total"]
    header.append("net")
    lines = (
        [r.key, r.label, r.country_code, r.bloc, i, labels[i], c.support, c.oppose, c.neutral, c.total, c.net]
        for r in mx.rows
        for i, _ in mx.issues
        if (c := r.cells.get(i))
    )
    return csv_response(filename, header, lines)


@router.get(
    "/matrix",
    response_model=MatrixOut,
    summary="Net stance by country (or actor) and issue",
    responses={**ERRORS, 200: CSV_OK},
)
def matrix_api(
    view: ViewDep,
    rows: RowsParam = "country",
    sort: SortParam = "name",
    group: GroupParam = "none",
    format: FormatParam = "json",
):
    """Return the matrix of (support - oppose) / claims per row and issue, with the latest evidence per cell."""
    mx = matrix_data(view, rows, sort, group)
    if format == "csv":
        return matrix_csv(mx)
    return matrix_out(view, mx, sort, group)
