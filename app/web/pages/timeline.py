"""The timeline page: an issue's (or an actor's) claims over time, net stance per period, stance changes."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from app.store.aggregates import Timeline, has_documents
from app.web.api.dashboard import document_link
from app.web.api.timeline import StepParam, timeline_data
from app.web.charts import timeline_points_figure, timeline_series_figure
from app.web.templating import render
from app.web.viewstate import View, ViewDep

router = APIRouter(include_in_schema=False)


def timeline_figures(view: View, tl: Timeline) -> dict:
    """Return the points and series figures of a timeline (empty when there is nothing to draw)."""
    if not tl.points:
        return {}
    shown = f"latest {len(tl.points):,} of {tl.total:,} claims" if tl.capped else f"{tl.total:,} claims"
    per = "issue" if tl.series_by == "issue" else "country"
    return {
        "points": timeline_points_figure(tl, title=f"Claims over time ({shown})", document_url=document_link),
        "series": timeline_series_figure(tl, title=f"Net stance per {per} per {tl.step}"),
    }


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request, view: ViewDep, step: StepParam = "month") -> HTMLResponse:
    """Show claims over time for the filter; prompt for an issue or actor when neither is chosen."""
    chosen = bool(view.filter.issues or view.filter.actors)
    tl = timeline_data(view, step) if chosen else None
    issues = view.options().issues
    return render(
        request,
        "timeline/index.html",
        {
            "view": view,
            "tl": tl,
            "step": step,
            "figures": timeline_figures(view, tl) if tl else {},
            "description": view.describe(count=tl.total if tl else None),
            "issues": issues,
            "has_documents": has_documents(view.session),
        },
    )
