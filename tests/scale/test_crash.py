"""kill -9 of a process in the middle of writing claims: every write it reported as accepted is still there."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text

from app.store import models as m

ROOT = Path(__file__).resolve().parents[2]
ISSUES = ("sanctions", "military-aid", "ceasefire", "negotiations")


def _reader(stream, out: queue.Queue) -> None:
    for line in stream:
        out.put(line.strip())
    out.put(None)


@pytest.mark.slow
def test_kill_9_during_writes_loses_nothing_accepted(settings, db):
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.scale.writer", settings.database_url],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=_reader, args=(proc.stdout, lines), daemon=True).start()
    accepted: list[int] = []
    deadline = time.monotonic() + 40
    try:
        while len(accepted) < 300 and time.monotonic() < deadline:
            try:
                line = lines.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                break
            if line is None:
                pytest.fail(f"writer exited early: {proc.stderr.read()}")
            if line.startswith("accepted "):
                accepted.append(int(line.split()[1]))
        assert len(accepted) >= 300, "the writer did not get going"
    finally:
        os.kill(proc.pid, signal.SIGKILL)  # mid-stream: the writer is inside its next transaction or commit
        proc.wait(timeout=10)
    while (line := lines.get(timeout=10)) is not None:  # lines already written to the pipe before the kill
        if line.startswith("accepted "):
            accepted.append(int(line.split()[1]))

    with db.engine.connect() as conn:
        stored = {r[0] for r in conn.execute(text("SELECT id FROM claim WHERE extractor = 'manual'"))}
        missing = sorted(set(accepted) - stored)
        assert not missing, f"{len(missing)} accepted claims lost, e.g. {missing[:5]}"
        # At most the one transaction whose commit finished without the writer getting to announce it.
        assert len(stored) - len(accepted) in (0, 1)
        # The rollup was written in the same transactions, so it agrees with the table exactly.
        total = conn.execute(text("SELECT count(*) FROM claim")).scalar_one()
        rolled = conn.execute(text("SELECT coalesce(sum(n), 0) FROM claim_monthly")).scalar_one()
        assert rolled == total
        if db.engine.dialect.name == "sqlite":
            assert conn.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
    print(f"\nkill -9 after {len(accepted)} accepted claims: all {len(accepted)} present, {len(stored)} stored")


@pytest.mark.slow
def test_kill_9_of_the_server_during_api_writes_loses_nothing_accepted(settings, db, tmp_path):
    from tests.scale.server import Server
    from tests.web.review_helpers import make_user

    token = make_user(db, name="crash-editor", role="editor")
    text_ = "A long document written for the crash test. " * 12
    with db.sessions() as s:
        doc = m.Document(title="Crash test", text=text_, content_hash="crash-api", published_on=date(2024, 2, 2))
        s.add(doc)
        s.commit()
        doc_id = doc.id
    server = Server(settings.database_url, workers=2, log=tmp_path / "uvicorn.log")
    accepted: list[int] = []
    refused: list[int] = []
    stop = threading.Event()

    def writer(k: int) -> None:
        with httpx.Client(base_url=server.base, headers={"authorization": f"Bearer {token}"}, timeout=10) as client:
            n = 0
            while not stop.is_set():
                n += 1
                start = (k * 37 + n * 11) % 400
                body = {"start": start, "end": start + 20, "actor": "germany", "issue": ISSUES[n % len(ISSUES)],
                        "stance": ("support", "oppose", "neutral")[n % 3]}  # fmt: skip
                try:
                    r = client.post(f"/api/v1/documents/{doc_id}/claims", json=body)
                except httpx.HTTPError:
                    continue  # the server is gone: nothing was promised for this one
                if r.status_code == 201:
                    accepted.append(r.json()["id"])
                else:
                    refused.append(r.status_code)

    try:
        server.wait_ready()
        threads = [threading.Thread(target=writer, args=(k,), daemon=True) for k in range(4)]
        for t in threads:
            t.start()
        deadline = time.monotonic() + 40
        while len(accepted) < 150 and time.monotonic() < deadline:
            time.sleep(0.05)
        server.kill9()  # master and workers, mid-stream
        n_at_kill = len(accepted)
        time.sleep(0.5)
        stop.set()
        for t in threads:
            t.join(timeout=15)
    finally:
        stop.set()
        server.stop()
    assert n_at_kill >= 150, f"only {n_at_kill} writes accepted before the deadline; refused: {refused[:5]}"
    with db.engine.connect() as conn:
        stored = {r[0] for r in conn.execute(text("SELECT id FROM claim WHERE document_id = :d"), {"d": doc_id})}
        missing = sorted(set(accepted) - stored)
        assert not missing, f"{len(missing)} claims answered 201 are lost, e.g. {missing[:5]}"
        total = conn.execute(text("SELECT count(*) FROM claim")).scalar_one()
        assert conn.execute(text("SELECT coalesce(sum(n), 0) FROM claim_monthly")).scalar_one() == total
        if db.engine.dialect.name == "sqlite":
            assert conn.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
    print(f"\nkill -9 of uvicorn (2 workers) after {len(accepted)} API writes answered 201: all present "
          f"({len(stored)} stored; in flight at the kill: {len(stored) - len(accepted)})")  # fmt: skip
