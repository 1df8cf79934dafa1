"""Actor pages: the list, and one actor's offices, positions on every issue over time and claims."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from app.store import records
from app.web.api.actors import (
    FIRST_CLAIMS,
    NameSearchParam,
    SlugParam,
    actors_list,
    api_actors,
    first_claims,
    load_actor,
    positions_csv,
)
from app.web.api.claims import FormatParam
from app.web.templating import render
from app.web.viewstate import ViewDep

router = APIRouter(include_in_schema=False)


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request, view: ViewDep, q: NameSearchParam = None, format: FormatParam = "json"):
    """List actors by country with their claim counts."""
    if format == "csv":
        return api_actors(view, q, format)
    rows = actors_list(view, q)
    return render(
        request,
        "actors/list.html",
        {"view": view, "rows": rows, "q": q or "", "description": view.describe(noun="Actors with claims")},
    )


@router.get("/actors/{slug}", response_class=HTMLResponse)
def actor_page(request: Request, view: ViewDep, slug: SlugParam, format: FormatParam = "json"):
    """Show an actor: offices held, positions on every issue over time, their claims."""
    profile, pinned = load_actor(view, slug)
    if format == "csv":
        return positions_csv(f"{profile.actor.slug}-positions.csv", profile.positions)
    claims = first_claims(pinned)
    return render(
        request,
        "actors/detail.html",
        {
            "view": view,
            "pinned": pinned,
            "profile": profile,
            "actor": profile.actor,
            "claims": claims,
            "first_claims": FIRST_CLAIMS,
            "claims_link": pinned.filter_link("/claims"),
            "description": pinned.describe(count=sum(p.total for p in profile.positions)),
            "symbol": records.stance_symbol,
        },
    )
