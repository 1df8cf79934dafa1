"""Put fetched texts back into a held-out facts file, making a gold file the scorer can read again.

The inverse of heldout_facts.py. Texts are fetched one page per file (`DIR/<doc_id>.txt`, the excerpt as the
search service stores it; bench/heldout/README.md says how); a document whose text was not found is left out and
counted, so a restored set can be smaller than the original and its scores are only comparable with another
extractor's on the same restored set.

    .venv/bin/python bench/heldout_restore.py bench/heldout/set4-test.facts.jsonl /work/heldout4/texts test.jsonl
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path


def restore(facts: dict, text: str) -> dict:
    """Return a gold document from its facts and its fetched text (claims keep no evidence)."""
    claims = [{**claim, "evidence": ""} for claim in facts["claims"]]
    return {"doc_id": facts["doc_id"], "url": facts["url"], "date": facts["date"], "text": text, "claims": claims}


def main(argv: Sequence[str] | None = None) -> int:
    """Write the restored gold file and report what is missing or differs in length."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("facts", type=Path)
    parser.add_argument("texts", type=Path, help="folder of <doc_id>.txt files")
    parser.add_argument("output", type=Path)
    args = parser.parse_args(argv)
    kept, missing, differ = [], [], []
    for line in args.facts.open(encoding="utf-8"):
        facts = json.loads(line)
        path = args.texts / f"{facts['doc_id']}.txt"
        if not path.is_file():
            missing.append(facts["doc_id"])
            continue
        text = path.read_text(encoding="utf-8")
        if abs(len(text) - facts["chars"]) > 10:
            differ.append(f"{facts['doc_id']} ({len(text)} characters, {facts['chars']} coded)")
        kept.append(json.dumps(restore(facts, text), ensure_ascii=False))
    args.output.write_text("".join(f"{line}\n" for line in kept), encoding="utf-8")
    print(f"{len(kept)} documents -> {args.output}; {len(missing)} without text: {' '.join(missing) or '-'}")
    if differ:
        print(f"length differs from the coded text: {', '.join(differ)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
