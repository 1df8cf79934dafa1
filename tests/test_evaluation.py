"""Scoring: the app's evaluation agrees with the reference scorer (run as a subprocess) to the third decimal."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from app.evaluation import GoldFileError, claims_by_doc, read_jsonl, same_actor, score
from app.extract import make_extractor
from app.taxonomy import load_taxonomy


def _reference(shared: Path, gold: Path, pred: Path) -> dict:
    out = subprocess.run(
        [sys.executable, str(shared / "tools" / "score_claims.py"), str(gold), str(pred), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


def _write(path: Path, preds: dict[str, list[dict]]) -> Path:
    path.write_text("".join(json.dumps({"doc_id": k, "claims": v}) + "\n" for k, v in preds.items()))
    return path


def _perturbed(gold: dict[str, list[dict]], seed: int) -> dict[str, list[dict]]:
    """Drop, flip, rename (surname only, accents stripped) and invent claims, deterministically."""
    rng = random.Random(seed)
    out = {}
    for doc_id, claims in gold.items():
        if rng.random() < 0.15:
            continue  # a document the predictions leave out
        new = []
        for c in claims:
            c = dict(c)
            roll = rng.random()
            if roll < 0.2:
                continue
            if roll < 0.35:
                c["stance"] = rng.choice(["support", "oppose", "neutral"])
            elif roll < 0.5 and c["actor_type"] == "person":
                c["actor"] = c["actor"].split()[-1].upper()
            elif roll < 0.6:
                c["country"] = rng.choice(["DE", "FR", "NATO", ""])
            new.append(c)
            if rng.random() < 0.2:
                new.append(dict(c))  # duplicates must count once
        if rng.random() < 0.3:
            new.append(
                {"actor": "Nobody", "actor_type": "person", "country": "XX", "issue": "sanctions", "stance": "support"}
            )
        out[doc_id] = new
    return out


def _rules_predictions(docs: list[dict]) -> dict[str, list[dict]]:
    rules = make_extractor("rules", taxonomy=load_taxonomy())
    return {
        d["doc_id"]: [
            c.as_json() for c in rules(d["text"], published_on=date.fromisoformat(d["date"]) if d.get("date") else None)
        ]
        for d in docs
    }


def _assert_agree(ours: dict, ref: dict) -> None:
    for level in ("country", "actor", "pair"):
        for key in ("precision", "recall", "f1"):
            assert ours[level][key] == pytest.approx(ref[level][key], abs=5e-4), (level, key)
        for key in ("tp", "fp", "fn"):
            assert ours[level][key] == ref[level][key], (level, key)
    assert ours["stance_accuracy"] == pytest.approx(ref["stance_accuracy"], abs=5e-4)
    assert ours["documents"] == ref["documents"]


def test_agrees_with_the_reference_scorer(shared_dir, tmp_path):
    for gold_path in sorted((shared_dir / "gold").glob("*.jsonl")):
        docs = read_jsonl(gold_path)
        gold = claims_by_doc(docs)
        candidates = {
            "rules": _rules_predictions(docs),
            "gold": gold,
            "empty": {},
            **{f"perturbed{seed}": _perturbed(gold, seed) for seed in range(4)},
        }
        for name, preds in candidates.items():
            pred_path = _write(tmp_path / f"{gold_path.stem}-{name}.jsonl", preds)
            ours = score(gold, claims_by_doc(read_jsonl(pred_path))).as_json()
            _assert_agree(ours, _reference(shared_dir, gold_path, pred_path))


def test_perfect_and_empty_predictions():
    gold = {
        "d1": [
            {"actor": "Olaf Scholz", "actor_type": "person", "country": "DE", "issue": "ceasefire", "stance": "support"}
        ]
    }
    perfect = score(gold, gold)
    assert perfect.levels["actor"].f1 == 1.0 and perfect.stance_accuracy == 1.0
    empty = score(gold, {})
    assert empty.levels["country"].fn == 1 and empty.levels["country"].f1 == 0.0
    assert empty.worst()[0].missed == gold["d1"]


def test_person_matches_on_surname_and_country():
    gold = {"actor": "Volodymyr Zelensky", "actor_type": "person", "country": "UA"}
    assert same_actor(gold, {"actor": "Zelensky", "country": "UA"})
    assert same_actor(gold, {"actor": "volodymyr zelensky", "country": "DE"})
    assert not same_actor(gold, {"actor": "Zelensky", "country": "RU"})
    assert same_actor(
        {"actor": "Viktor Orbán", "actor_type": "person", "country": "HU"}, {"actor": "Viktor Orban", "country": "HU"}
    )


def test_per_issue_table_and_worst_documents():
    gold = {
        "a": [
            {"actor": "Poland", "actor_type": "government", "country": "PL", "issue": "sanctions", "stance": "support"}
        ],
        "b": [],
    }
    pred = {"a": [], "b": [{"actor": "France", "country": "FR", "issue": "ceasefire", "stance": "oppose"}]}
    report = score(gold, pred)
    assert report.by_issue["sanctions"].fn == 1 and report.by_issue["ceasefire"].fp == 1
    assert {d.doc_id for d in report.worst(5)} == {"a", "b"}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json\n", "invalid JSON"),
        ('["a list"]\n', "object with a doc_id"),
        ('{"doc_id": "x", "claims": {}}\n', "claims must be a list"),
        ('{"doc_id": "x", "claims": [{"actor": "A"}]}\n', "actor, issue and stance"),
    ],
)
def test_bad_files_give_located_errors(tmp_path, content, message):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"doc_id": "ok", "claims": []}\n' + content)
    with pytest.raises(GoldFileError, match=rf"bad.jsonl:2: .*{message}"):
        read_jsonl(path)


def test_missing_and_binary_files(tmp_path):
    with pytest.raises(GoldFileError, match="cannot read"):
        read_jsonl(tmp_path / "absent.jsonl")
    binary = tmp_path / "binary.jsonl"
    binary.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(GoldFileError, match="not UTF-8"):
        read_jsonl(binary)


def test_calibration_counts_right_claims_per_confidence_band():
    def c(actor, issue, confidence=None):
        claim = {"actor": actor, "actor_type": "government", "country": actor[:2].upper(), "issue": issue}
        return claim | {"stance": "support"} | ({"confidence": confidence} if confidence is not None else {})

    gold = {"d": [c("Poland", "sanctions"), c("Latvia", "sanctions")]}
    pred = {"d": [c("Poland", "sanctions", 0.85), c("Estonia", "sanctions", 0.82), c("Latvia", "sanctions", 0.55),
                  c("Greece", "sanctions")]}  # fmt: skip
    bands = {(b.low, b.high): (b.claims, b.right) for b in score(gold, pred).calibration()}
    assert bands == {(0.5, 0.6): (1, 1), (0.8, 0.9): (2, 1)}  # the claim without a confidence is left out
    assert score(gold, pred).as_json()["calibration"][1]["precision"] == 0.5
