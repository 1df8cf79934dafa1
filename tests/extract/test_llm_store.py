"""The LLM extractor's claims through the real pipeline: a demo article ingested, extracted, claims stored."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from app.extract import make_extractor
from app.pipeline.extract import ExtractionResult, extract_document
from app.pipeline.ingest import ingest_sources
from app.store.models import Actor, Claim, Document
from app.store.taxonomy_rows import load_taxonomy_from_db
from tests.extract.llm_fake import Step, completion, serve_fake_llm

ARTICLE = Path(__file__).resolve().parents[2] / "app" / "demo" / "corpus" / "031-scholz-taurus.md"


def _sentence(text: str, start: str) -> str:
    begin = text.index(start)
    return text[begin : text.index(".", begin) + 1]


def test_llm_claims_are_stored_with_actors_offsets_and_the_model_version(db, settings, session):
    report = ingest_sources(db, [ARTICLE], settings=settings, extract=False)
    assert report.counts["new"] == 1
    document = session.scalars(select(Document)).one()
    text = document.text
    answer = [
        {"actor": "Chancellor Scholz", "actor_type": "person", "country": "DE", "issue": "advanced-weapons",
         "stance": "oppose", "evidence": _sentence(text, "The Bundestag on Thursday"), "confidence": 0.9, "date": None},
        {"actor": "Friedrich Merz", "actor_type": "person", "country": "DE", "issue": "advanced-weapons",
         "stance": "support", "evidence": _sentence(text, "Opposition leader Friedrich Merz"), "confidence": None,
         "date": None},
        {"actor": "Marie-Agnes Strack-Zimmermann", "actor_type": "person", "country": "DE",
         "issue": "advanced-weapons", "stance": "support", "evidence": _sentence(text, "Several members of Scholz"),
         "confidence": 0.7, "date": None},
        {"actor": "David Cameron", "actor_type": "person", "country": "GB", "issue": "advanced-weapons",
         "stance": "support", "evidence": "Cameron promised Storm Shadow missiles.", "confidence": 0.9, "date": None},
    ]  # fmt: skip

    with serve_fake_llm() as fake:
        fake.default = Step(completion(answer))
        extractor = make_extractor(
            "llm", taxonomy=load_taxonomy_from_db(session), base_url=fake.url, model="fake-model", backoff=0.01
        )
        result = ExtractionResult()
        extract_document(session, document, extractor, result)
        session.commit()
        extractor.close()

    assert result.failed == 0 and result.claims == 3
    assert extractor.dropped_hallucinated == 1
    assert document.extracted_with == "llm@1:fake-model"
    stored = {
        (actor.name, actor.origin, claim.stance): claim
        for claim, actor in session.execute(select(Claim, Actor).join(Actor, Actor.id == Claim.actor_id))
    }
    assert set(stored) == {
        ("Olaf Scholz", "reference", "oppose"),
        ("Friedrich Merz", "reference", "support"),
        ("Marie-Agnes Strack-Zimmermann", "extracted", "support"),
    }
    for claim in stored.values():
        assert claim.extractor == "llm" and claim.extractor_version == "1:fake-model"
        assert claim.issue_id == "advanced-weapons" and claim.country_code == "DE"
        assert text[claim.evidence_start : claim.evidence_end] == claim.evidence
        assert claim.stated_on == document.published_on


def test_a_failing_endpoint_marks_the_document_failed_and_keeps_going(db, settings, session):
    ingest_sources(db, [ARTICLE], settings=settings, extract=False)
    document = session.scalars(select(Document)).one()
    with serve_fake_llm() as fake:
        fake.default = Step({"error": {"message": "model not loaded"}}, status=503)
        extractor = make_extractor(
            "llm", taxonomy=load_taxonomy_from_db(session), base_url=fake.url, max_retries=1, backoff=0.01
        )
        result = ExtractionResult()
        extract_document(session, document, extractor, result)
        extractor.close()
    assert result.failed == 1 and document.extraction_status == "failed"
    assert "HTTP 503" in result.errors[0] and "model not loaded" in result.errors[0]


def test_stored_documents_go_to_the_llm_concurrently_and_fail_one_by_one(session, monkeypatch):
    from app.config import get_settings
    from app.pipeline.extract import extract_pending
    from tests.factories import make_document

    texts = [f"Polish Prime Minister Donald Tusk said Poland would keep arming Ukraine (note {i})." for i in range(6)]
    documents = [make_document(session, text=text) for text in texts]
    session.commit()

    def answer(request: dict) -> Step:
        text = request["messages"][1]["content"]
        if "(note 3)" in text:
            return Step({"error": {"message": "bad request"}}, status=400)
        evidence = next(t for t in texts if t in text)
        item = {"actor": "Donald Tusk", "actor_type": "person", "country": "PL", "issue": "military-aid",
                "stance": "support", "evidence": evidence, "confidence": 0.8, "date": None}  # fmt: skip
        return Step(completion([item]), delay=0.3)

    with serve_fake_llm() as fake:
        fake.responder = answer
        monkeypatch.setenv("POSTURE_LLM_BASE_URL", fake.url)
        monkeypatch.setenv("POSTURE_LLM_MODEL", "fake-model")
        monkeypatch.setenv("POSTURE_LLM_CONCURRENCY", "3")
        monkeypatch.setenv("POSTURE_LLM_MAX_RETRIES", "0")
        get_settings.cache_clear()
        try:
            result = extract_pending(session, extractor_name="llm", batch_size=10)
        finally:
            get_settings.cache_clear()

    assert fake.max_in_flight == 3  # the batch went out at once, within the concurrency limit
    assert (result.documents, result.failed, result.claims) == (5, 1, 5)
    assert "bad request" in result.errors[0] and f"document {documents[3].id}" in result.errors[0]
    statuses = {d.id: d.extraction_status for d in session.scalars(select(Document))}
    assert [statuses[d.id] for d in documents] == ["done", "done", "done", "failed", "done", "done"]
