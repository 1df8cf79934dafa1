"""Posture side by side with Datasette on the same claims: filtered table, faceted counts, the matrix GROUP BY.

    .venv/bin/python bench/datasette_compare.py --sqlite /tmp/posture-1m.db \\
        [--postgres postgresql+psycopg://postgres@127.0.0.1:5432/posture_1m] [--runs 5]

The claims of the SQLite database (made by bench/make_synthetic.py) are exported, joined with their actor and
country names, to one plain table (no indexes, as a CSV import would make it) in /tmp/posture-datasette/claims.db,
and served by `datasette` (pip install datasette; the `bench` extra) with its time limits raised so that every
query finishes. Posture runs under uvicorn with 2 workers on the original database (and on PostgreSQL when given,
loaded with the same seed). Each figure is the median of --runs sequential requests after one warm-up request, as
the client sees it on 127.0.0.1. Posture's "cold" figure invalidates its aggregate cache before every request, so
it is the query itself; "warm" is what a repeat visit costs until the data changes.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlencode

import httpx
from harness import Server, cold_ms, free_port, timed_get

EXPORT_DIR = Path("/tmp/posture-datasette")
# The matrix: claims by country, issue and stance under the default filter (no rejected claims, no duplicates).
MATRIX_SQL = (
    "select country_code, issue_id, stance, count(*) as n from claims "
    "where review_status != 'rejected' and is_duplicate = 0 group by country_code, issue_id, stance"
)
MATRIX_2025_SQL = (
    "select country_code, issue_id, stance, count(*) as n from claims where review_status != 'rejected' "
    "and is_duplicate = 0 and stated_on between '2025-01-01' and '2025-12-31' group by country_code, issue_id, stance"
)
PAIRS = (
    # (what, Posture path, accept, Datasette path)
    (
        "filtered table (DE, military aid, 50 rows)",
        "/claims?country=DE&issue=military-aid&limit=50",
        "text/html",
        "/claims/claims?country_code=DE&issue_id=military-aid&_size=50",
    ),
    (
        "faceted counts (ours: overview page)",
        "/",
        "text/html",
        "/claims/claims?_facet=country_code&_facet=issue_id&_facet=stance&_size=50",
    ),
    (
        "matrix GROUP BY, all time",
        "/api/v1/matrix",
        "application/json",
        "/claims.json?" + urlencode({"sql": MATRIX_SQL, "_shape": "array"}),
    ),
    (
        "matrix GROUP BY, 2025",
        "/api/v1/matrix?from=2025-01-01&to=2025-12-31",
        "application/json",
        "/claims.json?" + urlencode({"sql": MATRIX_2025_SQL, "_shape": "array"}),
    ),
)


def export_plain(source: Path, target: Path) -> int:
    """Copy the claims into one plain table of a new SQLite file; return the rows written."""
    target.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    con = sqlite3.connect(target)
    con.execute("ATTACH DATABASE ? AS src", (str(source),))
    con.execute(
        """
        CREATE TABLE claims AS
        SELECT c.id, c.stated_on, c.country_code, co.name AS country, a.name AS actor, c.issue_id, c.stance,
               c.review_status, c.is_duplicate, c.confidence, c.evidence, c.document_id
          FROM src.claim c JOIN src.actor a ON a.id = c.actor_id JOIN src.country co ON co.code = c.country_code
        """
    )
    con.commit()
    n = con.execute("SELECT count(*) FROM claims").fetchone()[0]
    con.execute("DETACH DATABASE src")
    con.close()
    return n


class Datasette:
    """`datasette serve` on one file, time limits raised so the 1M-row queries complete."""

    def __init__(self, db: Path):
        exe = shutil.which("datasette") or str(Path(sys.executable).with_name("datasette"))
        if not Path(exe).exists():
            raise RuntimeError("datasette is not installed (.venv/bin/pip install datasette)")
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen(
            [exe, "serve", str(db), "--host", "127.0.0.1", "--port", str(self.port),
             "--setting", "sql_time_limit_ms", "60000", "--setting", "facet_time_limit_ms", "60000"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip

    def wait_ready(self, timeout: float = 60) -> None:
        """Wait until Datasette answers."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            try:
                if httpx.get(self.base + "/-/versions.json", timeout=5).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.3)
        raise RuntimeError("datasette did not start")

    def stop(self) -> None:
        """Stop it."""
        self.proc.terminate()
        self.proc.wait(timeout=15)


def median_ms(base: str, path: str, *, runs: int, accept: str) -> float:
    """Return the median ms of runs GETs after one warm-up; fail on a non-200."""
    with httpx.Client(base_url=base, timeout=120, headers={"accept": accept}) as client:
        first = client.get(path)
        if first.status_code != 200:
            raise RuntimeError(f"{base}{path}: HTTP {first.status_code}: {first.text[:200]}")
        ms, status = timed_get(client, path, runs=runs)
    if status != 200:
        raise RuntimeError(f"{path}: HTTP {status}")
    return ms


def main(argv: Sequence[str] | None = None) -> int:
    """Export, serve both, time each pair, print the table."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sqlite", required=True, help="SQLite database made by bench/make_synthetic.py")
    p.add_argument("--postgres", help="the same claims on PostgreSQL (optional)")
    p.add_argument("--runs", type=int, default=5, help="timed requests per figure (default 5)")
    args = p.parse_args(argv)
    source = Path(args.sqlite).resolve()
    if not source.is_file():
        p.error(f"no such SQLite file: {source}")
    target = EXPORT_DIR / "claims.db"
    t = time.perf_counter()
    n = export_plain(source, target)
    print(f"exported {n:,} claims to {target} in {time.perf_counter() - t:.1f} s", file=sys.stderr)

    ds = Datasette(target)
    results: dict[str, dict[str, float]] = {what: {} for what, *_ in PAIRS}
    try:
        ds.wait_ready()
        for what, _ours, _accept, theirs in PAIRS:
            results[what]["datasette"] = median_ms(ds.base, theirs, runs=args.runs, accept="text/html")
            print(f"datasette {what}: {results[what]['datasette']:.0f} ms", file=sys.stderr)
    finally:
        ds.stop()
    backends = [("sqlite", f"sqlite:///{source}")] + ([("postgresql", args.postgres)] if args.postgres else [])
    for name, url in backends:
        with Server(url, workers=2) as server:
            server.wait_ready()
            for what, ours, accept, _theirs in PAIRS:
                results[what][f"{name} warm"] = median_ms(server.base, ours, runs=args.runs, accept=accept)
                results[what][f"{name} cold"] = cold_ms(server.base, ours, url, runs=args.runs, accept=accept)
                print(f"{name} {what}: warm {results[what][f'{name} warm']:.1f} ms, "
                      f"cold {results[what][f'{name} cold']:.1f} ms", file=sys.stderr)  # fmt: skip

    compute = compare_computation(target, backends, runs=args.runs)

    head = f"{'pair':<44} {'posture':<16} {'ours ms':>8} {'datasette ms':>13} {'ours/theirs':>12} {'speed-up':>9}"
    print(head)
    print("-" * len(head))
    for what, *_ in PAIRS:
        theirs = results[what]["datasette"]
        for key, ours in results[what].items():
            if key == "datasette":
                continue
            print(f"{what:<44} {key:<16} {ours:8.1f} {theirs:13.1f} {ours / theirs:12.3f} {theirs / ours:8.1f}x")
    print(f"{n:,} claims; medians of {args.runs} requests; Datasette {_datasette_version()} on a plain table")
    print()
    print(
        "The matrix computation alone (no HTTP, no rendering): Posture's counting query on its rollup vs the GROUP BY"
    )
    print("Datasette runs, both in-process on the same machine, medians of the same number of runs:")
    head = f"{'matrix counts':<22} {'posture':<12} {'ours ms':>8} {'plain GROUP BY ms':>18} {'speed-up':>9}"
    print(head)
    print("-" * len(head))
    for (what, backend), (ours, theirs) in compute.items():
        print(f"{what:<22} {backend:<12} {ours:8.1f} {theirs:18.1f} {theirs / ours:8.1f}x")
    return 0


def compare_computation(plain: Path, backends: list[tuple[str, str]], *, runs: int) -> dict:
    """Time the matrix counts: aggregates.grouped_counts (uncached) vs the plain-table GROUP BY with sqlite3."""
    from datetime import date

    from app.config import Settings
    from app.pipeline import open_database
    from app.store.aggregates import grouped_counts
    from app.store.filters import ClaimFilter

    windows = {
        "all time": (ClaimFilter(), MATRIX_SQL),
        "2025": (ClaimFilter(date_from=date(2025, 1, 1), date_to=date(2025, 12, 31)), MATRIX_2025_SQL),
    }
    con = sqlite3.connect(plain)
    theirs = {}
    for what, (_flt, sql) in windows.items():
        con.execute(sql).fetchall()  # warm the page cache, as Datasette's would be
        theirs[what] = _median_ms(lambda sql=sql: con.execute(sql).fetchall(), runs)
    con.close()
    out = {}
    for name, url in backends:
        db = open_database(Settings(database_url=url, _env_file=None))
        with db.sessions() as session:
            for what, (flt, _sql) in windows.items():
                grouped_counts(session, flt, ["country_code", "issue_id"])
                ours = _median_ms(lambda flt=flt: grouped_counts(session, flt, ["country_code", "issue_id"]), runs)
                out[(what, name)] = (ours, theirs[what])
        db.dispose()
    return out


def _median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def _datasette_version() -> str:
    try:
        from importlib.metadata import version

        return version("datasette")
    except Exception:
        return "?"


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    raise SystemExit(main())
