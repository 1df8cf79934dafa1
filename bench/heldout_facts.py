"""Keep the coding of a held-out gold file without its third-party prose: URL, date and claims, no text or evidence.

The held-out sets that measure the extractor on unseen news are real articles, so their text cannot enter the
repository. What was coded (who took which stance on which issue, in which article) is fact and stays here, so a
later session can fetch the same articles again, put their text back and score the extractor on the same coding.

    .venv/bin/python bench/heldout_facts.py /work/heldout3/a.jsonl bench/heldout/set3a.facts.jsonl
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path

KEPT = ("actor", "actor_type", "country", "issue", "stance")


def facts(doc: dict) -> dict:
    """Return a gold document's identifiers and claims without text, title or evidence."""
    return {
        "doc_id": doc["doc_id"],
        "url": doc.get("url") or "",
        "date": doc.get("date"),
        "chars": len(doc.get("text") or ""),
        "claims": [{k: c[k] for k in KEPT} for c in doc.get("claims", [])],
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Write the facts of a gold file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("output", type=Path)
    args = parser.parse_args(argv)
    lines = [json.dumps(facts(json.loads(line)), ensure_ascii=False) for line in args.gold.open(encoding="utf-8")]
    args.output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} documents -> {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
