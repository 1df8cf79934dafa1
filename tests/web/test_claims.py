"""The claims table and its JSON twin: filters, sorting, keyset pages, CSV, bad input."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from app.store import models as m
from app.store import records
from app.store.filters import ClaimFilter
from tests.web.records_data import make_claim, make_document, seed_records


@pytest.fixture
def data(session):
    return seed_records(session)


def rows_of(html: str) -> list:
    return BeautifulSoup(html, "html.parser").select("table.claims-table tbody tr")


def test_claims_page_lists_newest_first_with_links(client, data):
    r = client.get("/claims")
    assert r.status_code == 200
    soup = BeautifulSoup(r.text, "html.parser")
    rows = soup.select("table.claims-table tbody tr")
    ids = [int(tr["data-claim-id"]) for tr in rows]
    c1, c2, c3, c4, c5 = data["claims"]
    # Dated claims newest first (ties by id, descending), undated last.
    assert ids == [c2, c1, c3, c5, c4]
    first = rows[0]
    assert first.select_one("a[data-evidence-link]")["href"] == f"/documents/{data['doc_a']}#claim-{c2}"
    assert first.select_one('a[href="/actors/olaf-scholz"]').text == "Olaf Scholz"
    stance = first.select_one(".stance")
    assert stance.text == "oppose" and "stance-oppose" in stance["class"]
    assert "automatic" in first.text and "0.70" in first.text
    assert soup.select_one("[data-describe]").text.startswith("All claims, all dates, 5 claims")
    assert soup.select_one("form[data-filter-form]") is not None
    assert soup.select_one("[data-copy-link]") is not None
    assert soup.select_one("a[data-json-link]")["href"].startswith("/api/v1/claims")
    assert "format=csv" in soup.select_one("a[data-csv-link]")["href"]


def test_api_twin_matches_page(client, data):
    url = "?country=DE&issue=sanctions,military-aid"
    page_ids = [int(tr["data-claim-id"]) for tr in rows_of(client.get("/claims" + url).text)]
    body = client.get("/api/v1/claims" + url).json()
    assert [c["id"] for c in body["items"]] == page_ids
    c1, _, _, c4, _ = data["claims"]
    assert page_ids == [c1, c4]
    assert body["count"] == 2 and body["count_exact"] is True
    assert body["next"] is None
    item = body["items"][0]
    assert item["actor"] == "olaf-scholz" and item["country"] == "DE" and item["issue"] == "sanctions"
    assert item["document_link"] == f"/documents/{data['doc_a']}#claim-{c1}"
    assert body["description"].startswith("Claims by Germany on Sanctions and Military aid")


@pytest.mark.parametrize(
    "query,expected",
    [
        ("stance=oppose", {1, 4}),
        ("actor=emmanuel-macron", {2}),
        ("bloc=nato&country=HU", {4}),
        ("from=2023-05-04&to=2023-05-04", {0, 1}),
        ("from=2023-05-01&to=2023-05-31", {0, 1, 2}),
        ("issue=sanctions&stance=support", {0}),
    ],
)
def test_filters(client, data, query, expected):
    body = client.get("/api/v1/claims?" + query).json()
    assert {c["id"] for c in body["items"]} == {data["claims"][i] for i in expected}
    assert body["count"] == len(expected)


def test_review_and_duplicates_filters(client, session, data):
    c1, c2, *_ = data["claims"]
    session.get(m.Claim, c1).review_status = "rejected"
    session.get(m.Claim, c2).is_duplicate = True
    session.commit()
    default = {c["id"] for c in client.get("/api/v1/claims").json()["items"]}
    assert c1 not in default and c2 not in default
    assert c1 in {c["id"] for c in client.get("/api/v1/claims?review=all&dups=1").json()["items"]}
    assert c2 in {c["id"] for c in client.get("/api/v1/claims?dups=1").json()["items"]}
    assert [c["id"] for c in client.get("/api/v1/claims?review=rejected").json()["items"]] == [c1]


@pytest.fixture
def many(session):
    """37 claims: 30 dated on distinct and shared days, 7 undated, varied confidence."""
    doc = make_document(session, title="Many")
    undated = make_document(session, title="Undated many", published_on=None)
    ids = []
    for i in range(30):
        c = make_claim(
            session,
            doc,
            actor_slug=("olaf-scholz", "emmanuel-macron", "germany")[i % 3],
            issue=("sanctions", "ceasefire", "military-aid")[i % 3],
            stance=("support", "oppose", "neutral")[i % 3],
            evidence="the chancellor said",
            stated_on=date(2023, 1, 1) + timedelta(days=i // 2),
            confidence=round(0.3 + (i % 7) / 10, 2),
        )
        ids.append(c.id)
    for _ in range(7):
        ids.append(
            make_claim(
                session,
                undated,
                actor_slug="hungary",
                issue="sanctions",
                stance="oppose",
                evidence="the chancellor said",
                stated_on=None,
            ).id
        )
    session.commit()
    return ids


def walk(client, url: str) -> tuple[list[int], list[str]]:
    """Follow `next` links to the end; return the ids seen and the cursors used."""
    seen, links = [], []
    while url:
        body = client.get(url).json()
        seen += [c["id"] for c in body["items"]]
        links.append(url)
        url = body["next"]
    return seen, links


@pytest.mark.parametrize("sort", records.CLAIM_SORTS)
def test_keyset_pages_cover_every_claim_once_in_order(client, session, many, sort):
    seen, links = walk(client, f"/api/v1/claims?limit=8&sort={sort}")
    assert sorted(seen) == sorted(many) and len(seen) == len(many)
    assert len(links) == 5
    # Same order as one big page.
    one = [c["id"] for c in client.get(f"/api/v1/claims?limit=200&sort={sort}").json()["items"]]
    assert seen == one
    rows = {c.id: c for c in session.query(m.Claim).filter(m.Claim.id.in_(many))}
    key = sort.lstrip("-")
    if key == "date":
        dated = [rows[i].stated_on for i in one if rows[i].stated_on]
        assert dated == sorted(dated, reverse=sort.startswith("-"))
        assert all(rows[i].stated_on is None for i in one[len(dated) :])  # undated last
    if key == "confidence":
        vals = [rows[i].confidence for i in one]
        assert vals == sorted(vals, reverse=sort.startswith("-"))


def test_previous_and_first_links(client, many):
    p1 = client.get("/claims?limit=10")
    soup = BeautifulSoup(p1.text, "html.parser")
    assert soup.select_one("a[data-page=previous]") is None
    next_href = soup.select_one("a[data-page=next]")["href"]
    assert "cursor=" in next_href and "limit=10" in next_href
    p2 = BeautifulSoup(client.get(next_href).text, "html.parser")
    p2_ids = [tr["data-claim-id"] for tr in p2.select("table.claims-table tbody tr")]
    p3 = BeautifulSoup(client.get(p2.select_one("a[data-page=next]")["href"]).text, "html.parser")
    back = BeautifulSoup(client.get(p3.select_one("a[data-page=previous]")["href"]).text, "html.parser")
    assert [tr["data-claim-id"] for tr in back.select("table.claims-table tbody tr")] == p2_ids
    first = BeautifulSoup(client.get(back.select_one("a[data-page=first]")["href"]).text, "html.parser")
    assert [tr["data-claim-id"] for tr in first.select("tbody tr")] == [
        tr["data-claim-id"] for tr in soup.select("tbody tr")
    ]
    # Previous from page 2 lands on the true first page, without a Previous link.
    back1 = BeautifulSoup(client.get(p2.select_one("a[data-page=previous]")["href"]).text, "html.parser")
    assert back1.select_one("a[data-page=previous]") is None


def test_count_is_exact_from_rollup_and_capped_otherwise(session, many):
    flt = ClaimFilter()
    assert records.count_claims(session, flt) == records.Count(37, True)
    mid = ClaimFilter(date_from=date(2023, 1, 3), date_to=date(2023, 1, 5))
    assert records.count_claims(session, mid) == records.Count(6, True)
    assert records.count_claims(session, ClaimFilter(), cap=10).exact is True  # rollup: not capped
    assert records.count_claims(session, mid, cap=4) == records.Count(4, False)


def test_csv_download_streams_every_claim(client, many):
    for url in (
        "/api/v1/claims.csv?sort=confidence",
        "/api/v1/claims?format=csv&sort=confidence",
        "/claims?format=csv&sort=confidence",
    ):
        r = client.get(url)
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
        assert "attachment" in r.headers["content-disposition"]
        table = list(csv.DictReader(io.StringIO(r.text)))
        assert sorted(int(row["id"]) for row in table) == sorted(many)
        conf = [float(row["confidence"]) for row in table]
        assert conf == sorted(conf)


def test_csv_neutralises_formulas(client, session):
    doc = make_document(session, title='=HYPERLINK("http://x")', text="=1+1 said the chancellor")
    make_claim(session, doc, actor_slug="olaf-scholz", issue="sanctions", stance="support", evidence="=1+1")
    session.commit()
    row = next(csv.DictReader(io.StringIO(client.get("/api/v1/claims.csv").text)))
    assert row["evidence"] == "'=1+1" and row["document_title"].startswith("'=")


def test_claim_detail_api_and_redirect(client, data):
    c1 = data["claims"][0]
    body = client.get(f"/api/v1/claims/{c1}").json()
    assert body["explanation"] == [{"rule": "cue-verb", "detail": "said ... would keep"}]
    assert body["country_name"] == "Germany" and body["revisions"] == []
    r = client.get(f"/claims/{c1}", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/documents/{data['doc_a']}#claim-{c1}"
    assert client.get("/api/v1/claims/999999").status_code == 404
    assert client.get("/claims/999999").status_code == 404


def test_empty_states(client, data):
    soup = BeautifulSoup(client.get("/claims?country=PL").text, "html.parser")
    assert "No claims match these filters" in soup.select_one(".empty-state").text


def test_empty_database_says_how_to_ingest(client):
    text = BeautifulSoup(client.get("/claims").text, "html.parser").select_one(".empty-state").text
    assert "posture ingest" in text


BAD = [
    ("country", "X' OR 1=1 --"),
    ("country", "ZZ"),
    ("actor", "../../etc/passwd"),
    ("actor", "no-such-actor"),
    ("issue", "sanctions;DROP TABLE claim"),
    ("stance", "maybe"),
    ("from", "2024-13-45"),
    ("from", "9" * 400),
    ("to", "yesterday"),
    ("review", "pending"),
    ("dups", "2"),
    ("sort", "id; DELETE FROM claim"),
    ("sort", "stated_on"),
    ("limit", "0"),
    ("limit", "abc"),
    ("limit", "99999999999999999999999"),
    ("cursor", "not-a-cursor"),
    ("cursor", "W10"),  # base64 of []
    ("cursor", "x" * 5000),
    ("format", "xml"),
]


@pytest.mark.parametrize("param,value", BAD)
def test_bad_input_is_a_400_naming_the_value(client, data, param, value):
    r = client.get("/claims", params={param: value})
    assert r.status_code == 400, r.text[:300]
    soup = BeautifulSoup(r.text, "html.parser")
    assert soup.select_one(".problems code").text == param
    api = client.get("/api/v1/claims", params={param: value})
    assert api.status_code == 400
    assert api.json()["detail"][0]["param"] == param


def test_tampered_cursors_are_400(client, many):
    from app.store.keyset import Cursor

    nxt = client.get("/api/v1/claims?limit=5").json()["next"]
    token = parse_qs(urlsplit(nxt).query)["cursor"][0]
    assert client.get(f"/api/v1/claims?limit=5&cursor={token}").status_code == 200
    # The same cursor under another sort, or with a forged value or id, is refused.
    assert client.get(f"/api/v1/claims?limit=5&sort=actor&cursor={token}").status_code == 400
    for sort, forged in (
        ("-date", Cursor("-date", 0, "not a date", 3).encode()),
        ("-date", Cursor("-date", 0, "2024-01-01", -1).encode()),
        ("-date", Cursor("-date", 0, "2024-01-01", 2**70).encode()),
        ("-date", Cursor("-date", 1, "2024-01-01", 3).encode()),
        ("-confidence", Cursor("-confidence", 0, "1; DROP TABLE claim", 3).encode()),
        ("-confidence", Cursor("-confidence", 1, None, 3).encode()),
        ("-date", token[:-3] + "!!!"),
    ):
        r = client.get("/api/v1/claims", params={"cursor": forged, "sort": sort})
        assert r.status_code == 400, (sort, forged)
        assert r.json()["detail"][0]["param"] == "cursor"


def test_non_numeric_claim_id_is_400_or_404(client):
    assert client.get("/api/v1/claims/abc").status_code == 400
    assert client.get("/claims/1e99").status_code == 400
    assert client.get("/api/v1/claims/99999999999999999999999").status_code == 400


def test_openapi_documents_the_records_api(client):
    spec = client.get("/api/v1/openapi.json").json()
    paths = spec["paths"]
    for path in (
        "/api/v1/claims",
        "/api/v1/claims.csv",
        "/api/v1/claims/{claim_id}",
        "/api/v1/documents",
        "/api/v1/documents/{document_id}",
        "/api/v1/actors",
        "/api/v1/actors/{slug}",
        "/api/v1/countries",
        "/api/v1/countries/{code}",
    ):
        op = paths[path]["get"]
        assert {"200", "400", "503"} <= set(op["responses"]), path
        if "{" in path:
            assert "404" in op["responses"], path
    params = {p["name"]: p for p in paths["/api/v1/claims"]["get"]["parameters"]}
    assert {"country", "bloc", "actor", "issue", "stance", "from", "to", "review", "dups"} <= set(params)
    assert params["limit"]["schema"]["maximum"] == records.MAX_PAGE_SIZE and params["limit"]["schema"]["minimum"] == 1
    assert params["cursor"]["schema"]["anyOf"][0]["maxLength"] == 600
    assert set(params["sort"]["schema"]["enum"]) == set(records.CLAIM_SORTS)
    ok = paths["/api/v1/claims"]["get"]["responses"]["200"]["content"]
    assert "application/json" in ok and "text/csv" in ok
    assert ok["application/json"]["schema"]["$ref"].endswith("/ClaimsOut")
    id_param = paths["/api/v1/claims/{claim_id}"]["get"]["parameters"][0]["schema"]
    assert id_param["minimum"] == 1
    bad = paths["/api/v1/claims"]["get"]["responses"]["400"]["content"]["application/json"]["schema"]
    assert bad["$ref"].endswith("/ErrorOut")


def test_claim_detail_revisions_are_utc_and_ids_stay_in_integer_range(client, session, data):
    c1 = data["claims"][0]
    session.add(m.ClaimRevision(claim_id=c1, changed_by="ed", action="accept", before={"a": 1}, after={"a": 2}))
    session.commit()
    rev = client.get(f"/api/v1/claims/{c1}").json()["revisions"][0]
    assert rev["changed_at"].endswith(("Z", "+00:00")) and rev["action"] == "accept"
    assert client.get(f"/api/v1/claims/{2**31 - 1}").status_code == 404
    assert client.get(f"/api/v1/claims/{2**31}").status_code == 400
    assert client.get(f"/api/v1/documents/{2**31}").status_code == 400
