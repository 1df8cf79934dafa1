"""The overview page: corpus figures, the headline matrix, what changed recently."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from app.store.aggregates import has_documents
from app.web.api.matrix import cell_link
from app.web.api.overview import overview_data
from app.web.charts import matrix_figure, stance_mark
from app.web.templating import render
from app.web.viewstate import ViewDep

router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def overview_page(request: Request, view: ViewDep) -> HTMLResponse:
    """Show the corpus figures, the headline matrix and the recent claims and stance changes."""
    ov = overview_data(view)
    mx = ov.matrix
    figure = None
    if mx.rows:
        figure = matrix_figure(
            mx,
            cell_url=lambda key, issue: cell_link(view, "country", key, issue),
            title="Net stance by country and issue",
        )
    return render(
        request,
        "overview/index.html",
        {
            "view": view,
            "ov": ov,
            "mx": mx,
            "figure": figure,
            "description": view.describe(count=ov.figures.filtered_claims),
            "cell_link": lambda key, issue: cell_link(view, "country", key, issue),
            "stance_mark": stance_mark,
            "has_documents": has_documents(view.session),
        },
    )
