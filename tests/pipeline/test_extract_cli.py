"""`posture extract` and `posture eval` run as the user runs them: files in, files out, clear errors, no traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import select

from app.store.models import Claim
from tests.factories import make_document

DOCS = [
    {
        "doc_id": "a",
        "date": "2024-02-27",
        "url": "https://example.org/a",
        "text": "Mark Rutte said sending troops to Ukraine was not on the agenda.",
    },
    {"doc_id": "b", "date": None, "text": "A Finnish official said a ceasefire must come first."},
    {"doc_id": "c", "date": "2025-01-10", "text": "Nothing about positions here."},
]


def run_cli(args: list[str], *, cwd: Path, database_url: str = "sqlite:///unused.db") -> subprocess.CompletedProcess:
    """Run `posture` in a subprocess."""
    env = {**os.environ, "POSTURE_DATABASE_URL": database_url, "COLUMNS": "200"}
    command = [sys.executable, "-c", "from app.cli import main; main()", *args]
    return subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True, timeout=120)


def _write_docs(path: Path, docs: list[dict]) -> Path:
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return path


def test_extract_file_to_file(tmp_path):
    docs = _write_docs(tmp_path / "docs.jsonl", DOCS)
    r = run_cli(["extract", "--input", str(docs), "--output", str(tmp_path / "pred.jsonl")], cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    lines = [json.loads(line) for line in (tmp_path / "pred.jsonl").read_text().splitlines()]
    assert [line["doc_id"] for line in lines] == ["a", "b", "c"]
    (rutte,) = lines[0]["claims"]
    assert {k: rutte[k] for k in ("actor", "actor_type", "country", "issue", "stance")} == {
        "actor": "Mark Rutte",
        "actor_type": "person",
        "country": "NL",
        "issue": "troops-in-ukraine",
        "stance": "oppose",
    }
    assert DOCS[0]["text"][rutte["start"] : rutte["end"]] == rutte["evidence"] and 0 < rutte["confidence"] <= 1
    assert [(c["actor"], c["actor_type"]) for c in lines[1]["claims"]] == [("Finland", "government")]
    assert lines[2]["claims"] == []


def test_extract_to_stdout(tmp_path):
    docs = _write_docs(tmp_path / "docs.jsonl", DOCS[:1])
    r = run_cli(["extract", "-i", str(docs), "-o", "-"], cwd=tmp_path)
    assert r.returncode == 0 and json.loads(r.stdout)["doc_id"] == "a"


def test_extract_bad_inputs_give_one_clear_line(tmp_path):
    cases = {
        "missing.jsonl": (None, "cannot read"),
        "broken.jsonl": ('{"doc_id": "x", "text": "t"}\n{oops\n', "broken.jsonl:2: invalid JSON"),
        "notext.jsonl": ('{"doc_id": "x"}\n', "has no text"),
        "baddate.jsonl": ('{"doc_id": "x", "text": "t", "date": "March 2024"}\n', "is not YYYY-MM-DD"),
    }
    for name, (content, message) in cases.items():
        path = tmp_path / name
        if content is not None:
            path.write_text(content)
        r = run_cli(["extract", "--input", str(path), "--output", str(tmp_path / "out.jsonl")], cwd=tmp_path)
        assert r.returncode == 1 and message in r.stderr, (name, r.stderr)
        assert "Traceback" not in r.stderr
    docs = _write_docs(tmp_path / "docs.jsonl", DOCS)
    r = run_cli(
        ["extract", "--input", str(docs), "--output", str(tmp_path / "x.jsonl"), "--extractor", "magic"], cwd=tmp_path
    )
    assert r.returncode == 1 and "unknown extractor 'magic'" in r.stderr
    r = run_cli(["extract", "--input", str(docs)], cwd=tmp_path)
    assert r.returncode == 1 and "--output" in r.stderr
    r = run_cli(
        ["extract", "--input", str(docs), "--output", str(tmp_path / "no" / "such" / "dir.jsonl")], cwd=tmp_path
    )
    assert r.returncode == 1 and "cannot write" in r.stderr and "Traceback" not in r.stderr


def test_extract_stored_documents(database_url, session, tmp_path):
    doc = make_document(
        session,
        text="Jens Stoltenberg said NATO allies must spend more on defence.",
        published_on=__import__("datetime").date(2023, 5, 1),
    )
    session.commit()
    r = run_cli(["extract"], cwd=tmp_path, database_url=database_url)
    assert r.returncode == 0, r.stderr
    assert "1 documents, 1 claims" in r.stderr
    session.expire_all()
    (claim,) = session.scalars(select(Claim).where(Claim.document_id == doc.id))
    assert (claim.actor.name, claim.issue_id, claim.stance) == ("Jens Stoltenberg", "defense-spending", "support")


def test_extract_on_an_unmigrated_database(tmp_path):
    r = run_cli(["extract"], cwd=tmp_path, database_url=f"sqlite:///{tmp_path / 'empty.db'}")
    assert r.returncode == 1 and "posture db upgrade" in r.stderr and "Traceback" not in r.stderr


def test_eval_prints_scores_per_issue_and_worst_documents(shared_dir, tmp_path):
    gold = shared_dir / "gold" / "dev.jsonl"
    r = run_cli(["eval", str(gold), "--worst", "3"], cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    for expected in ("country", "actor", "pair", "stance accuracy", "by issue", "missed", "spurious"):
        assert expected in r.stdout
    scores = run_cli(["eval", str(gold), "--json"], cwd=tmp_path)
    figures = json.loads(scores.stdout)
    assert set(figures) >= {"country", "actor", "pair", "stance_accuracy", "by_issue"}
    # --predictions scores a file; the reference scorer agrees on it.
    pred = tmp_path / "pred.jsonl"
    run_cli(["extract", "-i", str(gold), "-o", str(pred)], cwd=tmp_path)
    ours = json.loads(run_cli(["eval", str(gold), "--predictions", str(pred), "--json"], cwd=tmp_path).stdout)
    reference = subprocess.run(
        [sys.executable, str(shared_dir / "tools" / "score_claims.py"), str(gold), str(pred), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    ref = json.loads(reference.stdout)
    for level in ("country", "actor", "pair"):
        assert round(ours[level]["f1"], 3) == round(ref[level]["f1"], 3)
    assert ours["actor"] == {k: figures["actor"][k] for k in ours["actor"]}  # same extractor, same figures


def test_eval_bad_gold_file(tmp_path):
    bad = tmp_path / "gold.jsonl"
    bad.write_text('{"doc_id": "x", "text": "t", "claims": [{"actor": 3}]}\n')
    r = run_cli(["eval", str(bad)], cwd=tmp_path)
    assert r.returncode == 1 and "gold.jsonl:1" in r.stderr and "Traceback" not in r.stderr
