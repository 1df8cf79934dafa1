"""The review workflow: queue order and filters, accept / reject / edit / add, the audit trail, pages and API."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from app.store import models as m
from app.store import review
from app.store.review import Reviewer, ReviewError
from tests.web.review_helpers import DOC_TEXT, csrf_from, login, make_claims, make_user

ME = Reviewer(name="tester")


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_queue_lowest_confidence_first_and_filters(db, session):
    ids = make_claims(db)
    claims, total = review.review_queue(session)
    assert total == 3
    assert [c.id for c in claims] == [ids["fr"], ids["hu"], ids["de"]]
    claims, total = review.review_queue(session, issue="sanctions", country="HU")
    assert [c.id for c in claims] == [ids["hu"]] and total == 1
    claims, total = review.review_queue(session, document_id=ids["document"] + 1)
    assert claims == [] and total == 0
    review.accept_claim(session, ids["fr"], by=ME)
    assert [c.id for c in review.review_queue(session)[0]] == [ids["hu"], ids["de"]]


def test_each_change_writes_the_audit_trail(db, session):
    ids = make_claims(db)
    review.accept_claim(session, ids["de"], by=ME)
    review.reject_claim(session, ids["hu"], by=ME)
    claim = review.edit_claim(session, ids["fr"], by=ME, stance="neutral", stated_on=date(2024, 3, 4))
    assert claim.review_status == "edited" and claim.stance == "neutral"
    start = DOC_TEXT.index("The chancellor said")
    end = start + len("The chancellor said")
    new = review.add_claim(
        session,
        by=ME,
        document_id=ids["document"],
        start=start - 1,
        end=end,
        actor="olaf-scholz",
        issue="sanctions",
        stance="support",
    )
    assert new.evidence == "The chancellor said" and new.evidence_start == start  # leading space trimmed
    assert new.review_status == "accepted" and new.extractor == "manual"
    assert new.country_code == "DE" and new.stated_on == date(2024, 3, 3)
    session.commit()
    trail = {cid: review.claim_history(session, cid) for cid in (ids["de"], ids["hu"], ids["fr"], new.id)}
    assert [r.action for r in trail[ids["de"]]] == ["accept"]
    assert trail[ids["de"]][0].before["review_status"] == "automatic"
    assert trail[ids["de"]][0].after["review_status"] == "accepted"
    assert trail[ids["hu"]][0].after["review_status"] == "rejected"
    edit = trail[ids["fr"]][0]
    assert (edit.action, edit.before["stance"], edit.after["stance"]) == ("edit", "support", "neutral")
    assert (edit.before["stated_on"], edit.after["stated_on"]) == ("2024-03-03", "2024-03-04")
    assert edit.changed_by == "tester" and edit.changed_at is not None
    create = trail[new.id][0]
    assert create.action == "create" and create.before is None and create.after["actor"] == "olaf-scholz"


def test_edit_actor_moves_country_and_evidence_span(db, session):
    ids = make_claims(db)
    text_start = DOC_TEXT.index("In Paris")
    claim = review.edit_claim(
        session, ids["fr"], by=ME, actor="germany", evidence_start=text_start, evidence_end=text_start + 8
    )
    assert claim.country_code == "DE" and claim.evidence == "In Paris"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"actor": "no-such-person"}, "actor"),
        ({"issue": "no-such-issue"}, "issue"),
        ({"stance": "maybe"}, "stance"),
        ({"evidence_start": 5, "evidence_end": 5}, "evidence_start"),
        ({"evidence_start": 0, "evidence_end": 10_000}, "evidence_start"),
        ({"stance": "support"}, "claim"),  # no change at all
    ],
)
def test_bad_edits_say_which_field(db, session, changes, field):
    ids = make_claims(db)
    with pytest.raises(ReviewError) as err:
        review.edit_claim(session, ids["fr"], by=ME, **changes)
    assert err.value.field == field


def test_api_review_round(client, db):
    ids = make_claims(db)
    token = make_user(db, "ed", "editor")
    h = _bearer(token)
    r = client.get("/api/v1/review/queue", headers=h)
    assert r.status_code == 200
    assert [c["id"] for c in r.json()["items"]] == [ids["fr"], ids["hu"], ids["de"]]
    r = client.post(f"/api/v1/claims/{ids['de']}/accept", headers=h)
    assert r.status_code == 200 and r.json()["review_status"] == "accepted"
    r = client.post(f"/api/v1/claims/{ids['hu']}/reject", headers=h)
    assert r.json()["review_status"] == "rejected"
    r = client.patch(f"/api/v1/claims/{ids['fr']}", json={"stance": "oppose", "issue": "sanctions"}, headers=h)
    assert r.status_code == 200 and r.json()["stance"] == "oppose" and r.json()["review_status"] == "edited"
    start = DOC_TEXT.index("Hungary's prime minister")
    r = client.post(
        f"/api/v1/documents/{ids['document']}/claims",
        json={"start": start, "end": start + 24, "actor": "hungary", "issue": "sanctions", "stance": "oppose"},
        headers=h,
    )
    assert r.status_code == 201, r.text
    new_id = r.json()["id"]
    r = client.get(f"/api/v1/claims/{ids['fr']}/history")
    assert r.status_code == 200
    revs = r.json()["revisions"]
    assert [x["action"] for x in revs] == ["edit"] and revs[0]["changed_by"] == "ed"
    assert revs[0]["before"]["stance"] == "support" and revs[0]["after"]["stance"] == "oppose"
    assert client.get(f"/api/v1/claims/{new_id}/history").json()["revisions"][0]["action"] == "create"
    assert client.get("/api/v1/review/queue", headers=h).json()["total"] == 0


def test_api_review_errors_are_4xx(client, db):
    ids = make_claims(db)
    h = _bearer(make_user(db, "ed", "editor"))
    assert client.post("/api/v1/claims/999999/accept", headers=h).status_code == 404
    assert client.get("/api/v1/claims/999999/history").status_code == 404
    r = client.patch(f"/api/v1/claims/{ids['fr']}", json={"actor": "nobody-known"}, headers=h)
    assert r.status_code == 422 and r.json()["detail"][0]["param"] == "actor"
    r = client.patch(f"/api/v1/claims/{ids['fr']}", json={"colour": "red"}, headers=h)
    assert r.status_code == 422
    r = client.post(
        f"/api/v1/documents/{ids['document']}/claims",
        json={"start": 10, "end": 5, "actor": "hungary", "issue": "sanctions", "stance": "oppose"},
        headers=h,
    )
    assert r.status_code == 422


def test_reviewed_claims_only_filter(db, session):
    from app.store.filters import ClaimFilter, combine

    ids = make_claims(db)
    review.accept_claim(session, ids["de"], by=ME)
    review.reject_claim(session, ids["hu"], by=ME)
    f = ClaimFilter.from_query({"review": "reviewed"})
    got = session.scalars(select(m.Claim.id).where(combine(f.claim_conditions(session)))).all()
    assert got == [ids["de"]]
    default = session.scalars(select(m.Claim.id).where(combine(ClaimFilter().claim_conditions(session)))).all()
    assert sorted(default) == sorted([ids["de"], ids["fr"]])  # rejected hidden by default


# -- pages ---------------------------------------------------------------------------------------------------


def test_review_page_needs_an_editor(client, db):
    make_claims(db)
    r = client.get("/review", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/login")
    make_user(db, "vic", "viewer")
    login(client, "vic")
    assert client.get("/review").status_code == 403


def test_review_page_forms_accept_reject_edit_add(client, db):
    ids = make_claims(db)
    make_user(db, "ed", "editor")
    login(client)
    page = client.get("/review")
    assert page.status_code == 200
    assert page.text.index(f'data-claim-id="{ids["fr"]}"') < page.text.index(f'data-claim-id="{ids["de"]}"')
    token = csrf_from(page.text)
    r = client.post(
        f"/review/{ids['de']}/accept", data={"csrf_token": token, "next": "/review"}, follow_redirects=False
    )
    assert r.status_code == 303 and r.headers["location"] == "/review"
    assert client.post(f"/review/{ids['hu']}/reject", data={"csrf_token": token}).status_code == 200
    r = client.post(
        f"/review/{ids['fr']}/edit",
        data={
            "csrf_token": token,
            "actor": "france",
            "issue": "troops-in-ukraine",
            "stance": "neutral",
            "stated_on": "2024-03-05",
        },
    )
    assert r.status_code == 200
    start = DOC_TEXT.index("In Paris")
    r = client.post(
        f"/documents/{ids['document']}/claims/new",
        data={
            "csrf_token": token,
            "start": str(start),
            "end": str(start + 8),
            "actor": "france",
            "issue": "negotiations",
            "stance": "support",
        },
        follow_redirects=False,
    )
    assert r.status_code == 303 and r.headers["location"].endswith("/history")
    history = client.get(r.headers["location"])
    assert "create" in history.text and "In Paris" in history.text
    fr = client.get(f"/claims/{ids['fr']}/history")
    assert 'data-action="edit"' in fr.text and "neutral" in fr.text and "2024-03-05" in fr.text
    assert "Nothing to review" in client.get("/review").text


def test_review_form_without_csrf_is_refused(client, db):
    ids = make_claims(db)
    make_user(db, "ed", "editor")
    login(client)
    assert client.post(f"/review/{ids['de']}/accept", data={}).status_code == 403
    assert client.post(f"/review/{ids['de']}/accept", data={"csrf_token": "x" * 43}).status_code == 403
    with db.sessions() as s:
        assert s.get(m.Claim, ids["de"]).review_status == "automatic"


def test_review_filters_and_document_page(client, db):
    ids = make_claims(db)
    make_user(db, "ed", "editor")
    login(client)
    page = client.get("/review?issue=sanctions&country=HU")
    assert f'data-claim-id="{ids["hu"]}"' in page.text and f'data-claim-id="{ids["de"]}"' not in page.text
    assert client.get("/review?country=hu").status_code == 400
    assert client.get("/review?document=-1").status_code == 400
    doc = client.get(f"/review/documents/{ids['document']}")
    assert "data-document-text" in doc.text and "data-add-claim" in doc.text
    assert client.get("/review/documents/99999").status_code == 404
    assert client.get("/claims/99999/history").status_code == 404


def test_reextraction_never_overwrites_reviewed_claims(db, session):
    from app.pipeline.extract import extract_pending
    from tests.web.test_ingest_web import ARTICLE

    doc = m.Document(title="Support package", text=ARTICLE, content_hash="reextract-1", published_on=date(2025, 5, 12))
    session.add(doc)
    session.commit()
    extract_pending(session, extractor_name="rules")
    claims = {c.actor.slug: c for c in session.scalars(select(m.Claim).where(m.Claim.document_id == doc.id))}
    assert {c.review_status for c in claims.values()} == {"automatic"} and len(claims) >= 2
    merz = next(c for slug, c in claims.items() if "merz" in slug)
    tusk = next(c for slug, c in claims.items() if "tusk" in slug)
    review.edit_claim(session, merz.id, by=ME, stated_on=date(2025, 5, 11))
    review.reject_claim(session, tusk.id, by=ME)
    session.commit()
    kept = {c.id: review.snapshot(c) for c in (merz, tusk)}

    doc.extraction_status, doc.extracted_with = "pending", None  # as after a taxonomy change
    session.commit()
    result = extract_pending(session, extractor_name="rules")
    assert result.documents == 1
    session.expire_all()
    after = list(session.scalars(select(m.Claim).where(m.Claim.document_id == doc.id)))
    for claim_id, snap in kept.items():
        assert review.snapshot(session.get(m.Claim, claim_id)) == snap  # untouched
    # The rejected claim does not come back as an automatic one, nor does the edited one twice.
    key = {(c.actor_id, c.issue_id, c.stance) for c in after if c.review_status == "automatic"}
    assert (tusk.actor_id, tusk.issue_id, tusk.stance) not in key
    assert (merz.actor_id, merz.issue_id, merz.stance) not in key
    assert [r.action for r in review.claim_history(session, merz.id)] == ["edit"]
