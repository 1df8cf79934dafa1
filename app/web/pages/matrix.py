"""The matrix page: who stands where on every issue, as a heatmap and an accessible table."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from app.store.aggregates import has_documents
from app.web.api.matrix import GroupParam, RowsParam, SortParam, cell_link, matrix_data
from app.web.charts import matrix_figure, stance_mark
from app.web.templating import render
from app.web.viewstate import ViewDep

router = APIRouter(include_in_schema=False)


@router.get("/matrix", response_class=HTMLResponse)
def matrix_page(
    request: Request,
    view: ViewDep,
    rows: RowsParam = "country",
    sort: SortParam = "name",
    group: GroupParam = "none",
) -> HTMLResponse:
    """Show the rows-by-issues matrix of net stances under the filter."""
    mx = matrix_data(view, rows, sort, group)
    description = view.describe(count=mx.total)
    figure = None
    if mx.rows:
        title = f"Net stance by {'country' if rows == 'country' else 'actor'} and issue"
        figure = matrix_figure(mx, cell_url=lambda key, issue: cell_link(view, rows, key, issue), title=title)
    return render(
        request,
        "matrix/index.html",
        {
            "view": view,
            "mx": mx,
            "figure": figure,
            "description": description,
            "rows": rows,
            "sort": sort,
            "group": group,
            "cell_link": lambda key, issue: cell_link(view, rows, key, issue),
            "stance_mark": stance_mark,
            "has_documents": has_documents(view.session),
        },
    )
