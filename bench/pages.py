"""Latency and throughput of the dashboard's pages and JSON twins under uvicorn (2 workers), on SQLite and PostgreSQL.

    .venv/bin/python bench/pages.py --sqlite /tmp/posture-1m.db \\
        --postgres postgresql+psycopg://postgres@127.0.0.1:5432/posture_1m --seconds 8 --connections 8

Each backend gets its own uvicorn (`app.web:create_app`, 2 workers, as `posture serve --workers 2`); wrk, a separate
process on 127.0.0.1, loads one URL at a time and reports p50/p95/p99 latency and requests per second (latency as
seen by wrk on loopback: server time plus a fraction of a millisecond). The claims table scenarios follow the
`next` links of the keyset pagination for up to 20 pages, then start over. "cold" is the median time of a single
request made right after invalidating the caches (a no-op write to the data version): what a page costs the first
time after the data changes. Before each measured run a discarded --warmup run lets both workers fill their caches.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import httpx
from harness import Server, WrkResult, claim_count, cold_ms, have_wrk, run_wrk


@dataclass(frozen=True)
class Scenario:
    """One URL to load, with the target its p95 must meet."""

    name: str
    path: str
    target_p95_ms: float
    json: bool = False
    follow: bool = False


SCENARIOS = (
    Scenario("overview", "/", 150),
    Scenario("overview JSON", "/api/v1/overview", 150, json=True),
    Scenario("matrix, all countries, 2025", "/matrix?from=2025-01-01&to=2025-12-31", 100),
    Scenario("matrix JSON, all countries, 2025", "/api/v1/matrix?from=2025-01-01&to=2025-12-31", 100, json=True),
    Scenario("matrix, EU, all time", "/matrix?bloc=eu", 100),
    Scenario("matrix JSON, EU, all time", "/api/v1/matrix?bloc=eu", 100, json=True),
    Scenario("timeline, sanctions, monthly", "/timeline?issue=sanctions&step=month", 100),
    Scenario("timeline JSON, sanctions, monthly", "/api/v1/timeline?issue=sanctions&step=month", 100, json=True),
    Scenario("claims, DE + military aid, 50/page", "/claims?country=DE&issue=military-aid&limit=50", 50, follow=True),
    Scenario(
        "claims JSON, DE + military aid, 50/page",
        "/api/v1/claims?country=DE&issue=military-aid&limit=50",
        50,
        json=True,
        follow=True,
    ),
)


@dataclass
class Row:
    """One line of the printed table."""

    backend: str
    scenario: Scenario
    result: WrkResult | None
    cold: float | None
    note: str = ""


def bench_backend(
    name: str, url: str, *, seconds: int, warmup: int, connections: int, cold_runs: int, only: str | None
) -> list[Row]:
    """Start a server on the database and measure every scenario; return the rows."""
    rows: list[Row] = []
    log = Path("/tmp") / f"posture-bench-{name}.log"
    print(f"[{name}] {claim_count(url):,} claims; starting uvicorn (2 workers), log {log}", file=sys.stderr)
    with Server(url, workers=2, log=log) as server:
        server.wait_ready()
        for sc in SCENARIOS:
            if only and only not in sc.name:
                continue
            accept = "application/json" if sc.json else "text/html"
            probe = httpx.get(server.base + sc.path, headers={"accept": accept}, timeout=60)
            if probe.status_code != 200:
                rows.append(Row(name, sc, None, None, f"HTTP {probe.status_code} (page missing in this build?)"))
                print(f"[{name}] {sc.name}: HTTP {probe.status_code}, skipped", file=sys.stderr)
                continue
            cold = cold_ms(server.base, sc.path, url, runs=cold_runs, accept=accept) if cold_runs else None
            # Warm-up (discarded): both workers fill their caches, as they would after the first visitors.
            long_enough = max(warmup, round(2 * (cold or 0) / 1000) + 1)  # a cold fill must finish inside it
            run_wrk(
                server.base + sc.path, seconds=long_enough, connections=connections, accept=accept, follow=sc.follow
            )
            res = run_wrk(server.base + sc.path, seconds=seconds, connections=connections, accept=accept,
                          follow=sc.follow)  # fmt: skip
            rows.append(Row(name, sc, res, cold))
            print(f"[{name}] {sc.name}: p95 {res.p95:.1f} ms, {res.rps:.0f} req/s, cold {cold or 0:.0f} ms",
                  file=sys.stderr)  # fmt: skip
    return rows


def print_table(rows: list[Row]) -> None:
    """Print the one table: a line per backend and scenario, with the target and whether it is met."""
    head = f"{'backend':<10} {'page':<42} {'p50':>7} {'p95':>7} {'p99':>7} {'req/s':>7} {'err':>4} {'cold':>7}  target"
    print(head)
    print("-" * len(head))
    for r in rows:
        if r.result is None:
            print(f"{r.backend:<10} {r.scenario.name:<42} {r.note}")
            continue
        res = r.result
        met = res.requests > 0 and res.p95 <= r.scenario.target_p95_ms and res.errors == 0
        ok = "ok" if met else ("NO REQUESTS COMPLETED" if res.requests == 0 else "MISSED")
        cold = f"{r.cold:7.1f}" if r.cold is not None else f"{'-':>7}"
        print(
            f"{r.backend:<10} {r.scenario.name:<42} {res.p50:7.1f} {res.p95:7.1f} {res.p99:7.1f} {res.rps:7.0f} "
            f"{res.errors:>4} {cold}  p95<={r.scenario.target_p95_ms:.0f} {ok}"
        )
    print("latencies in ms (wrk on 127.0.0.1); cold = median single request after cache invalidation")


def main(argv: Sequence[str] | None = None) -> int:
    """Parse arguments, run the benchmark on each backend given, print the table."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sqlite", help="path of a SQLite database made by bench/make_synthetic.py")
    p.add_argument("--postgres", help="URL of a PostgreSQL database made by bench/make_synthetic.py")
    p.add_argument("--seconds", type=int, default=8, help="wrk duration per URL (default 8)")
    p.add_argument("--connections", type=int, default=8, help="concurrent connections (default 8)")
    p.add_argument("--warmup", type=int, default=2, help="discarded wrk seconds per URL before measuring (default 2)")
    p.add_argument("--cold-runs", type=int, default=3, help="cold requests per URL (0 to skip)")
    p.add_argument("--only", help="run only scenarios whose name contains this text")
    args = p.parse_args(argv)
    if not (args.sqlite or args.postgres):
        p.error("give --sqlite PATH and/or --postgres URL")
    if not have_wrk():
        p.error("wrk is not installed (Debian: apt-get install -y wrk)")
    if args.sqlite and not Path(args.sqlite).is_file():
        p.error(f"no such SQLite file: {args.sqlite} (make one with bench/make_synthetic.py)")
    backends = []
    if args.sqlite:
        backends.append(("sqlite", f"sqlite:///{Path(args.sqlite).resolve()}"))
    if args.postgres:
        backends.append(("postgresql", args.postgres))
    rows: list[Row] = []
    for name, url in backends:
        try:
            rows += bench_backend(
                name,
                url,
                seconds=args.seconds,
                warmup=args.warmup,
                connections=args.connections,
                cold_runs=args.cold_runs,
                only=args.only,
            )
        except Exception as exc:  # a database that is not there, a server that does not start: say which
            print(f"[{name}] error: {type(exc).__name__}: {exc}", file=sys.stderr)
            return 1
    print_table(rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
