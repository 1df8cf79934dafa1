"""The timeline page and its JSON twin /api/v1/timeline."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup

from app.store import aggregates
from tests.factories import make_claim, make_document, seed_dashboard


@pytest.fixture
def seeded(session):
    return seed_dashboard(session)


def test_without_issue_or_actor_the_page_asks_for_one(client, seeded):
    soup = BeautifulSoup(client.get("/timeline").text, "html.parser")
    empty = soup.select_one("[data-empty-state]")
    assert "Choose an issue or an actor" in empty.get_text()
    assert "/timeline?issue=sanctions" in [a["href"] for a in empty.select("a")]


def test_issue_timeline_points_series_and_changes(client, seeded):
    r = client.get("/timeline?issue=sanctions&step=quarter")
    assert r.status_code == 200
    soup = BeautifulSoup(r.text, "html.parser")
    assert soup.select_one("[data-description]").get_text(strip=True) == "Claims on Sanctions, all dates, 4 claims"
    points = json.loads(soup.select_one("script#fig-points-data").string)
    names = {t["name"]: t for t in points["data"]}
    assert set(names) == {"▲ support", "▼ oppose"}
    assert names["▲ support"]["marker"]["symbol"] == "triangle-up"
    assert names["▼ oppose"]["marker"]["symbol"] == "triangle-down"
    assert points["layout"]["xaxis"]["title"]["text"] == "Date stated"
    series = json.loads(soup.select_one("script#fig-series-data").string)
    germany = next(t for t in series["data"] if t["name"] == "Germany")
    assert germany["x"] == ["2023-01-01"] and germany["y"] == [0.0]
    change = soup.select_one("[data-change]").get_text(" ", strip=True)
    assert "Germany" in change and "support" in change and "oppose" in change
    assert not soup.select("[data-capped]")

    data = client.get("/api/v1/timeline?issue=sanctions&step=quarter").json()
    assert data["total"] == 4 and data["capped"] is False and data["step"] == "quarter"
    assert [p["stated_on"] for p in data["points"]] == ["2023-01-10", "2023-02-20", "2023-03-15", "2023-04-02"]
    assert [(c["actor"], c["before"], c["after"]) for c in data["changes"]] == [("germany", "support", "oppose")]
    assert {s["key"] for s in data["series"]} == {"DE", "FR", "HU"}


def test_actor_timeline_compares_issues(client, seeded):
    data = client.get("/api/v1/timeline?actor=germany").json()
    assert data["series_by"] == "issue"
    assert {s["label"] for s in data["series"]} == {"Sanctions", "Military aid"}


def test_points_are_capped_and_the_page_says_so(client, session, monkeypatch):
    doc = make_document(session)
    start = date(2023, 1, 1)
    for i in range(30):
        make_claim(session, document=doc, stated_on=start + timedelta(days=i), stance=("support", "oppose")[i % 2])
    session.commit()
    monkeypatch.setattr(aggregates, "MAX_TIMELINE_POINTS", 10)
    soup = BeautifulSoup(client.get("/timeline?issue=sanctions").text, "html.parser")
    assert "latest 10 of 30" in soup.select_one("[data-capped]").get_text()
    data = client.get("/api/v1/timeline?issue=sanctions").json()
    assert data["capped"] is True and len(data["points"]) == 10 and data["total"] == 30


def test_timeline_csv(client, seeded):
    r = client.get("/api/v1/timeline?issue=military-aid&format=csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [x["actor"] for x in rows] == ["germany", "united-states", "france", "hungary"]


def test_empty_filter_result(client, seeded):
    soup = BeautifulSoup(client.get("/timeline?issue=ceasefire").text, "html.parser")
    assert "No claims match this filter" in soup.select_one("[data-empty-state]").get_text()


@pytest.mark.parametrize(
    "query, param",
    [
        ("issue=sanctions&step=week", "step"),
        ("issue=no-such", "issue"),
        ("issue=../../etc/passwd", "issue"),
        ("actor=Robert'); DROP TABLE claim;--", "actor"),
        ("issue=sanctions&from=2024-01-01&to=2023-01-01", "to"),
        ("issue=sanctions&stance=maybe", "stance"),
        ("issue=sanctions&period=eons", "period"),
    ],
)
def test_bad_input_is_a_400(client, query, param):
    page = client.get(f"/timeline?{query}")
    assert page.status_code == 400 and param in page.text
    api = client.get(f"/api/v1/timeline?{query}")
    assert api.status_code == 400 and api.json()["detail"][0]["param"] == param


def test_actor_timeline_points_are_rows_by_issue(client, seeded):
    soup = BeautifulSoup(client.get("/timeline?actor=germany").text, "html.parser")
    fig = json.loads(soup.select_one("script#fig-points-data").string)
    assert fig["layout"]["annotations"][0]["text"].startswith("<b>Issue</b>")  # rows named in the corner
    assert {y for t in fig["data"] for y in t["y"]} == {"Sanctions", "Military aid"}
