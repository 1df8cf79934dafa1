"""JSON twins of /countries and /countries/{code}: membership, actors and positions on every issue."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Annotated

from fastapi import APIRouter, HTTPException, Path
from pydantic import BaseModel, Field

from app.store import profiles
from app.web.api.actors import ActorOut, PositionOut, actor_out, first_claims, position_out, positions_csv
from app.web.api.claims import ERRORS, NOT_FOUND, ClaimOut, FormatParam, claim_out
from app.web.csvfile import csv_response
from app.web.viewstate import View, ViewDep

router = APIRouter(prefix="/api/v1", tags=["countries"])

_CODE = re.compile(r"^[A-Z0-9]{2,8}$")
CodeParam = Annotated[str, Path(max_length=8, description="ISO 3166-1 alpha-2 code, or NATO / EU")]


class CountryOut(BaseModel):
    """One country (or institution) in the list."""

    code: str
    name: str
    kind: str
    nato_joined_on: date | None
    eu_joined_on: date | None
    eu_left_on: date | None
    member_of: list[str] = Field(description="Blocs it belongs to today: NATO, EU")
    claims: int
    link: str


class CountriesOut(BaseModel):
    """The countries list."""

    filter: dict
    description: str
    items: list[CountryOut]


class CountryDetailOut(CountryOut):
    """A country page's data."""

    actors: list[ActorOut]
    positions: list[PositionOut]
    claims_first_page: list[ClaimOut]
    claims_link: str


def country_out(c, n: int, today: date) -> CountryOut:
    """Turn a country and its claim count into its API shape."""
    return CountryOut(
        code=c.code,
        name=c.name,
        kind=c.kind,
        nato_joined_on=c.nato_joined_on,
        eu_joined_on=c.eu_joined_on,
        eu_left_on=c.eu_left_on,
        member_of=profiles.membership(c, today),
        claims=n,
        link=f"/countries/{c.code}",
    )


def load_country(view: View, code: str) -> tuple[profiles.CountryProfile, View]:
    """Return the country's profile and the view pinned to it, or raise a 404."""
    code = code.upper()
    profile = profiles.get_country_profile(view.session, code, view.filter) if _CODE.match(code) else None
    if profile is None:
        raise HTTPException(404, f"There is no country {code[:60]!r}.")
    return profile, view.with_filter(replace(view.filter, countries=(code,)))


@router.get(
    "/countries",
    response_model=CountriesOut,
    summary="Countries and institutions with NATO/EU membership and claim counts under a filter",
    responses={**ERRORS, 200: {"content": {"text/csv": {}}, "description": "Countries, or CSV"}},
)
def api_countries(view: ViewDep, format: FormatParam = "json"):
    """Return the countries, then institutions, by name."""
    rows = profiles.list_countries(view.session, view.filter)
    if format == "csv":
        header = ("code", "name", "kind", "nato_joined_on", "eu_joined_on", "eu_left_on", "claims")
        return csv_response(
            "countries.csv",
            header,
            [(c.code, c.name, c.kind, c.nato_joined_on, c.eu_joined_on, c.eu_left_on, n) for c, n in rows],
        )
    today = view.filter.today
    return CountriesOut(
        filter=view.filter.as_dict(),
        description=view.describe(noun="Countries with claims"),
        items=[country_out(c, n, today) for c, n in rows],
    )


@router.get(
    "/countries/{code}",
    response_model=CountryDetailOut,
    summary="One country: its actors, positions on every issue over time, first page of claims",
    responses={404: {**NOT_FOUND, "description": "No such country"}, **ERRORS},
)
def api_country(view: ViewDep, code: CodeParam, format: FormatParam = "json"):
    """Return one country's page data (format=csv: positions per issue)."""
    profile, pinned = load_country(view, code)
    if format == "csv":
        return positions_csv(f"{profile.country.code}-positions.csv", profile.positions)
    c = profile.country
    return CountryDetailOut(
        **country_out(c, sum(p.total for p in profile.positions), view.filter.today).model_dump(),
        actors=[actor_out(a, n) for a, n in profile.actors],
        positions=[position_out(p) for p in profile.positions],
        claims_first_page=[claim_out(r) for r in first_claims(pinned).rows],
        claims_link=pinned.filter_link("/claims"),
    )
