"""Country pages and their JSON twins: membership, actors, positions over time, claims, 404s and 400s."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from tests.web.records_data import seed_records


@pytest.fixture
def data(session):
    return seed_records(session)


def soup_of(r) -> BeautifulSoup:
    assert r.status_code == 200, r.text[:400]
    return BeautifulSoup(r.text, "html.parser")


def test_country_page(client, data):
    soup = soup_of(client.get("/countries/DE"))
    assert soup.h1.text.startswith("Germany")
    assert "Member of NATO and EU" in soup.text
    actors = [li["data-actor"] for li in soup.select("ul.country-actors li")]
    assert actors[0] == "germany" and "olaf-scholz" in actors and "friedrich-merz" in actors
    scholz = soup.select_one('li[data-actor="olaf-scholz"]')
    assert "2 claims" in scholz.text and scholz.select("a")[1]["href"] == "/claims?country=DE&actor=olaf-scholz"
    rows = {tr["data-issue"]: tr for tr in soup.select("table.positions-table tbody tr")}
    assert rows["military-aid"].select_one(".stance").text == "support"
    assert "undated" in rows["military-aid"].select_one("ul.history").text
    assert len(soup.select("table.claims-table tbody tr")) == 3
    assert soup.select_one("a[data-all-claims]")["href"] == "/claims?country=DE"
    assert soup.select_one("form[data-filter-form] [name=country]") is None


def test_country_code_is_case_insensitive(client, data):
    assert soup_of(client.get("/countries/hu")).h1.text.startswith("Hungary")


def test_country_api_twin(client, data):
    body = client.get("/api/v1/countries/HU").json()
    assert body["name"] == "Hungary" and body["member_of"] == ["NATO", "EU"] and body["claims"] == 1
    pos = {p["issue"]: p for p in body["positions"]}
    assert pos["sanctions"]["oppose"] == 1 and pos["sanctions"]["net"] == -1.0
    assert [c["actor"] for c in body["claims_first_page"]] == ["hungary"]
    assert any(a["slug"] == "hungary" and a["claims"] == 1 for a in body["actors"])


def test_countries_list(client, data):
    soup = soup_of(client.get("/countries"))
    rows = {tr["data-country"]: tr for tr in soup.select("table.countries-table tbody tr")}
    assert {"DE", "FR", "HU", "US", "NATO", "EU"} <= set(rows)
    assert rows["DE"].select("td")[-1].text.strip() == "3"
    assert "EU" not in rows["US"].select("td")[1].text
    body = client.get("/api/v1/countries?bloc=eu").json()
    codes = {c["code"] for c in body["items"]}
    assert "DE" in codes and "US" not in codes
    gb = client.get("/api/v1/countries?country=GB").json()["items"][0]
    assert gb["eu_left_on"] == "2020-01-31" and gb["member_of"] == ["NATO"]
    assert client.get("/countries?format=csv").text.startswith("code,name,kind")


def test_unknown_country_is_styled_404(client):
    for code in ("ZZ", "XX", "..%2F..", "A%20B", "DROP"):
        r = client.get(f"/countries/{code}")
        assert r.status_code == 404 and "site-header" in r.text, code
        assert client.get(f"/api/v1/countries/{code}").status_code == 404
    assert client.get("/countries/" + "Q" * 40).status_code in (400, 404)


@pytest.mark.parametrize("query", ["stance=yes", "to=31-12-2024", "bloc=warsaw-pact", "dups=maybe", "review=x"])
def test_bad_filters_are_400(client, data, query):
    for url in ("/countries/DE?", "/countries?", "/api/v1/countries/DE?", "/api/v1/countries?"):
        assert client.get(url + query).status_code == 400, url + query
