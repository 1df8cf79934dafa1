"""Taxonomy editing: add an issue with its lexicon or an actor with offices (API, form, file), then re-extract."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from app.store import models as m
from tests.web.review_helpers import csrf_from, login, make_user

GRAIN = {
    "id": "grain-corridor",
    "label": "Grain corridor",
    "description": "keeping Ukraine's Black Sea grain exports open",
    "support": "favours keeping the corridor open",
    "oppose": "accepts its closure",
    "lexicon": {"terms": ["grain corridor", "grain deal", "grain exports"]},
}
TEXT = (
    "Warsaw, 3 June 2025. The Polish prime minister said Poland fully supports the grain corridor "
    "through the Black Sea."
)
ISSUES_FILE = """\
- id: energy-imports
  label: Russian energy imports
  description: buying Russian oil and gas
  support: favours continuing imports
  oppose: wants them ended
  lexicon:
    terms: [russian gas, russian oil]
- id: bad one
  label: Broken
  description: x
  support: x
  oppose: x
"""


def _h(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_add_issue_and_reextract_finds_claims(client, db):
    h = _h(make_user(db))
    with db.sessions() as s:
        s.add(
            m.Document(
                title="Grain",
                text=TEXT,
                content_hash="grain-1",
                published_on=date(2025, 6, 3),
                extraction_status="done",
                extracted_with="rules@old",
            )
        )
        s.commit()
    r = client.post("/api/v1/taxonomy/issues", json=GRAIN, headers=h)
    assert r.status_code == 201 and r.json()["id"] == "grain-corridor"
    assert client.post("/api/v1/taxonomy/issues", json=GRAIN, headers=h).status_code == 409
    r = client.post("/api/v1/taxonomy/reextract", headers=h)
    assert r.status_code == 202 and r.json()["queued"] == 1
    with db.sessions() as s:  # the test client runs the background task before returning
        issues = set(s.scalars(select(m.Claim.issue_id)))
        assert "grain-corridor" in issues
        assert s.scalar(select(m.Issue.origin).where(m.Issue.id == "grain-corridor")) == "user"


def test_add_actor_with_office(client, db):
    h = _h(make_user(db))
    body = {
        "name": "Test Envoy",
        "country": "FR",
        "aliases": ["the envoy"],
        "offices": [{"title": "Special envoy", "role": "foreign_minister", "start_on": "2024-01-01"}],
    }
    r = client.post("/api/v1/taxonomy/actors", json=body, headers=h)
    assert r.status_code == 201 and r.json()["id"] == "test-envoy"
    with db.sessions() as s:
        actor = s.scalar(select(m.Actor).where(m.Actor.slug == "test-envoy"))
        assert actor.origin == "user" and actor.aliases == ["the envoy"]
        assert [(o.title, o.country_code) for o in actor.offices] == [("Special envoy", "FR")]
    assert client.post("/api/v1/taxonomy/actors", json=body, headers=h).status_code == 409
    bad = {**body, "name": "Other", "offices": [{"title": "x", "role": "emperor", "start_on": "2024-01-01"}]}
    r = client.post("/api/v1/taxonomy/actors", json=bad, headers=h)
    assert r.status_code == 422 and "unknown role" in r.text
    r = client.post("/api/v1/taxonomy/actors", json={**body, "name": "Third", "country": "XX"}, headers=h)
    assert r.status_code == 422 and "unknown country" in r.text


def test_taxonomy_file_is_all_or_nothing_with_line_numbers(client, db):
    h = _h(make_user(db))
    files = [("file", ("issues_mine.yaml", ISSUES_FILE.encode(), "application/yaml"))]
    r = client.post("/api/v1/taxonomy/files", files=files, headers=h)
    assert r.status_code == 422
    assert ":8" in r.text  # the line of the bad id
    with db.sessions() as s:
        assert s.get(m.Issue, "energy-imports") is None
    good = ISSUES_FILE.split("- id: bad one")[0]
    r = client.post("/api/v1/taxonomy/files", files=[("file", ("issues_mine.yaml", good.encode(), "x"))], headers=h)
    assert r.status_code == 201 and r.json()["added"] == {"issues": 1}
    r = client.post("/api/v1/taxonomy/files", files=[("file", ("countries.yaml", b"[]", "x"))], headers=h)
    assert r.status_code == 422
    r = client.post("/api/v1/taxonomy/files", files=[("file", ("issues.yaml", b"\xff\xfe", "x"))], headers=h)
    assert r.status_code == 422


def test_taxonomy_forms(client, db):
    assert client.get("/taxonomy/edit", follow_redirects=False).status_code == 303
    make_user(db)
    login(client)
    page = client.get("/taxonomy/edit")
    token = csrf_from(page.text)
    form = {
        "csrf_token": token,
        "id": "grain-corridor",
        "label": "Grain corridor",
        "terms": "grain deal\ngrain corridor",
    }
    r = client.post("/taxonomy/edit/issue", data=form)
    assert r.status_code == 200 and "Added the issue grain-corridor" in r.text and "grain-corridor" in r.text
    assert client.post("/taxonomy/edit/issue", data=form).status_code == 409
    assert (
        client.post("/taxonomy/edit/issue", data={k: v for k, v in form.items() if k != "csrf_token"}).status_code
        == 403
    )
    r = client.post(
        "/taxonomy/edit/actor",
        data={
            "csrf_token": token,
            "name": "Test Envoy",
            "country": "FR",
            "aliases": "the envoy, envoy",
            "office_title": "Special envoy",
            "office_role": "foreign_minister",
            "office_start": "2024-01-01",
        },
    )
    assert r.status_code == 200 and "Test Envoy" in r.text
    with db.sessions() as s:
        assert s.get(m.Issue, "grain-corridor").lexicon == {"terms": ["grain deal", "grain corridor"]}
    r = client.post("/taxonomy/edit/reextract", data={"csrf_token": token})
    assert r.status_code == 200 and "Re-extracting" in r.text
