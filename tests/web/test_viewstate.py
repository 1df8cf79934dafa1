"""The view-state dependency: filter parsing and validation, extras, links, and the filter form macro."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

import pytest
from bs4 import BeautifulSoup
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse

from app.web.templating import get_templates
from app.web.viewstate import ViewDep


@pytest.fixture
def probe(app, client):
    """Mount a tiny page and API route that expose the view state."""
    router = APIRouter()

    @router.get("/probe")
    def page(request: Request, view: ViewDep) -> HTMLResponse:
        tmpl = get_templates().env.from_string(
            '{% from "macros/filters.html" import filter_form, share_bar %}{{ filter_form(view) }}{{ share_bar(view) }}'
        )
        return HTMLResponse(tmpl.render(view=view))

    @router.get("/api/v1/probe")
    def api(view: ViewDep) -> JSONResponse:
        return JSONResponse(
            {
                "here": view.here,
                "api": view.api_link(),
                "csv": view.csv_link(),
                "rows": view.param("rows", "country", choices=("country", "actor")),
                "claims": view.filter_link("/claims", countries=["FR"]),
                "describe": view.describe(count=3),
            }
        )

    app.include_router(router)
    return client


def test_links_keep_filter_and_extras(probe):
    r = probe.get("/api/v1/probe?country=fr,DE&issue=sanctions&rows=actor&format=json&period=last-year")
    assert r.status_code == 200
    body = r.json()
    assert dict(parse_qsl(urlsplit(body["here"]).query)) == {
        "country": "DE",
        "issue": "sanctions",
        "period": "last-year",
        "rows": "actor",
    }
    assert parse_qsl(urlsplit(body["here"]).query)[0] == ("country", "FR")
    assert body["here"].startswith("/probe?")
    assert body["api"].startswith("/api/v1/probe?") and "format" not in body["api"]
    assert body["csv"].endswith("format=csv")
    assert body["rows"] == "actor"
    assert body["claims"] == "/claims?country=FR&issue=sanctions&period=last-year"
    assert body["describe"].startswith("Claims by France and Germany on ")


@pytest.mark.parametrize(
    "query, param",
    [
        ("country=XX", "country"),
        ("country=france", "country"),
        ("issue=no-such-issue", "issue"),
        ("actor=nobody-at-all", "actor"),
        ("stance=maybe", "stance"),
        ("from=2024-13-01", "from"),
        ("from=2024-05-01&to=2024-01-01", "to"),
        ("bloc=warsaw-pact", "bloc"),
        ("period=forever", "period"),
        ("review=bogus", "review"),
        ("dups=perhaps", "dups"),
        ("rows=diagonal", "rows"),
        ("rows=actor&rows=country", "rows"),
        ("country=' OR 1=1 --", "country"),
    ],
)
def test_bad_values_answer_400_naming_the_parameter(probe, query, param):
    r = probe.get(f"/api/v1/probe?{query}")
    assert r.status_code == 400, r.text
    assert r.json()["detail"][0]["param"] == param


def test_filter_form_countries_and_issues_are_grouped_checkboxes(probe):
    r = probe.get("/probe?country=FR&issue=sanctions")
    soup = BeautifulSoup(r.text, "html.parser")
    form = soup.select_one("form[data-filter-form]")
    assert form.select_one("select[name=country]") is None and form.select_one("select[name=issue]") is None
    countries = form.select_one("[data-picker=country]")
    groups = [legend.get_text(strip=True) for legend in countries.select("fieldset legend")]
    assert groups[0] == "NATO and EU" and "Institutions and groups" in groups
    nato_eu = countries.select("fieldset")[0]
    assert nato_eu.select_one("input[value=FR]") and nato_eu.select_one("input[value=DE]")
    assert nato_eu.select_one("input[value=US]") is None  # NATO only
    # The summary names the choice, so a folded picker still says what is filtered.
    assert countries.select_one("[data-picker-summary]").get_text(strip=True) == "France"
    issues = form.select_one("[data-picker=issue]")
    assert [i["value"] for i in issues.select("input[checked]")] == ["sanctions"]
    assert issues.select_one("[data-picker-summary]").get_text(strip=True) == "Sanctions"
    # Without a choice the summary says "All ...".
    soup = BeautifulSoup(probe.get("/probe").text, "html.parser")
    assert soup.select_one("[data-picker=country] [data-picker-summary]").get_text(strip=True) == "All countries"


def test_filter_form_reflects_the_filter(probe):
    r = probe.get("/probe?country=FR&country=DE&stance=oppose&review=reviewed&dups=1&rows=actor&from=2023-01-01")
    assert r.status_code == 200
    soup = BeautifulSoup(r.text, "html.parser")
    form = soup.select_one("form[data-filter-form]")
    assert form["method"] == "get" and form["action"] == "/probe"
    selected = [o["value"] for o in form.select("input[name=country][checked]")]
    assert selected == ["DE", "FR"] or sorted(selected) == ["DE", "FR"]
    assert [i["value"] for i in form.select("input[name=stance][checked]")] == ["oppose"]
    assert form.select_one("select[name=review] option[selected]")["value"] == "reviewed"
    assert form.select_one("input[name=dups]").has_attr("checked")
    assert form.select_one("input[name=from]")["value"] == "2023-01-01"
    assert form.select_one("input[type=hidden][name=rows]")["value"] == "actor"
    share = soup.select_one(".share-bar")
    assert share.select_one("[data-copy-link]")["data-copy-link"].startswith("http://testserver/probe?country=FR")
    assert share.select_one("a[data-csv-link]")["href"].startswith("/api/v1/probe?")
