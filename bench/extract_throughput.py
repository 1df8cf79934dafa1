"""Rule-based extractor throughput: documents per second on one core over the dev-set texts, and peak memory.

usage: .venv/bin/python bench/extract_throughput.py [--gold DIR] [--rounds N]

Prints the build time of the extractor, documents/second and characters/second over all gold texts (every
round extracts every document once) with the slowest, median and fastest round, the peak traced Python memory and
the process's maximum RSS, and a linearity check: the time per character of one long document made of 1, 4 and 16
copies of the texts, and of two worst cases (a run-on sentence without full stops, a long discourse of titles and
pronouns), each the best of three runs.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import time
import tracemalloc
from datetime import date
from pathlib import Path

from app.extract import make_extractor
from app.taxonomy import load_taxonomy

DEFAULT_GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold"


def load_texts(gold_dir: Path) -> list[tuple[str, date | None]]:
    """Return (text, date) of every document in the gold files."""
    docs = []
    for path in sorted(gold_dir.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                docs.append((d["text"], date.fromisoformat(d["date"]) if d.get("date") else None))
    return docs


def _best_per_char(extractor, text: str, runs: int = 3) -> float:
    """Return the CPU microseconds per character of extracting a text, the best of a few runs (one run is noisy)."""
    best = float("inf")
    for _ in range(runs):
        started = time.process_time()
        extractor(text, published_on=None)
        best = min(best, (time.process_time() - started) / len(text) * 1e6)
    return best


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    docs = load_texts(args.gold)
    if not docs:
        raise SystemExit(f"no documents in {args.gold}/*.jsonl")
    chars = sum(len(t) for t, _ in docs)

    started = time.perf_counter()
    extractor = make_extractor("rules", taxonomy=load_taxonomy())
    build = time.perf_counter() - started

    for text, on in docs:  # warm-up
        extractor(text, published_on=on)
    claims = 0
    rounds = []  # CPU seconds per round: a virtual machine's speed drifts, so the spread is printed too
    for _ in range(args.rounds):
        started = time.process_time()
        for text, on in docs:
            claims += len(extractor(text, published_on=on))
        rounds.append(time.process_time() - started)
    cpu = sum(rounds)
    n = len(docs) * args.rounds
    print(f"documents: {len(docs)} ({chars} characters, {chars // len(docs)} per document), rounds: {args.rounds}")
    print(f"extractor build: {build * 1000:.0f} ms")
    print(
        f"throughput: {n / cpu:.0f} documents/s, {n * chars / len(docs) / cpu / 1e6:.2f} M characters/s "
        f"(one core, CPU time), {claims // args.rounds} claims per round"
    )
    rates = sorted(len(docs) / r for r in rounds)
    print(
        f"per round: slowest {rates[0]:.0f}, median {statistics.median(rates):.0f}, fastest {rates[-1]:.0f} documents/s"
    )

    tracemalloc.start()
    for text, on in docs:
        extractor(text, published_on=on)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"peak traced memory while extracting: {peak / 1e6:.1f} MB; max RSS of the process: "
        f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
    )

    joined = "\n".join(t for t, _ in docs)
    base = None
    for copies in (1, 4, 16):
        text = "\n".join([joined] * copies)
        per_char = _best_per_char(extractor, text)
        base = base or per_char
        print(
            f"linearity: {copies:2d} copies, {len(text):8d} characters: {per_char:.2f} µs/character "
            f"({per_char / base:.2f}x the single copy)"
        )

    # Worst cases: one run-on sentence (no full stops), and a long discourse of titles and pronouns.
    for label, unit in (
        ("run-on sentence", "Olaf Scholz said sanctions must stay, and Emmanuel Macron said talks were needed, and "),
        ("long discourse", "Joe Biden met them. The Latvian foreign minister said sanctions must stay. He agreed. "),
    ):
        base = None
        for copies in (100, 400, 1600):
            text = unit * copies
            per_char = _best_per_char(extractor, text)
            base = base or per_char
            print(f"{label}: {len(text):8d} characters: {per_char:.2f} µs/character ({per_char / base:.2f}x)")


if __name__ == "__main__":
    main()
