"""Two `posture ingest` workers on the same 2,000 documents at once, on PostgreSQL: each stored exactly once."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from sqlalchemy import func, select

from app.store.models import Document
from tests.ingest.factories import write_corpus

N = 2000


@pytest.mark.slow
@pytest.mark.postgres_only
def test_two_workers_store_each_document_once(db, database_url, tmp_path):
    write_corpus(tmp_path / "corpus", N)
    env = {**os.environ, "POSTURE_DATABASE_URL": database_url}
    command = [sys.executable, "-c", "from app.cli import main; main()", "ingest", "--no-extract", "--json"]
    workers = [
        subprocess.Popen(
            [*command, "--batch-size", "50", str(tmp_path / "corpus")],
            env=env,
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    results = [worker.communicate(timeout=900) for worker in workers]
    for worker, (_out, err) in zip(workers, results, strict=True):
        assert worker.returncode == 0, err
    counts = [json.loads(out)["counts"] for out, _err in results]
    assert sum(c["new"] for c in counts) == N  # every document stored by exactly one of the two
    assert all(c["failed"] == 0 and c["near-duplicate"] == 0 for c in counts)
    assert all(c["new"] + c["duplicate"] == N for c in counts)
    with db.sessions() as session:
        total, origins, hashes = session.execute(
            select(
                func.count(Document.id),
                func.count(func.distinct(Document.origin)),
                func.count(func.distinct(Document.content_hash)),
            )
        ).one()
    assert total == origins == hashes == N
