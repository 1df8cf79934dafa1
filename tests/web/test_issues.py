"""The issues list, the issue page with its map and timeline, and their JSON twins."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from tests.factories import seed_dashboard


@pytest.fixture
def seeded(session):
    return seed_dashboard(session)


def test_issues_list_counts(client, seeded):
    soup = BeautifulSoup(client.get("/issues").text, "html.parser")
    rows = soup.select("tr[data-issue]")
    assert len(rows) == 15
    aid = soup.select_one('tr[data-issue="military-aid"]')
    cells = [td.get_text(strip=True) for td in aid.select("td")]
    assert cells[:4] == ["3", "1", "0", "4"]
    data = client.get("/api/v1/issues").json()
    aid_json = next(i for i in data["issues"] if i["id"] == "military-aid")
    assert aid_json["counts"]["total"] == 4 and aid_json["link"] == "/issues/military-aid"
    assert data["description"] == soup.select_one("[data-description]").get_text(strip=True)


def test_issue_page_standings_map_and_timeline(client, seeded):
    r = client.get("/issues/sanctions")
    assert r.status_code == 200
    soup = BeautifulSoup(r.text, "html.parser")
    assert soup.select_one("h1").get_text() == "Sanctions"
    assert "means" in soup.select_one(".issue-definition").get_text()
    opposing = soup.select_one('[data-standing="oppose"]').get_text(" ", strip=True)
    supporting = soup.select_one('[data-standing="support"]').get_text(" ", strip=True)
    assert "Germany" in opposing and "Hungary" in opposing and "France" in supporting
    fig = json.loads(soup.select_one("script#fig-map-data").string)
    trace = fig["data"][0]
    assert trace["type"] == "choropleth" and trace["locationmode"] == "ISO-3"
    assert dict(zip(trace["locations"], trace["z"], strict=True)) == {"DEU": -1.0, "FRA": 1.0, "HUN": -1.0}
    assert fig["config"]["topojsonURL"] == "/static/geo/"
    assert fig["layout"]["geo"]["scope"] == "world" and fig["layout"]["geo"]["resolution"] == 50
    # Europe gets the main frame, North America an inset; one colour axis so both read on the same scale.
    assert fig["data"][1]["geo"] == "geo2" and fig["data"][1]["locations"] == []
    assert fig["layout"]["geo"]["lonaxis"]["range"][0] > -30 and fig["layout"]["geo2"]["lonaxis"]["range"][1] < -50
    assert {t["coloraxis"] for t in fig["data"]} == {"coloraxis"}
    assert [h.get_text() for h in soup.select("h2")][:2] == ["Map", "Who stands where now"]
    assert soup.select_one("script#fig-points-data") is not None
    assert soup.select_one("[name=issue]") is None  # the page pins its issue

    data = client.get("/api/v1/issues/sanctions").json()
    assert [s["actor"] for s in data["opponents"]] == ["germany", "hungary"]
    assert [s["actor"] for s in data["supporters"]] == ["france"]
    assert {c["iso3"]: c["net"] for c in data["countries"]} == {"DEU": -1.0, "FRA": 1.0, "HUN": -1.0}
    assert data["timeline"] == "/api/v1/timeline?issue=sanctions"
    assert data["links"]["claims"] == "/claims?issue=sanctions"


def test_map_shapes_are_served_by_the_app(client):
    r = client.get("/static/geo/world_50m.json")
    assert r.status_code == 200
    shapes = r.json()
    ids = {g.get("id") for g in shapes["objects"]["countries"]["geometries"]}
    assert {"DEU", "FRA", "USA", "CAN", "MLT", "LUX"} <= ids


def test_window_changes_who_stands_where(client, seeded):
    data = client.get("/api/v1/issues/sanctions?to=2023-02-28").json()
    assert [s["actor"] for s in data["supporters"]] == ["france", "germany"]
    assert data["opponents"] == []


def test_issue_with_no_claims(client, seeded):
    soup = BeautifulSoup(client.get("/issues/ceasefire").text, "html.parser")
    assert soup.select("[data-empty-state]")
    assert client.get("/api/v1/issues/ceasefire").json()["countries"] == []


@pytest.mark.parametrize("path", ["/issues/no-such-issue", "/api/v1/issues/no-such-issue"])
def test_unknown_issue_is_404(client, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize(
    "url, status",
    [
        ("/issues/NOT_AN_ID", 400),
        ("/api/v1/issues/%3Cscript%3E", 400),
        ("/issues/sanctions?step=year", 400),
        ("/issues/sanctions?country=ZZ", 400),
        ("/issues/sanctions?from=2024-99-01", 400),
        ("/api/v1/issues?format=pdf", 400),
        ("/issues?bloc=pacific", 400),
    ],
)
def test_bad_input(client, url, status):
    assert client.get(url).status_code == status
