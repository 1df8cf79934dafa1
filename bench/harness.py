"""Shared by the bench scripts: Posture under uvicorn as in production, wrk runs, timed requests, RSS."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
from sqlalchemy import text

from app.config import Settings
from app.pipeline import open_database
from app.store.datacache import bump_data_version
from app.store.engine import session_scope

ROOT = Path(__file__).resolve().parents[1]
WRK_SCRIPT = Path(__file__).with_name("wrk_report.lua")


def free_port() -> int:
    """Return a TCP port free on 127.0.0.1 right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """Posture under uvicorn, as `posture serve --workers N` runs it (access log off: it is not what we measure)."""

    def __init__(self, database_url: str, *, workers: int = 2, log: Path | None = None):
        self.database_url = database_url
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "POSTURE_DATABASE_URL": database_url, "POSTURE_SECRET_KEY": "bench"}
        out = open(log, "ab") if log else subprocess.DEVNULL  # noqa: SIM115 - lives as long as the server
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "app.web:create_app", "--factory", "--host", "127.0.0.1",
             "--port", str(self.port), "--workers", str(workers), "--no-access-log", "--log-level", "warning"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip

    def wait_ready(self, timeout: float = 60) -> None:
        """Wait until /healthz answers 200."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.proc.poll() is not None:
                raise RuntimeError(f"uvicorn exited with {self.proc.returncode}")
            try:
                r = httpx.get(self.base + "/healthz", timeout=5)
                if r.status_code == 200:
                    return
                if r.json().get("status") == "outdated":
                    self.stop()
                    raise RuntimeError(f"the database schema is behind the code: run `posture db upgrade` ({r.text})")
            except (httpx.HTTPError, ValueError):
                pass
            time.sleep(0.3)
        raise RuntimeError(f"server on port {self.port} not ready after {timeout} s")

    def pids(self) -> list[int]:
        """Return the pids of the uvicorn master and its workers."""
        out = subprocess.run(["pgrep", "-g", str(os.getpgid(self.proc.pid))], capture_output=True, text=True)
        return [int(p) for p in out.stdout.split()]

    def rss_mb(self) -> dict[int, float]:
        """Return the resident memory of each process of the server, in MB."""
        out: dict[int, float] = {}
        for pid in self.pids():
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        out[pid] = int(line.split()[1]) / 1024
            except OSError:
                continue
        return out

    def stop(self) -> None:
        """Stop the server and its workers."""
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(timeout=15)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=5)

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


@dataclass
class WrkResult:
    """What one wrk run measured (latencies in ms)."""

    requests: int
    seconds: float
    errors: int
    p50: float
    p95: float
    p99: float

    @property
    def rps(self) -> float:
        """Return requests per second."""
        return self.requests / self.seconds if self.seconds else 0.0


def have_wrk() -> bool:
    """Return whether wrk is installed."""
    return shutil.which("wrk") is not None


def run_wrk(
    url: str, *, seconds: int, connections: int, threads: int = 2, accept: str = "text/html", follow: bool = False
) -> WrkResult:
    """Load one URL with wrk (following `next` links when follow) and return its figures."""
    env = {**os.environ, "WRK_ACCEPT": accept, "WRK_FOLLOW": "1" if follow else "0"}
    cmd = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "-s", str(WRK_SCRIPT), url]
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=seconds + 60)
    line = next((ln for ln in out.stdout.splitlines() if ln.startswith("WRKJSON ")), None)
    if line is None:
        raise RuntimeError(f"wrk gave no report: {out.stdout[-500:]} {out.stderr[-500:]}")
    d = json.loads(line[len("WRKJSON ") :])
    errors = d["errors_status"] + d["errors_connect"] + d["errors_read"] + d["errors_write"] + d["errors_timeout"]
    return WrkResult(
        requests=d["requests"],
        seconds=d["duration_us"] / 1e6,
        errors=errors,
        p50=d["p50_us"] / 1000,
        p95=d["p95_us"] / 1000,
        p99=d["p99_us"] / 1000,
    )


def bump(database_url: str) -> None:
    """Invalidate every cached aggregate (a no-op write to the data version), so the next request computes."""
    db = open_database(Settings(database_url=database_url, _env_file=None))
    with session_scope(db.sessions) as session:
        bump_data_version(session)
    db.dispose()


def cold_ms(base: str, path: str, database_url: str, *, runs: int, accept: str = "text/html") -> float:
    """Return the median time of a request made right after invalidating the cache (both workers miss)."""
    times = []
    with httpx.Client(base_url=base, timeout=60, headers={"accept": accept}) as client:
        for _ in range(runs):
            bump(database_url)
            t = time.perf_counter()
            r = client.get(path)
            times.append((time.perf_counter() - t) * 1000)
            if r.status_code != 200:
                raise RuntimeError(f"{path}: HTTP {r.status_code}: {r.text[:200]}")
    return statistics.median(times)


def timed_get(client: httpx.Client, path: str, *, runs: int) -> tuple[float, int]:
    """Return the median time in ms of GET path over runs, and the last status."""
    times, status = [], 0
    for _ in range(runs):
        t = time.perf_counter()
        r = client.get(path)
        times.append((time.perf_counter() - t) * 1000)
        status = r.status_code
    return statistics.median(times), status


def claim_count(database_url: str) -> int:
    """Return how many claims the database holds."""
    db = open_database(Settings(database_url=database_url, _env_file=None))
    with db.engine.connect() as conn:
        n = conn.execute(text("SELECT coalesce(sum(n), 0) FROM claim_monthly")).scalar_one()
    db.dispose()
    return int(n)
