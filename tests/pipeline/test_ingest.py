"""Ingestion end to end on the test database: seeds, duplicates, near-duplicates, URLs, feeds, dates."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import func, select

from app.ingest import Feed, Upload
from app.pipeline.ingest import ingest_sources
from app.store.documents import list_undated, mark_duplicate_claims, set_date
from app.store.models import Actor, Claim, Document, DocumentBand, Issue
from tests.ingest.factories import make_article
from tests.ingest.server import LocalServer

FURNITURE = (
    "Home »",
    "You may also like",
    "Leave a Comment",
    "Akismet",
    "Adblock",
    "AdBlocker",
    "Comments are closed",
    "Source link :",
    "Publish date :",
    "`html",
)


def _documents(session) -> list[Document]:
    return list(session.scalars(select(Document).order_by(Document.id)))


def test_seeds_become_five_clean_documents_with_their_dates(db, session, settings, shared_dir):
    report = ingest_sources(db, [shared_dir / "seeds"], settings=settings, extract=False)
    assert report.counts["new"] == 5 and report.ok
    docs = {d.origin.rsplit("/", 1)[-1][:3]: d for d in _documents(session)}
    assert sorted(docs) == ["000", "001", "002", "003", "004"]
    assert (docs["000"].published_on, docs["000"].date_source) == (date(2024, 3, 19), "explicit")
    assert (docs["001"].published_on, docs["001"].date_source) == (date(2025, 3, 15), "explicit")
    assert docs["001"].source_name == "europ.info"
    for key in ("002", "003", "004"):  # these carry no date marker and no dateline
        assert (docs[key].published_on, docs[key].date_source) == (None, "unknown")
    for doc in docs.values():
        assert doc.language == "en" and doc.extraction_status == "pending" and doc.duplicate_of_id is None
        assert not any(f in doc.text for f in FURNITURE), doc.origin
    assert docs["003"].title == "Macron Hosts Leaders to Discuss Peace with Russia"
    assert "Paris – President Emmanuel Macron of France is hosting" in docs["003"].text
    assert [d.id for d in list_undated(session)] == [docs[k].id for k in ("002", "003", "004")]

    again = ingest_sources(db, [shared_dir / "seeds"], settings=settings, extract=False)
    assert again.counts["duplicate"] == 5 and again.counts["new"] == 0
    assert session.scalar(select(func.count(Document.id))) == 5


def test_near_duplicates_are_stored_with_duplicate_of_and_their_claims_flagged(db, session, settings, tmp_path):
    original = make_article(21)
    (tmp_path / "a_original.txt").write_text(original)
    (tmp_path / "b_syndicated.txt").write_text("Home » World » Wire copy\n\n" + original + "\nYou may also like\n")
    respun = original.replace("said", "stated").replace("warned", "cautioned") + "\nAn editor's note ends it."
    (tmp_path / "c_respun.txt").write_text(respun)
    (tmp_path / "d_other.txt").write_text(make_article(22))
    report = ingest_sources(db, [tmp_path], settings=settings, extract=False)
    statuses = [o.status for o in report.outcomes]
    assert statuses == ["new", "duplicate", "near-duplicate", "new"]  # b differs only by furniture: exact copy
    first, copy, other = _documents(session)
    assert copy.duplicate_of_id == first.id and other.duplicate_of_id is None
    assert session.scalar(select(func.count()).select_from(DocumentBand).where(DocumentBand.document_id == copy.id))

    actor = session.scalars(select(Actor).limit(1)).one()
    issue = session.scalars(select(Issue).limit(1)).one()
    for doc in (first, copy):
        session.add(
            Claim(
                document_id=doc.id,
                actor_id=actor.id,
                country_code=actor.country_code,
                issue_id=issue.id,
                stance="support",
                evidence="x",
                extractor="manual",
                extractor_version="1",
            )
        )
    session.flush()
    assert mark_duplicate_claims(session) == 1
    flags = {d: f for d, f in session.execute(select(Claim.document_id, Claim.is_duplicate))}
    assert flags == {first.id: False, copy.id: True}


def test_uploads_and_jsonl(db, session, settings):
    rows = "\n".join(
        json.dumps(
            {
                "doc_id": f"u{i}",
                "url": f"https://www.example.com/{i}",
                "date": f"2024-0{i}-01",
                "title": "",
                "text": make_article(40 + i),
            }
        )
        for i in range(1, 4)
    )
    report = ingest_sources(
        db,
        [Upload("batch.jsonl", rows.encode()), Upload("note.txt", make_article(50).encode()), Upload("x.bin", b"\0")],
        settings=settings,
        extract=False,
    )
    assert [o.status for o in report.outcomes] == ["new", "new", "new", "new", "failed"]
    assert [o.source for o in report.outcomes][:3] == ["batch.jsonl:1", "batch.jsonl:2", "batch.jsonl:3"]
    jsonl = session.scalars(select(Document).where(Document.url == "https://www.example.com/2")).one()
    assert (jsonl.published_on, jsonl.date_source, jsonl.source_name) == (date(2024, 2, 1), "explicit", "example.com")


def test_urls_and_feeds_from_a_real_server(db, session, settings):
    page = "<html><head><title>Undated story</title></head><body><article><p>{}</p></article></body></html>"
    with LocalServer() as server:
        a = server.add("/a", page.format(make_article(61)))
        b = server.add("/b", page.format(make_article(62)))
        server.add("/broken", "oops", status=500, content_type="text/plain")
        rss = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
        <item><title>A</title><link>{a}</link><pubDate>Wed, 20 Mar 2024 08:00:00 GMT</pubDate></item>
        <item><title>B</title><link>{b}</link></item>
        <item><title>Broken</title><link>{server.url("/broken")}</link></item>
        </channel></rss>"""
        feed = server.add("/feed.xml", rss, content_type="application/rss+xml")
        report = ingest_sources(db, [Feed(feed)], settings=settings, extract=False)
        assert [(o.source, o.status, o.reason) for o in report.outcomes] == [
            (a, "new", None),
            (b, "new", None),
            (server.url("/broken"), "failed", "HTTP status"),
        ]
        by_url = {d.url: d for d in _documents(session)}
        assert (by_url[a].published_on, by_url[a].date_source) == (date(2024, 3, 20), "explicit")  # the feed's date
        assert by_url[b].published_on is None and by_url[a].source_name == "127.0.0.1"
        hits = server.hits[f"/{a.rsplit('/', 1)[-1]}"]
        again = ingest_sources(db, [Feed(feed), a], settings=settings, extract=False)
        assert [o.status for o in again.outcomes] == ["duplicate", "duplicate", "failed", "duplicate"]
        assert server.hits["/a"] == hits + 1  # feed entries already stored are not fetched again; the bare URL is


def test_set_date_by_hand(db, session, settings, tmp_path):
    (tmp_path / "u.txt").write_text(make_article(70))
    ingest_sources(db, [tmp_path], settings=settings, extract=False)
    (doc,) = _documents(session)
    assert doc.published_on is None
    set_date(session, document_id=doc.id, published_on=date(2022, 3, 29))
    session.commit()
    session.refresh(doc)
    assert (doc.published_on, doc.date_source) == (date(2022, 3, 29), "user")
    assert list_undated(session) == []


def test_new_documents_are_handed_to_the_extractor(db, session, settings, shared_dir, tmp_path):
    seeds = sorted((shared_dir / "seeds").glob("*.txt"))
    (tmp_path / "copy.txt").write_text(
        "Republished with the permission of the original outlet.\n\n" + seeds[2].read_text()
    )
    report = ingest_sources(db, [*seeds, tmp_path / "copy.txt"], settings=settings, extract=True)
    assert report.extraction and report.extraction.startswith("extracted with rules"), report.extraction
    statuses = {d.extraction_status for d in _documents(session)}
    assert statuses == {"done"}
    copy = session.scalars(select(Document).where(Document.duplicate_of_id.is_not(None))).one()
    flags = {is_dup for (is_dup,) in session.execute(select(Claim.is_duplicate).where(Claim.document_id == copy.id))}
    assert flags == {True}
    assert session.scalar(select(func.count(Claim.id)).where(Claim.is_duplicate.is_(False))) > 0


def test_a_rerun_skips_the_costly_steps_for_stored_texts(db, settings, tmp_path, monkeypatch):
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(make_article(80 + i))
    assert ingest_sources(db, [tmp_path], settings=settings, extract=False).counts["new"] == 3

    def must_not_run(text):
        raise AssertionError("language detection ran for a stored text")

    monkeypatch.setattr("app.ingest.readers.detect_language", must_not_run)
    again = ingest_sources(db, [tmp_path], settings=settings, extract=False)
    assert again.counts["duplicate"] == 3 and again.ok
