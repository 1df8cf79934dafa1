"""An oracle model on the gold sets: the gold answers, served by the fake endpoint, must survive every check.

The fake server answers each gold document with its gold claims (as a perfect model would), once verbatim and
once in the sloppy form real models use (surnames with titles, issue labels, stance synonyms, an invented
paraphrase). Scored with the reference scorer from ../shared, nothing may be lost in normalisation.
"""

from __future__ import annotations

import importlib.util
import json
from datetime import date

import pytest

from app.extract import make_extractor
from app.taxonomy import load_taxonomy
from tests.extract.llm_fake import Step, completion, serve_fake_llm

STANCE_WORDS = {"support": "Supports", "oppose": "against", "neutral": "undecided"}


def _load(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def gold(shared_dir) -> list[dict]:
    return _load(shared_dir / "gold" / "dev.jsonl") + _load(shared_dir / "gold" / "seeds.jsonl")


@pytest.fixture(scope="module")
def scorer(shared_dir):
    spec = importlib.util.spec_from_file_location("score_claims", shared_dir / "tools" / "score_claims.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _sloppy(claim: dict, labels: dict[str, str]) -> dict:
    actor = claim["actor"]
    if claim["actor_type"] == "person" and len(actor.split()) > 1:
        actor = "President " + actor.split()[-1]  # a title and the surname, as models often write
    return {
        **claim,
        "actor": actor,
        "issue": labels[claim["issue"]],
        "stance": STANCE_WORDS[claim["stance"]],
        "confidence": 0.8,
        "date": None,
    }


@pytest.mark.parametrize("style", ["verbatim", "sloppy"])
def test_an_oracle_model_scores_perfectly_through_normalisation(gold, scorer, style):
    taxonomy = load_taxonomy()
    labels = {issue.id: issue.label for issue in taxonomy.issues.values()}
    by_text = {doc["text"]: doc for doc in gold}

    def answer(request: dict) -> Step:
        doc = by_text[request["messages"][1]["content"]]
        if style == "verbatim":
            return Step(completion(doc["claims"]))
        invented = (
            {**doc["claims"][0], "evidence": "A sentence the article never contained."} if doc["claims"] else None
        )
        return Step(completion([_sloppy(c, labels) for c in doc["claims"]] + ([invented] if invented else [])))

    with serve_fake_llm() as fake:
        fake.responder = answer
        extractor = make_extractor("llm", taxonomy=taxonomy, base_url=fake.url, concurrency=4, backoff=0.01)
        dates = [date.fromisoformat(doc["date"]) if doc["date"] else None for doc in gold]
        results = extractor.extract_many([doc["text"] for doc in gold], published_on=dates)
        extractor.close()

    predicted = {doc["doc_id"]: [c.as_json() for c in claims] for doc, claims in zip(gold, results, strict=True)}
    scores = scorer.score({doc["doc_id"]: doc["claims"] for doc in gold}, predicted)
    assert scores["country"]["f1"] == 1.0
    assert scores["actor"]["f1"] == 1.0
    assert scores["pair"]["f1"] == 1.0 and scores["stance_accuracy"] == 1.0
    assert extractor.dropped_invalid == 0 and extractor.dropped_unknown_issue == 0
    with_claims = sum(1 for doc in gold if doc["claims"])
    assert extractor.dropped_hallucinated == (with_claims if style == "sloppy" else 0)
    for doc, claims in zip(gold, results, strict=True):
        for claim in claims:
            assert doc["text"][claim.start : claim.end] == claim.evidence
