"""PostgreSQL stopped and restarted under load: clean 503s while it is down, recovery without restarting Posture.

Uses a throwaway cluster of its own on another port (never the shared server the other tests use).
"""

from __future__ import annotations

import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import httpx
import pytest

from app.config import Settings
from app.pipeline import open_database, upgrade_database
from tests.scale.pgcluster import ThrowawayCluster, find_bin, wait_for
from tests.scale.server import Server

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(find_bin("initdb") is None, reason="PostgreSQL server binaries (initdb, pg_ctl) not installed"),
]

# Database-backed endpoints; those this build serves are used (the dashboard may not be there yet).
READ_PATHS = ("/api/v1/matrix", "/api/v1/claims", "/api/v1/overview", "/matrix", "/claims", "/healthz")


@pytest.fixture
def cluster():
    # Directly under /tmp: pytest's own temp dirs are private to root and the postgres user cannot enter them.
    c = ThrowawayCluster(Path(tempfile.mkdtemp(prefix="posture-pgcluster-")))
    c.init()
    c.start()
    yield c
    c.destroy()


def test_postgres_down_gives_503_and_recovers_without_restart(cluster, tmp_path):
    url = cluster.createdb("posture")
    settings = Settings(database_url=url, _env_file=None)
    db = open_database(settings)
    upgrade_database(db, settings)
    db.dispose()
    server = Server(url, workers=2, log=tmp_path / "uvicorn.log")
    try:
        server.wait_ready()
        served = set(httpx.get(server.base + "/api/v1/openapi.json").json()["paths"])
        paths = [p for p in READ_PATHS if p in served or (p in ("/matrix", "/claims") and "/api/v1" + p in served)]
        assert paths
        seen: list[tuple[float, str, int, str]] = []
        stop = threading.Event()

        def user(k: int) -> None:
            with httpx.Client(base_url=server.base, timeout=10) as client:
                i = 0
                while not stop.is_set():
                    path = paths[(i + k) % len(paths)]
                    i += 1
                    try:
                        r = client.get(path, headers={"accept": "application/json"})
                        seen.append((time.monotonic(), path, r.status_code, r.text[:300]))
                    except httpx.HTTPError as exc:  # the server itself must stay up: this would be a failure
                        seen.append((time.monotonic(), path, -1, repr(exc)))
                    time.sleep(0.02)

        users = [threading.Thread(target=user, args=(k,), daemon=True) for k in range(4)]
        for t in users:
            t.start()
        time.sleep(2)
        up_before = [s for s in seen if s[2] == 200]
        assert up_before, f"nothing answered 200 before the outage: {seen[:3]}"

        t_down = time.monotonic()
        cluster.stop("fast")
        time.sleep(4)
        during = [s for s in seen if s[0] > t_down + 0.5]
        assert during, "no requests while the database was down"

        t_restart = time.monotonic()
        cluster.start()
        recovered = wait_for(lambda: any(s[0] > t_restart and s[2] == 200 for s in seen), timeout=20)
        time.sleep(3)
        stop.set()
        for t in users:
            t.join(timeout=15)
        assert recovered, "Posture did not recover after PostgreSQL came back"
        assert server.proc.poll() is None, "the server died"

        statuses = Counter(s[2] for s in seen)
        down = [s for s in seen if t_down + 0.5 < s[0] < t_restart]
        assert down and all(s[2] == 503 for s in down), Counter(s[2] for s in down)
        assert all("unavailable" in s[3].lower() or "cannot be reached" in s[3] for s in down)
        assert set(statuses) <= {200, 503}, statuses  # no 500s, no dropped connections
        first_ok = min(s[0] for s in seen if s[0] > t_restart and s[2] == 200)
        after = [s for s in seen if s[0] > first_ok + 1]
        assert after and all(s[2] == 200 for s in after), Counter(s[2] for s in after)
        print(
            f"\npaths {paths}; {len(seen)} requests: {dict(statuses)}; while down: {len(down)} x 503, e.g. "
            f"{down[0][3][:120]!r}; first 200 {first_ok - t_restart:.2f} s after pg_ctl start, server pid unchanged"
        )
    finally:
        server.stop()
