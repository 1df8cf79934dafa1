"""`posture eval --extractor llm` end to end: the configured endpoint (an oracle fake) read from POSTURE_LLM_*."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.extract.llm_fake import Step, completion, serve_fake_llm


def test_posture_eval_with_the_llm_extractor_uses_the_configured_endpoint(shared_dir, tmp_path):
    gold_path = shared_dir / "gold" / "dev.jsonl"
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    by_text = {doc["text"]: doc for doc in gold}
    with serve_fake_llm() as fake:
        fake.responder = lambda request: Step(completion(by_text[request["messages"][1]["content"]]["claims"]))
        env = {
            **os.environ,
            "POSTURE_LLM_BASE_URL": fake.url,
            "POSTURE_LLM_MODEL": "oracle",
            "POSTURE_LLM_API_KEY": "k",
        }
        run = subprocess.run(
            [sys.executable, "-m", "app.cli", "eval", str(gold_path), "--extractor", "llm", "--json"],
            env=env,
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=300,
        )
    assert run.returncode == 0, run.stderr
    scores = json.loads(run.stdout)
    assert scores["country"]["f1"] == 1.0 and scores["actor"]["f1"] == 1.0
    assert len(fake.received) == len(gold)
    assert {r["json"]["model"] for r in fake.received} == {"oracle"}
    assert {r["headers"]["Authorization"] for r in fake.received} == {"Bearer k"}


def test_failing_endpoint_is_a_clear_error_not_a_traceback(tmp_path):
    docs = tmp_path / "docs.jsonl"
    docs.write_text(json.dumps({"doc_id": "d1", "text": "Scholz said talks were needed.", "date": None}) + "\n")
    with serve_fake_llm() as fake:
        fake.responder = lambda request: Step(status=500, body={"error": "down"})
        env = {**os.environ, "POSTURE_LLM_BASE_URL": fake.url, "POSTURE_LLM_MAX_RETRIES": "0"}
        run = subprocess.run(
            [sys.executable, "-m", "app.cli", "extract", "-i", str(docs), "-o", "-", "--extractor", "llm"],
            env=env,
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert run.returncode == 1
    assert "d1" in run.stderr and "Traceback" not in run.stderr
