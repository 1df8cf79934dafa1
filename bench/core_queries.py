"""Time the dashboard core's store queries cold (bypassing the data-version cache) on a big database.

    .venv/bin/python bench/core_queries.py --url sqlite:////tmp/posture-1m.db --runs 7

Prints the median and p95 in ms of each query function behind /, /matrix, /timeline and /issues/{id}, called
directly (no HTTP): what a first, uncached page view costs in the database and in Python. bench/pages.py measures
the pages end to end.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from datetime import date

from app.config import Settings
from app.pipeline import open_database
from app.store import aggregates as agg
from app.store.filters import ClaimFilter

TODAY = date(2025, 12, 31)


def _raw(fn: Callable) -> Callable:
    return getattr(fn, "uncached", fn)


def cases() -> dict[str, Callable]:
    """Return the timed calls by name."""
    f = ClaimFilter(today=TODAY)
    year = ClaimFilter(date_from=date(2024, 1, 1), date_to=date(2024, 12, 31), today=TODAY)
    return {
        "matrix, countries, all time": lambda s: _raw(agg.claim_matrix)(s, f),
        "matrix, countries, 2024 (rollup)": lambda s: _raw(agg.claim_matrix)(s, year),
        "matrix, NATO bloc, all time": lambda s: _raw(agg.claim_matrix)(s, ClaimFilter(bloc="nato", today=TODAY)),
        "matrix, mid-month window (claims)": lambda s: _raw(agg.claim_matrix)(
            s, ClaimFilter(date_from=date(2024, 1, 15), date_to=date(2024, 6, 14), today=TODAY)
        ),
        "matrix, actors, by similarity": lambda s: _raw(agg.claim_matrix)(s, f, rows="actor", sort="similarity"),
        "timeline, sanctions, monthly": lambda s: _raw(agg.timeline)(
            s, ClaimFilter(issues=("sanctions",), today=TODAY)
        ),
        "overview, corpus figures": lambda s: _raw(agg.corpus_figures)(s, f),
        "overview, recent changes": lambda s: _raw(agg.recent_changes)(s, f),
        "issue page, standings": lambda s: agg.issue_standings(s, f, "sanctions"),
        "issues list, summaries": lambda s: _raw(agg.issue_summaries)(s, f),
    }


def main() -> None:
    """Run each case `runs` times in fresh sessions and print median and p95."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    db = open_database(Settings(database_url=args.url, _env_file=None))
    print(f"{'query':40} {'median ms':>10} {'p95 ms':>8}")
    for name, fn in cases().items():
        times = []
        for _ in range(args.runs):
            with db.sessions() as session:
                start = time.perf_counter()
                fn(session)
                times.append((time.perf_counter() - start) * 1000)
        times.sort()
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        print(f"{name:40} {statistics.median(times):10.1f} {p95:8.1f}")
    db.dispose()


if __name__ == "__main__":
    main()
