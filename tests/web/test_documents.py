"""Documents: the list with undated/language/search filters, the detail page with highlighted evidence."""

from __future__ import annotations

from datetime import date

import pytest
from bs4 import BeautifulSoup

from app.store import models as m
from app.store import records
from tests.web.records_data import TEXT_A, make_claim, make_document, seed_records


@pytest.fixture
def data(session):
    return seed_records(session)


def soup_of(r) -> BeautifulSoup:
    assert r.status_code == 200, r.text[:300]
    return BeautifulSoup(r.text, "html.parser")


def test_document_page_highlights_each_claims_evidence(client, data):
    soup = soup_of(client.get(f"/documents/{data['doc_a']}"))
    container = soup.select_one("#document-text")
    # The container's text is exactly the document's text: marks add no characters.
    assert container.get_text() == TEXT_A
    c1, c2, c3, *_ = data["claims"]
    marks = {int(mk["data-claim-id"]): mk for mk in container.select("mark[data-claim-id]")}
    assert set(marks) == {c1, c2, c3}
    assert marks[c1].text == "his government would keep every sanction in force until the last soldier has left"
    assert marks[c1]["data-label"] == "Olaf Scholz · Sanctions · ▲ support"
    assert marks[c2]["data-label"] == "Olaf Scholz · Ceasefire · ▼ oppose"
    assert soup.select_one(f"#claim-{c1}") is not None
    found = soup.select("ol.claims-found > li")
    assert [int(li["data-claim-id"]) for li in found] == [c1, c2, c3]  # text order
    assert "cue-verb" in found[0].select_one(".explanation").text
    assert "stated in the source" in soup.select_one("[data-date]").text
    link = soup.select_one("a[data-original-link]")
    assert link["href"].startswith("https://example.org/") and link["rel"] == ["noopener", "noreferrer", "nofollow"]


def test_api_twin_gives_offsets(client, data):
    body = client.get(f"/api/v1/documents/{data['doc_a']}").json()
    assert body["text"] == TEXT_A
    for c in body["claims"]:
        assert body["text"][c["start"] : c["end"]] == c["evidence"]
    assert body["claim_count"] == 3 and body["near_duplicates"] == []


def test_overlapping_and_misplaced_evidence(client, session):
    text = "Alpha beta gamma delta epsilon. Zeta eta theta."
    doc = make_document(session, text=text)
    outer = make_claim(
        session, doc, actor_slug="olaf-scholz", issue="sanctions", stance="support", evidence="Alpha beta gamma delta"
    )
    inner = make_claim(
        session, doc, actor_slug="emmanuel-macron", issue="ceasefire", stance="oppose", evidence="gamma delta epsilon"
    )
    # Stored offsets that do not match the evidence: found by searching the text instead.
    moved = make_claim(
        session,
        doc,
        actor_slug="germany",
        issue="military-aid",
        stance="neutral",
        evidence="Zeta eta",
        evidence_start=0,
        evidence_end=8,
    )
    lost = make_claim(
        session,
        doc,
        actor_slug="hungary",
        issue="sanctions",
        stance="oppose",
        evidence="words that are nowhere",
        evidence_start=None,
        evidence_end=None,
    )
    session.commit()
    soup = soup_of(client.get(f"/documents/{doc.id}"))
    container = soup.select_one("#document-text")
    assert container.get_text() == text
    marks = container.select("mark")
    assert [mk.text for mk in marks] == ["Alpha beta ", "gamma delta", " epsilon", "Zeta eta"]
    assert marks[1]["data-claim-ids"] == f"{outer.id} {inner.id}" and "overlap" in marks[1]["class"]
    assert int(marks[3]["data-claim-id"]) == moved.id
    covered = "".join(mk.text for mk in marks if str(outer.id) in mk["data-claim-ids"].split())
    assert covered == "Alpha beta gamma delta"
    lost_li = soup.select_one(f'li[data-claim-id="{lost.id}"]')
    assert "not found in the text" in lost_li.text


def test_only_web_links_are_linked(client, session):
    doc = make_document(session, url="javascript:alert(1)")
    session.commit()
    soup = soup_of(client.get(f"/documents/{doc.id}"))
    assert soup.select_one("a[data-original-link]") is None
    assert not soup.select('a[href^="javascript"]')
    assert client.get(f"/api/v1/documents/{doc.id}").json()["url"] is None


def test_undated_document_says_how_to_set_a_date(client, data):
    soup = soup_of(client.get(f"/documents/{data['doc_b']}"))
    assert f"posture documents set-date {data['doc_b']}" in soup.select_one("[data-date]").text


def test_near_duplicates_both_ways(client, session, data):
    dup = make_document(session, title="Copy of the sanctions story", duplicate_of_id=data["doc_a"])
    session.commit()
    soup = soup_of(client.get(f"/documents/{data['doc_a']}"))
    assert soup.select_one("a[data-duplicate]")["href"] == f"/documents/{dup.id}"
    soup = soup_of(client.get(f"/documents/{dup.id}"))
    assert soup.select_one("a[data-duplicate-of]")["href"] == f"/documents/{data['doc_a']}"
    assert [d["id"] for d in client.get(f"/api/v1/documents/{dup.id}").json()["near_duplicates"]] == [data["doc_a"]]
    # The list hides near-duplicates unless dups=1.
    ids = [d["id"] for d in client.get("/api/v1/documents").json()["items"]]
    assert dup.id not in ids
    assert dup.id in [d["id"] for d in client.get("/api/v1/documents?dups=1").json()["items"]]


def test_documents_list_and_filters(client, session, data):
    soup = soup_of(client.get("/documents"))
    rows = soup.select("table.documents-table tbody tr")
    assert [int(tr["data-document-id"]) for tr in rows] == [data["doc_a"], data["doc_b"]]  # undated last
    assert "1 document without a date" in soup.select_one(".notice").text
    assert soup.select_one(".notice a")["href"] == "/documents?undated=1"
    undated = client.get("/api/v1/documents?undated=1").json()["items"]
    assert [d["id"] for d in undated] == [data["doc_b"]]
    assert "posture documents set-date" in soup_of(client.get("/documents?undated=1")).select_one(".notice").text
    assert [d["id"] for d in client.get("/api/v1/documents?language=fr").json()["items"]] == [data["doc_b"]]
    assert [d["id"] for d in client.get("/api/v1/documents?q=SANCTIONS").json()["items"]] == [data["doc_a"]]
    assert client.get("/api/v1/documents?q=100%25").json()["items"] == []  # LIKE wildcards are literal
    assert [d["id"] for d in client.get("/api/v1/documents?country=HU").json()["items"]] == [data["doc_b"]]
    assert [d["id"] for d in client.get("/api/v1/documents?from=2023-01-01").json()["items"]] == [data["doc_a"]]
    body = client.get("/api/v1/documents").json()
    assert body["items"][0]["claim_count"] == 3 and body["items"][0]["link"] == f"/documents/{data['doc_a']}"


def test_documents_keyset_pages(client, session):
    ids = [make_document(session, published_on=date(2024, 1, 1 + i % 5) if i % 4 else None).id for i in range(23)]
    session.commit()
    for sort in records.DOCUMENT_SORTS:
        seen, url = [], f"/api/v1/documents?limit=5&sort={sort}"
        while url:
            body = client.get(url).json()
            seen += [d["id"] for d in body["items"]]
            url = body["next"]
        assert sorted(seen) == sorted(ids) and len(seen) == len(ids), sort


def test_documents_csv(client, data):
    r = client.get("/api/v1/documents?format=csv")
    assert r.status_code == 200 and r.text.splitlines()[0].startswith("id,title,url")
    assert len(r.text.strip().splitlines()) == 3
    r = client.get(f"/documents/{data['doc_a']}?format=csv")
    assert r.status_code == 200 and len(r.text.strip().splitlines()) == 4


def test_document_review_filter(client, session, data):
    c1 = data["claims"][0]
    session.get(m.Claim, c1).review_status = "rejected"
    session.commit()
    soup = soup_of(client.get(f"/documents/{data['doc_a']}"))
    assert not soup.select(f'mark[data-claim-id="{c1}"]')
    soup = soup_of(client.get(f"/documents/{data['doc_a']}?review=all"))
    assert soup.select(f'mark[data-claim-id="{c1}"]')


def test_empty_states(client):
    text = soup_of(client.get("/documents")).select_one(".empty-state").text
    assert "posture ingest" in text


@pytest.mark.parametrize(
    "url",
    [
        "/documents/abc",
        "/documents/-1",
        "/documents/99999999999999999999999",
        "/documents?undated=maybe",
        "/documents?language=%3Cscript%3E",
        "/documents?sort=title",
        "/documents?q=" + "x" * 300,
        "/documents?cursor=%00%00",
        "/documents?country=..%2F..%2Fetc",
        "/documents/1?format=pdf",
    ],
)
def test_bad_input_is_400(client, data, url):
    r = client.get(url)
    assert r.status_code == 400, (url, r.text[:300])
    assert "problems" in r.text
    assert client.get("/api/v1" + url).status_code == 400


def test_unknown_document_is_styled_404(client):
    r = client.get("/documents/424242")
    assert r.status_code == 404 and "site-header" in r.text and "no document 424242" in r.text
    assert client.get("/api/v1/documents/424242").status_code == 404
