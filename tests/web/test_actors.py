"""Actor pages and their JSON twins: offices, positions on every issue over time, claims, 404s and 400s."""

from __future__ import annotations

from datetime import date

import pytest
from bs4 import BeautifulSoup

from tests.web.records_data import make_claim, make_document, seed_records


@pytest.fixture
def data(session):
    ids = seed_records(session)
    # An older claim by Scholz on sanctions (2022) so his history spans two years and his latest stance is 2023's.
    old = make_document(
        session,
        title="Older statement",
        text="The chancellor said sanctions were a mistake to drop.",
        published_on=date(2022, 3, 1),
    )
    ids["old"] = make_claim(
        session,
        old,
        actor_slug="olaf-scholz",
        issue="sanctions",
        stance="support",
        evidence="sanctions were a mistake to drop",
    ).id
    session.commit()
    return ids


def soup_of(r) -> BeautifulSoup:
    assert r.status_code == 200, r.text[:400]
    return BeautifulSoup(r.text, "html.parser")


def test_actor_page(client, data):
    soup = soup_of(client.get("/actors/olaf-scholz"))
    assert soup.h1.text == "Olaf Scholz"
    assert "Chancellor" in soup.select_one("ul.offices").text and "2021-12-08" in soup.select_one("ul.offices").text
    rows = {tr["data-issue"]: tr for tr in soup.select("table.positions-table tbody tr")}
    assert len(rows) == 15  # every issue of the taxonomy
    sanctions = rows["sanctions"]
    assert sanctions.select_one(".stance").text == "support"
    assert "2023-05-04" in sanctions.text
    assert [li.select_one(".period").text for li in sanctions.select("ul.history li")] == ["2022", "2023"]
    assert "▲ 2" in sanctions.text
    assert "No claims" in rows["frozen-assets"].text
    assert rows["ceasefire"].select_one(".stance").text == "oppose"
    claim_rows = soup.select("table.claims-table tbody tr")
    assert len(claim_rows) == 3
    assert soup.select_one("a[data-all-claims]")["href"] == "/claims?actor=olaf-scholz"
    assert soup.select_one("[data-describe]").text.startswith("Claims by Olaf Scholz, all dates, 3 claims")
    assert soup.select_one("form[data-filter-form] [name=actor]") is None  # the page pins the actor


def test_actor_api_twin(client, data):
    body = client.get("/api/v1/actors/olaf-scholz?from=2023-01-01").json()
    assert body["name"] == "Olaf Scholz" and body["country"] == "DE" and body["claims"] == 2
    pos = {p["issue"]: p for p in body["positions"]}
    assert pos["sanctions"]["support"] == 1 and pos["sanctions"]["net"] == 1.0
    assert pos["sanctions"]["history"] == [{"period": "2023", "support": 1, "oppose": 0, "neutral": 0}]
    assert pos["sanctions"]["latest"]["document_link"].startswith(f"/documents/{data['doc_a']}#claim-")
    assert body["offices"][0]["title"] == "Chancellor"
    assert len(body["claims_first_page"]) == 2
    assert body["claims_link"] == "/claims?actor=olaf-scholz&from=2023-01-01"
    # Mid-month windows are answered from the claim table, month windows from the rollup: same numbers.
    a = client.get("/api/v1/actors/olaf-scholz?from=2022-03-01&to=2023-05-31").json()
    b = client.get("/api/v1/actors/olaf-scholz?from=2022-02-27&to=2023-05-30").json()
    assert a["positions"] == b["positions"]


def test_actor_positions_csv(client, data):
    r = client.get("/actors/olaf-scholz?format=csv")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    lines = r.text.strip().splitlines()
    assert lines[0].startswith("issue,issue_label,claims") and len(lines) == 16


def test_actor_list(client, data):
    soup = soup_of(client.get("/actors?country=DE"))
    slugs = [tr["data-actor"] for tr in soup.select("table.actors-table tbody tr")]
    assert "olaf-scholz" in slugs and "germany" in slugs and "emmanuel-macron" not in slugs
    body = client.get("/api/v1/actors?q=scholz").json()
    assert [a["slug"] for a in body["items"]] == ["olaf-scholz"] and body["items"][0]["claims"] == 3
    assert client.get("/api/v1/actors?format=csv").text.startswith("slug,name,type,country,claims")


def test_unknown_actor_is_styled_404(client):
    for slug in ("nobody-at-all", "Not A Slug", "..%2F..%2Fetc%2Fpasswd", "x" * 120):
        r = client.get(f"/actors/{slug}")
        assert r.status_code == 404 and "site-header" in r.text, slug
        assert client.get(f"/api/v1/actors/{slug}").status_code == 404
    assert client.get("/actors/" + "x" * 500).status_code in (400, 404)


def test_actor_empty_state(client, session):
    soup = soup_of(client.get("/actors/olaf-scholz"))
    assert "No claims by Olaf Scholz" in soup.select_one(".empty-state").text


@pytest.mark.parametrize(
    "query", ["stance=yes", "from=2024-02-30", "country=' OR '1'='1", "format=html", "period=forever", "q=" + "z" * 200]
)
def test_bad_filters_are_400(client, data, query):
    for url in ("/actors/olaf-scholz?", "/actors?", "/api/v1/actors/olaf-scholz?", "/api/v1/actors?"):
        if "q=" in query and "scholz" in url:
            continue
        assert client.get(url + query).status_code == 400, url + query
