"""Generated test articles: our own invented prose, deterministic per seed, never near-duplicates of each other."""

from __future__ import annotations

import random
from pathlib import Path

_SUBJECTS = [
    "The chancellor",
    "The prime minister",
    "The foreign minister",
    "A government spokesman",
    "The president",
    "The defence minister",
    "The alliance chief",
    "The finance minister",
    "An envoy",
    "The commission",
]
_VERBS = [
    "argued",
    "said",
    "told reporters",
    "insisted",
    "suggested",
    "warned",
    "repeated",
    "claimed",
    "noted",
    "stressed",
]
_OBJECTS = [
    "that talks could begin in spring",
    "that aid deliveries would continue",
    "that sanctions must stay",
    "that a ceasefire was premature",
    "that guarantees need a treaty",
    "that budgets will rise",
    "that no troops would be sent",
    "that accession talks should open",
    "that assets may be used",
    "that Europe needs a seat at the table",
    "that tanks were still under review",
    "that the summit would decide little",
]
_PLACES = [
    "in Brussels",
    "in Warsaw",
    "in Vilnius",
    "in Rome",
    "in Madrid",
    "in Oslo",
    "in Tallinn",
    "in Lisbon",
    "at a press briefing",
    "after a cabinet meeting",
    "on the sidelines of a summit",
    "during a radio interview",
]
_WORD_TEXT = (
    "ledger harbour copper violet meadow lantern orbit quarry saddle timber velvet walnut basil cobalt falcon "
    "glacier hollow juniper kettle marble nectar pebble quartz ribbon sparrow thimble umber willow zephyr anchor "
    "bramble cinder drizzle ember fable gravel hazel ivory jasmine kelp lilac mosaic"
)
_WORDS = _WORD_TEXT.split()


def make_article(seed: int, *, paragraphs: int = 4) -> str:
    """Return an invented English news text, unique to its seed."""
    rng = random.Random(seed)
    lines = [f"Report {seed}: {rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)}", ""]
    for _ in range(paragraphs):
        sentences = []
        for _ in range(3):
            tag = " ".join(rng.choice(_WORDS) for _ in range(4))
            sentences.append(
                f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_PLACES)} {rng.choice(_OBJECTS)}, "
                f"a point noted as {tag} in item {seed}-{rng.randrange(10**6)}."
            )
        lines.append(" ".join(sentences))
        lines.append("")
    return "\n".join(lines).strip() + "\n"


def write_corpus(folder: Path, n: int, *, start: int = 0) -> list[Path]:
    """Write n invented articles as .txt files into folder (in subfolders of 500) and return their paths."""
    paths = []
    for i in range(start, start + n):
        sub = folder / f"part{i // 500:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"article_{i:06d}.txt"
        path.write_text(make_article(i), encoding="utf-8")
        paths.append(path)
    return paths
