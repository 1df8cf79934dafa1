"""Country pages: the list, and one country's actors, positions on every issue over time and claims."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from app.store import profiles, records
from app.web.api.actors import FIRST_CLAIMS, first_claims, positions_csv
from app.web.api.claims import FormatParam
from app.web.api.countries import CodeParam, api_countries, load_country
from app.web.templating import render
from app.web.viewstate import ViewDep

router = APIRouter(include_in_schema=False)


@router.get("/countries", response_class=HTMLResponse)
def countries_page(request: Request, view: ViewDep, format: FormatParam = "json"):
    """List countries and institutions with membership and claim counts."""
    if format == "csv":
        return api_countries(view, format)
    rows = profiles.list_countries(view.session, view.filter)
    return render(
        request,
        "countries/list.html",
        {
            "view": view,
            "rows": rows,
            "membership": profiles.membership,
            "today": view.filter.today,
            "description": view.describe(noun="Countries with claims"),
        },
    )


@router.get("/countries/{code}", response_class=HTMLResponse)
def country_page(request: Request, view: ViewDep, code: CodeParam, format: FormatParam = "json"):
    """Show a country: its actors, positions on every issue over time, its claims."""
    profile, pinned = load_country(view, code)
    if format == "csv":
        return positions_csv(f"{profile.country.code}-positions.csv", profile.positions)
    return render(
        request,
        "countries/detail.html",
        {
            "view": view,
            "pinned": pinned,
            "profile": profile,
            "country": profile.country,
            "member_of": profiles.membership(profile.country, view.filter.today),
            "claims": first_claims(pinned),
            "first_claims": FIRST_CLAIMS,
            "claims_link": pinned.filter_link("/claims"),
            "description": pinned.describe(count=sum(p.total for p in profile.positions)),
            "symbol": records.stance_symbol,
        },
    )
