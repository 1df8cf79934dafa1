"""The matrix page and its JSON twin /api/v1/matrix, on the same URLs."""

from __future__ import annotations

import csv
import io
import json
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from tests.factories import seed_dashboard


@pytest.fixture
def seeded(session):
    return seed_dashboard(session)


def _figure(soup, fig_id: str) -> dict:
    return json.loads(soup.select_one(f"script#{fig_id}-data").string)


def test_matrix_page_shows_cells_with_counts_symbols_and_links(client, seeded):
    r = client.get("/matrix")
    assert r.status_code == 200
    soup = BeautifulSoup(r.text, "html.parser")
    assert soup.select_one("[data-description]").get_text().startswith("All claims, all dates, 9 claims")
    cell = soup.select_one('td[data-row="DE"][data-issue="sanctions"]')
    assert "2" in cell.get_text() and "●" in cell.get_text()  # one support, one oppose: balanced
    link = cell.select_one("a")["href"]
    assert parse_qs(urlsplit(link).query) == {"country": ["DE"], "issue": ["sanctions"]}
    hu = soup.select_one('td[data-row="HU"][data-issue="sanctions"]')
    assert "▼" in hu.get_text() and "1" in hu.get_text()  # the near-duplicate support is left out
    rows = [th.get_text(strip=True) for th in soup.select(".matrix-table tbody th[scope=row]")]
    assert rows == sorted(rows)
    fig = _figure(soup, "fig-matrix")
    heat = fig["data"][0]
    assert heat["type"] == "heatmap" and heat["zmin"] == -1 and heat["zmax"] == 1
    assert fig["layout"]["title"]["text"] and fig["layout"]["xaxis"]["title"]["text"] == "Issue"
    y = heat["y"].index("Germany")
    x = heat["x"].index("Sanctions")
    assert heat["text"][y][x] == "● 2"
    hover, url = heat["customdata"][y][x]
    assert "Latest:" in hover and "2023-03-15" in hover and url == link
    share = soup.select_one(".share-bar")
    assert share.select_one("a[data-json-link]")["href"] == "/api/v1/matrix"
    assert share.select_one("a[data-csv-link]")["href"] == "/api/v1/matrix?format=csv"


def test_json_twin_matches_the_page(client, seeded):
    url = "matrix?rows=actor&sort=similarity&group=bloc&bloc=nato&from=2023-01-01&to=2023-12-31"
    page = BeautifulSoup(client.get("/" + url).text, "html.parser")
    data = client.get("/api/v1/" + url).json()
    assert data["rows_kind"] == "actor" and data["sort"] == "similarity" and data["group"] == "bloc"
    assert [r["label"] for r in data["rows"]] == [
        th.get_text(strip=True) for th in page.select(".matrix-table tbody th[scope=row]")
    ]
    assert {r["key"] for r in data["rows"]} == {"germany", "france", "hungary"}  # 2024 claims are outside the window
    assert data["description"] == page.select_one("[data-description]").get_text(strip=True)
    de = next(r for r in data["rows"] if r["key"] == "germany")
    cell = next(c for c in de["cells"] if c["issue"] == "sanctions")
    assert (cell["support"], cell["oppose"], cell["net"]) == (1, 1, 0.0)
    assert cell["latest"]["stated_on"] == "2023-03-15"
    assert parse_qs(urlsplit(cell["claims_link"]).query)["actor"] == ["germany"]
    assert data["links"]["html"].startswith("/matrix?")
    assert page.select_one('a[data-rows="actor"]')["aria-current"] == "true"
    assert [g["data-group-row"] for g in page.select("[data-group-row]")] == ["NATO & EU"]
    assert page.select_one("input[type=hidden][name=rows]")["value"] == "actor"


def test_matrix_csv(client, seeded):
    r = client.get("/api/v1/matrix?format=csv&country=DE")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert {(x["row"], x["issue"], x["total"]) for x in rows} == {("DE", "sanctions", "2"), ("DE", "military-aid", "1")}


def test_inexact_window_uses_claims_and_agrees(client, seeded):
    exact = client.get("/api/v1/matrix?from=2023-01-01&to=2023-03-31").json()
    inexact = client.get("/api/v1/matrix?from=2023-01-11&to=2023-03-14").json()
    assert (exact["source"], inexact["source"]) == ("rollup", "claim")
    assert exact["total"] == 4 and inexact["total"] == 2  # 10 Jan and 15 Mar fall outside the second


def test_empty_states(client, session):
    soup = BeautifulSoup(client.get("/matrix").text, "html.parser")
    assert "posture ingest PATH" in soup.select_one("[data-empty-state]").get_text()
    seed_dashboard(session)
    soup = BeautifulSoup(client.get("/matrix?country=PL").text, "html.parser")
    assert "No claims match this filter" in soup.select_one("[data-empty-state]").get_text()
    assert client.get("/api/v1/matrix?country=PL").json()["rows"] == []


BAD = [
    ("rows=diagonal", "rows"),
    ("sort=random", "sort"),
    ("group=alliance", "group"),
    ("country=XX", "country"),
    ("country=<script>", "country"),
    ("issue=nope", "issue"),
    ("actor=nobody", "actor"),
    ("stance=maybe", "stance"),
    ("from=yesterday", "from"),
    ("from=2024-02-30", "from"),
    ("from=2025-01-01&to=2024-01-01", "to"),
    ("bloc=warsaw", "bloc"),
    ("period=forever", "period"),
    ("review=perhaps", "review"),
    ("dups=2", "dups"),
    ("country=" + "A" * 3000, "country"),
]


@pytest.mark.parametrize("query, param", BAD)
def test_bad_input_is_a_400_naming_the_parameter(client, query, param):
    page = client.get(f"/matrix?{query}")
    assert page.status_code == 400
    assert param in BeautifulSoup(page.text, "html.parser").select_one(".problems").get_text()
    api = client.get(f"/api/v1/matrix?{query}")
    assert api.status_code == 400 and api.json()["detail"][0]["param"] == param


def test_bad_format_on_the_json_twin(client):
    r = client.get("/api/v1/matrix?format=xml")
    assert r.status_code == 400 and r.json()["detail"][0]["param"] == "format"


def test_openapi_documents_the_matrix(client):
    spec = client.get("/api/v1/openapi.json").json()
    op = spec["paths"]["/api/v1/matrix"]["get"]
    assert {"200", "400", "503"} <= set(op["responses"])
    names = {p["name"] for p in op["parameters"]}
    assert {"rows", "sort", "group", "country", "issue", "from", "to", "format"} <= names
