"""kill -9 in the middle of ingesting 2,000 documents, then a re-run: every document present exactly once."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from sqlalchemy import func, select

from app.store.models import Document, DocumentBand
from tests.ingest.factories import write_corpus
from tests.pipeline.test_ingest_cli import run_cli

N = 2000


def _count(db) -> int:
    with db.sessions() as session:
        return session.scalar(select(func.count(Document.id))) or 0


@pytest.mark.slow
def test_kill_9_mid_run_then_rerun_stores_each_document_once(db, database_url, tmp_path):
    write_corpus(tmp_path / "corpus", N)
    env = {**os.environ, "POSTURE_DATABASE_URL": database_url}
    command = [sys.executable, "-c", "from app.cli import main; main()", "ingest", "--no-extract", "-q"]
    worker = subprocess.Popen(
        [*command, "--batch-size", "50", str(tmp_path / "corpus")],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 300
    while _count(db) < 300 and worker.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert worker.poll() is None, "the run ended before it could be killed: " + worker.stderr.read().decode()
    worker.send_signal(signal.SIGKILL)
    worker.wait(timeout=30)
    worker.stderr.close()
    stored = _count(db)
    assert 300 <= stored < N

    # Consistent after the crash: whole batches only, each stored document with its LSH bands.
    with db.sessions() as session:
        without_bands = session.scalar(
            select(func.count(Document.id)).where(~Document.id.in_(select(DocumentBand.document_id)))
        )
    assert without_bands == 0
    assert stored % 50 == 0

    rerun = run_cli(
        ["ingest", "--no-extract", "--json", str(tmp_path / "corpus")],
        database_url=database_url,
        cwd=tmp_path,
        timeout=600,
    )
    assert rerun.returncode == 0, rerun.stderr
    counts = json.loads(rerun.stdout)["counts"]
    assert counts == {"new": N - stored, "near-duplicate": 0, "duplicate": stored, "failed": 0}
    with db.sessions() as session:
        total, origins, hashes = session.execute(
            select(
                func.count(Document.id),
                func.count(func.distinct(Document.origin)),
                func.count(func.distinct(Document.content_hash)),
            )
        ).one()
    assert total == origins == hashes == N


@pytest.mark.slow
def test_ctrl_c_stops_cleanly_and_a_rerun_finishes(db, database_url, tmp_path):
    n = 600
    write_corpus(tmp_path / "corpus", n)
    env = {**os.environ, "POSTURE_DATABASE_URL": database_url}
    command = [sys.executable, "-c", "from app.cli import main; main()", "ingest", "--no-extract", "-q"]
    worker = subprocess.Popen(
        [*command, "--batch-size", "20", str(tmp_path / "corpus")],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 300
    while _count(db) < 100 and worker.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert worker.poll() is None, "the run ended before it could be interrupted"
    worker.send_signal(signal.SIGINT)
    _out, err = worker.communicate(timeout=60)
    assert worker.returncode == 130, err
    assert "Traceback" not in err and "interrupted" in err
    stored = _count(db)
    assert stored % 20 == 0 and stored < n
    rerun = run_cli(
        ["ingest", "--no-extract", "--json", str(tmp_path / "corpus")], database_url=database_url, cwd=tmp_path
    )
    assert rerun.returncode == 0, rerun.stderr
    assert json.loads(rerun.stdout)["counts"] == {
        "new": n - stored,
        "near-duplicate": 0,
        "duplicate": stored,
        "failed": 0,
    }
    assert _count(db) == n
