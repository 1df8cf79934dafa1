"""Every actor of the gold sets is known, with the type and the country the codebook gives on the document's date."""

from __future__ import annotations

import json
import unicodedata
from datetime import date


def _norm(text: str) -> str:
    # The scorer's comparison: lower case, accents stripped, hyphens as spaces.
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.lower().replace("-", " ").split())


def test_gold_actors_resolve_to_the_coded_country_on_the_day(taxonomy, shared_dir):
    index = {}
    for actor in taxonomy.actors.values():
        for word in (actor.name, *actor.aliases):
            index.setdefault(_norm(word), actor)
    checked, problems = 0, []
    for path in sorted((shared_dir / "gold").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            on = date.fromisoformat(doc["date"]) if doc.get("date") else None
            for claim in doc["claims"]:
                actor = index.get(_norm(claim["actor"]))
                checked += 1
                if actor is None:
                    problems.append(("unknown", claim["actor"]))
                elif (actor.type, actor.country_on(on)) != (claim["actor_type"], claim["country"]):
                    problems.append((claim["actor"], on, actor.type, actor.country_on(on), claim["country"]))
    assert checked > 0
    assert problems == []
