"""The demo corpus through the real pipeline: ingestion, near-duplicate detection and the default extractor."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from app.pipeline.ingest import ingest_sources
from app.store.models import Claim, Document

CORPUS = Path(__file__).resolve().parents[2] / "app" / "demo" / "corpus"


def test_the_corpus_ingests_dedups_and_extracts_across_issues_countries_and_years(db, settings, session):
    articles = sorted(CORPUS.glob("[0-9][0-9][0-9]-*.md"))
    report = ingest_sources(db, articles, settings=settings)

    assert report.ok, [f.message for f in report.failures]
    assert report.counts["new"] == len(articles) - 2
    assert report.counts["near-duplicate"] == 2
    assert report.extraction and report.extraction.startswith("extracted with rules")

    documents = list(session.scalars(select(Document)))
    assert len(documents) == len(articles)
    by_title = {d.title: d for d in documents}
    original = by_title["EU opens membership talks with Ukraine as Orban leaves the room"]
    copies = [d for d in documents if d.duplicate_of_id is not None]
    assert {d.duplicate_of_id for d in copies} == {original.id}
    undated = by_title["Baltic states lead NATO on defence spending as they plan for five percent and more"]
    assert undated.published_on is None
    assert by_title["Finland becomes NATO's 31st member"].published_on.isoformat() == "2023-04-04"

    claims = list(session.scalars(select(Claim)))
    assert len({c.document_id for c in claims}) >= 40
    assert len({c.issue_id for c in claims}) >= 12
    assert len({c.country_code for c in claims}) >= 15
    assert {c.stated_on.year for c in claims if c.stated_on} == {2022, 2023, 2024, 2025}
    for c in claims:
        document = session.get(Document, c.document_id)
        assert document.text[c.evidence_start : c.evidence_end] == c.evidence
