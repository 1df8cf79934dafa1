"""Ingestion throughput: documents per second for 10,000 generated documents, extraction off and on, and peak memory.

    .venv/bin/python bench/ingest_throughput.py [--n 10000] [--url sqlite:///...] [--batch-size 100]

Each mode runs in its own process on a fresh SQLite database (or the --url database, migrated first), so the peak
resident memory printed is that mode's own.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SUBJECTS = [
    "Olaf Scholz",
    "Emmanuel Macron",
    "Donald Tusk",
    "Giorgia Meloni",
    "Pedro Sánchez",
    "Mark Rutte",
    "The German government",
    "Poland",
    "The French foreign ministry",
    "Ursula von der Leyen",
]
POSITIONS = [
    "said he backed more military aid for Ukraine",
    "ruled out sending ground troops to Ukraine",
    "called for an immediate ceasefire",
    "supported new sanctions on Russia",
    "rejected talks with Vladimir Putin for now",
    "favoured using frozen Russian assets",
    "wanted higher defence spending across Europe",
    "backed Ukraine's path to EU membership",
]
_FILLER_TEXT = (
    "ledger harbour copper violet meadow lantern orbit quarry saddle timber velvet walnut basil cobalt falcon "
    "glacier hollow juniper kettle marble nectar pebble quartz ribbon sparrow thimble umber willow"
)
FILLER = _FILLER_TEXT.split()


def article(seed: int) -> str:
    """Return an invented news text, unique to its seed."""
    rng = random.Random(seed)
    paragraphs = [f"Bulletin {seed}: {rng.choice(SUBJECTS)} {rng.choice(POSITIONS)}"]
    for _ in range(5):
        sentences = [
            f"{rng.choice(SUBJECTS)} {rng.choice(POSITIONS)} on {rng.choice(['Monday', 'Tuesday', 'Friday'])}, "
            f"according to note {seed}-{rng.randrange(10**6)} ({' '.join(rng.choice(FILLER) for _ in range(5))})."
            for _ in range(3)
        ]
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs) + "\n"


def write_corpus(folder: Path, n: int) -> None:
    """Write n generated documents as .txt files in subfolders of 1,000."""
    for i in range(n):
        sub = folder / f"part{i // 1000:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"doc_{i:06d}.txt").write_text(article(i), encoding="utf-8")


def run_mode(corpus: Path, url: str, *, extract: bool, batch_size: int) -> dict:
    """Ingest the corpus into url once and return the figures."""
    from app.config import Settings
    from app.pipeline import open_database, upgrade_database
    from app.pipeline.ingest import ingest_sources

    settings = Settings(database_url=url, _env_file=None)
    db = open_database(settings)
    upgrade_database(db, settings)
    load_before = os.getloadavg()[0]
    start, cpu_start = time.perf_counter(), time.process_time()
    report = ingest_sources(
        db, [corpus], settings=settings, extract=extract, batch_size=batch_size, keep_outcomes=False
    )
    seconds = time.perf_counter() - start
    cpu_seconds = time.process_time() - cpu_start
    db.dispose()
    stored = report.counts["new"] + report.counts["near-duplicate"]
    return {
        "mode": "extraction on" if extract else "extraction off",
        "documents": stored,
        "failed": report.counts["failed"],
        "seconds": round(seconds, 2),
        "docs_per_second": round(stored / seconds, 1) if seconds else None,
        "cpu_seconds": round(cpu_seconds, 2),
        # The machine may be shared: CPU time shows what ingestion itself costs, the load average what it competed with.
        "docs_per_cpu_second": round(stored / cpu_seconds, 1) if cpu_seconds else None,
        "load_average": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "extraction": report.extraction,
    }


def main() -> None:
    """Generate the corpus, run both modes in child processes, print their figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--url", help="database URL (default: a fresh SQLite file per mode)")
    parser.add_argument("--batch-size", type=int, default=100)
    parser.add_argument("--child", choices=["on", "off"], help=argparse.SUPPRESS)
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        figures = run_mode(Path(args.corpus), args.url, extract=args.child == "on", batch_size=args.batch_size)
        print(json.dumps(figures))
        return
    with tempfile.TemporaryDirectory(prefix="posture-bench-") as tmp:
        corpus = Path(tmp) / "corpus"
        write_corpus(corpus, args.n)
        print(f"generated {args.n} documents in {corpus}", flush=True)
        for mode in ("off", "on"):
            url = args.url or f"sqlite:///{Path(tmp) / f'ingest_{mode}.db'}"
            child = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--child",
                    mode,
                    "--corpus",
                    str(corpus),
                    "--url",
                    url,
                    "--batch-size",
                    str(args.batch_size),
                ],
                capture_output=True,
                text=True,
            )
            if child.returncode != 0:
                print(child.stderr, file=sys.stderr)
                raise SystemExit(f"extraction {mode}: the run failed")
            figures = json.loads(child.stdout.strip().splitlines()[-1])
            print(
                f"{figures['mode']:>15}: {figures['documents']} documents in {figures['seconds']} s = "
                f"{figures['docs_per_second']} docs/s wall ({figures['docs_per_cpu_second']} docs per CPU second, "
                f"load average {figures['load_average'][0]} -> {figures['load_average'][1]} on {os.cpu_count()} CPUs), "
                f"peak RSS {figures['peak_rss_mb']} MB" + (f" ({figures['extraction']})" if mode == "on" else ""),
                flush=True,
            )
            if args.url:
                print("(with --url, the second mode finds the first mode's documents as duplicates)")


if __name__ == "__main__":
    main()
