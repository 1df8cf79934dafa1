"""The issues list and the issue page: definition, who supports and who opposes now, the map, the timeline."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from app.store.aggregates import has_documents, issue_summaries, timeline
from app.web.api.issues import IssueId, issue_view, standings_data
from app.web.api.timeline import StepParam
from app.web.charts import map_figure
from app.web.pages.timeline import timeline_figures
from app.web.templating import render
from app.web.viewstate import ViewDep

router = APIRouter(include_in_schema=False)


@router.get("/issues", response_class=HTMLResponse)
def issues_page(request: Request, view: ViewDep) -> HTMLResponse:
    """List the issues with their claims by stance under the filter."""
    summaries = issue_summaries(view.session, view.filter)
    total = sum(s.counts.total for s in summaries)
    return render(
        request,
        "issues/index.html",
        {
            "view": view,
            "summaries": summaries,
            "description": view.describe(count=total),
            "has_documents": has_documents(view.session),
        },
    )


@router.get("/issues/{issue_id}", response_class=HTMLResponse)
def issue_page(request: Request, issue_id: IssueId, view: ViewDep, step: StepParam = "month") -> HTMLResponse:
    """Show one issue: its definition, current supporters and opponents, a map by country, its timeline."""
    st = standings_data(view, issue_id)
    pinned = issue_view(view, issue_id)
    tl = timeline(view.session, pinned.filter, step=step)
    return render(
        request,
        "issues/detail.html",
        {
            "view": view,
            "pinned": pinned,
            "st": st,
            "step": step,
            "map": map_figure(st, title=f"Current net stance by country: {st.issue.label}") if st.countries else None,
            "tl": tl,
            "figures": timeline_figures(pinned, tl),
            "description": pinned.describe(count=st.total),
            "has_documents": has_documents(view.session),
        },
    )
