"""Sort an extractor's misses and false positives on a gold file into error classes, to see where it fails.

    .venv/bin/posture extract --input SET.jsonl --output P.jsonl
    .venv/bin/python bench/heldout_errors.py SET.jsonl P.jsonl [CLASS-PREFIX]

Classes of a missed gold claim: `stance` (the actor-issue pair was found with another stance), `unknown-actor` (the
registry has no such name), `issue-missed` (no phrase of that issue in the evidence sentence), `link-missed` (a
known actor and an issue phrase, but no claim). Classes of a false positive: `FP-stance`, `FP-actor-ok-issue-wrong`
(the actor holds other positions in the document), `FP-actor-not-in-gold`. With a class prefix, each error is
printed with its evidence sentence.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from app.evaluation import norm as fold
from app.evaluation import read_jsonl
from app.extract import make_extractor
from app.taxonomy import load_taxonomy


def main() -> None:
    """Print the error classes' counts, and the errors of one class."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold")
    parser.add_argument("predicted")
    parser.add_argument("show", nargs="?", default=None, help="print the errors whose class starts with this")
    args = parser.parse_args()
    taxonomy = load_taxonomy()
    rules = make_extractor("rules", taxonomy=taxonomy)
    known = {fold(a.name) for a in taxonomy.actors.values()} | {
        fold(alias) for a in taxonomy.actors.values() for alias in a.aliases
    }

    def issues_in(text: str) -> set[str]:
        lowered = text.lower().replace("’", "'")
        return {getattr(h.payload, "issue", None) for h in rules.lexicons.matcher.find(text, lowered)}

    gold = read_jsonl(Path(args.gold))
    predicted = {doc["doc_id"]: doc.get("claims", []) for doc in read_jsonl(Path(args.predicted))}
    classes: Counter[str] = Counter()
    rows = []
    for doc in gold:
        found = predicted.get(doc["doc_id"], [])
        found_keys = {(fold(c["actor"]), c["issue"], c["stance"]) for c in found}
        found_pairs = {(fold(c["actor"]), c["issue"]) for c in found}
        for c in doc["claims"]:
            key = (fold(c["actor"]), c["issue"], c["stance"])
            if key in found_keys:
                continue
            if key[:2] in found_pairs:
                kind = "stance"
            elif key[0] not in known:
                kind = "unknown-actor"
            elif c["issue"] not in issues_in(c["evidence"]):
                kind = "issue-missed"
            else:
                kind = "link-missed"
            classes[kind] += 1
            rows.append((kind, doc["doc_id"], c))
        gold_keys = {(fold(c["actor"]), c["issue"], c["stance"]) for c in doc["claims"]}
        gold_pairs = {(fold(c["actor"]), c["issue"]) for c in doc["claims"]}
        gold_actors = {fold(c["actor"]) for c in doc["claims"]}
        for c in found:
            key = (fold(c["actor"]), c["issue"], c["stance"])
            if key in gold_keys:
                continue
            if key[:2] in gold_pairs:
                kind = "FP-stance"
            elif key[0] in gold_actors:
                kind = "FP-actor-ok-issue-wrong"
            else:
                kind = "FP-actor-not-in-gold"
            classes[kind] += 1
            rows.append((kind, doc["doc_id"], c))
    for kind, n in classes.most_common():
        print(f"{kind:24} {n}")
    if args.show:
        for kind, doc_id, c in sorted(rows, key=lambda r: (r[0], r[1])):
            if kind.startswith(args.show):
                evidence = " ".join(c["evidence"].split())[:300]
                print(f"{kind} {doc_id} {c['actor']} {c['issue']} {c['stance']} | {evidence}")


if __name__ == "__main__":
    main()
