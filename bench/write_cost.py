"""Time single-claim writes through the ORM, each its own transaction, with every trigger the schema has.

    .venv/bin/python bench/write_cost.py --url sqlite:////tmp/posture-1m-copy.db [--claims 2000] [--changes 200]

Inserts --claims claims one commit at a time, then changes the review status of the first --changes of them (an
UPDATE the rollup triggers watch) and deletes those, and prints the mean ms of each kind of write: what an
extraction run or a reviewer pays per claim on a big database. Run it on a copy: the other new claims stay.
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import date

from sqlalchemy import select

from app.config import Settings
from app.pipeline import open_database
from app.store import models as m


def main() -> int:
    """Insert, update and delete claims one transaction each; print the mean ms per write."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--url", required=True)
    p.add_argument("--claims", type=int, default=2000)
    p.add_argument("--changes", type=int, default=200)
    args = p.parse_args()
    db = open_database(Settings(database_url=args.url, _env_file=None))
    rng = random.Random(1)
    with db.sessions() as session:
        document_id = session.scalar(select(m.Document.id).limit(1))
        actors = session.execute(select(m.Actor.id, m.Actor.country_code).limit(200)).all()
        issues = list(session.scalars(select(m.Issue.id)))
    ids: list[int] = []
    timings: dict[str, tuple[int, float]] = {}
    t = time.perf_counter()
    for _ in range(args.claims):
        actor_id, country = rng.choice(actors)
        with db.sessions() as session, session.begin():
            claim = m.Claim(
                document_id=document_id,
                actor_id=actor_id,
                country_code=country,
                issue_id=rng.choice(issues),
                stance=rng.choice(m.STANCES),
                stated_on=date(rng.randint(2022, 2025), rng.randint(1, 12), rng.randint(1, 28)),
                evidence="write cost",
                extractor="bench",
                extractor_version="1",
            )
            session.add(claim)
            session.flush()
            ids.append(claim.id)
    timings["insert"] = (len(ids), time.perf_counter() - t)
    changed = ids[: args.changes]
    t = time.perf_counter()
    for claim_id in changed:
        with db.sessions() as session, session.begin():
            session.get(m.Claim, claim_id).review_status = "accepted"
    timings["update review"] = (len(changed), time.perf_counter() - t)
    t = time.perf_counter()
    for claim_id in changed:
        with db.sessions() as session, session.begin():
            session.delete(session.get(m.Claim, claim_id))
    timings["delete"] = (len(changed), time.perf_counter() - t)
    db.dispose()
    for what, (n, seconds) in timings.items():
        print(f"{what:<14} {n:>6} claims  {seconds * 1000 / max(n, 1):7.2f} ms each")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
