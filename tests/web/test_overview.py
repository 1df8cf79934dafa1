"""The overview page and its JSON twin /api/v1/overview."""

from __future__ import annotations

import json
from datetime import date

import pytest
from bs4 import BeautifulSoup

from tests.factories import make_claim, make_document, seed_dashboard


def test_fresh_store_says_how_to_ingest(client):
    r = client.get("/")
    assert r.status_code == 200
    soup = BeautifulSoup(r.text, "html.parser")
    assert "posture ingest PATH" in soup.select_one("[data-empty-state]").get_text()
    assert soup.select_one("[data-figure-documents]").get_text(strip=True) == "0"
    data = client.get("/api/v1/overview").json()
    assert data["figures"]["claims"] == 0 and data["new_claims"] == [] and data["matrix"]["rows"] == []


def test_overview_figures_matrix_and_changes(client, session):
    seed_dashboard(session)
    make_document(session, published_on=None, title="No date here")
    session.commit()
    soup = BeautifulSoup(client.get("/").text, "html.parser")
    assert soup.select_one("[data-figure-claims]").get_text(strip=True) == "10"
    undated = soup.select_one("[data-figure-undated] a")
    assert undated["href"] == "/documents?undated=1" and "2" in undated.get_text()
    fig = json.loads(soup.select_one("script#fig-matrix-data").string)
    assert set(fig["data"][0]["y"]) == {"France", "Germany", "Hungary", "United States"}
    change = soup.select_one("[data-change]").get_text(" ", strip=True)
    assert "Germany" in change and "Sanctions" in change
    recent = [li["data-claim"] for li in soup.select("[data-claim]")]
    assert len(recent) == 8  # dated, non-duplicate claims, newest first

    data = client.get("/api/v1/overview").json()
    assert data["figures"]["documents"] == 11 and data["figures"]["undated_documents"] == 2
    assert data["figures"]["first_on"] == "2023-01-10" and data["figures"]["last_on"] == "2024-06-01"
    assert [str(c["claim_id"]) for c in data["new_claims"]] == recent
    assert data["new_claims"][0]["stated_on"] == "2024-06-01"
    assert [(c["actor"], c["issue"]) for c in data["stance_changes"]] == [("germany", "sanctions")]
    assert data["description"] == soup.select_one("[data-description]").get_text(strip=True)


def test_filters_apply_to_the_overview(client, session):
    seed_dashboard(session)
    data = client.get("/api/v1/overview?country=FR&country=HU&period=last-year&from=2024-01-01").json()
    assert data["figures"]["filtered_claims"] == 2
    assert {r["key"] for r in data["matrix"]["rows"]} == {"FR", "HU"}
    assert data["description"].startswith("Claims by France and Hungary, since 1 Jan 2024")
    soup = BeautifulSoup(client.get("/?country=FR&country=HU&from=2024-01-01").text, "html.parser")
    selected = {o["value"] for o in soup.select("input[name=country][checked]")}
    assert selected == {"FR", "HU"}
    assert soup.select_one("[data-copy-link]")["data-copy-link"].endswith("/?country=FR&country=HU&from=2024-01-01")
    assert soup.select_one("a[data-json-link]")["href"] == "/api/v1/overview?country=FR&country=HU&from=2024-01-01"


def test_overview_csv_is_the_headline_matrix(client, session):
    seed_dashboard(session)
    r = client.get("/api/v1/overview?format=csv")
    assert r.headers["content-type"].startswith("text/csv")
    assert r.text.splitlines()[0].startswith("row,row_label,country,bloc,issue")


@pytest.mark.parametrize(
    "query", ["country=QQ", "bloc=x", "from=2024-1-1x", "review=none", "issue=%00", "stance=for", "dups=maybe"]
)
def test_bad_filters_are_400(client, query):
    assert client.get(f"/?{query}").status_code == 400
    assert client.get(f"/api/v1/overview?{query}").status_code == 400


def test_same_day_disagreement_is_not_shown_as_a_change(client, session):
    make_claim(session, actor="hungary", issue_id="ceasefire", stance="support", stated_on=date(2024, 7, 5))
    make_claim(session, actor="hungary", issue_id="ceasefire", stance="oppose", stated_on=date(2024, 7, 5))
    make_claim(session, actor="france", issue_id="ceasefire", stance="oppose", stated_on=date(2024, 1, 5))
    make_claim(session, actor="france", issue_id="ceasefire", stance="support", stated_on=date(2024, 6, 5))
    session.commit()
    soup = BeautifulSoup(client.get("/").text, "html.parser")
    changes = {li.select_one("a").get_text(): li for li in soup.select("[data-change]")}
    assert changes["Hungary"].select_one("[data-same-day]").get_text(strip=True) == "conflicting on 2024-07-05:"
    assert "→" not in changes["Hungary"].get_text()
    assert changes["France"].select_one("[data-same-day]") is None and "→" in changes["France"].get_text()


def test_landing_page_leads_with_the_matrix(client, session):
    seed_dashboard(session)
    session.commit()
    soup = BeautifulSoup(client.get("/").text, "html.parser")
    assert not soup.select_one("details[data-filters-box]").has_attr("open")  # folded until a filter is set
    # New claims name their issue by label, not by id.
    first = soup.select_one(".recent-claims li")
    issue_link = first.select("a")[1]
    assert issue_link["href"].startswith("/issues/") and issue_link.get_text() != issue_link["href"].split("/")[-1]
    soup = BeautifulSoup(client.get("/?country=FR").text, "html.parser")
    assert soup.select_one("details[data-filters-box]").has_attr("open")
