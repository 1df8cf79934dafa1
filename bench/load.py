"""Load test: N concurrent users on a mix of pages for S seconds; errors, latency and server memory over time.

    .venv/bin/python bench/load.py --sqlite /tmp/posture-1m.db --users 50 --seconds 60
    .venv/bin/python bench/load.py --postgres postgresql+psycopg://postgres@127.0.0.1:5432/posture_1m

uvicorn runs as in production (2 workers); wrk (a separate process on 127.0.0.1) keeps --users connections busy,
each request taking the next URL of a mix of dashboard pages, JSON twins, claims pages, documents and actors under
varied filters. Every --every seconds the resident memory of the uvicorn master and workers is sampled; memory is
called stable when no worker grows by more than 10% (and 50 MB) between the first and the last third of the run.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from harness import Server, claim_count, have_wrk

COUNTRIES = ("DE", "FR", "PL", "HU", "US", "GB", "IT", "EE", "ES", "NL")
ISSUES = ("sanctions", "military-aid", "negotiations", "ceasefire", "ukraine-nato-membership")


def mix() -> list[str]:
    """Return the URLs of the mix: a realistic spread of views and filters."""
    paths = ["/", "/api/v1/overview", "/matrix", "/matrix?bloc=eu", "/matrix?bloc=nato&rows=actor",
             "/api/v1/matrix?from=2025-01-01&to=2025-12-31", "/issues", "/issues/sanctions", "/claims",
             "/documents?undated=1", "/actors", "/countries"]  # fmt: skip
    for k, c in enumerate(COUNTRIES):
        issue = ISSUES[k % len(ISSUES)]
        paths += [
            f"/claims?country={c}&issue={issue}&limit=50",
            f"/api/v1/claims?country={c}&limit=50",
            f"/timeline?issue={issue}&step=month",
            f"/api/v1/timeline?issue={issue}&country={c}",
            f"/matrix?country={c}&from=202{2 + k % 4}-01-01&to=202{2 + k % 4}-12-31",
            f"/countries/{c}",
        ]
    return paths


def main(argv: Sequence[str] | None = None) -> int:
    """Run the load, sample memory, print the figures; exit 1 on errors or growing memory."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sqlite", help="SQLite database made by bench/make_synthetic.py")
    p.add_argument("--postgres", help="PostgreSQL URL of a database made by bench/make_synthetic.py")
    p.add_argument("--users", type=int, default=50, help="concurrent connections (default 50)")
    p.add_argument("--seconds", type=int, default=60, help="duration (default 60)")
    p.add_argument("--every", type=float, default=5.0, help="memory sample interval in seconds (default 5)")
    args = p.parse_args(argv)
    if bool(args.sqlite) == bool(args.postgres):
        p.error("give exactly one of --sqlite PATH or --postgres URL")
    if not have_wrk():
        p.error("wrk is not installed (Debian: apt-get install -y wrk)")
    url = args.postgres or f"sqlite:///{Path(args.sqlite).resolve()}"
    paths = mix()
    print(f"{claim_count(url):,} claims; {len(paths)} URLs in the mix; {args.users} users for {args.seconds} s")
    with Server(url, workers=2, log=Path("/tmp/posture-load.log")) as server:
        server.wait_ready()
        env = {**os.environ, "WRK_PATHS": "\n".join(paths)}
        script = Path(__file__).with_name("wrk_mix.lua")
        cmd = ["wrk", "-t2", f"-c{args.users}", f"-d{args.seconds}s", "--timeout", "30s", "-s", str(script),
               server.base]  # fmt: skip
        samples: list[tuple[float, dict[int, float]]] = [(0.0, server.rss_mb())]
        t0 = time.monotonic()
        wrk = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        while wrk.poll() is None:
            time.sleep(args.every)
            samples.append((time.monotonic() - t0, server.rss_mb()))
        out, err = wrk.communicate()
        line = next((ln for ln in out.splitlines() if ln.startswith("WRKJSON ")), None)
        if line is None:
            print(f"wrk failed: {out[-400:]} {err[-400:]}", file=sys.stderr)
            return 1
        d = json.loads(line[len("WRKJSON ") :])
        alive = server.proc.poll() is None
    errors = {k[len("errors_") :]: v for k, v in d.items() if k.startswith("errors_") and v}
    seconds = d["duration_us"] / 1e6
    ms = {k: d[f"{k}_us"] / 1000 for k in ("p50", "p95", "p99", "max")}
    print(
        f"requests {d['requests']:,} in {seconds:.1f} s = {d['requests'] / seconds:.0f} req/s; "
        f"errors {errors or 'none'}; latency p50 {ms['p50']:.0f} ms, p95 {ms['p95']:.0f} ms, p99 {ms['p99']:.0f} ms, "
        f"max {ms['max']:.0f} ms; server {'up' if alive else 'DOWN'}"
    )
    pids = sorted({pid for _, s in samples for pid in s})
    print("RSS (MB) over time, per server process (the first is the uvicorn master):")
    print(f"{'t (s)':>6} " + " ".join(f"{pid:>9}" for pid in pids))
    for t, s in samples:
        print(f"{t:6.0f} " + " ".join(f"{s.get(pid, float('nan')):9.1f}" for pid in pids))
    third = max(1, len(samples) // 3)
    growth = {}
    for pid in pids:
        early = [s[pid] for _, s in samples[1 : 1 + third] if pid in s] or [samples[0][1].get(pid, 0)]
        late = [s[pid] for _, s in samples[-third:] if pid in s]
        if early and late:
            growth[pid] = max(late) - max(early)
    stable = all(g <= max(50.0, 0.10 * max(s.get(pid, 0) for _, s in samples)) for pid, g in growth.items())
    print("growth first third -> last third (MB): " + ", ".join(f"{pid}: {g:+.1f}" for pid, g in growth.items()))
    print(f"memory {'stable' if stable else 'GROWING'}; {'no errors' if not errors else 'ERRORS'}")
    return 0 if stable and not errors and alive else 1


if __name__ == "__main__":
    raise SystemExit(main())
