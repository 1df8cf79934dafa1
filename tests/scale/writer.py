"""A writer process for the crash test: commits claims one transaction at a time and prints each id once committed.

    python -m tests.scale.writer DATABASE_URL

A line "accepted <id>" is printed (and flushed) only after the commit returned: what the caller may count as
accepted. Runs until killed.
"""

from __future__ import annotations

import sys
from datetime import date

from sqlalchemy import select

from app.config import Settings
from app.pipeline import open_database
from app.store import models as m
from app.store.engine import session_scope


def main(url: str) -> None:
    """Write claims forever, announcing each committed one."""
    db = open_database(Settings(database_url=url, _env_file=None))
    with session_scope(db.sessions) as session:
        actor = session.scalars(select(m.Actor).where(m.Actor.country_code == "FR").order_by(m.Actor.id)).first()
        doc = m.Document(text="A crash-test document written by the writer process.", content_hash="crash-test")
        session.add(doc)
        session.flush()
        doc_id, actor_id = doc.id, actor.id
    print("ready", flush=True)
    k = 0
    while True:
        k += 1
        with session_scope(db.sessions) as session:
            claim = m.Claim(
                document_id=doc_id,
                actor_id=actor_id,
                country_code="FR",
                issue_id="sanctions",
                stance=("support", "oppose", "neutral")[k % 3],
                stated_on=date(2024, 1 + k % 12, 1 + k % 28),
                evidence=f"Crash-test claim number {k}.",
                extractor="manual",
                extractor_version="1",
            )
            session.add(claim)
            session.flush()
            claim_id = claim.id
        print(f"accepted {claim_id}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
