"""Extracting stored documents: claims written, re-extraction semantics, languages, the worker queue."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from sqlalchemy import select

from app.extract import make_extractor
from app.pipeline.extract import claim_batch, extract_pending, extractor_tag
from app.store import models as m
from app.store.claims import replace_automatic_claims
from app.taxonomy import load_taxonomy
from tests.conftest import BACKEND
from tests.factories import make_document

TEXT = (
    "Olaf Scholz said on Monday that Germany would not send Taurus missiles. "
    "Polish Deputy Foreign Minister Adam Kwiatkowski said more ammunition must go to Kyiv."
)


def _claims(session, document) -> list[m.Claim]:
    return list(session.scalars(select(m.Claim).where(m.Claim.document_id == document.id).order_by(m.Claim.id)))


def test_pending_documents_get_claims(session):
    doc = make_document(session, text=TEXT, published_on=date(2024, 2, 26))
    session.commit()
    result = extract_pending(session)
    assert result.documents == 1 and result.claims == 2
    session.refresh(doc)
    assert doc.extraction_status == "done" and doc.extracted_with.startswith("rules@")
    claims = {(c.actor.name, c.country_code, c.issue_id, c.stance): c for c in _claims(session, doc)}
    scholz = claims[("Olaf Scholz", "DE", "advanced-weapons", "oppose")]
    assert scholz.stated_on == date(2024, 2, 26)  # the document's date
    assert scholz.evidence == doc.text[scholz.evidence_start : scholz.evidence_end]
    assert scholz.explanation and scholz.review_status == "automatic" and not scholz.is_duplicate
    # A person found by title only becomes an actor of origin "extracted".
    new = claims[("Adam Kwiatkowski", "PL", "military-aid", "support")]
    assert new.actor.origin == "extracted" and new.actor.type == "person"
    assert extract_pending(session).documents == 0  # nothing left to do


def test_duplicates_are_flagged_and_undated_documents_keep_no_date(session):
    original = make_document(session, text="Ursula von der Leyen said sanctions must stay in place.")
    copy = make_document(
        session,
        text="Ursula von der Leyen said on Friday sanctions must stay in place.",
        published_on=None,
        duplicate_of_id=original.id,
    )
    session.commit()
    extract_pending(session)
    (claim,) = _claims(session, copy)
    assert claim.is_duplicate and claim.stated_on is None
    assert not _claims(session, original)[0].is_duplicate


def test_non_english_documents_are_skipped(session):
    doc = make_document(session, text="Olaf Scholz a déclaré que les sanctions doivent rester.", language="fr")
    session.commit()
    result = extract_pending(session)
    session.refresh(doc)
    assert result.skipped == 1 and doc.extraction_status == "skipped" and not _claims(session, doc)


def test_new_version_replaces_automatic_claims_and_never_reviewed_ones(session):
    doc = make_document(
        session,
        text="Olaf Scholz said a ceasefire was needed. Olaf Scholz said sanctions must be extended.",
    )
    session.commit()
    extract_pending(session)
    by_issue = {c.issue_id: c for c in _claims(session, doc)}
    by_issue["ceasefire"].review_status = "rejected"
    session.commit()
    rejected_id = by_issue["ceasefire"].id
    # An older version's run: every document extracted by it needs extraction again.
    doc.extracted_with = "rules@0.1"
    session.commit()
    result = extract_pending(session)
    assert result.documents == 1 and result.replaced == 1
    claims = _claims(session, doc)
    assert [c.issue_id for c in claims if c.review_status == "automatic"] == ["sanctions"]
    # The rejected claim is untouched and was not extracted again.
    assert [(c.id, c.review_status) for c in claims if c.issue_id == "ceasefire"] == [(rejected_id, "rejected")]


def test_an_edited_claims_machine_version_does_not_come_back(session):
    from app.store import review

    doc = make_document(session, text="Olaf Scholz said sanctions must be extended.")
    session.commit()
    extract_pending(session)
    (claim,) = _claims(session, doc)
    assert (claim.issue_id, claim.stance) == ("sanctions", "support")
    review.edit_claim(session, claim.id, by=review.Reviewer(name="analyst"), stance="neutral")
    doc.extracted_with = "rules@0.1"
    session.commit()
    extract_pending(session)
    claims = _claims(session, doc)
    assert [(c.stance, c.review_status) for c in claims] == [("neutral", "edited")]


def test_other_extractors_claims_are_left_alone(session):
    doc = make_document(session, text="Olaf Scholz said sanctions must be extended.")
    session.commit()
    rules = make_extractor("rules", taxonomy=load_taxonomy())
    extracted = rules(doc.text, published_on=doc.published_on)
    replace_automatic_claims(session, document=doc, claims=extracted, extractor="llm", version="x")
    replace_automatic_claims(session, document=doc, claims=extracted, extractor="rules", version="1")
    replace_automatic_claims(session, document=doc, claims=extracted, extractor="rules", version="2")
    session.commit()
    assert sorted((c.extractor, c.extractor_version) for c in _claims(session, doc)) == [("llm", "x"), ("rules", "2")]


def test_claims_naming_unknown_countries_are_skipped(session):
    from app.extract import ExtractedClaim

    doc = make_document(session, text="Someone said something.")
    bogus = ExtractedClaim("Nobody", "person", "XX", "sanctions", "support", "Someone", 0, 7, 0.5)
    result = replace_automatic_claims(session, document=doc, claims=[bogus], extractor="rules", version="1")
    assert result.skipped == 1 and result.written == 0


def test_limit_and_tag(session):
    for n in range(3):
        make_document(session, text=f"Olaf Scholz said sanctions must stay, part {n}.")
    session.commit()
    assert extract_pending(session, limit=2).documents == 2
    assert extract_pending(session).documents == 1
    assert extractor_tag(make_extractor("rules", taxonomy=load_taxonomy())).startswith("rules@")


@pytest.mark.postgres_only
def test_workers_never_take_the_same_documents(db):
    """Two sessions claim batches at the same time: SKIP LOCKED hands them disjoint documents."""
    with db.sessions() as setup:
        for n in range(6):
            make_document(setup, text=f"Olaf Scholz said sanctions must stay, number {n}.")
        setup.commit()
    tag = "rules@test"
    first, second = db.sessions(), db.sessions()
    try:
        a = {d.id for d in claim_batch(first, tag=tag, size=4)}  # holds its row locks until commit
        got: dict[str, set[int]] = {}
        worker = threading.Thread(
            target=lambda: got.setdefault("b", {d.id for d in claim_batch(second, tag=tag, size=4)})
        )
        worker.start()
        worker.join(timeout=10)
        assert not worker.is_alive(), "the second worker waited on locked rows instead of skipping them"
        assert len(a) == 4 and len(got["b"]) == 2 and not (a & got["b"])
    finally:
        first.rollback()
        second.rollback()
        first.close()
        second.close()


def test_backend_is_known():
    assert BACKEND in ("sqlite", "postgresql")


def test_a_lexicon_edit_is_a_new_version(session):
    doc = make_document(session, text="Olaf Scholz said sanctions must be extended.")
    session.commit()
    extract_pending(session)
    first = doc.extracted_with
    issue = session.get(m.Issue, "sanctions")
    issue.lexicon = {**issue.lexicon, "terms": [*issue.lexicon["terms"], "punitive measures"]}
    session.commit()
    result = extract_pending(session)
    session.refresh(doc)
    assert result.documents == 1 and doc.extracted_with != first and doc.extracted_with.startswith("rules@1.0+")
