"""Time the records views' queries (claims table, documents, actor and country pages) in-process, p50/p95.

    .venv/bin/python bench/records_queries.py --url sqlite:////tmp/posture-1m.db
    .venv/bin/python bench/records_queries.py --url postgresql+psycopg://postgres@127.0.0.1:5432/posture_1m

Runs each store query (what a page view executes, without HTTP and templating) --repeat times after one warm-up
and prints one table. Counts and per-issue positions are cached until the data changes (app.store.datacache);
--cold clears that cache before every run, to time the first view of a filter after a write.
Cursor cases walk the `next` links, so they measure deep keyset pages, not page 1 again.
The database is expected to hold synthetic data (bench/make_synthetic.py); nothing is written.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date

from sqlalchemy import select

from app.config import Settings
from app.pipeline import open_database
from app.store import models as m
from app.store import profiles, records
from app.store.datacache import RESULTS
from app.store.filters import ClaimFilter


def _cases(session) -> list[tuple[str, Callable[[], object]]]:
    busiest_doc = session.scalar(
        select(m.Claim.document_id).where(m.Claim.id == session.scalar(select(m.Claim.id).limit(1)))
    )
    actor_slug = session.scalar(
        select(m.Actor.slug).join(m.Claim, m.Claim.actor_id == m.Actor.id).where(m.Claim.country_code == "DE").limit(1)
    )
    year = ClaimFilter(date_from=date(2024, 1, 1), date_to=date(2024, 12, 31))
    de_sanctions = ClaimFilter(countries=("DE",), issues=("sanctions",))
    mid_month = ClaimFilter(countries=("FR",), date_from=date(2023, 3, 15), date_to=date(2024, 2, 10))
    opposed = ClaimFilter(stances=("oppose",), issues=("military-aid",))
    reviewed = ClaimFilter(review=("accepted", "edited"))

    def walk(flt: ClaimFilter, sort: str, pages: int = 5) -> Callable[[], object]:
        def run():
            cursor = None
            for _ in range(pages):
                page = records.list_claims(session, flt, sort=sort, cursor=cursor, limit=50, with_count=False)
                if page.next is None:
                    break
                cursor = page.next.encode()
            return cursor

        return run

    def claims(flt: ClaimFilter, sort: str = "-date") -> Callable[[], object]:
        return lambda: records.list_claims(session, flt, sort=sort, limit=50)

    return [
        ("claims: all, newest first (page 1 + count)", claims(ClaimFilter())),
        ("claims: all, 5 pages deep via next", walk(ClaimFilter(), "-date")),
        ("claims: DE + sanctions", claims(de_sanctions)),
        ("claims: 2024 (rollup count)", claims(year)),
        ("claims: FR, mid-month window (capped count)", claims(mid_month)),
        ("claims: oppose on military aid", claims(opposed)),
        ("claims: reviewed only", claims(reviewed)),
        ("claims: sort -confidence, 5 pages", walk(ClaimFilter(), "-confidence")),
        ("claims: sort actor, 5 pages", walk(ClaimFilter(), "actor")),
        ("claims: sort country, 5 pages", walk(ClaimFilter(), "country")),
        ("claims: sort issue, 5 pages", walk(ClaimFilter(), "issue")),
        ("claims: DE, sort date asc, 5 pages", walk(ClaimFilter(countries=("DE",)), "date")),
        (
            "documents: newest first",
            lambda: records.list_documents(session, ClaimFilter(), records.DocumentFilter()),
        ),
        (
            "documents: undated",
            lambda: records.list_documents(session, ClaimFilter(), records.DocumentFilter(undated=True)),
        ),
        (
            "documents: with DE claims on sanctions",
            lambda: records.list_documents(session, de_sanctions, records.DocumentFilter()),
        ),
        ("document detail", lambda: records.get_document(session, busiest_doc)),
        ("actor page data", lambda: profiles.get_actor_profile(session, actor_slug, ClaimFilter())),
        ("country page data: DE", lambda: profiles.get_country_profile(session, "DE", ClaimFilter())),
        ("country page data: DE, mid-month", lambda: profiles.get_country_profile(session, "DE", mid_month)),
        ("actors list (counts)", lambda: profiles.list_actors(session, ClaimFilter())),
        ("countries list (counts)", lambda: profiles.list_countries(session, ClaimFilter())),
    ]


def main(argv: Sequence[str] | None = None) -> int:
    """Parse arguments, run the cases, print the table."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--url", required=True, help="database URL")
    p.add_argument("--repeat", type=int, default=30, help="timed runs per case (default 30)")
    p.add_argument("--cold", action="store_true", help="clear the data-version result cache before every run")
    args = p.parse_args(argv)
    if not 1 <= args.repeat <= 10_000:
        p.error("--repeat must be between 1 and 10,000")
    try:
        db = open_database(Settings(database_url=args.url, _env_file=None))
        session = db.sessions()
        n = session.scalar(select(m.ClaimMonthly.n).limit(1)) is not None
        if not n:
            print("error: the database holds no claims; fill it with bench/make_synthetic.py", file=sys.stderr)
            return 1
        cases = _cases(session)
    except Exception as exc:
        print(f"error: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}", file=sys.stderr)
        return 1
    cache = "cache cleared before each run" if args.cold else "result cache warm"
    print(f"{db.engine.dialect.name}, {args.repeat} runs per case, {cache} (ms)")
    print(f"{'case':<48} {'p50':>8} {'p95':>8} {'max':>8}")
    for name, run in cases:
        run()  # warm caches and the plan
        times = []
        for _ in range(args.repeat):
            if args.cold:
                RESULTS.clear()
            t = time.perf_counter()
            run()
            times.append((time.perf_counter() - t) * 1000)
            session.expunge_all()
        times.sort()
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        print(f"{name:<48} {statistics.median(times):8.1f} {p95:8.1f} {times[-1]:8.1f}")
    session.close()
    db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
