"""Throughput of the LLM extractor's batch helper against a fake endpoint with a fixed latency per request.

    .venv/bin/python bench/llm_concurrency.py [--documents 40] [--latency 0.25] [--concurrency 1 2 4 8]

The endpoint is the tests' fake OpenAI-compatible server on 127.0.0.1, answering every demo-corpus article with
one claim after --latency seconds, so the figures are the extractor's own overhead and its concurrency, not a
model's speed. Prints documents per second and the peak number of requests in flight for each concurrency.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.extract import make_extractor  # noqa: E402
from app.ingest.readers import read_bytes  # noqa: E402
from app.taxonomy import load_taxonomy  # noqa: E402
from tests.extract.llm_fake import Step, completion, serve_fake_llm  # noqa: E402


def main() -> None:
    """Run the benchmark and print one line per concurrency."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=40)
    parser.add_argument("--latency", type=float, default=0.25)
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 2, 4, 8])
    args = parser.parse_args()

    files = sorted((ROOT / "app" / "demo" / "corpus").glob("[0-9][0-9][0-9]-*.md"))
    records = [read_bytes(p.read_bytes(), name=p.name, origin=str(p)) for p in files]
    records = (records * (args.documents // len(records) + 1))[: args.documents]
    taxonomy = load_taxonomy()

    def answer(request: dict) -> Step:
        text = request["messages"][1]["content"]
        first = text.split("\n")[-1].split(". ")[0]
        claim = {"actor": "NATO", "actor_type": "organization", "country": "NATO", "issue": "military-aid",
                 "stance": "support", "evidence": first, "confidence": None, "date": None}  # fmt: skip
        return Step(completion([claim]), delay=args.latency)

    print(f"{len(records)} documents, {args.latency:.2f} s per request")
    with serve_fake_llm() as fake:
        fake.responder = answer
        for concurrency in args.concurrency:
            fake.max_in_flight = 0
            extractor = make_extractor("llm", taxonomy=taxonomy, base_url=fake.url, concurrency=concurrency)
            started = time.perf_counter()
            results = extractor.extract_many([r.text for r in records], published_on=[r.published_on for r in records])
            seconds = time.perf_counter() - started
            extractor.close()
            claims = sum(len(r) for r in results)
            print(
                f"concurrency {concurrency:>2}: {seconds:6.2f} s, {len(records) / seconds:6.1f} documents/s, "
                f"peak in flight {fake.max_in_flight}, {claims} claims, {extractor.requests} requests"
            )


if __name__ == "__main__":
    main()
