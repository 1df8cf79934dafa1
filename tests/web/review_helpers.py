"""Helpers for the auth, review and export tests: users, logins, a small document with claims."""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import select

from app.store import models as m
from app.store.users import create_token, create_user

PASSWORD = "correct horse battery"
DOC_TEXT = (
    "Berlin, 3 March 2024. The chancellor said on Tuesday that Germany would keep its sanctions in place. "
    "In Paris, the French president told reporters that sending troops could not be ruled out. "
    "Hungary's prime minister again argued against any new sanctions package."
)


def make_user(db, name: str = "ed", role: str = "editor") -> str:
    """Add a user in its own transaction; return an API token for it."""
    with db.sessions() as s:
        create_user(s, username=name, password=PASSWORD, role=role)
        token = create_token(s, username=name, name="test")
        s.commit()
    return token


def csrf_from(html: str) -> str:
    """Return the CSRF token of the first form in a page."""
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "no CSRF field in the page"
    return found.group(1)


def login(client, name: str = "ed", password: str = PASSWORD):
    """Log in through the form, as a browser would; return the response."""
    token = csrf_from(client.get("/login").text)
    return client.post(
        "/login",
        data={"username": name, "password": password, "csrf_token": token, "next": "/"},
        follow_redirects=False,
    )


def actor_id(session, slug: str) -> int:
    """Return the id of a reference actor."""
    return session.scalar(select(m.Actor.id).where(m.Actor.slug == slug))


def make_claims(db) -> dict[str, int]:
    """Add one document with three automatic claims of varying confidence; return their ids."""
    with db.sessions() as s:
        doc = m.Document(title="Test report", text=DOC_TEXT, content_hash="test-doc-1", published_on=date(2024, 3, 3))
        s.add(doc)
        s.flush()
        ids: dict[str, int] = {"document": doc.id}
        specs = [
            ("de", "germany", "DE", "sanctions", "support", "Germany would keep its sanctions in place", 0.9),
            ("fr", "france", "FR", "troops-in-ukraine", "support", "sending troops could not be ruled out", 0.4),
            ("hu", "hungary", "HU", "sanctions", "oppose", "argued against any new sanctions package", 0.6),
        ]
        for key, slug, country, issue, stance, evidence, confidence in specs:
            start = DOC_TEXT.index(evidence)
            claim = m.Claim(
                document_id=doc.id,
                actor_id=actor_id(s, slug),
                country_code=country,
                issue_id=issue,
                stance=stance,
                stated_on=date(2024, 3, 3),
                evidence=evidence,
                evidence_start=start,
                evidence_end=start + len(evidence),
                extractor="rules",
                extractor_version="test",
                confidence=confidence,
            )
            s.add(claim)
            s.flush()
            ids[key] = claim.id
        s.commit()
    return ids
